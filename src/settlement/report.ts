/**
 * The report of a settled period (R14): what happened, member by member and
 * for the pool, with every figure a two-decimal string. Schemas and types side
 * by side.
 *
 * @module
 */
import * as z from "zod";
import { LibraryRefSchema, PolicyRefSchema, ResultWarningSchema } from "../policy/provenance.js";
import { RiskLevelSchema } from "../policy/schema.js";
import { PeriodStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord } from "../schema/names.js";
import { ResultMoneySchema, ResultMonthsSchema, ResultRateSchema } from "../schema/resultFields.js";

const money = ResultMoneySchema;
/** Reserve months, two decimals, or null when unbounded. */
const months = ResultMonthsSchema.nullable();
/** Amounts by class of claim on the pool (R10). @internal */
export const ClassAmountsSchema = z
  .object({
    /** Major-accident benefits (重大工伤事故待遇, 二（二）), in yuan. */
    majorAccident: money,
    /** Cut-gap grants (降费缺口弥补, 二（三）), in yuan: no 20% clawback on them. */
    cutGapGrant: money,
    /** Subsidies (统筹基金补助, 二（三）), in yuan: 20% clawed back at year end. */
    subsidy: money,
    /** Recorded deficits covered (弥补基金累计结余赤字, 二（二）), in yuan. */
    recordedDeficit: money,
  })
  .strict();
const byClass = ClassAmountsSchema;

/** zod schema of one member's figures in a period. */
export const MemberPeriodReportSchema = z
  .object({
    /** The member fund's contribution income for the period (基金收入), in yuan, as given in the scenario. */
    income: money,
    /** The member fund's benefit expenditure for the period (基金支出), in yuan, as given. */
    expenditure: money,
    /** The revenue the phased cut gave up this period (降费减收额, 二（一）), in yuan, as given. */
    cutRelief: money,
    /** The part of `cutRelief` caused by the city-wide cut exceeding the member's own (同步降费减收额, 二（三）), in yuan: what a cut-gap grant may cover. */
    syncInducedRelief: money,
    /**
     * The period's gap: max(0, expenditure + provincial remittance − income), or the growth of the member's deficit
     * when the opening extraction made it grow by more (what the fund could not pay of the extraction). R8's steps
     * (`fromCurrentSurplus` + `fromCumulativeBalance` + `grantClaimed` + `subsidyClaimed` + `unclaimed`) add up to it.
     */
    gap: money,
    /** R8 step 1. */
    fromCurrentSurplus: money,
    /** R8 step 2. */
    fromCumulativeBalance: money,
    /** R8 step 3, claimed this period. */
    grantClaimed: money,
    /** R8 step 4, claimed this period. */
    subsidyClaimed: money,
    /** R8 step 5: not claimed (subsidy claiming off), left as a recorded deficit. */
    unclaimed: money,
    /** Paid by the pool this period, all classes (R10). */
    grantPaid: money,
    /** The subsidy (统筹基金补助, 二（三）) the pool paid the member this period, in yuan; 20% of it is clawed back at year end. */
    subsidyPaid: money,
    /** The recorded deficit the pool paid this period (弥补基金累计结余赤字, 二（二）), in yuan. */
    deficitPaid: money,
    /** The major-accident benefits the pool paid for the member this period (重大工伤事故待遇, 二（二）), in yuan. */
    majorAccidentPaid: money,
    /**
     * R9: the clawback settled this period: the year's fiscal transfer from the member's government to municipal
     * finance, in the year's last period (December, or the last period simulated); 0 in other periods.
     */
    clawback: money,
    /** R9: the clawback accrued this period on the subsidies paid (settled at year end; 0 for 市本级 when `clawback.municipal` is `"none"`). */
    clawbackAccrued: money,
    /**
     * R8, option `deficitCoverage.yearEndTrueUp`: what the member returned to the pool at the year's true-up (what
     * it still held of the year's grants and subsidies); 0 outside the year's last period or with the option off.
     */
    trueUpReturned: money,
    /** R8, option `deficitCoverage.yearEndTrueUp`: the year's kept subsidies that became grants at the true-up (no clawback on them). */
    trueUpReclassified: money,
    /**
     * R5: the member's opening deficit claimed from the pool (in the opening period, `opening.coverOpeningDeficits`);
     * covered as 弥补基金累计结余赤字 with no 20% unless `opening.deficitCoverageCharged` (paid as `deficitPaid`).
     */
    openingDeficitClaimed: money,
    /** R7: this member's part of the top-up. */
    topUp: money,
    /** R5: the opening extraction (in the opening period). */
    extraction: money,
    /** R5: the legacy funds folded in (in the opening period). */
    legacyFoldIn: money,
    /** R6: the provincial reserve remittance due or paid this period (by 06-20; an earlier month or a late one when given then). */
    provincialRemittance: money,
    /** R6 (0.7): the part of this period's remittance the fund could not pay: owed (应上解未上解). */
    provincialRemittanceOwed: money,
    /** R5 (0.7): the part of the opening extraction the fund could not pay: owed. */
    extractionOwed: money,
    /** R7 (0.7): the part of this period's top-up share the member could not pay: owed to the pool. */
    topUpOwed: money,
    /** R5–R7 (0.7): what the member paid this period of what it owed from before (the earliest due first). */
    owedSettled: money,
    /** R5–R7 (0.7): what the member still owes at the end of the period (应上解未上解), in all. */
    owed: money,
    /** R6 (0.7): a provincial remittance was paid (or fell owed) after its due date this year. */
    remittanceOverdue: z.boolean(),
    /** Balances at the end of the period. */
    current: money,
    /** The member's balance carried from before the period (累计结余), in yuan, at the end of the period. */
    carried: money,
    /** current + carried. */
    balance: money,
    /** Claims of this member still waiting for the pool. */
    pendingClaims: money,
    /** The recorded deficit: max(0, −balance). */
    deficit: money,
    /** balance / (prior-year expenditure / 12), truncated; null when unbounded; "0.00" for a deficit without expenditure. */
    reserveMonths: months,
    /** The warning level; a balance below zero is `critical` whatever the expenditure. */
    risk: RiskLevelSchema,
    /**
     * R8 (0.5): the member's own reserve months for the cut-gap grant (carried balance ÷ (annual
     * expenditure ÷ 12) at the measuring year end, or the scenario's override); null when unbounded.
     */
    ownReserveMonths: months,
    /** R8 (0.5): the national cut the member's own reserve months qualify for, `f_own`. */
    ownCutFraction: ResultRateSchema,
    /** R8 (0.5): `f_own < f` within a cut window: the member may receive the cut-gap grant this period. */
    eligibleForCutGapGrant: z.boolean(),
    /**
     * R8 (0.7): why: `"outsideWindow"` (no city-wide cut in the period: no cut-gap grant for anyone),
     * `"reservesSufficient"` (its own reserves meet the cut the city applies), `"reservesShort"` (they fall short: eligible).
     */
    eligibilityReason: z.enum(["outsideWindow", "reservesSufficient", "reservesShort"]),
  })
  .strict();
/** One member's figures in a period. */
export type MemberPeriodReport = z.output<typeof MemberPeriodReportSchema>;

/** zod schema of the pool's figures in a period. */
export const PoolPeriodReportSchema = z
  .object({
    /** Whether the pool (市区统筹基金, 二（二）) is open at the end of the period (it opens with the extraction). */
    open: z.boolean(),
    /** Pool balance at the end of the period. */
    balance: money,
    /** The floor T = round_fen(3 × Σ prior-year expenditure / 12). */
    floor: money,
    /** Extractions received at the opening. */
    extractions: money,
    /** The claims due this period, by class (R10). */
    claimed: byClass,
    /** What the pool paid, by class. */
    paid: byClass,
    /** The top-up raised from the members (R7). */
    topUp: money,
    /** Why it was raised: `"scheduled"` (the floor test of the schedule), `"whenShort"` (the pool could not pay its claims), or null. */
    topUpReason: z.enum(["scheduled", "whenShort"]).nullable(),
    /** What the members could not pay of the top-up needed (under `"monthEnd"`, owed by them: `owedToPool`). */
    shortfall: money,
    /** R5, R7 (0.7): what members owe the pool at the end of the period (extractions and top-ups not yet paid). */
    owedToPool: money,
    /** R8, option `deficitCoverage.yearEndTrueUp`: what the members returned at the year's true-up. */
    trueUpReturned: money,
    /** Claims left unpaid at the end of the period (paid later). */
    pendingClaims: money,
    /**
     * The pool's reserve months on its floor's own base (R11, 0.5): balance ÷ (floor ÷ floor months),
     * truncated; null before the pool opens (not assessed).
     */
    reserveMonths: months,
    /** The pool's warning level; null before the pool opens (not assessed). */
    risk: RiskLevelSchema.nullable(),
  })
  .strict();
/** The pool's figures in a period. */
export type PoolPeriodReport = z.output<typeof PoolPeriodReportSchema>;

import { PeriodCitationsSchema, PeriodParametersSchema } from "./periodParameters.js";

export { type PeriodCitations, PeriodCitationsSchema, type PeriodParameters, PeriodParametersSchema } from "./periodParameters.js";

/** zod schema of the report of one settled period. */
export const PeriodReportSchema = z
  .object({
    /** What the result is: `"periodReport"`. */
    kind: z.literal("periodReport"),
    /** The settled month, `YYYY-MM` (its rules are those in force on its first day). */
    period: PeriodStringSchema,
    /** The policy that produced the figures: `{ id, version, hash }`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
    /** `POLICY_NOT_REVIEWED_FOR_PERIOD` when the period is after the policy's `reviewedThrough` (absent otherwise). */
    warnings: z.array(ResultWarningSchema).optional(),
    /** The parameters in force that the period used. */
    parameters: PeriodParametersSchema,
    /** The clauses the period's steps cite. */
    citations: PeriodCitationsSchema,
    /** Each member's figures for the period, keyed by the policy's member id (see `MemberPeriodReport`). */
    members: namedRecord(MemberPeriodReportSchema, "RESERVED_KEY"),
    /** The city-district pool's figures for the period (市区统筹基金, 二（二）; see `PoolPeriodReport`). */
    pool: PoolPeriodReportSchema,
    /** Clawbacks settled this period, total (fiscal accounts; the year's, in its last period). */
    clawbacks: money,
    /** Clawbacks accrued this period, total (settled at year end). */
    clawbacksAccrued: money,
    /** Invariants checked after the period: all accounts sum to zero, fiscal accounts sum to zero. */
    conservationOk: z.boolean(),
  })
  .strict();
/** The report of one settled period. */
export type PeriodReport<M extends string = string> = Omit<z.output<typeof PeriodReportSchema>, "members"> & {
  /** Each member's figures, keyed by member id (the policy's: for `SUZHOU_2020`, {@link SuzhouMemberId}). */
  members: Record<M, MemberPeriodReport>;
};

// the validators are exported: nobody may change what they check
freezeSchemas(ClassAmountsSchema, MemberPeriodReportSchema, PoolPeriodReportSchema, PeriodParametersSchema, PeriodCitationsSchema, PeriodReportSchema);
