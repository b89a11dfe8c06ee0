/**
 * The yearly summary of a simulation as text, with Chinese and English labels
 * (used by `wi-pooling simulate` and `npm run demo`). Pure: returns a string.
 * Presentation, not rules: the figures are the simulation's own.
 *
 * @module
 */

import { D } from "../money.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy, RiskLevel } from "../policy/schema.js";
import type { Simulation } from "../settlement/results.js";
import type { BudgetExecution } from "../statements/budget.js";
import { ADJUSTMENT_HEADER, adjustmentsOf, RESTATED_FIGURES_HEADER } from "./adjustments.js";
import { auditText } from "./audit.js";
import {
  CATEGORY,
  clawbacksAccrued,
  EXTERNAL_SOURCE,
  eligibilityByYear,
  externalIncomeBySource,
  ILLUSTRATIVE_BANNER,
  lineOf,
  owedOf,
  type PresentationOptions,
  percent,
  poolWarningsOf,
  readingsOf,
  reportsOf,
  riskBandsOf,
  showsTrueUp,
  TOP_UP_REASON,
  topUpsOf,
  valuesOver,
} from "./story.js";

const RISK: Record<RiskLevel, string> = { critical: "严重 critical", warning: "预警 warning", normal: "正常 normal", surplus: "充裕 surplus" };

/** Yuan → 万元 with two decimals and thousands separators, rounded half-up for display only. @internal */
export function wan(yuan: string): string {
  const negative = yuan.startsWith("-");
  const fen = BigInt((negative ? yuan.slice(1) : yuan).replace(".", ""));
  const hundredths = (fen + 5000n) / 10000n; // 0.01 万元 = 100 元 = 10,000 fen
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative && hundredths !== 0n ? "-" : ""}${whole}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

/** Display width: CJK characters take two columns. @internal */
export function displayWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
}

/** A text table, first column left-aligned, the others right-aligned. @internal */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const cell = (s: string, i: number) => (i === 0 ? s + " ".repeat(widths[i]! - displayWidth(s)) : " ".repeat(widths[i]! - displayWidth(s)) + s);
  return [header.map(cell).join("  "), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r) => r.map(cell).join("  "))].join("\n");
}

/**
 * The yearly summary of a simulation as a text table, with Chinese and
 * English labels (what `wi-pooling simulate` and `npm run demo` print): the
 * risk bands' source (`parameters.riskBandsSource`: which band is the
 * document's and which the library's); per year, each member's balance,
 * reserve months and risk, its extraction, provincial remittance, top-ups,
 * the pool's payments to it (major accidents, grants, subsidies, recorded
 * deficits: they add up to the pool's "paid" line), clawbacks accrued and
 * settled; each member's eligibility for the cut-gap grant (its own reserve
 * months, the cut they qualify for, the periods it was eligible, the grant
 * paid as such); the year-end true-up when the option was on or a figure of it
 * is nonzero (returned to the pool, subsidies reclassified as grants); the pool
 * against its floor, its top-ups and why they were raised, its payments, the
 * clawback rate(s) in force; the pool's and the members' warning months; the
 * budget execution when given; the conservation check with the funds' income
 * split by source (read from the journal); the library's readings as the
 * results cite them (pool priority, top-up schedule, clawback settlement).
 * Amounts are shown in 万元 (10,000 yuan), rounded half-up for display only;
 * every figure is read from the results, none recomputed. Pure: returns the text.
 *
 * @param sim - a result of `simulate`
 * @param policy - the policy the simulation ran under (default `SUZHOU_2020`): it names the members
 * @param options - `{ budgetExecution, illustrative }`: the budget execution to show (from
 *   `simulationBudgetExecution`); `illustrative: true` opens the summary with the banner
 *   "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data" (the built-in example)
 * @returns the summary, lines joined by `"\n"`
 * @throws never (for a `Simulation` as `simulate` returns it)
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * console.log(formatSummary(sim, SUZHOU_2020, { budgetExecution: simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening), illustrative: true }));
 * // 示例数据，非真实数据 / ILLUSTRATIVE figures, not real data
 * // … ══ 2020 年度 (2020-05 → 2020-12) ══ …
 * ```
 */
export function formatSummary(sim: Simulation, policy?: Policy, options?: PresentationOptions): string {
  const p = resolvePolicy(policy);
  const names = Object.fromEntries(p.members[0]!.value.map((m) => [m.id, m.nameZh.replace(/（.*）/, "")]));
  const nameOf = (id: string) => (id === "pool" ? "统筹基金 pool" : `${names[id] ?? id} ${id}`);
  const eligibility = eligibilityByYear(sim);
  const trueUp = showsTrueUp(sim);
  const out: string[] = [];
  if (options?.illustrative) out.push(ILLUSTRATIVE_BANNER);
  out.push("苏州市区工伤保险市区统筹模拟 / Suzhou work-injury insurance city-district pooling: simulation");
  if (sim.name) out.push(sim.name);
  for (const w of sim.warnings ?? []) out.push(`注意 warning (${w.code}): ${w.messageZh} / ${w.message}`);
  out.push(
    `${sim.periods[0]?.period ?? ""} → ${sim.periods.at(-1)?.period ?? ""}; 金额单位万元 amounts in 万元 (10,000 yuan), rounded for display; the figures are exact to the fen.`,
  );
  out.push(`风险等级 risk bands (各级来源 each band's source): ${riskBandsOf(sim)}\n`);
  for (const y of sim.years) {
    const reports = reportsOf(sim, y.year);
    out.push(`══ ${y.year} 年度 (${y.from} → ${y.to}) ══`);
    out.push(
      textTable(
        [
          "地区 member",
          "年末结余 balance",
          "可支付月数 months",
          "风险 risk",
          "计提 extraction",
          "省级上解 provincial",
          "上划 top-up",
          "重大事故 major accident",
          "降费缺口弥补 grant",
          "补助 subsidy",
          "历年赤字 deficit paid",
          "应上解 clawback accrued",
          "已上解 settled",
        ],
        Object.entries(y.members).map(([id, m]) => [
          nameOf(id),
          wan(m.balance),
          m.reserveMonths ?? "∞",
          RISK[m.risk],
          wan(m.extraction),
          wan(m.provincialRemittance),
          wan(m.topUp),
          wan(m.majorAccidentPaid),
          wan(m.grantPaid),
          wan(m.subsidyPaid),
          wan(m.deficitPaid),
          wan(m.clawbackAccrued),
          wan(m.clawback),
        ]),
      ),
    );
    out.push("\n降费缺口弥补资格 eligibility for the cut-gap grant (二（三）: own reserves below the national requirement):");
    out.push(
      textTable(
        ["地区 member", "本地可支付月数 own months", "本地可降费 own cut", "符合条件 eligible", "作为降费缺口弥补支付 paid as grant"],
        (eligibility.find((e) => e.year === y.year)?.rows ?? []).map((r) => [
          nameOf(r.member),
          r.ownReserveMonths ?? "∞",
          r.ownCutFraction,
          r.eligible === "" ? "否 no" : `是 yes ${r.eligible}`,
          wan(r.grantPaid),
        ]),
      ),
    );
    out.push(
      `  作为降费缺口弥补支付 = 当期按降费缺口弥补支付的部分；作为历年赤字支付的计入“历年赤字”${trueUp ? "，年末清算转为降费缺口弥补的补助见下" : ""} / paid as grant = the grants paid as such; grants paid later as recorded deficits are in “deficit paid”${trueUp ? ", subsidies reclassified as grants at the true-up are below" : ""}.`,
    );
    if (trueUp) {
      const option = valuesOver(reports, (r) => (r.parameters.yearEndTrueUp ? "开 on" : "关 off"))
        .map((v, _, all) => (all.length > 1 ? `${v.value} ${v.periods}` : v.value))
        .join(", ");
      out.push(`\n年末清算 year-end true-up (R8, 选项 option deficitCoverage.yearEndTrueUp: ${option}):`);
      out.push(
        textTable(
          ["地区 member", "退回统筹基金 returned to the pool", "补助转为补缺 subsidies reclassified as grants"],
          Object.entries(y.members).map(([id, m]) => [nameOf(id), wan(m.trueUpReturned), wan(m.trueUpReclassified)]),
        ),
      );
    }
    const pool = y.pool;
    const floorMonths = sim.periods.find((r) => r.period === y.to)?.parameters.poolFloorMonths ?? "?";
    out.push(
      `\n统筹基金 pool: 年末 balance ${wan(pool.balance)} / 备付下限 floor (${floorMonths} 个月 months) ${wan(pool.floor)}; 可支付 ${pool.reserveMonths ?? "∞"} 个月 months (${pool.risk === null ? "未评估 not assessed" : RISK[pool.risk]})`,
    );
    const topUps = topUpsOf(sim, y.year)
      .map((t) => `${t.period} ${wan(t.amount)}${t.reason ? ` ${TOP_UP_REASON[t.reason]}` : ""}`)
      .join("; ");
    out.push(`  上划合计 top-ups ${wan(pool.topUp)}${topUps ? ` (${topUps})` : ""}, 缺口 shortfall ${wan(pool.shortfall)}`);
    const owed = owedOf(sim, y.year);
    if (owed.length > 0) {
      out.push(
        `  应上解未上解 owed at year end (二（二）; 以此后结余优先补缴 paid first from later surpluses): ${owed
          .map((o) => `${nameOf(o.member)} ${wan(o.owed)}${o.overdue ? " (省级储备金逾期 remittance overdue)" : ""}`)
          .join("; ")}`,
      );
    }
    out.push(
      `  支付 paid: 重大事故 major accidents ${wan(pool.paid.majorAccident)}, ` +
        `降费缺口弥补 grants ${wan(pool.paid.cutGapGrant)}, 补助 subsidies ${wan(pool.paid.subsidy)}, 历年赤字 deficits ${wan(pool.paid.recordedDeficit)}`,
    );
    if (trueUp) out.push(`  年末清算收回 returned at the true-up ${wan(pool.trueUpReturned)}`);
    const rates = valuesOver(reports, (r) => r.parameters.clawbackRate)
      .map((v, _, all) => `${new D(v.value).times(100).toFixed()}%${all.length > 1 ? ` ${v.periods}` : ""}`)
      .join(", ");
    out.push(
      `  上解市财政 clawbacks (二（三）, 财力结算, 比例 rate ${rates}): 应上解 accrued ${wan(clawbacksAccrued(y))}, 年末已上解 settled ${wan(y.clawbacks)}` +
        (trueUp
          ? " (已上解按年末清算后的补助计，退回或转为补缺的部分不上解 settled on the subsidies as settled at the true-up: less than accrued where subsidies were returned or reclassified)"
          : ""),
    );
    const poolWarnings = poolWarningsOf(sim, y.year);
    const warned = [
      ...(poolWarnings.critical + poolWarnings.warning > 0
        ? [
            `统筹基金 pool ${poolWarnings.critical + poolWarnings.warning} 个月 months (严重 critical ${poolWarnings.critical}, 预警 warning ${poolWarnings.warning})`,
          ]
        : []),
      ...Object.entries(y.members)
        .filter(([, m]) => m.warnings.length > 0)
        .map(([id, m]) => `${names[id] ?? id} ${m.warnings.length} 个月 months`),
    ];
    if (warned.length > 0) out.push(`  预警 warnings (严重或预警的月份 months critical or warning; 风险等级见上 bands above): ${warned.join("; ")}`);
    out.push("");
  }
  for (const e of options?.budgetExecution ?? []) {
    out.push(`══ ${e.year} 年度预算执行 budget execution (二（四）) ══`);
    const row = (
      who: string,
      income: readonly BudgetExecution["consolidated"]["income"][number][],
      expenditure: readonly BudgetExecution["consolidated"]["expenditure"][number][],
    ) => {
      const cells = (l: BudgetExecution["consolidated"]["income"][number] | undefined) =>
        l ? [wan(l.adjusted), wan(l.actual), percent(l.executionRate)] : ["", "", ""];
      const spend = lineOf(expenditure, "benefits") ?? lineOf(expenditure, "majorAccidentBenefits");
      return [who, ...cells(lineOf(income, "contributions")), spend ? CATEGORY[spend.category]!.split(" ")[0]! : "", ...cells(spend)];
    };
    out.push(
      textTable(
        ["地区 member", "收入预算 income budget", "实际 actual", "执行率 rate", "支出 expenditure", "支出预算 budget", "实际 actual", "执行率 rate"],
        [
          ...e.members.map((m) => row(nameOf(m.member), m.income, m.expenditure)),
          row(
            "市区合计 city-district",
            e.consolidated.income,
            e.consolidated.expenditure.filter((l) => l.category === "benefits"),
          ),
          row(
            "",
            [],
            e.consolidated.expenditure.filter((l) => l.category === "majorAccidentBenefits"),
          ),
        ],
      ),
    );
    const adjusted = e.members.flatMap((m) => m.adjustments.map((a) => `${nameOf(m.member)} ${a.ref} (${a.date})`));
    out.push(`  预算调整 approved adjustments: ${adjusted.length > 0 ? adjusted.join("; ") : "无 none"}; 预算为调整后数 budgets as adjusted; ${e.rounding}\n`);
  }
  const adjustments = adjustmentsOf(sim, (a) => a);
  if (sim.restated !== undefined) {
    out.push("══ 以前期间调整 prior-period adjustments (更正的数据 restated figures, 按更正所属期 by the period they correct) ══");
    for (const r of adjustments.restatements) out.push(`  更正 restated: ${r}`);
    out.push(
      adjustments.rows.length > 0 ? textTable(ADJUSTMENT_HEADER, adjustments.rows) : "  无调整 no adjustment (the restated figures equal those settled)",
    );
    if (adjustments.figures.length > 0) {
      out.push("  各期结算数与更正后数 figures as settled and as restated, by period:");
      out.push(textTable(RESTATED_FIGURES_HEADER, adjustments.figures));
    }
    out.push("");
  }
  out.push(...auditText(options?.audit ?? []));
  const c = sim.conservation;
  out.push(`守恒检查 conservation (R13): ${c.ok ? "通过 ok" : `失败 FAILED: ${c.failures.join("; ")}`}`);
  const income = externalIncomeBySource(sim)
    .map((s) => `${EXTERNAL_SOURCE[s.account] ?? s.account} ${wan(s.amount)}`)
    .join(" + ");
  out.push(
    `  journal ${sim.journal.length} entries; all accounts sum to ${c.totalOfAllAccounts}; 基金 funds ${wan(c.funds)} = ${income} − 待遇 benefits ${wan(c.benefitsOut)} − 省级上解 provincial ${wan(c.provincialOut)} (万元)`,
  );
  const first = sim.periods[0];
  if (first) {
    const k = first.parameters;
    out.push(
      `条款 Clauses: 二（一） rates and cut; 二（二） opening ${new D(k.openingExtractionRate).times(100).toFixed()}%, provincial reserve, ${k.poolFloorMonths}-month floor and top-ups; 二（三） deficit order, grant, subsidy, clawback (rates by year above); 二（五） early warning.`,
    );
    out.push("本库的解读 the library's readings (各条引注 as the results cite them):");
    for (const r of readingsOf(sim)) out.push(`  ${r}`);
  }
  return out.join("\n");
}
