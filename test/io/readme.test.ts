/**
 * The README's code blocks run as written: each ```ts block is one program whose
 * `import { … } from "suzhou-wi-pooling"` (or "/examples") names must be exports
 * of that entry; a line `expr; // "value" …` asserts that `expr` equals "value",
 * and `console.log(a, b); // x y` that it prints `x y`.
 * The policy-change recipe (dated parameters) is among them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as analysis from "../../src/analysis.js";
import * as examples from "../../src/examples.js";
import * as lib from "../../src/index.js";
import * as schemas from "../../src/schemas.js";

const ENTRIES: Record<string, Record<string, unknown>> = {
  "suzhou-wi-pooling": lib,
  "suzhou-wi-pooling/examples": examples,
  "suzhou-wi-pooling/schemas": schemas,
  "suzhou-wi-pooling/analysis": analysis,
};
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";\s*$/;
const CHECK = /^(\s*)(.+?);\s*\/\/ ("[^"]*")/;
/** `console.log(a, b); // x y`: the printed line is checked (a comment that is an object literal is not). */
const LOG = /^(\s*)console\.log\((.+)\);\s*\/\/ ([^{].*)$/;

/** A README's ```ts blocks, in document order. */
function readmeBlocks(file = "README.md"): string[] {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** One block as a function body: imports become bindings, checked lines assertions. */
function program(block: string): { code: string; checks: string[] } {
  const checks: string[] = [];
  const code = block
    .split("\n")
    .map((line) => {
      const imp = IMPORT.exec(line);
      if (imp) {
        const entry = ENTRIES[imp[2]!];
        if (!entry) throw new Error(`README imports from an unknown entry ${imp[2]}`);
        const names = imp[1]!
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean);
        for (const n of names) expect(Object.keys(entry), `${imp[2]} exports ${n}`).toContain(n);
        return `const { ${names.join(", ")} } = __entries[${JSON.stringify(imp[2])}];`;
      }
      const log = LOG.exec(line);
      if (log) {
        checks.push(`console.log(${log[2]})`);
        return `${log[1]}__check([${log[2]}].map(String).join(" "), ${JSON.stringify(log[3]!.trim())}, ${JSON.stringify(log[2])});`;
      }
      const m = CHECK.exec(line);
      if (!m) return line;
      checks.push(m[2]!);
      return `${m[1]}__check(${m[2]}, ${m[3]}, ${JSON.stringify(m[2])});`;
    })
    .join("\n");
  return { code, checks };
}

describe("the README's code blocks run as written", () => {
  const blocks = readmeBlocks();

  it("has its examples, the policy-change recipe among them", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.some((b) => b.includes("definePolicy(json)"))).toBe(true);
  });

  blocks.forEach((block, i) => {
    it(`block ${i + 1}: ${block.split("\n").find((l) => l.startsWith("import")) ?? "(no import)"}`, () => {
      const { code } = program(block);
      const logged: unknown[][] = [];
      const console = { log: (...args: unknown[]) => logged.push(args) };
      const run = new Function("__entries", "__check", "console", code);
      run(ENTRIES, (actual: unknown, expected: unknown, what: string) => expect(actual, what).toEqual(expected), console);
    });
  });

  it("the policy-change recipe: a later clawback rate changes later periods only", () => {
    const recipe = blocks.find((b) => b.includes("definePolicy(json)"))!;
    const { checks } = program(recipe);
    expect(checks).toEqual([
      'coverDeficit({ ...gap, period: "2020-09" }, { policy }).clawback',
      'coverDeficit({ ...gap, period: "2023-03" }, { policy }).clawback',
    ]);
  });
});

describe("README.zh-CN.md (the Chinese quick start): its code blocks run as written", () => {
  const blocks = readmeBlocks("README.zh-CN.md");

  it("has the quick start's examples: a levy and what to bill, a database row, a batch with bad rows, the policy-change recipe, a simulation", () => {
    expect(blocks).toHaveLength(5);
    expect(blocks[0]).toContain('levy.premiumDue; // "6400.00"');
    expect(blocks[1]).toContain("parseLevyInput(row)");
    expect(blocks.some((b) => b.includes("definePolicy(json)"))).toBe(true);
  });

  blocks.forEach((block, i) => {
    it(`block ${i + 1}: ${block.split("\n").find((l) => l.startsWith("import")) ?? "(no import)"}`, () => {
      const { code, checks } = program(block);
      expect(checks.length, "each block checks its figures").toBeGreaterThan(0);
      const run = new Function("__entries", "__check", "console", code);
      run(ENTRIES, (actual: unknown, expected: unknown, what: string) => expect(actual, what).toEqual(expected), { log: () => {} });
    });
  });
});
