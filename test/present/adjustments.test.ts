import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { simulate } from "../../src/index.js";
import { restatedFigures } from "../../src/present/adjustments.js";
import { formatSummary, renderReport } from "../../src/report.js";

const sim = simulate({
  ...EXAMPLE_SCENARIO,
  restatements: [{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }],
});

describe("the summary and the report list prior-period adjustments by the period they correct", { timeout: 60_000 }, () => {
  it("in the text summary", () => {
    const text = formatSummary(sim);
    expect(text).toContain("更正 restated: 2020-11 wujiang expenditure → 30000000.00 (发现于 known in 2021-02)");
    const lines = text.split("\n");
    const row = lines.find((l) => l.includes("external:beneficiaries") && l.includes("14850000.00"));
    expect(row?.trim().startsWith("2020-11")).toBe(true);
    // the 2020-11 rows come before the 2021-01 rows
    const first2021 = lines.findIndex((l) => l.trim().startsWith("2021-01") && l.includes("2021-02"));
    expect(lines.indexOf(row!)).toBeLessThan(first2021);
    expect(formatSummary(simulate(EXAMPLE_SCENARIO))).not.toContain("以前期间调整");
    // per period, the figures as settled and as restated
    expect(text).toContain("figures as settled and as restated, by period");
    expect(lines.some((l) => /^\s*2020-11\s+wujiang\s+expenditure\s+15150000\.00\s+30000000\.00\s*$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s*2021-01\s+pool\s+floor\s+281250000\.00\s+284962500\.00\s*$/.test(l))).toBe(true);
  });

  it("the figures as settled and as restated: each that differs, per period, members then the pool", () => {
    expect(restatedFigures(sim).slice(0, 4)).toEqual([
      ["2020-11", "wujiang", "expenditure", "15150000.00", "30000000.00"],
      ["2020-11", "wujiang", "gap", "7150000.00", "22000000.00"],
      ["2020-11", "wujiang", "balance", "132310582.19", "117460582.19"],
      ["2020-11", "wujiang", "reserveMonths", "8.82", "7.83"],
    ]);
    expect(restatedFigures(sim).filter((r) => r[1] === "pool")).toEqual([
      ["2021-01", "pool", "topUp", "36420000.00", "40132500.00"],
      ["2021-01", "pool", "floor", "281250000.00", "284962500.00"],
      ["2021-01", "pool", "balance", "281250000.00", "284962500.00"],
    ]);
    // no figure of a period at or after the knowledge period differs: they are settled once, from the replay
    expect(restatedFigures(sim).every((r) => r[0]! < "2021-02")).toBe(true);
    expect(restatedFigures(simulate(EXAMPLE_SCENARIO))).toEqual([]);
  });

  it("in the HTML report", () => {
    const html = renderReport(sim);
    expect(html).toContain("<h2>以前期间调整 / Prior-period adjustments, by the period they correct</h2>");
    expect(html).toContain('<td class="l">2020-11</td><td class="l">2021-02</td><td class="l">external:beneficiaries</td><td>14850000.00</td>');
    expect(html).toContain('<table class="restated-figures">');
    expect(html).toContain('<td class="l">2020-11</td><td class="l">wujiang</td><td class="l">expenditure</td><td>15150000.00</td><td>30000000.00</td>');
    expect(renderReport(simulate(EXAMPLE_SCENARIO))).not.toContain("以前期间调整");
  });
});
