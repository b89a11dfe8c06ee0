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
    /** The fund's contribution income over the year (基金收入), in yuan. */
    income: money,
    /** The fund's benefit expenditure over the year (基金支出), in yuan. */
    expenditure: money,
    /** The revenue the phased cut gave up over the year (降费减收额, 二（一）), in yuan. */
    cutRelief: money,
    /** The opening extraction paid in the year (10% of the 2019 balance, 二（二）), in yuan. */
    extraction: money,
    /** The provincial reserve remittance of the year (省级储备金, 二（二）), in yuan. */
    provincialRemittance: money,
    /** The member's share of the year's top-ups of the pool (上划, 二（二）), in yuan. */
    topUp: money,
    /** The cut-gap grants received in the year (降费缺口弥补, 二（三）), in yuan. */
    grantPaid: money,
    /** The subsidies received in the year (统筹基金补助, 二（三）), in yuan. */
    subsidyPaid: money,
    /** The recorded deficit the pool covered in the year (二（二）), in yuan. */
    deficitPaid: money,
    /** The major-accident benefits the pool paid for the member in the year (二（二）), in yuan. */
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
    /** Reserve months at year end: balance ÷ (prior-year expenditure ÷ 12), two decimals, truncated; null when unbounded. */
    reserveMonths: months,
    /** The warning level at year end; a balance below zero is `critical`. */
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
    /** The fiscal year. */
    year: z.number().int(),
    /** The first and last periods of the year the scenario covers. */
    from: z.string(),
    /** The last period of the year the scenario covers, `YYYY-MM`. */
    to: z.string(),
    /** Each member's year, keyed by the policy's member id (see `MemberYearSummary`). */
    members: z.record(z.string(), MemberYearSummarySchema),
    /** The pool's year (市区统筹基金, 二（二）). */
    pool: z
      .object({
        /** The pool's balance at the end of the year's last period, in yuan. */
        balance: money,
        /** The pool's floor at year end (3 months of payouts, 二（二）), in yuan. */
        floor: money,
        /** The extractions received in the year (10% of the 2019 balances, 二（二）), in yuan. */
        extractions: money,
        /** The top-ups raised from the members in the year (二（二）), in yuan. */
        topUp: money,
        /** What the members could not pay of the top-ups needed in the year, in yuan. */
        shortfall: money,
        /** R8, option `deficitCoverage.yearEndTrueUp`: returned by the members at the year's true-up. */
        trueUpReturned: money,
        /** What the pool paid in the year, by class of claim, in yuan. */
        paid: ClassAmountsSchema,
        /** Claims left unpaid at the end of the year, in yuan. */
        pendingClaims: money,
        /** The pool's reserve months at year end (two decimals, truncated); null before it opens. */
        reserveMonths: months,
        /** The pool's warning level at year end; null before it opens. */
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

/** A member figure a year sums. @internal */
export type MemberSum = (typeof MEMBER_SUMS)[number];
type MemberFigure = MemberSum | "balance";

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
