/**
 * Every JSON input of the CLI is read strictly (levies, a scenario, --policy, --budget): a number a double changes
 * is AMOUNT_NOT_EXACT, a key given twice DUPLICATE_KEY, exit 2 with the code and path (0.6.0: priced on the changed
 * number, or on the second of two keys, exit 0). Runs the built CLI (`npm run build`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020 } from "../../src/index.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(join(tmpdir(), "wi-cli-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("strict JSON input in the CLI", () => {
  it("levy: a JSON item with 100000000000000.01 or 999999999999999.99 is AMOUNT_NOT_EXACT (exit 2), as a string it is exact", () => {
    const bad = file(
      "levies-inexact.json",
      '[{"period":"2021-07","industryClass":2,"payroll":"1.00"},\n {"period":"2021-07","industryClass":2,"payroll":100000000000000.01}]',
    );
    const r = run("levy", bad, "--json");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("AMOUNT_NOT_EXACT at [1].payroll");
    expect(r.stderr).toContain('send it as the string "100000000000000.01"');
    expect(run("levy", file("levies-inexact2.json", '[{"period":"2021-07","industryClass":2,"payroll":999999999999999.99}]')).stderr).toContain(
      "AMOUNT_NOT_EXACT at [0].payroll",
    );
    const ok = run("levy", file("levies-exact.json", '[{"period":"2021-07","industryClass":2,"payroll":"100000000000000.01"}]'), "--json");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).items[0].payroll).toBe("100000000000000.01");
  }, 30_000);
  it("levy: a JSON item with a key twice is DUPLICATE_KEY (exit 2)", () => {
    const r = run("levy", file("levies-dup.json", '[{"period":"2021-07","industryClass":2,"payroll":"1.00","payroll":"2.00"}]'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("DUPLICATE_KEY at [0]");
    expect(r.stderr).toContain('the key "payroll" is given twice');
  }, 30_000);
  it("simulate: a scenario with a key twice or an inexact number", () => {
    const text = JSON.stringify(EXAMPLE_SCENARIO).replace('"start":', '"start":"2020-05","start":');
    const r = run("simulate", file("scenario-dup.json", text));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("DUPLICATE_KEY at opening");
    const inexact = JSON.stringify(EXAMPLE_SCENARIO).replace(/"income":"[0-9.]+"/, '"income":12345678901234567.5');
    const s = run("simulate", file("scenario-inexact.json", inexact));
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/AMOUNT_NOT_EXACT at periods\[0\]\.members\.\w+\.income/);
  }, 30_000);
  it("--policy and --budget files are read strictly too", () => {
    const policy = JSON.stringify(SUZHOU_2020).replace('"id":', '"id":"x","id":');
    const p = run("simulate", "--policy", file("policy-dup.json", policy));
    expect(p.status).toBe(2);
    expect(p.stderr).toContain("DUPLICATE_KEY at (input)");
    const budget = run(
      "simulate",
      "--budget",
      file("budget-inexact.json", '{"budgets":[{"member":"sip","year":2021,"income":{"contributions":1000000000000000.01}}]}'),
    );
    expect(budget.status).toBe(2);
    expect(budget.stderr).toContain("AMOUNT_NOT_EXACT at budgets[0].income.contributions");
  }, 30_000);
});
