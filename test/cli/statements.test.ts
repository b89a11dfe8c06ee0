/** `wi-pooling statements` (dist/cli.js): the auditor's statements as JSON, per year or one year. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: root });

describe("wi-pooling statements", { timeout: 60_000 }, () => {
  it("prints EXAMPLE_SCENARIO's statements for 2021: unified lines, fiscal settlement, top-up papers", () => {
    const r = run("statements", "--year", "2021");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.illustrative).toBe(true);
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2021]);
    const y = out.years[0];
    expect(y.fiscalSettlement.totals.settled).toBe("12530873.39");
    expect(y.topUpWorkingPapers.papers[0].period).toBe("2021-01");
    expect(y.unified.consolidated.closing).toBe("1391358300.00");
  });

  it("refuses a bad year (exit 3) and a year the scenario does not cover", () => {
    expect(run("statements", "--year", "20x1").status).toBe(3);
    expect(run("statements", "--year", "2030").status).toBe(3);
    expect(run("statements", "--help").stdout).toContain("统一的社会保险基金预决算编制格式");
  });
});
