/**
 * What the summary and the HTML report both show of a simulation's story,
 * read from its period reports and yearly summaries (never recomputed): each
 * member's eligibility for the cut-gap grant, the top-ups and why they were
 * raised, clawbacks accrued and settled. Presentation, not rules.
 *
 * @module
 */

import { ACCOUNTS, kindOf } from "../ledger/accounts.js";
import type { Citation } from "../policy/citation.js";
import type { PeriodReport } from "../settlement/report.js";
import type { Simulation } from "../settlement/results.js";
import type { BudgetExecution, BudgetExecutionLine } from "../statements/budget.js";
import type { AuditYear } from "./auditData.js";

/** Options of the presentations: the budget execution to show (from `simulationBudgetExecution`), whether the figures are illustrative. */
export interface PresentationOptions {
  /** The budget execution of the simulation's years (`simulationBudgetExecution(sim, budgets, opening)`): shown when given. */
  budgetExecution?: readonly BudgetExecution[];
  /**
   * The figures are illustrative (the built-in `EXAMPLE_SCENARIO`): the presentation opens with the banner
   * "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data". Default `false`.
   */
  illustrative?: boolean;
  /**
   * The statements for the auditor (`auditStatements(sim, opening)`: the unified lines, the fiscal settlement,
   * the top-up working papers, per year): shown when given.
   */
  audit?: readonly AuditYear[];
}

/** The banner of illustrative figures (the built-in example), Chinese and English. @internal */
export const ILLUSTRATIVE_BANNER = "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data";

/** Consecutive periods as ranges: `["2020-05", "2020-06", "2020-08"]` → `"2020-05 → 2020-06, 2020-08"`. @internal */
export function periodRanges(periods: readonly string[], sequence: readonly string[]): string {
  const out: string[] = [];
  let start: string | null = null;
  let last: string | null = null;
  let lastIndex = -2;
  for (const p of periods) {
    const i = sequence.indexOf(p);
    if (start !== null && i === lastIndex + 1) {
      last = p;
    } else {
      if (start !== null) out.push(start === last ? start : `${start} → ${last}`);
      start = p;
      last = p;
    }
    lastIndex = i;
  }
  if (start !== null) out.push(start === last ? start : `${start} → ${last}`);
  return out.join(", ");
}

/** One member's eligibility for the cut-gap grant over a year, as the year's period reports give it. @internal */
export interface EligibilityRow {
  member: string;
  /** The own reserve months of the year's first period (the measuring year end's), or null (unbounded). */
  ownReserveMonths: string | null;
  ownCutFraction: string;
  /** The periods of the year in which it was eligible, as ranges; "" for none. */
  eligible: string;
  /** The cut-gap grant paid to it over the year. */
  grantPaid: string;
}

/** The periods of a year, in order. */
function periodsOf(sim: Simulation, year: number): PeriodReport[] {
  return sim.periods.filter((p) => p.period.startsWith(`${year}-`));
}

/** Each member's eligibility for the cut-gap grant in each year of a simulation (R8). @internal */
export function eligibilityByYear(sim: Simulation): { year: number; rows: EligibilityRow[] }[] {
  return sim.years.map((y) => {
    const reports = periodsOf(sim, y.year);
    const sequence = reports.map((r) => r.period);
    const first = reports[0]!;
    return {
      year: y.year,
      rows: Object.keys(first.members).map((id) => ({
        member: id,
        ownReserveMonths: first.members[id]!.ownReserveMonths,
        ownCutFraction: first.members[id]!.ownCutFraction,
        eligible: periodRanges(
          reports.filter((r) => r.members[id]!.eligibleForCutGapGrant).map((r) => r.period),
          sequence,
        ),
        grantPaid: y.members[id]!.grantPaid,
      })),
    };
  });
}

/** The top-ups of a year: period, amount and why (R7). @internal */
export function topUpsOf(sim: Simulation, year: number): { period: string; amount: string; reason: "scheduled" | "whenShort" | null }[] {
  return periodsOf(sim, year)
    .filter((r) => r.pool.topUp !== "0.00")
    .map((r) => ({ period: r.period, amount: r.pool.topUp, reason: r.pool.topUpReason }));
}

/**
 * What each member still owes at a year's end (应上解未上解: an extraction, a provincial remittance or a
 * top-up share it could not pay, R5–R7, 0.7) and whether a remittance of the year was overdue; only the
 * members with either. @internal
 */
export function owedOf(sim: Simulation, year: number): { member: string; owed: string; overdue: boolean }[] {
  const reports = periodsOf(sim, year);
  const last = reports.at(-1);
  if (!last) return [];
  return Object.entries(last.members)
    .map(([id, m]) => ({ member: id, owed: m.owed, overdue: reports.some((r) => r.members[id]!.remittanceOverdue) }))
    .filter((o) => o.owed !== "0.00" || o.overdue);
}

/** Chinese and English names of a top-up's reason. @internal */
export const TOP_UP_REASON: Record<"scheduled" | "whenShort", string> = {
  scheduled: "按期 scheduled",
  whenShort: "支付不足 when short",
};

/** Two-decimal money strings, summed exactly (a total of figures the results give, for display). @internal */
export function sumMoney(figures: readonly string[]): string {
  let fen = 0n;
  for (const f of figures) fen += BigInt(f.replace(".", ""));
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** The clawbacks accrued over a year, all members (the yearly summaries' `clawbackAccrued`, summed). @internal */
export function clawbacksAccrued(year: Simulation["years"][number]): string {
  return sumMoney(Object.values(year.members).map((m) => m.clawbackAccrued));
}

/** Whether a simulation's presentations show the year-end true-up (R8): the option was on in a period, or a figure of it is nonzero. @internal */
export function showsTrueUp(sim: Simulation): boolean {
  return (
    sim.periods.some((p) => p.parameters.yearEndTrueUp) ||
    sim.years.some(
      (y) => y.pool.trueUpReturned !== "0.00" || Object.values(y.members).some((m) => m.trueUpReturned !== "0.00" || m.trueUpReclassified !== "0.00"),
    )
  );
}

/**
 * A parameter's values over a sequence of period reports, each with the periods it held in, as ranges:
 * `[{ value: "0.2", periods: "2020-05 → 2022-12" }]`. @internal
 */
export function valuesOver(reports: readonly PeriodReport[], read: (r: PeriodReport) => string): { value: string; periods: string }[] {
  const sequence = reports.map((r) => r.period);
  const values = [...new Set(reports.map(read))];
  return values.map((value) => ({
    value,
    periods: periodRanges(
      reports.filter((r) => read(r) === value).map((r) => r.period),
      sequence,
    ),
  }));
}

/** The periods of a year of a simulation, in order. @internal */
export function reportsOf(sim: Simulation, year: number): PeriodReport[] {
  return periodsOf(sim, year);
}

/** The pool's `critical` and `warning` periods of a year, as the period reports assess them (R11). @internal */
export function poolWarningsOf(sim: Simulation, year: number): { critical: number; warning: number } {
  const reports = periodsOf(sim, year);
  return { critical: reports.filter((r) => r.pool.risk === "critical").length, warning: reports.filter((r) => r.pool.risk === "warning").length };
}

/** Chinese and English names of the outside accounts money enters the funds from (the journal's). @internal */
export const EXTERNAL_SOURCE: Record<string, string> = {
  [ACCOUNTS.opening]: "期初结余 opening balances",
  [ACCOUNTS.legacy]: "原储备金和调剂金 legacy funds",
  [ACCOUNTS.employers]: "缴费 contributions",
  [ACCOUNTS.otherIncome]: "其他收入 other income",
};

/**
 * The conservation report's external income split by the outside account it came from, netted, read from
 * the journal (the entries between an outside account, beneficiaries excepted, and a fund): the parts sum
 * to `conservation.externalIn`. @internal
 */
export function externalIncomeBySource(sim: Simulation): { account: string; amount: string }[] {
  const isFund = (a: string) => kindOf(a) === "fund";
  const isOutside = (a: string) => kindOf(a) === "external" && a !== ACCOUNTS.beneficiaries;
  const byAccount = new Map<string, string[]>();
  const add = (account: string, amount: string) => {
    const list = byAccount.get(account) ?? [];
    list.push(amount);
    byAccount.set(account, list);
  };
  for (const e of sim.journal) {
    if (isOutside(e.from) && isFund(e.to)) add(e.from, e.amount);
    else if (isFund(e.from) && isOutside(e.to)) add(e.to, `-${e.amount}`);
  }
  const order = Object.keys(EXTERNAL_SOURCE);
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
  return [...byAccount.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((account) => ({ account, amount: sumMoney(byAccount.get(account)!) }));
}

/** An execution rate as a percentage for display: `"0.9835"` → `"98.35%"`; null → `"—"`. @internal */
export function percent(rate: string | null): string {
  if (rate === null) return "—";
  const [whole, frac = ""] = rate.split(".");
  const digits = `${whole}${frac.padEnd(4, "0")}`.replace(/^0+(?=\d{3})/, "");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

/** A budget line's figures, or zeros when the entity has no line of that category. @internal */
export function lineOf(lines: readonly BudgetExecutionLine[], category: string): BudgetExecutionLine | undefined {
  return lines.find((l) => l.category === category);
}

/** Chinese and English names of the budget categories. @internal */
export const CATEGORY: Record<string, string> = {
  contributions: "缴费收入 contributions",
  benefits: "待遇支出 benefits",
  majorAccidentBenefits: "重大事故待遇 major-accident benefits",
};

/** A parameter's values over the periods, as text: the one value, or each value with the periods it held in. */
function overPeriods(reports: readonly PeriodReport[], read: (r: PeriodReport) => string): string {
  const values = valuesOver(reports, read);
  return values.length === 1 ? values[0]!.value : values.map((v) => `${v.value} (${v.periods})`).join("; ");
}

/** A citation as text: `"二（二）: note"`. */
const citationText = (c: Citation) => `${c.clause}${c.note ? `: ${c.note}` : ""}`;

/** Where the risk bands come from (each band's source), as the period reports state it (`parameters.riskBandsSource`). @internal */
export function riskBandsOf(sim: Simulation): string {
  return overPeriods(sim.periods, (r) => r.parameters.riskBandsSource);
}

/**
 * The library's readings a simulation used, each with the clause and note its period reports cite: the
 * order the pool pays its claims (R10), the top-up schedule (R7), the settlement of the clawbacks (R9). @internal
 */
export function readingsOf(sim: Simulation): string[] {
  const reports = sim.periods;
  return [
    `支付顺序 pool priority: ${overPeriods(reports, (r) => `${r.parameters.priority.join(" → ")} — ${citationText(r.citations.priority)}`)}`,
    `上划时点 top-up schedule: ${overPeriods(reports, (r) => `${r.parameters.topUpSchedule}${r.parameters.topUpWhenShort ? " + when short" : ""} — ${citationText(r.citations.topUpSchedule)}`)}`,
    `上解结算 clawback settlement: ${overPeriods(reports, (r) => citationText(r.citations.clawback))}`,
  ];
}
