import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const run = (file: string, ...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", join(root, "examples", file), ...args], { encoding: "utf8", cwd: root });

/** The public entries, as the adapters (in src/<adapter>/) import them. */
const ENTRY_SPECS = ["../index.js", "../report.js", "../schemas.js", "../analysis.js", "../examples.js"];

describe("the examples and the CLI use only the public entries", () => {
  const specifiers = (file: string) => [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map((m) => m[1]!);
  it("examples import the package by its name (suzhou-wi-pooling or one of its subpaths), as a user's code does: never a relative or deep path", () => {
    for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"))) {
      const own = specifiers(join(root, "examples", f)).filter((s) => !s.startsWith("node:") && s !== "csv-parse/sync");
      expect(own.length, f).toBeGreaterThan(0);
      for (const spec of own)
        expect(
          ["suzhou-wi-pooling", "suzhou-wi-pooling/report", "suzhou-wi-pooling/schemas", "suzhou-wi-pooling/analysis", "suzhou-wi-pooling/examples"],
          `${f} imports ${spec}`,
        ).toContain(spec);
    }
  });
  it("the CLI imports the package's entries (../index.js, ../report.js, ../schemas.js, …), the adapters (service, playground) or its own modules", () => {
    for (const f of readdirSync(join(root, "src/cli"))) {
      for (const spec of specifiers(join(root, "src/cli", f)).filter((s) => s.startsWith("."))) {
        const ok = ENTRY_SPECS.includes(spec) || /^\.\.\/(service|playground)\/[\w-]+\.js$/.test(spec) || /^\.\/[\w-]+\.js$/.test(spec);
        expect(ok, `src/cli/${f} imports ${spec}`).toBe(true);
      }
    }
  });
  it("the service and the playground are adapters: they import only the public entries or each other", () => {
    for (const dir of ["src/service", "src/playground"]) {
      for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith(".ts"))) {
        for (const spec of specifiers(join(root, dir, f)).filter((s) => s.startsWith("."))) {
          const ok = ENTRY_SPECS.includes(spec) || /^\.\.\/(service|playground)\/[\w-]+\.js$/.test(spec) || /^\.\/[\w-]+\.js$/.test(spec);
          expect(ok, `${dir}/${f} imports ${spec}`).toBe(true);
        }
      }
    }
  });
});

describe("every example runs (none can rot)", () => {
  it("lists them all here", () => {
    expect(
      readdirSync(join(root, "examples"))
        .filter((f) => f.endsWith(".ts"))
        .sort(),
      // analysis-study.ts runs in test/analysis/study.test.ts (its tables are docs/analysis.md's)
    ).toEqual(["analysis-study.ts", "csv-batch.ts", "custom-policy.ts", "deficit.ts", "demo.ts", "levy-window.ts", "one-employer.ts", "simulation-report.ts"]);
  });
  it("demo: the simulation's yearly summary, conservation ok", () => {
    const out = run("demo.ts");
    expect(out).toContain("══ 2020 年度 (2020-05 → 2020-12) ══");
    expect(out).toContain("══ 2022 年度 (2022-01 → 2022-12) ══");
    expect(out).toContain("守恒检查 conservation (R13): 通过 ok");
    // 2021: 相城区's grants 1,410.00, subsidies 3,474.00, clawback 694.80 accrued and settled (万元; 0.6: 3,644.00 and 728.80,
    // its unpaid remittance then a subsidy)
    expect(out.split("\n")[0]).toBe("示例数据，非真实数据 / ILLUSTRATIVE figures, not real data");
    expect(out).toMatch(/相城区 xiangcheng .* 1,410\.00 +3,474\.00 +0\.00 +694\.80 +694\.80/);
    expect(out).toContain("降费缺口弥补资格 eligibility for the cut-gap grant");
    expect(out).toMatch(/市区合计 city-district +71,300\.00 +70,120\.50 +98\.35% +待遇支出 +99,800\.00 +100,500\.00 +100\.70%/);
  });
  it("levy-window: premiums across the window's edges", () => {
    const out = run("levy-window.ts");
    expect(out).toMatch(/合计 Total +14173703\.67 +111771\.66 +74514\.44 +37257\.22 +19093\.34/);
    expect(out).toContain("2020-04 → POLICY_NOT_IN_FORCE");
  });
  it("one-employer: the premium and its explanation", () => {
    const out = run("one-employer.ts");
    expect(out).toContain("premium 6400.00, cut relief 1600.00, effective rate 0.0032");
    expect(out).toContain("6. Premium: 2000000.00 × 0.0032 = 6400.00");
  });
  it("csv-batch: totals of the sample file", () => {
    expect(run("csv-batch.ts")).toContain("total premium 32726.24; cut relief 4786.00; sync-induced 2880.00");
  });
  it("deficit: the coverage order", () => {
    const out = run("deficit.ts");
    expect(out).toContain("第四步，仍存在缺口的，申请市区统筹基金补助 250.00");
    expect(out).toContain("without claiming: grant 150.00, subsidy 0.00, uncovered 250.00");
  });
  it("simulation-report: consolidated 2021 and the report file", () => {
    const dir = mkdtempSync(join(tmpdir(), "wi-ex-"));
    try {
      const out = join(dir, "report.html");
      const text = run("simulation-report.ts", out);
      expect(text).toContain("conservation ok");
      // 0.7: 相城区's 2020 remittance owed, not paid out of the funds (0.6: 1717185000.00)
      expect(text).toContain("2021: opening 1718885000.00");
      expect(text).toContain("budget execution 2020, city-district benefits: 1.0070");
      expect(readFileSync(out, "utf8")).toContain("<svg ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("custom-policy: a fixed cut, a later rate table, and an overlap refused", () => {
    expect(run("custom-policy.ts").split("\n").slice(0, 4)).toEqual([
      "7.50",
      "0.005",
      "0.007",
      expect.stringMatching(/^POLICY_WINDOWS_OVERLAP baseRates\.1\.from /),
    ]);
  });
});
