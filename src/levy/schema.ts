/**
 * The levy input and result types (R4), schema and type side by side.
 *
 * @module
 */
import * as z from "zod";
import type { Numeric, NumericInput } from "../money.js";
import { CitationSchema } from "../policy/citation.js";
import type { PolicyRef } from "../policy/paramsAt.js";
import { LibraryRefSchema, PolicyRefSchema, ResultWarningSchema } from "../policy/provenance.js";
import { EnterpriseSizeSchema } from "../policy/schema.js";
import {
  fractionField,
  industryClassField,
  MoneyStringSchema,
  moneyField,
  nonNegativeField,
  PeriodStringSchema,
  periodField,
  positiveField,
} from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { ResultDecimalSchema, ResultMoneySchema, ResultRateSchema } from "../schema/resultFields.js";
import type { LibraryRef } from "../version.js";

/** A numeric field whose TypeScript input type is {@link NumericInput} (the run-time check is the field's own). */
function typed<T>(schema: z.ZodType<T, Numeric>): z.ZodType<T, NumericInput> {
  return schema as unknown as z.ZodType<T, NumericInput>;
}

/** zod schema of one employer's levy input ({@link LevyInput}). */
export const LevyInputSchema = z
  .object({
    employerId: z.string().optional().describe("The caller's identifier of the employer, echoed in the result"),
    period: periodField(),
    industryClass: industryClassField(),
    payroll: typed(moneyField()).optional().describe("The wage base of the period; give this or `employees`"),
    /** Per-employee contribution bases, clamped to `baseFloor`/`baseCeiling` and summed. */
    employees: z.array(typed(moneyField())).optional(),
    /** Floor of a per-employee base (caller-supplied, e.g. 60% of the average wage). */
    baseFloor: typed(moneyField()).optional(),
    /** Ceiling of a per-employee base (caller-supplied, e.g. 300% of the average wage). */
    baseCeiling: typed(moneyField()).optional(),
    /** The employer's floating multiplier (default `"1"`), a tier of its class's ladder. */
    floatMultiplier: typed(positiveField("INVALID_MULTIPLIER", "Floating multiplier, a tier of the class's ladder")).optional(),
    /** The city-wide cut fraction in the window, when the policy does not fix it. */
    cutFraction: typed(fractionField()).optional(),
    /** The city-district's reserve months; the national bands give the cut from it. */
    cityReserveMonths: typed(nonNegativeField("INVALID_RESERVE_MONTHS", "The city-district's reserve months")).optional(),
    /**
     * The cut the employer's own district would qualify for (one of the policy's `rateCut.fractions`). Never
     * assumed: without it (or `ownReserveMonths`) the sync-induced relief is 0 (`ownCutSource: "notGiven"`).
     */
    ownCutFraction: typed(fractionField()).optional(),
    /** The own district's reserve months, instead of `ownCutFraction`. */
    ownReserveMonths: typed(nonNegativeField("INVALID_RESERVE_MONTHS", "The district's own reserve months")).optional(),
    /** Enterprise size, needed when a relief overlay covers the period. */
    enterpriseSize: EnterpriseSizeSchema.optional(),
  })
  .strict();

/** One employer's levy input, as JSON or with `Decimal` values. */
export type LevyInput = z.input<typeof LevyInputSchema>;

const moneyOut = MoneyStringSchema;

/** zod schema of a `{ id, version }` policy reference, as every result carries it. */
const decimalOut = z.string().regex(/^-?\d+(\.\d+)?$/);

/** zod schema of one employer's levy ({@link Levy}), the result of `computeLevy`. */
export const LevySchema = z
  .object({
    employerId: z.string().optional(),
    period: PeriodStringSchema,
    industryClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7), z.literal(8)]),
    /** The wage base used (the clamped sum when `employees` were given). */
    payroll: ResultDecimalSchema,
    baseRate: ResultRateSchema,
    floatMultiplier: ResultDecimalSchema,
    floatedRate: ResultDecimalSchema,
    cutFraction: ResultRateSchema,
    cutSource: z.enum(["outsideWindow", "policy", "caller", "reserveMonths"]),
    /** The district's own cut `f_own`, or `null` when neither `ownCutFraction` nor `ownReserveMonths` was given. */
    ownCutFraction: ResultRateSchema.nullable(),
    /** Where `f_own` came from; `"notGiven"`: no gap is attributed to the city-wide cut (sync-induced relief 0). */
    ownCutSource: z.enum(["ownCutFraction", "ownReserveMonths", "notGiven"]),
    effectiveRate: ResultDecimalSchema,
    /** `round_fen(payroll × floatedRate)`. */
    premiumBeforeCut: ResultMoneySchema,
    /** `round_fen(payroll × effectiveRate)`. */
    premium: ResultMoneySchema,
    /** `premiumBeforeCut − premium`. */
    cutRelief: ResultMoneySchema,
    /** `round_fen(payroll × floated × (1 − ownCut)) − premium` when `ownCut < cut`, else 0 (and 0 when the own cut is not given). */
    syncInducedRelief: ResultMoneySchema,
    /** The relief overlay fraction applied (`"0"` when none). */
    reliefFraction: ResultRateSchema,
    /** `round_fen(premium × reliefFraction)`. */
    reliefWaived: ResultMoneySchema,
    /** What the employer pays: `premium − reliefWaived`. */
    premiumDue: ResultMoneySchema,
    citations: z.array(CitationSchema),
    /** The policy that produced the figures: its `id`, `version` and `hash`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
    /** `POLICY_NOT_REVIEWED_FOR_PERIOD` when the period is after the policy's `reviewedThrough` (absent otherwise). */
    warnings: z.array(ResultWarningSchema).optional(),
  })
  .strict();

/** One employer's levy (R4). Rates are exact decimal strings; money is two-decimal yuan. */
export type Levy = z.output<typeof LevySchema>;

/** zod schema of the totals of a batch of levies ({@link LevyTotals}). */
export const LevyTotalsSchema = z
  .object({
    /** Sum of the wage bases (two decimals: every input payroll is in whole fen). */
    payroll: decimalOut,
    premiumBeforeCut: moneyOut,
    premium: moneyOut,
    cutRelief: moneyOut,
    syncInducedRelief: moneyOut,
    reliefWaived: moneyOut,
    premiumDue: moneyOut,
    /** The policy that produced the figures: its `id`, `version` and `hash`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
  })
  .strict();

/** zod schema of a batch of levies, the result of `computeLevies` in `"throw"` mode. */
export const LevyBatchSchema = z
  .object({
    items: z.array(LevySchema),
    totals: LevyTotalsSchema,
  })
  .strict();

/** Totals of a batch of levies: exact sums of the items' figures (of the good items only, in `"collect"` mode). */
export interface LevyTotals {
  /** Sum of the wage bases (every digit kept: two decimals when in whole fen). */
  payroll: string;
  premiumBeforeCut: string;
  premium: string;
  cutRelief: string;
  syncInducedRelief: string;
  reliefWaived: string;
  premiumDue: string;
  /** The policy that produced the figures: its `id`, `version` and `hash`. */
  policy: PolicyRef;
  /** The library that produced them: `{ name, version }`. */
  library: LibraryRef;
}

// the validators are exported: nobody may change what they check
freezeSchemas(LevyInputSchema, LevySchema, LevyTotalsSchema, LevyBatchSchema);
