/**
 * The report of a settled period (R14): what happened, member by member and
 * for the pool, with every figure a two-decimal string.
 *
 * @module
 */
import type { RiskLevel } from "../policy/schema.js";

/** One member's figures in a period. */
export interface MemberPeriodReport {
  income: string;
  expenditure: string;
  cutRelief: string;
  syncInducedRelief: string;
  /** The period's gap: max(0, expenditure − income). */
  gap: string;
  /** R8 step 1. */
  fromCurrentSurplus: string;
  /** R8 step 2. */
  fromCumulativeBalance: string;
  /** R8 step 3, claimed this period. */
  grantClaimed: string;
  /** R8 step 4, claimed this period. */
  subsidyClaimed: string;
  /** R8 step 5: not claimed (subsidy claiming off), left as a recorded deficit. */
  unclaimed: string;
  /** Paid by the pool this period, all classes (R10). */
  grantPaid: string;
  subsidyPaid: string;
  deficitPaid: string;
  majorAccidentPaid: string;
  /** R9: remitted by the member's government to municipal finance this period. */
  clawback: string;
  /** R7: this member's part of the top-up. */
  topUp: string;
  /** R5: the opening extraction (in the opening period). */
  extraction: string;
  /** R5: the legacy funds folded in (in the opening period). */
  legacyFoldIn: string;
  /** R6: the provincial reserve remittance (in June). */
  provincialRemittance: string;
  /** Balances at the end of the period. */
  current: string;
  carried: string;
  /** current + carried. */
  balance: string;
  /** Claims of this member still waiting for the pool. */
  pendingClaims: string;
  /** The recorded deficit: max(0, −balance). */
  deficit: string;
  /** balance / (prior-year expenditure / 12), truncated; null when unbounded. */
  reserveMonths: string | null;
  risk: RiskLevel;
}

/** The pool's figures in a period. */
export interface PoolPeriodReport {
  open: boolean;
  /** Pool balance at the end of the period. */
  balance: string;
  /** The floor T = round_fen(3 × Σ prior-year expenditure / 12). */
  floor: string;
  /** Extractions received at the opening. */
  extractions: string;
  /** The claims due this period, by class (R10). */
  claimed: { majorAccident: string; cutGapGrant: string; subsidy: string; recordedDeficit: string };
  /** What the pool paid, by class. */
  paid: { majorAccident: string; cutGapGrant: string; subsidy: string; recordedDeficit: string };
  /** The top-up raised from the members (R7). */
  topUp: string;
  /** What the members could not pay of the top-up needed. */
  shortfall: string;
  /** Claims left unpaid at the end of the period (paid later). */
  pendingClaims: string;
  reserveMonths: string | null;
  risk: RiskLevel;
}

/** The report of one settled period. */
export interface PeriodReport {
  period: string;
  members: Record<string, MemberPeriodReport>;
  pool: PoolPeriodReport;
  /** Clawbacks of the period, total (fiscal accounts). */
  clawbacks: string;
  /** Invariants checked after the period: all accounts sum to zero, fiscal accounts sum to zero. */
  conservationOk: boolean;
}
