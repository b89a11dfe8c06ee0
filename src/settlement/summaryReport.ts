/**
 * A period's figures as a summary-only run keeps them: what the yearly
 * summaries sum and what an analysis reads of a period (no parameters, no
 * citations, 21 of a member's 39 figures), built by the same helpers as the
 * full report, so that each figure is the full report's.
 *
 * @module
 */
import { formatFen } from "../money.js";
import { memberStanding, type PoolOutcome, poolReport } from "./periodReport.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { PeriodContext } from "./steps/context.js";

/** The member figures a summary-only run keeps of a period. @internal */
export type SummaryMemberReport = Pick<
  MemberPeriodReport,
  | "income"
  | "expenditure"
  | "cutRelief"
  | "grantClaimed"
  | "subsidyClaimed"
  | "unclaimed"
  | "openingDeficitClaimed"
  | "extraction"
  | "provincialRemittance"
  | "topUp"
  | "grantPaid"
  | "subsidyPaid"
  | "deficitPaid"
  | "majorAccidentPaid"
  | "clawback"
  | "clawbackAccrued"
  | "trueUpReturned"
  | "trueUpReclassified"
  | "balance"
  | "reserveMonths"
  | "risk"
>;

/** A period as a summary-only run keeps it. @internal */
export interface SummaryPeriodReport {
  period: string;
  members: Record<string, SummaryMemberReport>;
  pool: PeriodReport["pool"];
  clawbacks: string;
}

/** The summary of a settled period (the figures of {@link SummaryPeriodReport}). @internal */
export function buildSummaryReport(context: PeriodContext, pool: PoolOutcome): SummaryPeriodReport {
  const members: Record<string, SummaryMemberReport> = {};
  for (const id of context.memberIds) {
    const f = context.figures.get(id)!;
    const { balance, reserveMonths, risk } = memberStanding(context, id);
    members[id] = {
      income: formatFen(f.income),
      expenditure: formatFen(f.expenditure),
      cutRelief: formatFen(f.cutRelief),
      grantClaimed: formatFen(f.grantClaimed),
      subsidyClaimed: formatFen(f.subsidyClaimed),
      unclaimed: formatFen(f.unclaimed),
      openingDeficitClaimed: formatFen(f.openingDeficitClaimed),
      extraction: formatFen(f.extraction),
      provincialRemittance: formatFen(f.provincialRemittance),
      topUp: formatFen(f.topUp),
      grantPaid: formatFen(f.grantPaid),
      subsidyPaid: formatFen(f.subsidyPaid),
      deficitPaid: formatFen(f.deficitPaid),
      majorAccidentPaid: formatFen(f.majorAccidentPaid),
      clawback: formatFen(f.clawback),
      clawbackAccrued: formatFen(f.clawbackAccrued),
      trueUpReturned: formatFen(f.trueUpReturned),
      trueUpReclassified: formatFen(f.trueUpReclassified),
      balance: formatFen(balance),
      reserveMonths,
      risk,
    };
  }
  return { period: context.period, members, pool: poolReport(context, pool), clawbacks: formatFen(pool.clawbacks) };
}
