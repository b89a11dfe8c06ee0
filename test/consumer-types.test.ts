/**
 * The public declarations type-check for a consumer (issue 10, item 2): small projects in a temp
 * dir import the built package (dist/*.d.ts through package.json, as installed) and call
 * computeLevy and simulate, under `moduleResolution` node16, bundler and node10, strict, with
 * `skipLibCheck: false`. node10 needs `esModuleInterop` (or `allowSyntheticDefaultImports`): the
 * errors without it are in zod's own declarations (its locales' default imports), which any
 * declaration importing zod's types pulls in. `npm test` builds dist/ first.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const tsc = join(root, "node_modules/typescript/bin/tsc");
const dir = mkdtempSync(join(tmpdir(), "wi-consumer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONSUMER = `import { computeLevy, computeLevies, simulate, simulationYear, parseLevyInput, SUZHOU_2020, type LevyInput } from "suzhou-wi-pooling";
import { EXAMPLE_SCENARIO } from "suzhou-wi-pooling/examples";
import { formatSummary } from "suzhou-wi-pooling/report";
import { inputProblems, LevyInputSchema } from "suzhou-wi-pooling/schemas";
import { diffPolicies } from "suzhou-wi-pooling/analysis";
const input: LevyInput = { employerId: "E1", period: "2021-07", industryClass: 3, payroll: "1000.00", floatMultiplier: "0.8" };
const due: string = computeLevy(input).premiumDue;
const batch = computeLevies([input], { errors: "collect" });
const omitted: number = batch.errorsOmitted;
const sim = simulate(EXAMPLE_SCENARIO);
const summary: string = formatSummary(sim);
// the built-in policy's members are known: no \`!\` needed under noUncheckedIndexedAccess
const xiangcheng: string = sim.years[0]!.members.xiangcheng.balance;
// a year by its number, without \`!\`; a database row typed loosely (period: string) becomes a LevyInput
const y2021: string = simulationYear(sim, 2021).members.xiangcheng.balance;
const dbRow: { employerId: string; period: string; industryClass: number; payroll: string } = { employerId: "E2", period: "2021-07", industryClass: 3, payroll: "1000.00" };
const fromRow: string = computeLevy(parseLevyInput(dbRow)).premiumDue;
// @ts-expect-error not a member of SUZHOU_2020
const nosuch = sim.years[0]!.members.nosuch;
// @ts-expect-error the issue's nonsense input
const nonsense: LevyInput = { period: "September", industryClass: "three", payroll: "lots" };
// the subpaths: a schema checks a row, the analysis compares two policies
const valid: boolean = LevyInputSchema.safeParse(dbRow).success && inputProblems("LevyInput", dbRow).problems.length === 0;
const differences: number = diffPolicies(SUZHOU_2020, SUZHOU_2020).length;
export { due, omitted, summary, nonsense, xiangcheng, nosuch, y2021, fromRow, valid, differences };
`;

function project(name: string, options: Record<string, unknown>): { status: number | null; out: string } {
  const p = join(dir, name);
  mkdirSync(join(p, "node_modules"), { recursive: true });
  symlinkSync(root, join(p, "node_modules", "suzhou-wi-pooling"), "dir");
  // the package's own dependencies resolve from its directory (node_modules next to package.json)
  writeFileSync(join(p, "package.json"), JSON.stringify({ name, private: true, type: name.startsWith("node16-cjs") ? "commonjs" : "module" }));
  writeFileSync(join(p, "index.ts"), CONSUMER);
  const compilerOptions = { strict: true, noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true, target: "es2022", types: [], ...options };
  writeFileSync(join(p, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }));
  const r = spawnSync(process.execPath, [tsc, "-p", p], { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("the declarations type-check for consumers (strict, skipLibCheck: false)", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["node16-esm", { module: "node16", moduleResolution: "node16" }],
    ["node16-cjs", { module: "node16", moduleResolution: "node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
    ["node10-esModuleInterop", { module: "commonjs", moduleResolution: "node10", esModuleInterop: true }],
    ["node10-allowSyntheticDefaultImports", { module: "commonjs", moduleResolution: "node10", allowSyntheticDefaultImports: true }],
  ];
  for (const [name, options] of cases) {
    it(name, () => {
      const r = project(name, options);
      expect(r.out).toBe("");
      expect(r.status).toBe(0);
    });
  }
  it("node10 without esModuleInterop: the only errors are in zod's own declarations (README states the setting)", () => {
    const r = project("node10-plain", { module: "commonjs", moduleResolution: "node10" });
    const errors = r.out.split("\n").filter((l) => /error TS/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((l) => !/node_modules\/zod\//.test(l))).toEqual([]);
  });
});
