/**
 * The presentations of a simulation (the summary and the HTML report) show the
 * story of the results they are given: eligibility for the cut-gap grant,
 * clawbacks accrued and settled, the budget execution; the report's flows chart
 * has major-accident payments and clawbacks as flows of their own, and the
 * floor stays visible where the pool sits on it.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO, SUZHOU_2020, simulate, simulationBudgetExecution } from "../../src/index.js";
import { formatSummary, renderReport } from "../../src/report.js";

const sim = simulate(EXAMPLE_SCENARIO);
const budgetExecution = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
const html = renderReport(sim, SUZHOU_2020, { budgetExecution });
const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;

/** The bars of a period in the flows chart: series name → x and height. */
function barsOf(period: string): Record<string, { x: number; height: number }> {
  const out: Record<string, { x: number; height: number }> = {};
  for (const m of svgs[3]!.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="#\w+"><title>(\d{4}-\d{2}) ([^:]+):/g)) {
    if (m[3] === period) out[m[4]!] = { x: Number(m[1]), height: Number(m[2]) };
  }
  return out;
}

describe("renderReport", () => {
  it("the flows chart: major accidents a flow of the pool's, clawbacks a bar of their own, not stacked on subsidies", () => {
    expect(svgs).toHaveLength(4);
    const dec = barsOf("2020-12");
    expect(Object.keys(dec).sort()).toEqual(["上划 top-ups", "上解 clawbacks", "补助 subsidies", "重大事故 accidents", "降费补缺 grants"].sort());
    // the pool's payments stack in one bar; the top-ups and the clawbacks stand beside it
    expect(dec["重大事故 accidents"]!.x).toBe(dec["补助 subsidies"]!.x);
    expect(dec["上划 top-ups"]!.x).toBeGreaterThan(dec["补助 subsidies"]!.x);
    expect(dec["上解 clawbacks"]!.x).toBeGreaterThan(dec["上划 top-ups"]!.x);
    // 2020-07: a subsidy is paid, nothing is settled (the clawback settles in December)
    expect(Object.keys(barsOf("2020-07")).sort()).toEqual(["补助 subsidies", "降费补缺 grants"].sort());
    expect(svgs[3]).toContain("2020-12 重大事故 accidents: 12,000");
    expect(svgs[3]).toContain("2020-12 上解 clawbacks: 2,222");
  });

  it("the pool chart draws the floor last, dashed, in a colour of its own, with a line legend", () => {
    const paths = [...svgs[0]!.matchAll(/<path d="[^"]*" fill="none" stroke="(#\w+)" stroke-width="(\d)"( stroke-dasharray="6 4")?\/>/g)];
    expect(paths.map((p) => [p[1], p[2], Boolean(p[3])])).toEqual([
      ["#6baed6", "4", false],
      ["#d62728", "2", true],
    ]);
    expect(svgs[0]).toContain('<line x1="');
    // the pool sits on its floor at the 2020-12 whenShort top-up
    expect(sim.periods.find((p) => p.period === "2020-12")!.pool).toMatchObject({ balance: "251250000.00", floor: "251250000.00" });
  });

  it("tables: eligibility, clawbacks accrued and settled, top-ups and why, the budget execution", () => {
    expect(html).toContain('<td class="l">吴中区 wuzhong</td><td>24.00</td><td>0.5</td><td>否 no</td><td>0.00</td>');
    expect(html).toContain('<td class="l">相城区 xiangcheng</td><td>-8.20</td><td>0</td><td>是 yes 2020-05 → 2020-12</td><td>2,820.00</td>');
    expect(html).toContain('<td class="l">吴中区 wuzhong</td><td>0.00</td><td>0.00</td><td>536.16</td><td>536.16</td><td>0.00</td><td>0.00</td>');
    expect(html).toContain("2020-12 25,930.00 支付不足 when short");
    expect(html).toContain(
      '<td class="l">吴江区 wujiang</td><td class="l">待遇支出 benefits</td><td>17,200.00</td><td>18,000.00</td><td>18,000.00</td><td>0.00</td><td>100.00%</td>',
    );
    expect(html).toContain("吴江区 wujiang: 吴财社〔2020〕18号 (illustrative) (2020-09-15)");
    expect(renderReport(sim)).not.toContain("Budget execution");
  });
});

describe("formatSummary", () => {
  it("eligibility, top-ups and why, clawbacks accrued and settled, and the budget execution when given", () => {
    const text = formatSummary(sim, SUZHOU_2020, { budgetExecution });
    expect(text).toMatch(/吴江区 wujiang +14\.00 +0 +是 yes 2020-05 → 2020-12 +0\.00/);
    expect(text).toMatch(/吴中区 wuzhong .* 2,680\.81 +536\.16 +536\.16/);
    expect(text).toContain("上划合计 top-ups 3,000.00 (2021-01 3,000.00 按期 scheduled)");
    expect(text).toContain("应上解 accrued 2,222.00, 年末已上解 settled 2,222.00");
    expect(text).toMatch(/统筹基金 pool +重大事故待遇 +2,000\.00 +12,000\.00 +600\.00%/);
    expect(text).toContain("预算调整 approved adjustments: 吴江区 wujiang 吴财社〔2020〕18号 (illustrative) (2020-09-15)");
    expect(formatSummary(sim)).not.toContain("预算执行");
  });
});
