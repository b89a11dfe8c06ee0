/**
 * A period's figures as a summary-only run keeps them: what the yearly
 * summaries sum and what an analysis reads of a period (no parameters, no
 * citations, 21 of a member's 39 figures, the amounts in fen), built by the same
 * helpers as the full report, so that each figure is the full report's.
 *
 * @module
 */
import { type Fen, formatFen } from "../money.js";
import { memberStanding, type PoolOutcome, poolReport } from "./periodReport.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { PeriodContext } from "./steps/context.js";
import type { MemberSum } from "./years.js";

/** The member figures a summary-only run sums, kept in fen until its year is summarized. */
/** The figures a summary-only run sums over a year: those of the year's summary, and the claims on the pool. */
type Summed = MemberSum | "grantClaimed" | "subsidyClaimed" | "unclaimed" | "openingDeficitClaimed";

/**
 * The member figures a summary-only run keeps of a period: 21 of a member's 39 figures, the amounts in fen
 * (formatted only when a year is summarized, by the same formatting as the full report's). @internal
 */
export type SummaryMemberReport = Record<Summed | "balance", Fen> & Pick<MemberPeriodReport, "reserveMonths" | "risk">;

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
      income: f.income,
      expenditure: f.expenditure,
      cutRelief: f.cutRelief,
      grantClaimed: f.grantClaimed,
      subsidyClaimed: f.subsidyClaimed,
      unclaimed: f.unclaimed,
      openingDeficitClaimed: f.openingDeficitClaimed,
      extraction: f.extraction,
      provincialRemittance: f.provincialRemittance,
      topUp: f.topUp,
      grantPaid: f.grantPaid,
      subsidyPaid: f.subsidyPaid,
      deficitPaid: f.deficitPaid,
      majorAccidentPaid: f.majorAccidentPaid,
      clawback: f.clawback,
      clawbackAccrued: f.clawbackAccrued,
      trueUpReturned: f.trueUpReturned,
      trueUpReclassified: f.trueUpReclassified,
      balance,
      reserveMonths,
      risk,
    };
  }
  return { period: context.period, members, pool: poolReport(context, pool), clawbacks: formatFen(pool.clawbacks) };
}
