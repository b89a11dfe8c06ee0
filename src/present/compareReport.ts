/**
 * The HTML report of a comparison: both runs side by side (the pool against
 * both floors; each member's yearly flows under both policies), the
 * parameters that differ and the table of differences. Pure: returns a string.
 *
 * @module
 */
import type { Comparison } from "../analysis/compare.js";
import { explainComparison } from "../analysis/explainComparison.js";
import type { Simulation } from "../settlement/results.js";
import { analysisPage } from "./analysisStyle.js";
import { esc, groupedBars, lineChart, table, wanNumber } from "./charts.js";
import { ILLUSTRATIVE_BANNER } from "./story.js";
import { wan } from "./summary.js";

/**
 * The self-contained HTML report of a comparison (what `wi-pooling compare
 * --report` writes): the pool and its floor under both policies on one chart,
 * each member's yearly subsidies, grants, top-ups and clawbacks under both
 * (bars side by side), the parameters that differ, and every figure that moved
 * with both values, the difference and the parameter changes that drove it.
 *
 * @param baseRun - the simulation under the base policy
 * @param reformRun - the simulation of the same scenario under the reform
 * @param comparison - their comparison (`compareSimulations(baseRun, reformRun, base, reform)`)
 * @param options - `illustrative: true` opens the report with the banner of illustrative figures
 * @returns the HTML document
 * @throws never
 * @example
 * ```ts
 * const a = simulate(EXAMPLE_SCENARIO), b = simulate(EXAMPLE_SCENARIO, { policy: reform });
 * writeFileSync("diff.html", renderComparisonReport(a, b, compareSimulations(a, b, SUZHOU_2020, reform)));
 * ```
 */
export function renderComparisonReport(baseRun: Simulation, reformRun: Simulation, comparison: Comparison, options?: { illustrative?: boolean }): string {
  const labels = baseRun.periods.map((p) => p.period);
  const b = `${comparison.base.id} ${comparison.base.version}`;
  const r = `${comparison.reform.id} ${comparison.reform.version}`;
  const pool = lineChart("统筹基金与备付下限：两项政策 / The pool against both floors", "万元 (10,000 yuan)", labels, [
    { name: `基准 base pool`, values: baseRun.periods.map((p) => wanNumber(p.pool.balance)), color: "#6baed6", width: 4 },
    { name: `改革 reform pool`, values: reformRun.periods.map((p) => wanNumber(p.pool.balance)), color: "#fd8d3c", width: 3 },
    { name: "基准下限 base floor", values: baseRun.periods.map((p) => wanNumber(p.pool.floor)), dashed: true, color: "#08519c" },
    { name: "改革下限 reform floor", values: reformRun.periods.map((p) => wanNumber(p.pool.floor)), dashed: true, color: "#a63603" },
  ]);
  const ids = Object.keys(baseRun.years[0]?.members ?? {});
  const years = comparison.years.map((y) => String(y.year));
  const flows = ids.map((id) => {
    const series = (run: Simulation, name: string, color: string, figure: "subsidyPaid" | "grantPaid" | "topUp" | "clawback") => {
      const figures = run.years.map((y) => y.members[id]![figure]);
      return { name, color, values: figures.map(wanNumber), figures: figures.map(wan) };
    };
    const groups = (["subsidyPaid", "grantPaid", "topUp", "clawback"] as const).flatMap((f, i) => {
      const colors = [
        ["#2ca02c", "#98df8a"],
        ["#1f77b4", "#aec7e8"],
        ["#ff7f0e", "#ffbb78"],
        ["#d62728", "#ff9896"],
      ][i]!;
      return [[series(baseRun, `${f} base`, colors[0]!, f)], [series(reformRun, `${f} reform`, colors[1]!, f)]];
    });
    return groupedBars(
      `${id}: 补助、补缺、上划、上解（基准｜改革）/ subsidies, grants, top-ups, clawbacks (base | reform)`,
      "万元 (10,000 yuan)",
      years,
      groups,
    );
  });
  const explanation = explainComparison(comparison);
  const rows = explanation.steps.map((s) => [
    String(s.year),
    esc(s.who),
    esc(s.figure),
    esc(s.base ?? "—"),
    esc(s.reform ?? "—"),
    esc(s.difference ?? ""),
    esc(s.indirect ? "balances carried 结转余额" : s.drivers.join(", ")),
  ]);
  return analysisPage(
    "政策比较 / Policy comparison",
    `${options?.illustrative ? `<p class="banner">${esc(ILLUSTRATIVE_BANNER)}</p>\n` : ""}<h1>政策比较 / Policy comparison: ${esc(b)} → ${esc(r)}</h1>
<p class="note">同一情景，两项政策 / one scenario, two policies. ${esc(baseRun.name ?? "")} ${esc(labels[0] ?? "")} → ${esc(labels.at(-1) ?? "")}. 金额单位：万元 / amounts in 万元 (10,000 yuan) on the charts; exact yuan in the table.</p>
<h2>参数差异 / Parameters that differ</h2>
${explanation.parameters.length > 0 ? `<ul>${explanation.parameters.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>` : "<p>无 none</p>"}
<h2>统筹基金 / The pool</h2>
${pool}
<h2>各地资金往来 / Flows by member, by year</h2>
${flows.join("\n")}
<h2>差异 / Differences (reform − base)</h2>
${rows.length > 0 ? table(["年度 year", "主体 who", "项目 figure", "基准 base", "改革 reform", "差额 difference", "原因 driven by"], rows, 3) : "<p>两项政策的测算结果完全相同 / the same figures under both.</p>"}`,
    "图表仅用于展示；精确数值见 JSON 输出 / Charts are for reading; exact figures are in the JSON output.",
  );
}
