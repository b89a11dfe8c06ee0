/**
 * The 0.7 story's presentations (issue 17): what members owe (应上解未上解) in the
 * summary and the report, the month-end top-ups and the eligibility's reason.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020, simulate } from "../../src/index.js";
import { formatSummary, renderReport } from "../../src/report.js";

const sim = simulate(EXAMPLE_SCENARIO);
const text = formatSummary(sim, SUZHOU_2020);
const html = renderReport(sim, SUZHOU_2020);

describe("the summary and the report show what members owe", () => {
  it("相城区 owes its provincial remittances, overdue; 吴中区's 2021 remittance was paid late", () => {
    expect(text).toContain(
      "  应上解未上解 owed at year end (二（二）; 以此后结余优先补缴 paid first from later surpluses): 相城区 xiangcheng 170.00 (省级储备金逾期 remittance overdue)",
    );
    expect(text).toContain("吴中区 wuzhong 0.00 (省级储备金逾期 remittance overdue); 相城区 xiangcheng 340.00 (省级储备金逾期 remittance overdue)");
    expect(html).toContain(
      "应上解未上解 owed at year end (二（二）; 以此后结余优先补缴 paid first from later surpluses):<br>2020 相城区 xiangcheng 170.00 省级储备金逾期 remittance overdue",
    );
    expect(text).toContain("上划时点 top-up schedule: monthEnd");
  });
});
