/**
 * The HTML report of a simulation: one self-contained file (no external
 * scripts, fonts or CDNs) with inline SVG charts and Chinese and English
 * labels. Pure: returns a string. Figures are converted to numbers only to
 * place them on the charts; every figure printed is the library's exact string.
 *
 * @module
 */

import { periodOf } from "../period.js";
import { paramsAt } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import type { Simulation } from "../settlement/results.js";
import { ADJUSTMENT_HEADER, adjustmentsOf, RESTATED_FIGURES_HEADER } from "./adjustments.js";
import { auditHtml } from "./audit.js";
import { barSeries, esc, groupedBars, lineChart, table, wanNumber } from "./charts.js";
import { owedNote } from "./owedNote.js";
import {
  CATEGORY,
  clawbacksAccrued,
  eligibilityByYear,
  ILLUSTRATIVE_BANNER,
  type PresentationOptions,
  percent,
  readingsOf,
  riskBandsOf,
  showsTrueUp,
  sumMoney,
  TOP_UP_REASON,
  topUpsOf,
} from "./story.js";
import { wan } from "./summary.js";

/**
 * The self-contained HTML report of a simulation (what `wi-pooling simulate
 * --report` writes): one file with no external scripts, fonts or CDNs, inline
 * SVG charts of the pool against its floor (the floor drawn over the pool, so
 * that it stays visible where the pool sits on it), of each member's balance
 * and reserve months, and of the flows of each period (the pool's payments:
 * major accidents, grants, subsidies; the members' top-ups; the clawbacks
 * settled with municipal finance, each a bar of its own); tables of each
 * member's eligibility for the cut-gap grant, of the clawbacks accrued and
 * settled, of the year-end true-up (when the option was on or a figure of it is
 * nonzero), of the years, and of the budget execution when given; the risk
 * bands' source and the library's readings (pool priority, top-up schedule,
 * clawback settlement) as the results cite them; Chinese and English labels.
 * Pure: returns the HTML. Every figure printed is the simulation's own exact
 * string (the bars' tooltips too, in 万元 to two decimals); figures are turned
 * into numbers only to place them on the charts.
 *
 * @param sim - a result of `simulate`
 * @param policy - the policy the simulation ran under (default `SUZHOU_2020`): it names the members
 * @param options - `{ budgetExecution, illustrative }`: the budget execution to show (from
 *   `simulationBudgetExecution`); `illustrative: true` opens the report with the banner
 *   "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data" (the built-in example)
 * @returns the HTML document
 * @throws PoolingError `POLICY_NOT_IN_FORCE` when the policy is not in force for the simulation's first period
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const html = renderReport(sim, SUZHOU_2020, { budgetExecution: simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening) });
 * writeFileSync("report.html", html);
 * ```
 */
export function renderReport(sim: Simulation, policy?: Policy, options?: PresentationOptions): string {
  const p = resolvePolicy(policy);
  const labels = sim.periods.map((p) => p.period);
  const members = paramsAt(p, sim.periods[0]?.period ?? periodOf(p.inForce.from)).members.value;
  const ids = members.map((m) => m.id);
  const name = (id: string) => {
    if (id === "pool") return "统筹基金 pool";
    const m = members.find((x) => x.id === id);
    return m ? `${m.nameZh.replace(/（.*）/, "")} ${m.id}` : id;
  };
  const floorMonths = sim.periods.at(-1)?.parameters.poolFloorMonths ?? "?";
  const pool = lineChart(`统筹基金与 ${floorMonths} 个月备付下限 / The pool against its ${floorMonths}-month floor (二（二）)`, "万元 (10,000 yuan)", labels, [
    { name: "统筹基金 pool", values: sim.periods.map((p) => wanNumber(p.pool.balance)), color: "#6baed6", width: 4 },
    // drawn last, dashed and dark: visible where the pool sits on its floor
    { name: "备付下限 floor", values: sim.periods.map((p) => wanNumber(p.pool.floor)), dashed: true, color: "#d62728", width: 2 },
  ]);
  const balances = lineChart(
    "各地累计结余 / Each member's carried balance",
    "万元 (10,000 yuan)",
    labels,
    ids.map((id) => ({ name: name(id), values: sim.periods.map((p) => wanNumber(p.members[id]!.carried)) })),
  );
  const months = lineChart(
    "各地可支付月数 / Each member's reserve months",
    "月 months",
    labels,
    ids.map((id) => ({ name: name(id), values: sim.periods.map((p) => Number(p.members[id]!.reserveMonths ?? "0")) })),
  );
  const sumMembers = (f: (m: Simulation["periods"][number]["members"][string]) => string) => sim.periods.map((p) => sumMoney(Object.values(p.members).map(f)));
  const flows = groupedBars(
    "每期统筹基金支付、上划、上解 / Pool payments, top-ups and clawbacks per period (二（二）, 二（三）)",
    "万元 (10,000 yuan)",
    labels,
    [
      [
        barSeries(
          "重大事故 accidents",
          "#8c564b",
          sim.periods.map((p) => p.pool.paid.majorAccident),
        ),
        barSeries(
          "降费缺口弥补 grants",
          "#1f77b4",
          sim.periods.map((p) => p.pool.paid.cutGapGrant),
        ),
        barSeries(
          "补助 subsidies",
          "#2ca02c",
          sim.periods.map((p) => p.pool.paid.subsidy),
        ),
        barSeries(
          "历年赤字 deficits",
          "#9467bd",
          sim.periods.map((p) => p.pool.paid.recordedDeficit),
        ),
      ],
      [
        barSeries(
          "上划 top-ups",
          "#ff7f0e",
          sumMembers((m) => m.topUp),
        ),
      ],
      [
        barSeries(
          "上解 clawbacks",
          "#d62728",
          sim.periods.map((p) => p.clawbacks),
        ),
      ],
    ],
  );
  const trueUp = showsTrueUp(sim);
  const adjustments = adjustmentsOf(sim, esc);
  const adjustmentsHtml =
    sim.restated === undefined
      ? ""
      : `<h2>以前期间调整 / Prior-period adjustments, by the period they correct</h2>
<p class="note restatements">${adjustments.restatements.map((r) => `更正 restated: ${esc(r)}`).join("<br>")}</p>
${adjustments.rows.length > 0 ? table(ADJUSTMENT_HEADER, adjustments.rows, 3, "adjustments") : "<p>无调整 / no adjustment</p>"}
${
  adjustments.figures.length > 0
    ? `<h3>各期结算数与更正后数 / Figures as settled and as restated, by period</h3>\n${table(
        RESTATED_FIGURES_HEADER,
        adjustments.figures.map((r) => r.map(esc)),
        3,
        "restated-figures",
      )}`
    : ""
}`;
  const yearRows = sim.years.map((y) => [
    String(y.year),
    wan(y.pool.balance),
    wan(y.pool.floor),
    `${wan(y.pool.topUp)}${topUpsOf(sim, y.year)
      .map((t) => `<br><span class="note">${esc(t.period)} ${wan(t.amount)}${t.reason ? ` ${esc(TOP_UP_REASON[t.reason])}` : ""}</span>`)
      .join("")}`,
    wan(y.pool.paid.majorAccident),
    wan(y.pool.paid.cutGapGrant),
    wan(y.pool.paid.subsidy),
    wan(y.pool.paid.recordedDeficit),
    ...(trueUp ? [wan(y.pool.trueUpReturned)] : []),
    wan(clawbacksAccrued(y)),
    wan(y.clawbacks),
  ]);
  const eligibility = eligibilityByYear(sim)
    .map(
      (e) =>
        `<h3>${e.year}</h3>${table(
          ["地区 member", "本地可支付月数 own reserve months", "本地可降费 own cut", "符合条件 eligible", "作为降费缺口弥补支付 paid as grant"],
          e.rows.map((r) => [
            esc(name(r.member)),
            esc(r.ownReserveMonths ?? "∞"),
            esc(r.ownCutFraction),
            r.eligible === "" ? "否 no" : `是 yes ${esc(r.eligible)}`,
            wan(r.grantPaid),
          ]),
        )}`,
    )
    .join("\n");
  const clawbackRows = ids.map((id) => [esc(name(id)), ...sim.years.flatMap((y) => [wan(y.members[id]!.clawbackAccrued), wan(y.members[id]!.clawback)])]);
  const clawbacks = table(
    ["地区 member", ...sim.years.flatMap((y) => [`${y.year} 应上解 accrued`, `${y.year} 已上解 settled`])],
    [...clawbackRows, ["合计 total", ...sim.years.flatMap((y) => [wan(clawbacksAccrued(y)), wan(y.clawbacks)])]],
  );
  const trueUpTable = trueUp
    ? table(
        [
          "地区 member",
          ...sim.years.flatMap((y) => [`${y.year} 退回统筹基金 returned to the pool`, `${y.year} 补助转为补缺 subsidies reclassified as grants`]),
        ],
        [
          ...ids.map((id) => [esc(name(id)), ...sim.years.flatMap((y) => [wan(y.members[id]!.trueUpReturned), wan(y.members[id]!.trueUpReclassified)])]),
          ["统筹基金收回 the pool received", ...sim.years.flatMap((y) => [wan(y.pool.trueUpReturned), ""])],
        ],
      )
    : "";
  const trueUpOption = [...new Set(sim.periods.map((p) => (p.parameters.yearEndTrueUp ? "开 on" : "关 off")))].join(" / ");
  const budget = (options?.budgetExecution ?? [])
    .map((e) => {
      const rows: string[][] = [];
      const add = (
        who: string,
        lines: readonly { category: string; budget: string; adjusted: string; actual: string; variance: string; executionRate: string | null }[],
      ) => {
        for (const l of lines) {
          rows.push([
            esc(who),
            esc(CATEGORY[l.category] ?? l.category),
            wan(l.budget),
            wan(l.adjusted),
            wan(l.actual),
            wan(l.variance),
            percent(l.executionRate),
          ]);
        }
      };
      for (const m of e.members) add(name(m.member), [...m.income, ...m.expenditure]);
      add("市区合计 city-district", [...e.consolidated.income, ...e.consolidated.expenditure]);
      const adjustments = e.members.flatMap((m) => m.adjustments.map((a) => `${name(m.member)}: ${a.ref} (${a.date})`));
      return `<h3>${e.year}</h3>${table(["主体 entity", "科目 line", "预算 budget", "调整后 adjusted", "决算 actual", "差额 variance", "执行率 execution rate"], rows, 2)}
<p class="note">预算调整 approved adjustments: ${adjustments.length > 0 ? esc(adjustments.join("; ")) : "无 none"}. ${esc(e.rounding)}.</p>`;
    })
    .join("\n");
  const c = sim.conservation;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>市区工伤保险统筹模拟 / City-district pooling simulation</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 960px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 14px; margin: 14px 0 6px; }
svg { width: 100%; height: auto; background: #fff; border: 1px solid #ddd; margin: 8px 0; }
.title { font-size: 14px; font-weight: 600; } .tick { font-size: 11px; fill: #444; } .grid { stroke: #eee; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; } th { background: #f4f4f4; } td.l, th.l { text-align: left; }
.note { color: #666; font-size: 12px; } .banner { font-weight: 700; color: #a00; border: 1px solid #a00; padding: 6px 10px; }
</style>
</head>
<body>
${options?.illustrative ? `<p class="banner">${esc(ILLUSTRATIVE_BANNER)}</p>\n` : ""}<h1>市区工伤保险统筹模拟 / Work-injury insurance city-district pooling: simulation</h1>
<p>${esc(sim.name ?? "")}</p>
<p class="note">苏府办〔2020〕86号《市政府办公室关于工伤保险市区统筹的实施意见》. ${esc(labels[0] ?? "")} → ${esc(labels.at(-1) ?? "")}. 金额单位：万元 / amounts in 万元 (10,000 yuan). 守恒检查 conservation: ${c.ok ? "通过 ok" : "失败 FAILED"}.</p>
<h2>统筹基金 / The pool</h2>
${pool}
<h2>各地基金 / The members' funds</h2>
${balances}
${months}
<p class="note">风险等级（各级来源）/ risk bands (each band's source): ${esc(riskBandsOf(sim))}.</p>
<h2>资金往来 / Flows between the members and the pool</h2>
${flows}
<p class="note">统筹基金支付（重大事故、降费缺口弥补、补助、历年赤字）、各地上划、各地政府通过财力结算上解市财政（财政账户，不在基金内；年末结算为本库的解读）各为一柱 / The pool's payments, the members' top-ups and the clawbacks the district governments settle with municipal finance (fiscal accounts, outside the funds; settled at year end: the library's reading) are bars of their own.</p>
<h2>降费缺口弥补资格 / Eligibility for the cut-gap grant (二（三）)</h2>
<p class="note">文件：“基金备付期未达到国家阶段性降费政策要求的地区” (二（三）). 本库的测算 the library's measure: a member whose own reserve months qualify for a smaller national cut than the city applies, measured at the year end before the window. 作为降费缺口弥补支付 paid as grant = the grants paid as such; grants paid later as recorded deficits are among the pool's 历年赤字 deficits${trueUp ? ", subsidies reclassified as grants at the year-end true-up are in its table" : ""}.</p>
${eligibility}
<h2>补助上解 / Clawbacks accrued and settled (二（三）)</h2>
${clawbacks}
${
  trueUp
    ? `<p class="note">已上解按年末清算后的补助计，退回或转为补缺的部分不上解 / the clawback settled is on the subsidies as settled at the year-end true-up: less than accrued where subsidies were returned or reclassified.</p>
<h2>年末清算 / Year-end true-up (R8, option deficitCoverage.yearEndTrueUp: ${trueUpOption})</h2>
${trueUpTable}`
    : ""
}
${adjustmentsHtml}
<h2>年度汇总 / Yearly summary</h2>
${table(
  [
    "年度 year",
    "年末统筹基金 pool",
    "备付下限 floor",
    "上划 top-ups",
    "重大事故 major accidents",
    "降费缺口弥补 grants",
    "补助 subsidies",
    "历年赤字 deficits",
    ...(trueUp ? ["年末清算收回 true-up returned"] : []),
    "应上解 clawbacks accrued",
    "已上解 clawbacks settled",
  ],
  yearRows,
  1,
  "years",
)}
${owedNote(sim, name)}
<p class="note">本库的解读 the library's readings (各条引注 as the results cite them):<br>${readingsOf(sim).map(esc).join("<br>")}</p>
${budget ? `<h2>预算执行 / Budget execution (二（四）)</h2>\n${budget}` : ""}
${auditHtml(options?.audit ?? [])}
<p class="note">Generated by suzhou-wi-pooling. 图表仅用于展示；精确数值见 JSON 输出 / Charts are for reading; exact figures are in the JSON output.</p>
</body>
</html>
`;
}
