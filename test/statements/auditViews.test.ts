/**
 * The auditor's statements where a user sees them: the summary's text, the HTML report's sections and
 * `explainSettlementLine`, each with its clause (二（二）, 二（三）, 二（四）).
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { simulate } from "../../src/index.js";
import { auditStatements, explainSettlementLine, fiscalSettlementStatement, formatSummary, renderReport, topUpWorkingPapers } from "../../src/report.js";

const sim = simulate(EXAMPLE_SCENARIO);
const options = { audit: auditStatements(sim, EXAMPLE_SCENARIO.opening) };

describe("the auditor's statements in the summary, the report and explain", () => {
  it("auditStatements: one entry per year, the three statements", () => {
    const years = auditStatements(sim, EXAMPLE_SCENARIO.opening);
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022]);
    expect(years[0]!.unified.consolidated.opening).toBe("2162000000.00");
    expect(years[1]!.fiscalSettlement.totals.settled).toBe("12530873.39");
    expect(years[2]!.topUpWorkingPapers.papers.length).toBe(12);
  });

  it("the summary: the consolidated unified lines, the fiscal settlement and the top-ups, in exact yuan", () => {
    const text = formatSummary(sim, undefined, options);
    expect(text).toContain("══ 2021 审计报表 statements for the auditor (元 yuan) ══");
    expect(text).toContain(
      "期初 opening 2,162,000,000.00; 缴费收入 701,205,000.00; 利息收入 未提供 not given; 财政补贴收入 未提供 not given; 工伤保险待遇支出 1,125,000,000.00; 劳动能力鉴定费 未提供 not given; 工伤预防费 未提供 not given; 上解上级支出 19,320,000.00; 期末 closing 1,718,885,000.00",
    );
    expect(text).toContain("wuzhong: 补助 subsidies 27,914,366.94 (2 期 periods); 应上解 accrued 5,582,873.39; 已上解 settled 5,582,873.39 @ 2021-12");
    expect(text).toContain("wuzhong: 应分摊 share 13,906,942.97; 已上划 paid 8,156,452.75; 他地代付 covered by others 5,750,490.22; 欠上划 owed 0.00");
  });

  it("the HTML report: three sections with their clauses", () => {
    const html = renderReport(sim, undefined, options);
    expect(html).toContain("<h2>统一格式决算 / Final accounts in the unified lines (二（四）)</h2>");
    expect(html).toContain("<h2>财力结算表 / Fiscal settlement statement (二（三）)</h2>");
    expect(html).toContain("<h2>上划底稿 / Top-up working papers (二（二）)</h2>");
    expect(html).toContain("<td>5,582,873.39</td><td>5,582,873.39</td><td>2021-12</td>");
  });

  it("explainSettlementLine: the 20% of each subsidy with 二（三）; a member's top-up share with 二（二）", () => {
    const e = explainSettlementLine(fiscalSettlementStatement(sim, 2021), "wuzhong", { lang: "en" });
    expect(e.steps[0]!.text).toBe("2021-03: pool subsidy 22329366.94 at 0.2: 22329366.94 × 0.2 = 4465873.388 → 4465873.39 (rounded half-up to the fen)");
    expect(e.steps.every((s) => s.citation?.clause === "二（三）")).toBe(true);
    expect(e.text).toContain("2021-12 settled through fiscal settlement: fiscal:wuzhong → fiscal:city 5582873.39 — 苏府办〔2020〕86号 二（三）");
    const m = explainSettlementLine(fiscalSettlementStatement(sim, 2021), "municipal");
    expect(m.steps[0]!.text).toBe("市本级政府即市级财政：不另行上解");
    const t = explainSettlementLine(topUpWorkingPapers(sim, 2020), "xiangcheng");
    expect(t.steps[0]!.text).toContain("上年度累计结余 -80000000.00，占比 0.000000，应分摊 0.00");
    expect(t.steps[0]!.citation?.clause).toBe("二（二）");
    expect(() => explainSettlementLine(fiscalSettlementStatement(sim, 2021), "nowhere")).toThrow(expect.objectContaining({ code: "MISSING_MEMBER" }));
    expect(() => explainSettlementLine({} as never, "wuzhong")).toThrow(expect.objectContaining({ code: "INVALID_TYPE" }));
  });
});
