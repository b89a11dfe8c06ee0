import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { simulate } from "../../src/index.js";
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
  });

  it("in the HTML report", () => {
    const html = renderReport(sim);
    expect(html).toContain("<h2>以前期间调整 / Prior-period adjustments, by the period they correct</h2>");
    expect(html).toContain('<td class="l">2020-11</td><td class="l">2021-02</td><td class="l">external:beneficiaries</td><td>14850000.00</td>');
    expect(renderReport(simulate(EXAMPLE_SCENARIO))).not.toContain("以前期间调整");
  });
});
