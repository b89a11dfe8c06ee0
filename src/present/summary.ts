/**
 * The yearly summary of a simulation as text, with Chinese and English labels
 * (used by `wi-pooling simulate` and `npm run demo`). Pure: returns a string.
 * Presentation, not rules: the figures are the simulation's own.
 *
 * @module
 */

import type { BudgetExecution } from "../fund/budget.js";
import { D } from "../money.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy, RiskLevel } from "../policy/schema.js";
import type { Simulation } from "../settlement/results.js";
import { CATEGORY, clawbacksAccrued, eligibilityByYear, lineOf, type PresentationOptions, percent, TOP_UP_REASON, topUpsOf } from "./story.js";

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
 * English labels (what `wi-pooling simulate` and `npm run demo` print): per
 * year, each member's balance, reserve months and risk, its extraction,
 * provincial remittance, top-ups, grants, subsidies, clawbacks accrued and
 * settled; each member's eligibility for the cut-gap grant (its own reserve
 * months, the cut they qualify for, the periods it was eligible); the pool
 * against its floor, its top-ups and why they were raised, its payments;
 * warnings; the budget execution when given; and the conservation check.
 * Amounts are shown in 万元 (10,000 yuan), rounded half-up for display only;
 * every figure is read from the results, none recomputed. Pure: returns the text.
 *
 * @param sim - a result of `simulate`
 * @param policy - the policy the simulation ran under (default `SUZHOU_2020`): it names the members
 * @param options - `{ budgetExecution }`: the budget execution to show (from `simulationBudgetExecution`)
 * @returns the summary, lines joined by `"\n"`
 * @throws never (for a `Simulation` as `simulate` returns it)
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * console.log(formatSummary(sim, SUZHOU_2020, { budgetExecution: simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening) }));
 * // ══ 2020 年度 (2020-05 → 2020-12) ══ …
 * ```
 */
export function formatSummary(sim: Simulation, policy?: Policy, options?: PresentationOptions): string {
  const p = resolvePolicy(policy);
  const names = Object.fromEntries(p.members[0]!.value.map((m) => [m.id, m.nameZh.replace(/（.*）/, "")]));
  const nameOf = (id: string) => (id === "pool" ? "统筹基金 pool" : `${names[id] ?? id} ${id}`);
  const eligibility = eligibilityByYear(sim);
  const out: string[] = [];
  out.push("苏州市区工伤保险市区统筹模拟 / Suzhou work-injury insurance city-district pooling: simulation");
  if (sim.name) out.push(sim.name);
  out.push(
    `${sim.periods[0]?.period ?? ""} → ${sim.periods.at(-1)?.period ?? ""}; 金额单位万元 amounts in 万元 (10,000 yuan), rounded for display; the figures are exact to the fen.\n`,
  );
  for (const y of sim.years) {
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
          "降费补缺 grant",
          "补助 subsidy",
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
          wan(m.grantPaid),
          wan(m.subsidyPaid),
          wan(m.clawbackAccrued),
          wan(m.clawback),
        ]),
      ),
    );
    out.push("\n降费补缺资格 eligibility for the cut-gap grant (二（三）: own reserves below the national requirement):");
    out.push(
      textTable(
        ["地区 member", "本地可支付月数 own months", "本地可降费 own cut", "符合条件 eligible", "降费补缺 grant"],
        (eligibility.find((e) => e.year === y.year)?.rows ?? []).map((r) => [
          nameOf(r.member),
          r.ownReserveMonths ?? "∞",
          r.ownCutFraction,
          r.eligible === "" ? "否 no" : `是 yes ${r.eligible}`,
          wan(r.grantPaid),
        ]),
      ),
    );
    const p = y.pool;
    const floorMonths = sim.periods.find((r) => r.period === y.to)?.parameters.poolFloorMonths ?? "?";
    out.push(
      `\n统筹基金 pool: 年末 balance ${wan(p.balance)} / 备付下限 floor (${floorMonths} 个月 months) ${wan(p.floor)}; 可支付 ${p.reserveMonths ?? "∞"} 个月 months (${p.risk === null ? "未评估 not assessed" : RISK[p.risk]})`,
    );
    const topUps = topUpsOf(sim, y.year)
      .map((t) => `${t.period} ${wan(t.amount)}${t.reason ? ` ${TOP_UP_REASON[t.reason]}` : ""}`)
      .join("; ");
    out.push(`  上划合计 top-ups ${wan(p.topUp)}${topUps ? ` (${topUps})` : ""}, 缺口 shortfall ${wan(p.shortfall)}`);
    out.push(
      `  支付 paid: 重大事故 major accidents ${wan(p.paid.majorAccident)}, ` +
        `降费补缺 grants ${wan(p.paid.cutGapGrant)}, 补助 subsidies ${wan(p.paid.subsidy)}, 历年赤字 deficits ${wan(p.paid.recordedDeficit)}`,
    );
    out.push(`  上解市财政 clawbacks (二（三）, 财力结算): 应上解 accrued ${wan(clawbacksAccrued(y))}, 年末已上解 settled ${wan(y.clawbacks)}`);
    const warned = Object.entries(y.members).filter(([, m]) => m.warnings.length > 0);
    if (warned.length > 0) {
      out.push(`  预警 warnings (二（五）): ${warned.map(([id, m]) => `${names[id] ?? id} ${m.warnings.length} 个月 months`).join("; ")}`);
    }
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
  const c = sim.conservation;
  out.push(`守恒检查 conservation (R13): ${c.ok ? "通过 ok" : `失败 FAILED: ${c.failures.join("; ")}`}`);
  out.push(
    `  journal ${sim.journal.length} entries; all accounts sum to ${c.totalOfAllAccounts}; funds ${wan(c.funds)} = external income ${wan(c.externalIn)} − benefits ${wan(c.benefitsOut)} − provincial ${wan(c.provincialOut)} (万元)`,
  );
  const first = sim.periods[0];
  if (first) {
    const k = first.parameters;
    out.push(
      `条款 Clauses: 二（一） rates and cut; 二（二） opening ${new D(k.openingExtractionRate).times(100).toFixed()}%, provincial reserve, ${k.poolFloorMonths}-month floor and top-ups; 二（三） deficit order, grant, subsidy, clawback at ${new D(k.clawbackRate).times(100).toFixed()}%; 二（五） warnings.`,
    );
  }
  return out.join("\n");
}
