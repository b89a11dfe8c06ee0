/**
 * The suite's own shape (vitest.config.ts): every test file in exactly one of unit, property and
 * integration, the calendar's tests in both time zones and nowhere else, no test on vitest's default
 * 5-second timeout, every property seeded and scaled, and `npm test` running vitest once.
 */
import { readFileSync } from "node:fs";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import config from "../vitest.config.js";
import { DEFAULT_FC_SEED, fcSeed, runs, scaledRuns } from "./support/fc.js";

const root = new URL("..", import.meta.url).pathname;

interface ProjectTest {
  name: string;
  include: string[];
  exclude?: string[];
  testTimeout?: number;
  hookTimeout?: number;
  env?: Record<string, string>;
}
const projects = ((config.test?.projects ?? []) as { test: ProjectTest }[]).map((p) => p.test);
const byName = new Map(projects.map((p) => [p.name, p]));
const files = globSync("test/**/*.test.ts", { cwd: root }).sort();
const filesOf = (p: ProjectTest) => new Set(globSync(p.include, { cwd: root, ignore: p.exclude ?? [] }));

describe("the test projects", () => {
  it("are unit, property, integration and the two time zones", () => {
    expect([...byName.keys()].sort()).toEqual(["integration", "property", "tz:los-angeles", "tz:shanghai", "unit"]);
  });
  it("put every test file in exactly one of unit, property, integration, or in both time zones", () => {
    expect(files.length).toBeGreaterThan(50);
    const sets = Object.fromEntries(projects.map((p) => [p.name, filesOf(p)]));
    const wrong = files.filter((f) => {
      const main = ["unit", "property", "integration"].filter((n) => sets[n]?.has(f)).length;
      const tz = ["tz:shanghai", "tz:los-angeles"].filter((n) => sets[n]?.has(f)).length;
      return !((main === 1 && tz === 0) || (main === 0 && tz === 2));
    });
    expect(wrong).toEqual([]);
    // the calendar's tests are in the matrix
    expect(sets["tz:shanghai"]).toContain("test/calendar/calendar.test.ts");
    expect(sets["tz:shanghai"]).toContain("test/rates/isoDate.test.ts");
    expect(byName.get("tz:shanghai")?.env?.TZ).toBe("Asia/Shanghai");
    expect(byName.get("tz:los-angeles")?.env?.TZ).toBe("America/Los_Angeles");
  });
  it("give every test and hook a timeout of at least 15 s (vitest's default 5 s flaked on a loaded 2-core machine)", () => {
    for (const p of projects) {
      expect(p.testTimeout, p.name).toBeGreaterThanOrEqual(15_000);
      expect(p.hookTimeout, p.name).toBeGreaterThanOrEqual(15_000);
    }
    expect(byName.get("integration")?.testTimeout).toBeGreaterThanOrEqual(120_000);
  });
  it("no test file sets a test's timeout below 15 s", () => {
    // a test's own timeout closes its body at the start of a line: `  }, 5_000);` (a setTimeout's delay is indented deeper)
    const short = files.flatMap((f) => {
      const text = readFileSync(`${root}${f}`, "utf8");
      return [...text.matchAll(/^ {0,4}\}, (\d[\d_]*)\);/gm)].filter((m) => Number(m[1]!.replaceAll("_", "")) < 15_000).map((m) => `${f}: ${m[0]}`);
    });
    expect(short).toEqual([]);
  });
});

describe("properties: seeded, their runs from the environment", () => {
  it("no property writes a bare numRuns (each goes through runs())", () => {
    const bare = files.filter((f) => f !== "test/suite.test.ts" && /\{\s*numRuns:/.test(readFileSync(`${root}${f}`, "utf8")));
    expect(bare).toEqual([]);
  });
  it("FC_SEED, FC_NUM_RUNS and FC_RUNS_FACTOR", () => {
    const saved = { ...process.env };
    try {
      delete process.env.FC_SEED;
      delete process.env.FC_NUM_RUNS;
      delete process.env.FC_RUNS_FACTOR;
      expect(runs(300)).toEqual({ numRuns: 300, seed: DEFAULT_FC_SEED });
      process.env.FC_RUNS_FACTOR = "0.1";
      expect(scaledRuns(300)).toBe(30);
      expect(scaledRuns(4)).toBe(1);
      process.env.FC_NUM_RUNS = "7";
      process.env.FC_SEED = "42";
      expect(runs(300)).toEqual({ numRuns: 7, seed: 42 });
      process.env.FC_SEED = "4.5";
      expect(() => fcSeed()).toThrow(/FC_SEED must be an integer/);
      process.env.FC_NUM_RUNS = "lots";
      expect(() => scaledRuns(1)).toThrow(/FC_NUM_RUNS must be a positive number/);
    } finally {
      for (const k of ["FC_SEED", "FC_NUM_RUNS", "FC_RUNS_FACTOR"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});

describe("npm test", () => {
  it("runs the checks, the build, the gates and vitest once (not once per time zone)", () => {
    const { scripts } = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };
    const test = scripts.test!;
    for (const step of ["typecheck:src", "typecheck:test", "lint", "build", "typecheck:bench", "gates"]) expect(test).toContain(step);
    expect(test.match(/vitest run/g)).toHaveLength(1);
    expect(test).not.toMatch(/TZ=/);
    expect(readFileSync(`${root}.ci/run`, "utf8")).not.toMatch(/apt-get/);
  });
});
