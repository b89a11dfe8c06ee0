/**
 * What the steps of one settled period share: the policy and its parameters in
 * force, the journal writer, the members' running figures and the period's
 * per-member figures that the report shows.
 *
 * @module
 */
import type { Path } from "../../errors.js";
import type { EligibilityDec } from "../../fund/eligibility.js";
import type { PriorityClass } from "../../fund/payByPriority.js";
import { reserveMonthsFen } from "../../fund/reserveMonths.js";
import type { JournalWriter } from "../../ledger/journal.js";
import { FEN_ZERO, type Fen, ZERO } from "../../money.js";
import { type PolicyParams, paramsAt } from "../../policy/paramsAt.js";
import type { Policy } from "../../policy/schema.js";
import type { InternalState, MemberFigures } from "../state.js";
import type { EngineTrace } from "./trace.js";

/** One member's figures of the period, as the report shows them. @internal */
export interface MemberPeriodFigures {
  income: Fen;
  expenditure: Fen;
  cutRelief: Fen;
  syncInducedRelief: Fen;
  gap: Fen;
  fromCurrentSurplus: Fen;
  fromCumulativeBalance: Fen;
  grantClaimed: Fen;
  subsidyClaimed: Fen;
  unclaimed: Fen;
  grantPaid: Fen;
  subsidyPaid: Fen;
  deficitPaid: Fen;
  majorAccidentPaid: Fen;
  /** R9: the clawback settled this period (the year's fiscal transfer, in the year's last period). */
  clawback: Fen;
  /** R9: the clawback accrued this period on the subsidies paid (settled at year end). */
  clawbackAccrued: Fen;
  /** R8, option `yearEndTrueUp`: what the member returned to the pool at the year's true-up. */
  trueUpReturned: Fen;
  /** R8, option `yearEndTrueUp`: the kept subsidies that became grants at the true-up. */
  trueUpReclassified: Fen;
  /** R5: the opening deficit claimed from the pool as a subsidy (in the opening period). */
  openingDeficitClaimed: Fen;
  topUp: Fen;
  extraction: Fen;
  legacyFoldIn: Fen;
  provincialRemittance: Fen;
  /** R6 (0.7): the part of this period's provincial remittance the fund could not pay: owed (应上解未上解). */
  provincialRemittanceOwed: Fen;
  /** R5 (0.7): the part of the opening extraction the fund could not pay: owed. */
  extractionOwed: Fen;
  /** R7 (0.7): the part of this period's top-up share the member could not pay: owed. */
  topUpOwed: Fen;
  /** R5–R7 (0.7): what the member paid this period of what it owed from earlier periods. */
  owedSettled: Fen;
  /** R6 (0.7): a provincial remittance paid (or still owed) after its due date this year. */
  remittanceOverdue: boolean;
  /** R8 (0.5): the member's own reserve months, own cut and eligibility for the cut-gap grant. */
  eligibility: EligibilityDec;
}

/** A member's figures before anything happened in the period. @internal */
export function emptyMemberPeriodFigures(): MemberPeriodFigures {
  return {
    income: FEN_ZERO,
    expenditure: FEN_ZERO,
    cutRelief: FEN_ZERO,
    syncInducedRelief: FEN_ZERO,
    gap: FEN_ZERO,
    fromCurrentSurplus: FEN_ZERO,
    fromCumulativeBalance: FEN_ZERO,
    grantClaimed: FEN_ZERO,
    subsidyClaimed: FEN_ZERO,
    unclaimed: FEN_ZERO,
    grantPaid: FEN_ZERO,
    subsidyPaid: FEN_ZERO,
    deficitPaid: FEN_ZERO,
    majorAccidentPaid: FEN_ZERO,
    clawback: FEN_ZERO,
    clawbackAccrued: FEN_ZERO,
    trueUpReturned: FEN_ZERO,
    trueUpReclassified: FEN_ZERO,
    openingDeficitClaimed: FEN_ZERO,
    topUp: FEN_ZERO,
    extraction: FEN_ZERO,
    legacyFoldIn: FEN_ZERO,
    provincialRemittance: FEN_ZERO,
    provincialRemittanceOwed: FEN_ZERO,
    extractionOwed: FEN_ZERO,
    topUpOwed: FEN_ZERO,
    owedSettled: FEN_ZERO,
    remittanceOverdue: false,
    eligibility: { ownReserveMonths: null, ownCutFraction: ZERO, eligible: false, reason: "outsideWindow" },
  };
}

/** Amounts by class of claim on the pool (R10). @internal */
export type ClassAmounts = Record<PriorityClass, Fen>;

/** Zero in every class. @internal */
export function zeroClassAmounts(): ClassAmounts {
  return { majorAccident: FEN_ZERO, cutGapGrant: FEN_ZERO, subsidy: FEN_ZERO, recordedDeficit: FEN_ZERO };
}

/** The shared context of the steps of one period. @internal */
export interface PeriodContext {
  readonly policy: Policy;
  /** The parameters in force in the period. */
  readonly params: PolicyParams;
  readonly period: string;
  /** The calendar month of the period, 1 to 12. */
  readonly month: number;
  /** The path prefix of the period's flows, for errors. */
  readonly prefix: Path;
  /** The members in force, in the policy's order. */
  readonly memberIds: readonly string[];
  readonly writer: JournalWriter;
  /** The members' running figures (prior year, year to date); the steps update them. */
  readonly members: Map<string, MemberFigures>;
  /** This period's figures per member, for the report. */
  readonly figures: Map<string, MemberPeriodFigures>;
  readonly options: InternalState["options"];
  /** R7: benefits the pool paid itself (major accidents); the steps update them. */
  readonly poolBenefits: InternalState["poolBenefits"];
  /** True in the last period a simulation settles: the year's clawbacks settle then (R9). */
  readonly lastPeriod: boolean;
  /** When given, the steps record the inputs they pass to the rules (for tests). */
  readonly trace?: EngineTrace | undefined;
}

/** A member's figures of the period (every member in force has them). @internal */
export function figuresOf(context: PeriodContext, member: string): MemberPeriodFigures {
  return context.figures.get(member)!;
}

/** A member's running figures (every member in force has them). @internal */
export function memberOf(context: PeriodContext, member: string): MemberFigures {
  return context.members.get(member)!;
}

/** R9: the clawback rate in force in a period of the policy (each subsidy takes its period's rate). @internal */
export function clawbackRateOf(context: PeriodContext): (period: string) => string {
  return (period) => paramsAt(context.policy, period).clawback.value.rate;
}

/** R11 reserve months from fen: the fund rule itself (one implementation). @internal */
export const reserveMonthsOfFen = reserveMonthsFen;
