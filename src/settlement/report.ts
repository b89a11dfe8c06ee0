/**
 * The report of a settled period (R14): what happened, member by member and
 * for the pool, with every figure a two-decimal string. Schemas and types side
 * by side.
 *
 * @module
 */
import * as z from "zod";
import { CitationSchema } from "../policy/citation.js";
import { LibraryRefSchema, PolicyRefSchema, ResultWarningSchema } from "../policy/provenance.js";
import { RiskLevelSchema } from "../policy/schema.js";
import { PeriodStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord } from "../schema/names.js";
import { ResultDecimalSchema, ResultMoneySchema, ResultMonthsSchema, ResultRateSchema } from "../schema/resultFields.js";

const money = ResultMoneySchema;
/** Reserve months, two decimals, or null when unbounded. */
const months = ResultMonthsSchema.nullable();
/** Amounts by class of claim on the pool (R10). @internal */
export const ClassAmountsSchema = z.object({ majorAccident: money, cutGapGrant: money, subsidy: money, recordedDeficit: money }).strict();
const byClass = ClassAmountsSchema;

/** zod schema of one member's figures in a period. */
export const MemberPeriodReportSchema = z
  .object({
    income: money,
    expenditure: money,
    cutRelief: money,
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
    subsidyPaid: money,
    deficitPaid: money,
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

/** zod schema of the policy that produced a result: its `id` and `version`. */

/**
 * zod schema of the parameters a settled period used: the versions in force
 * in the period, as the policy writes them (decimal strings).
 */
export const PeriodParametersSchema = z
  .object({
    /** R9: the clawback rate in force in the period (e.g. `"0.2"`). */
    clawbackRate: ResultRateSchema,
    /** R7: the pool floor's months of city-district payouts in force in the period (e.g. `"3"`). */
    poolFloorMonths: ResultDecimalSchema,
    /** R5: the opening extraction rate (of the opening's version, e.g. `"0.1"`). */
    openingExtractionRate: ResultRateSchema,
    /** R5: the year whose year-end balance is the extraction's base (e.g. `2019`). */
    openingBalanceYear: z.number().int(),
    /** R9: 市本级's clawback: `"none"` (its government is municipal finance) or a split, fiscal account name → weight (苏州: `gusu`, `snd`). */
    clawbackMunicipal: z.union([z.literal("none"), z.object({ split: z.record(z.string(), ResultRateSchema) }).strict()]),
    /** R7: the top-up schedule in force (`"monthEnd"`, `"yearly"` or `"monthly"`). */
    topUpSchedule: z.enum(["monthEnd", "yearly", "monthly"]),
    /** R7 (0.7): the months a `"monthEnd"` top-up restores (the floor's months unless `topUp.targetMonths`). */
    topUpTargetMonths: ResultDecimalSchema,
    /** R7: whether the pool is also topped up when it cannot pay a period's claims. */
    topUpWhenShort: z.boolean(),
    /** R10: the order the pool pays its classes of claims (the library's default, not the document's). */
    priority: z.array(z.enum(["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"])),
    /** R5: whether the opening deficits are covered by the pool. */
    coverOpeningDeficits: z.boolean(),
    /** R5 (0.7): whether covering an opening deficit carries the 20% of 二（三） (`opening.deficitCoverageCharged`; default false). */
    deficitCoverageCharged: z.boolean(),
    /** R5, R6 (0.7): an extraction or remittance a fund cannot pay: `"owed"` (应上解未上解, default) or `"subsidy"` (the 0.6 reading). */
    unpaidTransfers: z.enum(["owed", "subsidy"]),
    /** R8: whether the year's grants and subsidies are trued up at year end (`deficitCoverage.yearEndTrueUp`). */
    yearEndTrueUp: z.boolean(),
    /**
     * R11 (0.5): where each warning band comes from (only `critical`, below the 3-month pool floor, is the
     * document's; the others are the library's defaults), e.g. `"critical from 0 months: document; warning
     * from 3 months: library default; …"`. These are the pool's: its floor is the document's 3 months.
     */
    riskBandsSource: z.string(),
    /**
     * R11 (0.7): the same for the members' funds: every band a library default (the document's 3 months is
     * the pool's floor, not a member's band).
     */
    memberRiskBandsSource: z.string(),
  })
  .strict();

/**
 * zod schema of the clauses a settled period's steps cite, from the policy
 * versions in force (so that `explain` cites what the figures used).
 */
export const PeriodCitationsSchema = z
  .object({
    opening: CitationSchema,
    provincialRemittance: CitationSchema,
    localCoverage: CitationSchema,
    cutGapGrant: CitationSchema,
    subsidy: CitationSchema,
    recordedDeficit: CitationSchema,
    majorAccident: CitationSchema,
    poolFloor: CitationSchema,
    topUp: CitationSchema,
    topUpSchedule: CitationSchema,
    priority: CitationSchema,
    clawback: CitationSchema,
    /** R8: the year-end true-up's clause (the subsidy clause when the policy names none). */
    trueUp: CitationSchema,
  })
  .strict();
/** The clauses a settled period's steps cite. */
export type PeriodCitations = z.output<typeof PeriodCitationsSchema>;
/** The parameters a settled period used: the versions in force, as the policy writes them. */
export interface PeriodParameters {
  /** R9: the clawback rate in force in the period (e.g. `"0.2"`). */
  clawbackRate: string;
  /** R7: the pool floor's months in force in the period (e.g. `"3"`). */
  poolFloorMonths: string;
  /** R5: the opening extraction rate (of the opening's version, e.g. `"0.1"`). */
  openingExtractionRate: string;
  /** R5: the year whose year-end balance is the extraction's base (e.g. `2019`). */
  openingBalanceYear: number;
  /** R9: 市本级's clawback: `"none"` or a split, fiscal account name → weight (for 苏州: `gusu`, `snd`). */
  clawbackMunicipal: "none" | { split: Readonly<Record<string, string>> };
  /** R7: the top-up schedule in force. */
  topUpSchedule: "monthEnd" | "yearly" | "monthly";
  /** R7 (0.7): the months a `"monthEnd"` top-up restores. */
  topUpTargetMonths: string;
  /** R7: whether the pool is also topped up when it cannot pay a period's claims. */
  topUpWhenShort: boolean;
  /** R10: the order the pool pays its classes of claims. */
  priority: ("majorAccident" | "cutGapGrant" | "subsidy" | "recordedDeficit")[];
  /** R5: whether the opening deficits are covered by the pool. */
  coverOpeningDeficits: boolean;
  /** R5 (0.7): whether covering an opening deficit carries the 20% of 二（三）. */
  deficitCoverageCharged: boolean;
  /** R5, R6 (0.7): an extraction or remittance a fund cannot pay: owed, or (the 0.6 reading) a subsidy. */
  unpaidTransfers: "owed" | "subsidy";
  /** R8: whether the year's grants and subsidies are trued up at year end. */
  yearEndTrueUp: boolean;
  /** R11 (0.5): where each of the pool's warning bands comes from (the document's 3-month floor, else the library's defaults). */
  riskBandsSource: string;
  /** R11 (0.7): the same for the members' funds (all library defaults). */
  memberRiskBandsSource: string;
}

/** zod schema of the report of one settled period. */
export const PeriodReportSchema = z
  .object({
    /** What the result is: `"periodReport"`. */
    kind: z.literal("periodReport"),
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
    members: namedRecord(MemberPeriodReportSchema, "RESERVED_KEY"),
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
