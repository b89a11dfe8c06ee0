/**
 * The 1.0 migration table (docs/migration-1.0.md) covers every export of 0.6.0 that is no longer on the
 * main entry: the 0.6.0 list is committed (test/fixtures/exports-0.6.0.json, read from the tag v0.6.0
 * with the TypeScript checker), the 1.0 list is read from src/index.ts the same way.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as analysis from "../src/analysis.js";
import * as examples from "../src/examples.js";
import * as report from "../src/report.js";
import * as schemas from "../src/schemas.js";

const root = new URL("..", import.meta.url).pathname;

interface Exported {
  name: string;
  runtime: boolean;
}

const V060 = JSON.parse(readFileSync(`${root}test/fixtures/exports-0.6.0.json`, "utf8")) as { entries: Record<string, Exported[]> };

/** The names (values and types) an entry module exports, as the TypeScript checker sees them. */
function exportsOf(file: string): string[] {
  const program = ts.createProgram([`${root}${file}`], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(`${root}${file}`);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`no module symbol for ${file}`);
  return checker.getExportsOfModule(symbol).map((s) => s.name);
}

/** The table's rows: the first cell's name → the rest of the row. */
function tableRows(): Map<string, string> {
  const text = readFileSync(`${root}docs/migration-1.0.md`, "utf8");
  const rows = new Map<string, string>();
  for (const m of text.matchAll(/^\| `([A-Za-z0-9_]+)` \| (value|type) \| (.+) \|$/gm)) rows.set(m[1]!, m[3]!);
  return rows;
}

describe("the 1.0 migration table", () => {
  const main = new Set(exportsOf("src/index.ts"));
  const rows = tableRows();
  const removedFromMain = V060.entries["suzhou-wi-pooling"]!.filter((e) => !main.has(e.name));

  it("the committed 0.6.0 list is the one of the tag (216 exports, 116 of them values)", () => {
    const list = V060.entries["suzhou-wi-pooling"]!;
    expect(list).toHaveLength(216);
    expect(list.filter((e) => e.runtime)).toHaveLength(116);
    expect(V060.entries["suzhou-wi-pooling/report"]).toHaveLength(13);
  }, 60_000);

  it("lists every 0.6.0 export that is no longer on the main entry", () => {
    expect(removedFromMain.length).toBeGreaterThan(0);
    expect(removedFromMain.filter((e) => !rows.has(e.name)).map((e) => e.name)).toEqual([]);
  }, 120_000);

  it("names a replacement that exists: each moved value is exported by the subpath its row names", () => {
    const entries: Record<string, Record<string, unknown>> = {
      "suzhou-wi-pooling/schemas": schemas,
      "suzhou-wi-pooling/analysis": analysis,
      "suzhou-wi-pooling/examples": examples,
      "suzhou-wi-pooling/report": report,
    };
    for (const e of removedFromMain.filter((x) => x.runtime)) {
      const m = rows.get(e.name)?.match(/from "([^"]+)"/);
      expect(m, e.name).not.toBeNull();
      expect(Object.keys(entries[m![1]!] ?? {}), `${e.name} on ${m![1]}`).toContain(e.name);
    }
  });

  it("every 0.6.0 export of suzhou-wi-pooling/report is still there", () => {
    const names = new Set(exportsOf("src/report.ts"));
    expect(V060.entries["suzhou-wi-pooling/report"]!.filter((e) => !names.has(e.name))).toEqual([]);
  }, 120_000);
});
