/**
 * The direction of the imports in src/: no circle of files, and no import from
 * a lower layer to a higher one. The layers, from the ground up:
 * the glossary (words) < errors, money, the version and the calendar < schema < period < policy < rates
 * < levy < ledger < fund < settlement < statements < explain < analysis < examples (the fixtures,
 * the stress test's flow model among them) < present < the entries (index, report, schemas, analysis,
 * examples) < the adapters (cli, service, playground).
 * A file imports only from its own layer or below (type imports included). And no two folders import
 * each other, counting an entry `src/x.ts` with the folder `src/x/` it opens onto: each folder reads as
 * one room of the house, and two rooms in a circle are an arrow running back up, even when no two
 * files are (the example flow model in analysis/ read the examples' data while the examples entry
 * re-exported it from analysis/).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;

/** The layers, lowest first: a path, or a folder ending in "/". */
const LAYERS: readonly (readonly string[])[] = [
  ["src/glossary.ts"],
  ["src/errors.ts", "src/errorCodes.ts", "src/money.ts", "src/version.ts", "src/calendar.ts"],
  ["src/schema/"],
  ["src/period.ts"],
  ["src/policy/"],
  ["src/rates/"],
  ["src/levy/"],
  ["src/ledger/"],
  ["src/fund/"],
  ["src/settlement/"],
  ["src/statements/"],
  ["src/explain/"],
  ["src/analysis/"],
  ["src/examples/"],
  ["src/present/"],
  ["src/index.ts", "src/report.ts", "src/examples.ts", "src/schemas.ts", "src/analysis.ts"],
  ["src/cli/", "src/service/", "src/playground/"],
];

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.some((p) => file === p || (p.endsWith("/") && file.startsWith(p))));
}

/** Every .ts file under src/ (posix paths from the root) → the src files it imports. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `src/${f.split("\\").join("/")}`);
  const re = /^\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']|\bimport\(\s*["'](\.[^"']+)["']\s*\)/gm;
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const targets = [...text.matchAll(re)].map((m) => {
      const spec = (m[1] ?? m[2]) as string;
      const target = relative(root, normalize(join(root, dirname(file), spec)))
        .split("\\")
        .join("/");
      return target.replace(/\.js$/, ".ts");
    });
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components of more than one file (or a file importing itself): the circles. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/**
 * The room of a file: its first folder under src/ (`src/fund/x.ts` → `src/fund/`), or, for a file at the
 * top of src/, the folder of its name when there is one (`src/examples.ts` → `src/examples/`), else itself.
 */
function roomOf(file: string, folders: ReadonlySet<string>): string {
  const parts = file.split("/");
  if (parts.length > 2) return `src/${parts[1]}/`;
  const folder = `${file.replace(/\.ts$/, "")}/`;
  return folders.has(folder) ? folder : file;
}

/** The graph of rooms: an arrow from room a to room b when a file of a imports a file of b (a ≠ b). */
function roomGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const folders = new Set([...graph.keys()].filter((f) => f.split("/").length > 2).map((f) => roomOf(f, new Set())));
  const rooms = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = roomOf(file, folders);
    const out = rooms.get(from) ?? new Set<string>();
    for (const t of targets) if (roomOf(t, folders) !== from) out.add(roomOf(t, folders));
    rooms.set(from, out);
  }
  return new Map([...rooms].map(([room, out]) => [room, [...out]]));
}

describe("the import graph of src/: layers, no circles", () => {
  const graph = importGraph();
  it("reads the imports (a known arrow is seen)", () => {
    expect(graph.get("src/settlement/simulate.ts")).toContain("src/policy/resolve.ts");
    expect(graph.size).toBeGreaterThan(90);
  });
  it("every file has a layer, and every import resolves to a file of src/", () => {
    expect([...graph.keys()].filter((f) => layerOf(f) < 0)).toEqual([]);
    expect([...graph].flatMap(([f, ts]) => ts.filter((t) => !graph.has(t)).map((t) => `${f} -> ${t}`))).toEqual([]);
  });
  it("no file imports from a higher layer", () => {
    const up = [...graph].flatMap(([f, ts]) => ts.filter((t) => layerOf(t) > layerOf(f)).map((t) => `${f} -> ${t}`));
    expect(up).toEqual([]);
  });
  it("no circle of files", () => {
    expect(circles(graph)).toEqual([]);
  });
  it("no circle of folders (an entry src/x.ts counted with src/x/)", () => {
    expect(circles(roomGraph(graph))).toEqual([]);
  });
  it("the room graph sees two folders in a circle through an entry", () => {
    const g = new Map([
      ["src/examples.ts", ["src/analysis/model.ts"]],
      ["src/analysis/model.ts", ["src/examples/data.ts"]],
      ["src/examples/data.ts", []],
    ]);
    expect(circles(g)).toEqual([]);
    expect(circles(roomGraph(g))).toEqual([["src/analysis/", "src/examples/"]]);
  });
  it("the circle finder finds a circle", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(circles(g)).toEqual([["a", "b", "c"]]);
  });
});
