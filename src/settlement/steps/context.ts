/**
 * What the steps of one settled period share: the policy and its parameters in
 * force, the journal writer, the members' running figures and the period's
 * per-member figures that the report shows.
 *
 * @module
 */
import type { Path } from "../../errors.js";
import type { PriorityClass } from "../../fund/payByPriority.js";
import type { JournalWriter } from "../../ledger/journal.js";
import { type Dec, ZERO } from "../../money.js";
import type { PolicyParams } from "../../policy/paramsAt.js";
import type { Policy } from "../../policy/schema.js";
import type { InternalState, MemberFigures } from "../state.js";
import type { EngineTrace } from "./trace.js";

/** One member's figures of the period, as the report shows them. @internal */
export interface MemberPeriodFigures {
  income: Dec;
  expenditure: Dec;
  cutRelief: Dec;
  syncInducedRelief: Dec;
  gap: Dec;
  fromCurrentSurplus: Dec;
  fromCumulativeBalance: Dec;
  grantClaimed: Dec;
  subsidyClaimed: Dec;
  unclaimed: Dec;
  grantPaid: Dec;
  subsidyPaid: Dec;
  deficitPaid: Dec;
  majorAccidentPaid: Dec;
  clawback: Dec;
  topUp: Dec;
  extraction: Dec;
  legacyFoldIn: Dec;
  provincialRemittance: Dec;
}

/** A member's figures before anything happened in the period. @internal */
export function emptyMemberPeriodFigures(): MemberPeriodFigures {
  return {
    income: ZERO,
    expenditure: ZERO,
    cutRelief: ZERO,
    syncInducedRelief: ZERO,
    gap: ZERO,
    fromCurrentSurplus: ZERO,
    fromCumulativeBalance: ZERO,
    grantClaimed: ZERO,
    subsidyClaimed: ZERO,
    unclaimed: ZERO,
    grantPaid: ZERO,
    subsidyPaid: ZERO,
    deficitPaid: ZERO,
    majorAccidentPaid: ZERO,
    clawback: ZERO,
    topUp: ZERO,
    extraction: ZERO,
    legacyFoldIn: ZERO,
    provincialRemittance: ZERO,
  };
}

/** Amounts by class of claim on the pool (R10). @internal */
export type ClassAmounts = Record<PriorityClass, Dec>;

/** Zero in every class. @internal */
export function zeroClassAmounts(): ClassAmounts {
  return { majorAccident: ZERO, cutGapGrant: ZERO, subsidy: ZERO, recordedDeficit: ZERO };
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
