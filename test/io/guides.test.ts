/**
 * The guides' runnable examples (issue 10, item 5): every ```ts runnable block
 * of docs/guide.en.md and docs/guide.zh.md runs, in document order, as one
 * program with the library's exports (its entries but `/report`) in scope; a line `expr; // => value`
 * asserts that `expr` deep-equals `value`.
 */
import { deepStrictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as analysis from "../../src/analysis.js";
import * as examples from "../../src/examples.js";
import * as main from "../../src/index.js";
import * as schemas from "../../src/schemas.js";

/** The exports of the public entries (the main one, `/examples`, `/schemas`, `/analysis`) in scope. */
const lib: Record<string, unknown> = { ...main, ...examples, ...schemas, ...analysis };

const CHECK = /^(\s*)(.+?);\s*\/\/ => (.+)$/;

/** The runnable blocks of a guide, as one program; each checked line becomes an assertion. */
function program(markdown: string): { code: string; checks: number } {
  const blocks = [...markdown.matchAll(/^```ts runnable\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  let checks = 0;
  const code = blocks
    .join("\n")
    .split("\n")
    .map((line) => {
      const m = CHECK.exec(line);
      if (!m) return line;
      checks++;
      return `${m[1]}__check(${m[2]}, ${m[3]}, ${JSON.stringify(m[2])});`;
    })
    .join("\n");
  return { code, checks };
}

const names = Object.keys(lib);

describe("the guides' examples run as written", () => {
  for (const guide of ["guide.en.md", "guide.zh.md"]) {
    it(guide, () => {
      const text = readFileSync(new URL(`../../docs/${guide}`, import.meta.url), "utf8");
      const { code, checks } = program(text);
      expect(checks).toBeGreaterThanOrEqual(29);
      const run = new Function("__lib", "__check", `const { ${names.join(", ")} } = __lib;\n${code}`);
      run(lib, (actual: unknown, expected: unknown, what: string) => {
        // results carry null-prototype-free plain data: compare as JSON values
        deepStrictEqual(JSON.parse(JSON.stringify(actual)), expected, `${guide}: ${what}`);
      });
    });
  }

  it("the members table in README and both guides lists each member of SUZHOU_2020 with both names", () => {
    const members = main.paramsAt(main.SUZHOU_2020, "2021-07").members.value;
    for (const file of ["../../README.md", "../../docs/guide.en.md", "../../docs/guide.zh.md"]) {
      const text = readFileSync(new URL(file, import.meta.url), "utf8");
      for (const m of members) expect(text, `${file}: ${m.id}`).toContain(`| \`${m.id}\` | ${m.nameZh} | ${m.nameEn} |`);
    }
  });
});
