/**
 * Schemas and types of settlement: the state carried from period to period,
 * a period's flows, and a scenario (R14). Schema and type side by side.
 *
 * @module
 */
import * as z from "zod";
import { LevyInputSchema } from "../levy/schema.js";
import { AmountStringSchema, MoneyStringSchema, moneyField, nonNegativeField, PeriodStringSchema, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord } from "../schema/names.js";
import { RestatementSchema } from "./restate/schema.js";

const money = () => moneyField({ fen: true });
const signedMoney = () => moneyField({ fen: true, allowNegative: true });

/** A member's own flows in one period. */
export const MemberFlowsSchema = z
  .object({
    /** Contribution income given as a total (yuan). Adds to the premiums of `levies`. */
    income: money().optional().describe("Contribution income of the period as a total: adds to the premiums due of `levies`"),
    expenditure: money().describe("Benefits paid by the member's fund this period"),
    cutRelief: money().optional().describe("Cut relief of the period as a total: informative; adds to that of `levies`"),
    /** Sync-induced relief of the period (R4), as a total: caps the pool's grant (R8 step 3). */
    syncInducedRelief: money().optional().describe("Sync-induced relief of the period as a total: caps the pool's cut-gap grant; adds to that of `levies`"),
    /** Employer levy records: their `premiumDue`, `cutRelief` and `syncInducedRelief` are added. Their period must be this period. */
    levies: z
      .array(LevyInputSchema)
      .optional()
      .describe("Employer levy records of this period: their premiumDue adds to income, their cutRelief and syncInducedRelief to the totals"),
  })
  .strict();
/** A member's flows in one period. */
export type MemberFlows = z.input<typeof MemberFlowsSchema>;

/** A major work-injury accident claim on the pool (重大工伤事故, R10 (a)). */
export const MajorAccidentClaimSchema = z
  .object({
    member: z.string().min(1).describe("The member submitting the claim"),
    amount: money().describe("The major-accident benefits claimed"),
    note: z.string().optional(),
  })
  .strict();

/** The flows of one period for the whole city-district. */
export const PeriodFlowsSchema = z
  .object({
    period: periodField(),
    members: namedRecord(MemberFlowsSchema, "UNKNOWN_MEMBER").describe("Each member's own flows of the period"),
    /** Major-accident benefits the members submit to the pool. */
    majorAccidentClaims: z.array(MajorAccidentClaimSchema).optional().describe("Major-accident benefits the members submit to the pool"),
    provincialRemittances: namedRecord(money(), "UNKNOWN_MEMBER")
      .optional()
      .describe("In June only: each member's provincial reserve remittance, when the policy has no rule"),
    lastPeriod: z
      .boolean()
      .optional()
      .describe("The last period the caller settles: the year's clawbacks settle in it even before December, as simulate does in its last period"),
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
    priorYearBalance: signedMoney().describe("The prior year's year-end cumulative balance; may be negative"),
    priorYearExpenditure: money().describe("The prior year's fund expenditure: the base of the pool floor"),
    /** The prior year's fund income (for a provincial rule based on it). */
    priorYearIncome: money().optional(),
    currentSurplus: signedMoney().describe("This year's surplus so far; may be negative"),
    /** This year's income so far (carried into next year's prior-year figures). */
    yearToDateIncome: money().optional(),
    /** This year's expenditure so far (carried into next year's pool floor and reserve months). Required: never taken as 0. */
    yearToDateExpenditure: money().describe(
      "This year's expenditure so far: carried into next year's pool floor and reserve months; required, never taken as 0",
    ),
    legacyFunds: money().optional().describe("Old reserve and adjustment funds folded into the balance at the opening"),
    ownReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The member's own reserve months")
      .optional()
      .describe("The member's own reserve months for the cut-gap grant's eligibility, overriding those measured from its prior-year figures"),
  })
  .strict();
/** A member's opening data. */
export type OpeningMember = z.input<typeof OpeningMemberSchema>;

/** Where a scenario starts: its first period and each member's opening data. */
export const ScenarioOpeningSchema = z
  .object({
    start: periodField().describe("The first period to settle, not after 2020-06"),
    members: namedRecord(OpeningMemberSchema, "UNKNOWN_MEMBER"),
  })
  .strict();
/** Where a scenario starts. */
export type ScenarioOpening = z.input<typeof ScenarioOpeningSchema>;

/** A scenario for `simulate`: opening data and consecutive periods of flows. */
export const ScenarioSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    opening: ScenarioOpeningSchema,
    periods: z.array(PeriodFlowsSchema).min(1).describe("Consecutive periods of flows, each once, in order"),
    options: SettlementOptionsSchema.optional(),
    /** Figures of settled periods corrected later: replayed, and adjusted in the books, in the period each becomes known. */
    restatements: z
      .array(RestatementSchema)
      .optional()
      .describe("Figures of settled periods corrected later, each posted as prior-period adjustments in the period it becomes known"),
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
    /** `false`: the cover of an opening deficit, which carries no 20% (R5, `opening.deficitCoverageCharged: false`). */
    charged: z.literal(false).optional(),
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
     * R9: the subsidies the pool paid this member in the fiscal year so far, by the period each was paid in
     * (`"2020-07": "19000000.00"`): each takes the clawback rate in force in its period; the clawback settles
     * once a year, one rounding per rate.
     */
    yearSubsidies: namedRecord(moneyString, "RESERVED_KEY", PeriodStringSchema),
    /** R8: the cut-gap grants the pool paid this member in the fiscal year so far (the year-end true-up's input). */
    yearGrants: moneyString,
    /** R8: the member's sync-induced relief of the fiscal year so far, in the periods it was eligible (the cap of the year's grants at the true-up). */
    yearSyncInducedRelief: moneyString,
    /**
     * R8: the year's subsidy claims made in periods the member had a sync-induced relief, beyond what the
     * provincial remittance and the opening extraction left unpaid: the most the true-up may turn into grants.
     */
    yearGrantableSubsidies: moneyString,
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
    /**
     * R5, R6, R7: what the member owes and has not paid (应上解未上解): an opening extraction or provincial
     * remittance its fund could not pay, its share of a top-up; paid first from its later surpluses. Absent: none.
     */
    owed: z.object({ provincialRemittance: moneyString, openingExtraction: moneyString, topUp: moneyString }).strict().optional(),
    /** R6: the provincial reserve remitted this year so far (absent: none). */
    yearRemitted: moneyString.optional(),
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
    balances: namedRecord(moneyString, "RESERVED_KEY"),
    members: namedRecord(MemberStateSchema, "UNKNOWN_MEMBER"),
    pendingClaims: z.array(PendingClaimSchema),
    /** R7: the benefits the pool itself paid (major accidents), this year so far and in the prior year (part of the floor's base). */
    poolBenefits: z.object({ year: moneyString, priorYear: moneyString }).strict(),
    options: z.object({ claimSubsidy: z.boolean(), includeLegacyFunds: z.boolean() }).strict(),
  })
  .strict();
/** The state between two periods. */
export type SettlementState = z.output<typeof SettlementStateSchema>;

// the validators are exported: nobody may change what they check
freezeSchemas(
  MemberFlowsSchema,
  MajorAccidentClaimSchema,
  PeriodFlowsSchema,
  SettlementOptionsSchema,
  OpeningMemberSchema,
  ScenarioOpeningSchema,
  ScenarioSchema,
  ClaimKindSchema,
  PendingClaimSchema,
  MemberStateSchema,
  SettlementStateSchema,
);
