/**
 * Yearly summaries of a simulation: the figures a municipal finance bureau
 * files (二（四）) and the demo prints.
 *
 * @module
 */

import * as z from "zod";
import { FEN_ZERO, type Fen, formatFen, parseFen } from "../money.js";
import { yearOf } from "../period.js";
import { type Policy, RiskLevelSchema } from "../policy/schema.js";
import { MoneyStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { ClassAmountsSchema, type PeriodReport } from "./report.js";

const money = MoneyStringSchema;
const months = money.nullable();

/** zod schema of one member's figures over a year. */
export const MemberYearSummarySchema = z
  .object({
    income: money,
    expenditure: money,
    cutRelief: money,
    extraction: money,
    provincialRemittance: money,
    topUp: money,
    grantPaid: money,
    subsidyPaid: money,
    deficitPaid: money,
    majorAccidentPaid: money,
    /** R9: the clawback settled for the year (one fiscal transfer, in the year's last period). */
    clawback: money,
    /** R9: the clawback accrued over the year's periods (on the subsidies as paid, before any true-up). */
    clawbackAccrued: money,
    /** R8, option `deficitCoverage.yearEndTrueUp`: returned to the pool at the year's true-up. */
    trueUpReturned: money,
    /** R8, option `deficitCoverage.yearEndTrueUp`: subsidies that became grants at the year's true-up. */
    trueUpReclassified: money,
    /** Balance (current + carried) at the end of the year's last period. */
    balance: money,
    reserveMonths: months,
    risk: RiskLevelSchema,
    /** Periods of the year whose risk was `critical` or `warning`. */
    warnings: z.array(z.string()),
  })
  .strict();
/** One member's figures over a year. */
export type MemberYearSummary = z.output<typeof MemberYearSummarySchema>;

/** zod schema of a year of a simulation. */
export const YearSummarySchema = z
  .object({
    year: z.number().int(),
    /** The first and last periods of the year the scenario covers. */
    from: z.string(),
    to: z.string(),
    members: z.record(z.string(), MemberYearSummarySchema),
    pool: z
      .object({
        balance: money,
        floor: money,
        extractions: money,
        topUp: money,
        shortfall: money,
        /** R8, option `deficitCoverage.yearEndTrueUp`: returned by the members at the year's true-up. */
        trueUpReturned: money,
        paid: ClassAmountsSchema,
        pendingClaims: money,
        reserveMonths: months,
        risk: RiskLevelSchema.nullable(),
      })
      .strict(),
    /** R9: the clawbacks settled for the year, all members. */
    clawbacks: money,
  })
  .strict();
/** A year of a simulation. */
export type YearSummary<M extends string = string> = Omit<z.output<typeof YearSummarySchema>, "members"> & {
  /** Each member's year, keyed by member id (the policy's: for `SUZHOU_2020`, `SuzhouMemberId`). */
  members: Record<M, MemberYearSummary>;
};

const MEMBER_SUMS = [
  "income",
  "expenditure",
  "cutRelief",
  "extraction",
  "provincialRemittance",
  "topUp",
  "grantPaid",
  "subsidyPaid",
  "deficitPaid",
  "majorAccidentPaid",
  "clawback",
  "clawbackAccrued",
  "trueUpReturned",
  "trueUpReclassified",
] as const;

/** A report figure (the engine's own two-decimal money, or fen as a summary-only run keeps it) as fen. */
function fenOfFigure(money: string | Fen): Fen {
  if (typeof money === "bigint") return money;
  return money === "0.00" ? FEN_ZERO : parseFen(money);
}

/** A report figure as the summaries show it: two decimals. */
function moneyOfFigure(money: string | Fen): string {
  return typeof money === "bigint" ? formatFen(money) : money;
}

type MemberFigure = (typeof MEMBER_SUMS)[number] | "balance";

/** What the yearly summaries read of a period's report (a full report, or a summary-only run's, whose amounts are fen). @internal */
export interface YearInput {
  period: string;
  members: Record<
    string,
    | Pick<PeriodReport["members"][string], MemberFigure | "reserveMonths" | "risk">
    | (Record<MemberFigure, Fen> & Pick<PeriodReport["members"][string], "reserveMonths" | "risk">)
  >;
  pool: PeriodReport["pool"];
  clawbacks: string;
}

/** Sums period reports by calendar (fiscal) year. @internal */
export function summarizeYears(_policy: Policy, periods: readonly YearInput[]): YearSummary[] {
  const byYear = new Map<number, YearInput[]>();
  for (const r of periods) {
    const y = yearOf(r.period);
    const list = byYear.get(y) ?? [];
    list.push(r);
    byYear.set(y, list);
  }
  const out: YearSummary[] = [];
  for (const [year, reports] of byYear) {
    const last = reports[reports.length - 1]!;
    const members: Record<string, MemberYearSummary> = {};
    for (const id of Object.keys(last.members)) {
      // one pass over the year's reports per member: the sums in MEMBER_SUMS order, and the periods in warning
      const sums: Fen[] = MEMBER_SUMS.map(() => FEN_ZERO);
      const warnings: string[] = [];
      for (const r of reports) {
        const figures = r.members[id]!;
        for (let k = 0; k < MEMBER_SUMS.length; k++) sums[k]! += fenOfFigure(figures[MEMBER_SUMS[k]!]);
        if (figures.risk === "critical" || figures.risk === "warning") warnings.push(r.period);
      }
      const summed = {} as Record<(typeof MEMBER_SUMS)[number], string>;
      for (let k = 0; k < MEMBER_SUMS.length; k++) summed[MEMBER_SUMS[k]!] = formatFen(sums[k]!);
      const end = last.members[id]!;
      members[id] = { ...summed, balance: moneyOfFigure(end.balance), reserveMonths: end.reserveMonths, risk: end.risk, warnings };
    }
    const sum = (f: (r: YearInput) => string) => {
      let total = FEN_ZERO;
      for (const r of reports) total += fenOfFigure(f(r));
      return formatFen(total);
    };
    out.push({
      year,
      from: reports[0]!.period,
      to: last.period,
      members,
      pool: {
        balance: last.pool.balance,
        floor: last.pool.floor,
        extractions: sum((r) => r.pool.extractions),
        topUp: sum((r) => r.pool.topUp),
        shortfall: sum((r) => r.pool.shortfall),
        trueUpReturned: sum((r) => r.pool.trueUpReturned),
        paid: {
          majorAccident: sum((r) => r.pool.paid.majorAccident),
          cutGapGrant: sum((r) => r.pool.paid.cutGapGrant),
          subsidy: sum((r) => r.pool.paid.subsidy),
          recordedDeficit: sum((r) => r.pool.paid.recordedDeficit),
        },
        pendingClaims: last.pool.pendingClaims,
        reserveMonths: last.pool.reserveMonths,
        risk: last.pool.risk,
      },
      clawbacks: sum((r) => r.clawbacks),
    });
  }
  return out;
}

// the validators are exported: nobody may change what they check
freezeSchemas(MemberYearSummarySchema, YearSummarySchema);
