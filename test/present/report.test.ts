/**
 * The presentations of a simulation (the summary and the HTML report) show the
 * story of the results they are given: eligibility for the cut-gap grant,
 * clawbacks accrued and settled, the budget execution; the report's flows chart
 * has major-accident payments and clawbacks as flows of their own, and the
 * floor stays visible where the pool sits on it.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, SUZHOU_2020, simulate, simulationBudgetExecution } from "../../src/index.js";
import { formatSummary, renderReport } from "../../src/report.js";
import { readings06 } from "../helpers.js";

/** The presentations of the 0.6 story (its readings kept as options), figure for figure; the 0.7 story's own: test/present/owed.test.ts. */
const READINGS_06 = readings06();
const sim = simulate(EXAMPLE_SCENARIO, READINGS_06);
const budgetExecution = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
const html = renderReport(sim, READINGS_06, { budgetExecution });
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
    expect(Object.keys(dec).sort()).toEqual(["上划 top-ups", "上解 clawbacks", "补助 subsidies", "重大事故 accidents", "降费缺口弥补 grants"].sort());
    // the pool's payments stack in one bar; the top-ups and the clawbacks stand beside it
    expect(dec["重大事故 accidents"]!.x).toBe(dec["补助 subsidies"]!.x);
    expect(dec["上划 top-ups"]!.x).toBeGreaterThan(dec["补助 subsidies"]!.x);
    expect(dec["上解 clawbacks"]!.x).toBeGreaterThan(dec["上划 top-ups"]!.x);
    // 2020-07: a subsidy is paid, nothing is settled (the clawback settles in December)
    expect(Object.keys(barsOf("2020-07")).sort()).toEqual(["补助 subsidies", "降费缺口弥补 grants"].sort());
    expect(svgs[3]).toContain("<title>2020-12 重大事故 accidents: 12,000.00</title>");
    expect(svgs[3]).toContain("<title>2020-12 上解 clawbacks: 2,222.00</title>");
  });

  it("the bars' tooltips print the exact figures in 万元 to two decimals, like the tables", () => {
    const tips = [...svgs[3]!.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    expect(tips.length).toBeGreaterThan(20);
    expect(tips.filter((t) => !/: -?\d{1,3}(,\d{3})*\.\d{2}$/.test(t))).toEqual([]);
    // 2021-03: 吴中区's subsidy 23,983,244.07 yuan (not 2,398.324)
    expect(tips).toContain("2021-03 补助 subsidies: 2,398.32");
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
    expect(html).toContain('<td class="l">相城区 xiangcheng</td><td>-8.21</td><td>0</td><td>是 yes 2020-05 → 2020-12</td><td>2,820.00</td>');
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
    const text = formatSummary(sim, READINGS_06, { budgetExecution });
    expect(text).toMatch(/吴江区 wujiang +14\.00 +0 +是 yes 2020-05 → 2020-12 +0\.00/);
    expect(text).toMatch(/\n吴中区 wuzhong +786\.00 +0\.27 +严重 critical +0\.00 +324\.00 +390\.79 +0\.00 +0\.00 +2,680\.81 +0\.00 +536\.16 +536\.16\n/);
    expect(text).toContain("上划合计 top-ups 3,000.00 (2021-01 3,000.00 按期 scheduled)");
    expect(text).toContain("应上解 accrued 2,222.00, 年末已上解 settled 2,222.00");
    expect(text).toMatch(/统筹基金 pool +重大事故待遇 +2,000\.00 +12,000\.00 +600\.00%/);
    expect(text).toContain("预算调整 approved adjustments: 吴江区 wujiang 吴财社〔2020〕18号 (illustrative) (2020-09-15)");
    expect(formatSummary(sim)).not.toContain("预算执行");
  });
});

/** SUZHOU_2020 with the year-end true-up on (policy option `deficitCoverage.yearEndTrueUp`), under the 0.6 readings its figures were written for. */
function trueUpPolicy() {
  const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
  json.id = "t";
  json.deficitCoverage[0].value.yearEndTrueUp = true;
  return readings06(definePolicy(json));
}

describe("the year-end true-up (R8, option deficitCoverage.yearEndTrueUp)", () => {
  const policy = trueUpPolicy();
  const trued = simulate(EXAMPLE_SCENARIO, policy);
  // 吴中区 returns 7,860,000.00 yuan in 2021: its settled clawback is on the subsidies as settled
  expect(trued.years[1]!.members.wuzhong).toMatchObject({ trueUpReturned: "7860000.00", clawbackAccrued: "5361627.40", clawback: "3789627.40" });

  it("formatSummary: per member and year what went back to the pool and what became grants; the pool's line; settled ≠ accrued explained", () => {
    const text = formatSummary(trued, policy);
    const y2021 = text.slice(text.indexOf("══ 2021 年度"), text.indexOf("══ 2022 年度"));
    expect(y2021).toContain("年末清算 year-end true-up (R8, 选项 option deficitCoverage.yearEndTrueUp: 开 on):");
    expect(y2021).toMatch(/地区 member +退回统筹基金 returned to the pool +补助转为补缺 subsidies reclassified as grants\n/);
    expect(y2021).toMatch(/\n吴中区 wuzhong +786\.00 +0\.00\n/);
    expect(y2021).toMatch(/\n相城区 xiangcheng +0\.00 +0\.00\n/);
    expect(y2021).toContain("  年末清算收回 returned at the true-up 786.00\n");
    expect(y2021).toContain(
      "  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate 20%): 应上解 accrued 1,264.96, 年末已上解 settled 1,107.76 (已上解按年末清算后的补助计，退回或转为补缺的部分不上解 settled on the subsidies as settled at the true-up: less than accrued where subsidies were returned or reclassified)",
    );
    expect(y2021).toMatch(/吴中区 wuzhong .* 2,680\.81 +0\.00 +536\.16 +378\.96\n/);
    // off, and every figure zero: not shown
    expect(formatSummary(sim)).not.toContain("true-up");
  });

  it("renderReport: the true-up table, the pool's returns in the yearly table, the note on the clawback settled", () => {
    const page = renderReport(trued, policy);
    expect(page).toContain("<h2>年末清算 / Year-end true-up (R8, option deficitCoverage.yearEndTrueUp: 开 on)</h2>");
    expect(page).toContain('<tr><td class="l">吴中区 wuzhong</td><td>0.00</td><td>0.00</td><td>786.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>');
    expect(page).toContain('<tr><td class="l">统筹基金收回 the pool received</td><td>0.00</td><td></td><td>786.00</td><td></td><td>0.00</td><td></td></tr>');
    expect(page).toContain("<th>历年赤字 deficits</th><th>年末清算收回 true-up returned</th>");
    expect(page).toContain(
      '<tr><td class="l">2021</td><td>21,176.19</td><td>28,125.00</td><td>3,000.00<br><span class="note">2021-01 3,000.00 按期 scheduled</span></td><td>0.00</td><td>1,410.00</td><td>6,324.81</td><td>0.00</td><td>786.00</td><td>1,264.96</td><td>1,107.76</td></tr>',
    );
    expect(page).toContain('<td class="l">吴中区 wuzhong</td><td>0.00</td><td>0.00</td><td>536.16</td><td>378.96</td><td>0.00</td><td>0.00</td>');
    expect(page).toContain(
      "the clawback settled is on the subsidies as settled at the year-end true-up: less than accrued where subsidies were returned or reclassified.",
    );
    expect(html).not.toContain("true-up");
  });
});

describe("what the presentations label as the document's and as the library's", () => {
  const text = formatSummary(sim, READINGS_06, { budgetExecution });
  const source =
    "critical from 0 months: document; warning from 3 months: library default; normal from 9 months: library default; surplus from 24 months: library default";

  it("the risk bands' source is the results' (parameters.riskBandsSource), in the summary and the report; no band is cited as 二（五）", () => {
    expect(sim.periods.every((p) => p.parameters.riskBandsSource === source)).toBe(true);
    expect(text).toContain(`\n风险等级 risk bands (各级来源 each band's source): ${source}\n`);
    expect(html).toContain(`<p class="note">风险等级（各级来源）/ risk bands (each band's source): ${source}.</p>`);
    expect(text).not.toContain("预警 warnings (二（五）)");
    expect(html).not.toContain("reserve months (二（五）)");
  });

  it("the pool priority, the top-up schedule and the clawback's yearly settlement are cited from the results as the library's readings", () => {
    expect(text).toContain(
      "\n本库的解读 the library's readings (各条引注 as the results cite them):\n" +
        "  支付顺序 pool priority: majorAccident → cutGapGrant → subsidy → recordedDeficit — 二（二）: 用于弥补基金累计结余赤字和重大工伤事故的工伤保险待遇等支出; the document ranks none of the uses: this order is the library default\n" +
        "  上划时点 top-up schedule: yearly + when short — 二（二）: 当市区工伤保险统筹基金不足市区备付期 3 个月时，由各地按上年度工伤保险基金累计结余占比上划; tested at each month's end after the month's claims, topped up to the floor; what a member cannot pay it owes (library reading: the document sets no moment)\n" +
        "  上解结算 clawback settlement: 二（三）: 当地政府按市区统筹基金补助额的 20% 通过财力结算上解市级财政; settled once a year (the library's reading: the document sets no frequency); 市本级's government is the municipal government: it owes none (library default)",
    );
    expect(html).toContain(
      "本库的解读 the library's readings (各条引注 as the results cite them):<br>支付顺序 pool priority: majorAccident → cutGapGrant → subsidy → recordedDeficit — 二（二）:",
    );
    expect(html).toContain("<br>上划时点 top-up schedule: yearly + when short — 二（二）:");
  });

  it("the eligibility caption quotes the document apart from the library's measure; the grant column says what it holds", () => {
    expect(html).toContain(
      '<p class="note">文件：“基金备付期未达到国家阶段性降费政策要求的地区” (二（三）). 本库的测算 the library\'s measure: a member whose own reserve months qualify for a smaller national cut than the city applies, measured at the year end before the window.',
    );
    expect(html).toContain("<th>作为降费缺口弥补支付 paid as grant</th>");
    expect(text).toMatch(/符合条件 eligible +作为降费缺口弥补支付 paid as grant\n/);
    expect(text).toContain(
      "  作为降费缺口弥补支付 = 当期按降费缺口弥补支付的部分；作为历年赤字支付的计入“历年赤字” / paid as grant = the grants paid as such; grants paid later as recorded deficits are in “deficit paid”.",
    );
  });
});

describe("formatSummary: figures read from the results", () => {
  const text = formatSummary(sim);

  it("the members' payments by class, as the pool's paid line has them (recorded deficits included)", () => {
    expect(text).toMatch(/重大事故 major accident +降费缺口弥补 grant +补助 subsidy +历年赤字 deficit paid +应上解 clawback accrued +已上解 settled\n/);
    expect(text).toMatch(
      /\n苏州工业园区 sip +53,664\.03 +24\.96 +充裕 surplus +7,800\.00 +576\.00 +10,383\.97 +12,000\.00 +0\.00 +0\.00 +0\.00 +0\.00 +0\.00\n/,
    );
    expect(text).toMatch(
      /\n相城区 xiangcheng +0\.00 +0\.00 +严重 critical +0\.00 +170\.00 +0\.00 +0\.00 +2,820\.00 +11,110\.00 +0\.00 +2,222\.00 +2,222\.00\n/,
    );
    expect(text).toContain("  支付 paid: 重大事故 major accidents 12,000.00, 降费缺口弥补 grants 2,820.00, 补助 subsidies 11,110.00, 历年赤字 deficits 0.00");
  });

  it("the funds' income split by source, from the journal (opening balances and legacy funds apart from contributions)", () => {
    expect(text).toContain(
      // 0.7: the old reserve and adjustment funds are fund money, among the opening balances (0.6: 212,520.00 + legacy funds 5,200.00 from outside)
      "  journal 493 entries; all accounts sum to 0.00; 基金 funds 146,627.91 = 期初结余 opening balances 217,720.00 + 缴费 contributions 245,834.59 − 待遇 benefits 310,504.76 − 省级上解 provincial 6,421.92 (万元)",
    );
    expect(sim.conservation.externalIn).toBe("4635545900.00");
    expect(text).not.toContain("external income");
  });

  it("each year's clawback rate(s) from its period reports: a year whose rate changes shows both", () => {
    expect(text).toContain("  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate 20%): 应上解 accrued 1,264.96, 年末已上解 settled 1,264.96");
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.id = "r";
    json.clawback[0].to = "2021-06-30";
    json.clawback.push({ from: "2021-07-01", value: { rate: "0.25", municipal: "none" }, citation: json.clawback[0].citation });
    const policy = readings06(definePolicy(json));
    const changed = formatSummary(simulate(EXAMPLE_SCENARIO, policy), policy);
    expect(changed).toContain("  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate 20%): 应上解 accrued 2,222.00, 年末已上解 settled 2,222.00");
    expect(changed).toContain(
      "  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate 20% 2021-01 → 2021-06, 25% 2021-07 → 2021-12): 应上解 accrued 1,351.81, 年末已上解 settled 1,351.81",
    );
    expect(changed).toContain("  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate 25%): 应上解 accrued 653.42, 年末已上解 settled 653.42");
    expect(changed).not.toContain("clawback at");
  });

  it("the warnings: the pool's critical and warning months, then the members'", () => {
    expect(text).toContain(
      "  预警 warnings (严重或预警的月份 months critical or warning; 风险等级见上 bands above): 统筹基金 pool 7 个月 months (严重 critical 6, 预警 warning 1); 吴江区 1 个月 months; 相城区 8 个月 months",
    );
    expect(text).toContain(
      "  预警 warnings (严重或预警的月份 months critical or warning; 风险等级见上 bands above): 统筹基金 pool 12 个月 months (严重 critical 12, 预警 warning 0); 吴江区 12 个月 months; 吴中区 10 个月 months; 相城区 12 个月 months",
    );
  });

  it("the illustrative banner: with the option only", () => {
    const banner = "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data";
    expect(formatSummary(sim, READINGS_06, { illustrative: true }).split("\n")[0]).toBe(banner);
    expect(text).not.toContain(banner);
    expect(renderReport(sim, READINGS_06, { illustrative: true })).toContain(`<p class="banner">${banner}</p>`);
    expect(html).not.toContain(banner);
  });
});
