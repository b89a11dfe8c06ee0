/**
 * What the summary and the HTML report both show of a simulation's story,
 * read from its period reports and yearly summaries (never recomputed): each
 * member's eligibility for the cut-gap grant, the top-ups and why they were
 * raised, clawbacks accrued and settled. Presentation, not rules.
 *
 * @module
 */
import type { BudgetExecution, BudgetExecutionLine } from "../fund/budget.js";
import type { PeriodReport } from "../settlement/report.js";
import type { Simulation } from "../settlement/results.js";

/** Options of the presentations: the budget execution to show (from `simulationBudgetExecution`). */
export interface PresentationOptions {
  /** The budget execution of the simulation's years (`simulationBudgetExecution(sim, budgets, opening)`): shown when given. */
  budgetExecution?: readonly BudgetExecution[];
}

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

/** Chinese and English names of a top-up's reason. @internal */
export const TOP_UP_REASON: Record<"scheduled" | "whenShort", string> = {
  scheduled: "按期 scheduled",
  whenShort: "支付不足 when short",
};

/** The clawbacks accrued over a year, all members (the yearly summaries' `clawbackAccrued`, summed). @internal */
export function clawbacksAccrued(year: Simulation["years"][number]): string {
  let fen = 0n;
  for (const m of Object.values(year.members)) fen += BigInt(m.clawbackAccrued.replace(".", ""));
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
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
