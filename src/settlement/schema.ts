/**
 * Schemas and types of settlement: the state carried from period to period,
 * a period's flows, and a scenario (R14). Schema and type side by side.
 *
 * @module
 */
import { z } from "zod";
import { LevyInputSchema } from "../levy/schema.js";
import { AmountStringSchema, MoneyStringSchema, moneyField, nonNegativeField, PeriodStringSchema, periodField } from "../schema/fields.js";

const money = () => moneyField({ fen: true });
const signedMoney = () => moneyField({ fen: true, allowNegative: true });

/** A member's own flows in one period. */
export const MemberFlowsSchema = z
  .object({
    /** Contribution income given as a total (yuan). Adds to the premiums of `levies`. */
    income: money().optional(),
    /** Benefits paid by the member's fund this period (工伤保险待遇支出). */
    expenditure: money(),
    /** Cut relief of the period, as a total (informative; adds to that of `levies`). */
    cutRelief: money().optional(),
    /** Sync-induced relief of the period (R4), as a total: caps the pool's grant (R8 step 3). */
    syncInducedRelief: money().optional(),
    /** Employer levy records: their `premiumDue`, `cutRelief` and `syncInducedRelief` are added. Their period must be this period. */
    levies: z.array(LevyInputSchema).optional(),
  })
  .strict();
/** A member's flows in one period. */
export type MemberFlows = z.input<typeof MemberFlowsSchema>;

/** A major work-injury accident claim on the pool (重大工伤事故, R10 (a)). */
export const MajorAccidentClaimSchema = z
  .object({
    member: z.string().min(1),
    amount: money(),
    note: z.string().optional(),
  })
  .strict();

/** The flows of one period for the whole city-district. */
export const PeriodFlowsSchema = z
  .object({
    period: periodField(),
    /** Every member of the policy, each once. */
    members: z.record(z.string(), MemberFlowsSchema),
    /** Major-accident benefits the members submit to the pool. */
    majorAccidentClaims: z.array(MajorAccidentClaimSchema).optional(),
    /** In the remittance month (June): each member's provincial reserve remittance, when the policy has no rule. */
    provincialRemittances: z.record(z.string(), money()).optional(),
  })
  .strict();
/** The flows of one period. */
export type PeriodFlows = z.input<typeof PeriodFlowsSchema>;

/** Options of a settlement, fixed for a whole run. */
export const SettlementOptionsSchema = z
  .object({
    /** Claim the pool subsidy automatically (R8 step 4). Default: the policy's `deficitCoverage.autoClaimSubsidy` (true). */
    claimSubsidy: z.boolean().optional(),
    /** Include the legacy funds in the opening extraction base (R5). Default: the policy's `opening.includeLegacyFunds` (false). */
    includeLegacyFunds: z.boolean().optional(),
  })
  .strict();
/** Options of a settlement. */
export type SettlementOptions = z.input<typeof SettlementOptionsSchema>;

/** A member's opening data, at the start of a scenario. */
export const OpeningMemberSchema = z
  .object({
    /** The 2019 (prior-year) year-end cumulative balance (累计结余); may be negative (a recorded deficit). */
    priorYearBalance: signedMoney(),
    /** The prior year's fund expenditure: the pool floor's base (R7). */
    priorYearExpenditure: money(),
    /** The prior year's fund income (for a provincial rule based on it). */
    priorYearIncome: money().optional(),
    /** This year's surplus so far (当期结余) at the start; may be negative. */
    currentSurplus: signedMoney(),
    /** This year's income so far (carried into next year's prior-year figures). */
    yearToDateIncome: money().optional(),
    /** This year's expenditure so far (carried into next year's pool floor and reserve months). Required: never taken as 0. */
    yearToDateExpenditure: money(),
    /** The old reserve and adjustment funds folded into this member's balance at the opening (R5). */
    legacyFunds: money().optional(),
    /**
     * R8 (0.5): the member's own reserve months for the cut-gap grant's eligibility, overriding the
     * months measured from `priorYearBalance` and `priorYearExpenditure`.
     */
    ownReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The member's own reserve months").optional(),
  })
  .strict();
/** A member's opening data. */
export type OpeningMember = z.input<typeof OpeningMemberSchema>;

/** Where a scenario starts: its first period and each member's opening data. */
export const ScenarioOpeningSchema = z
  .object({
    /** The first period to settle; not after the opening (2020-06). */
    start: periodField(),
    members: z.record(z.string(), OpeningMemberSchema),
  })
  .strict();
/** Where a scenario starts. */
export type ScenarioOpening = z.input<typeof ScenarioOpeningSchema>;

/** A scenario for {@link simulate}: opening data and consecutive periods of flows. */
export const ScenarioSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    opening: ScenarioOpeningSchema,
    periods: z.array(PeriodFlowsSchema).min(1),
    options: SettlementOptionsSchema.optional(),
  })
  .strict();
/** A scenario. */
export type Scenario = z.input<typeof ScenarioSchema>;

/** The kinds of claim on the pool: major-accident benefits, cut-gap grants, subsidies. */
export const ClaimKindSchema = z.enum(["majorAccident", "cutGapGrant", "subsidy"]);
/** The kinds of claim on the pool. */
export type ClaimKind = z.output<typeof ClaimKindSchema>;

/** A claim on the pool waiting to be paid. */
export const PendingClaimSchema = z
  .object({
    member: z.string(),
    kind: ClaimKindSchema,
    amount: AmountStringSchema,
    /** The period the claim arose in. */
    period: z.string(),
    /** An unpaid remainder from an earlier period in which the pool was open: a recorded deficit (R10 (d)). */
    recordedDeficit: z.boolean(),
  })
  .strict();
/** A claim on the pool waiting to be paid. */
export type PendingClaim = z.output<typeof PendingClaimSchema>;

const moneyString = MoneyStringSchema;

/** A member's running figures in the state. */
export const MemberStateSchema = z
  .object({
    /** Prior-year year-end cumulative balance: weight of the top-up shares (R7) and base of the opening extraction (R5). */
    priorYearBalance: moneyString,
    /** Prior-year expenditure: base of the pool floor (R7) and of reserve months (R11). */
    priorYearExpenditure: moneyString,
    /** Prior-year income (for a provincial rule based on it). */
    priorYearIncome: moneyString,
    /** This year's income so far. */
    yearIncome: moneyString,
    /** This year's expenditure so far. */
    yearExpenditure: moneyString,
    /** Legacy funds still to fold in at the opening. */
    legacyFunds: moneyString,
    /**
     * R8 (0.5): the carried balance at the year end the cut-gap grant's eligibility is measured at (the prior
     * year end; for the 2020–21 window, 2019).
     */
    eligibilityBalance: moneyString,
    /** R8 (0.5): the fund expenditure of that year. */
    eligibilityExpenditure: moneyString,
    /** R8 (0.5): the scenario's override of the member's own reserve months, when given. */
    ownReserveMonths: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
  })
  .strict();

/**
 * The state between two periods (R14): the balances of every account (the
 * fold of the journal so far), each member's running figures, the claims
 * waiting for the pool, and the next period to settle.
 */
export const SettlementStateSchema = z
  .object({
    nextPeriod: PeriodStringSchema,
    poolOpen: z.boolean(),
    nextSeq: z.number().int().min(1),
    balances: z.record(z.string(), moneyString),
    members: z.record(z.string(), MemberStateSchema),
    pendingClaims: z.array(PendingClaimSchema),
    options: z.object({ claimSubsidy: z.boolean(), includeLegacyFunds: z.boolean() }).strict(),
  })
  .strict();
/** The state between two periods. */
export type SettlementState = z.output<typeof SettlementStateSchema>;
