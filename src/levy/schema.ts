/**
 * The levy input and result types (R4), schema and type side by side.
 *
 * @module
 */
import * as z from "zod";
import type { Numeric, NumericInput } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import type { PolicyRef } from "../policy/paramsAt.js";
import { LibraryRefSchema, PolicyRefSchema, type ResultWarning, ResultWarningSchema } from "../policy/provenance.js";
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
    /** What the result is: `"levy"`. */
    kind: z.literal("levy"),
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

/**
 * One employer's levy for one period (R4, 二（一）). Rates are exact decimal
 * strings; money is two-decimal yuan. **What to bill is `premiumDue`.**
 */
export interface Levy {
  /** What the result is (the discriminant every result carries first): `"levy"`. */
  kind: "levy";
  /** The caller's identifier of the employer (单位编号), echoed from the input; absent when none was given. */
  employerId?: string | undefined;
  /** The month the contributions are for (费款所属期), `YYYY-MM`; its rules are those in force on its first day. */
  period: string;
  /** The industry class (行业类别), 1 (lowest risk) to 8, which sets the base rate (二（一）). */
  industryClass: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  /** The wage base (缴费工资总额) in yuan, as given, or the clamped sum of `employees`; never rounded. */
  payroll: string;
  /** The class's base rate (行业基准费率), a fraction of payroll: the policy's table for the period (二（一）). */
  baseRate: string;
  /** The employer's floating multiplier (浮动费率档次), a tier of its class's ladder (二（一）; 人社部发〔2015〕71号); 1 when not given. */
  floatMultiplier: string;
  /** `baseRate × floatMultiplier`, exact: the rate before the phased cut (二（一）). */
  floatedRate: string;
  /** The city-wide phased cut (降费比例) applied, a fraction in [0, 1); 0 outside the 2020-05..2021-04 window (二（一）). */
  cutFraction: string;
  /** Where `cutFraction` came from: `outsideWindow` (0), `policy` (fixed by the policy), `caller` (given), `reserveMonths` (from `cityReserveMonths` through the national bands). */
  cutSource: "outsideWindow" | "policy" | "caller" | "reserveMonths";
  /** The cut the employer's own district would qualify for (本地区降费比例), or null when neither `ownCutFraction` nor `ownReserveMonths` was given (二（三）). */
  ownCutFraction: string | null;
  /** Where `ownCutFraction` came from; `notGiven`: no gap is attributed to the city-wide cut (`syncInducedRelief` 0). */
  ownCutSource: "ownCutFraction" | "ownReserveMonths" | "notGiven";
  /** `floatedRate × (1 − cutFraction)`, exact: the rate charged (二（一）). */
  effectiveRate: string;
  /** What the period would cost without the cut, in yuan: `round_fen(payroll × floatedRate)`, half-up to the fen. */
  premiumBeforeCut: string;
  /** The premium after the cut, in yuan: `round_fen(payroll × effectiveRate)`, half-up to the fen (二（一）). */
  premium: string;
  /** The revenue the cut gives up (降费减收额), in yuan: `premiumBeforeCut − premium`. */
  cutRelief: string;
  /** The gap the city-wide cut causes the employer's district (同步降费减收额, 二（三）), in yuan: `round_fen(payroll × floatedRate × (1 − ownCutFraction)) − premium` when the own cut is smaller, else 0. */
  syncInducedRelief: string;
  /** The fraction of the premium a relief overlay waives, in [0, 1]; 0 when no overlay applies (the overlays are opt-in, beyond the document). */
  reliefFraction: string;
  /** The premium waived by a relief overlay, in yuan: `round_fen(premium × reliefFraction)`; 0.00 without one. */
  reliefWaived: string;
  /** What the employer is billed, in yuan: `premium − reliefWaived` (equal to `premium` without a relief overlay). */
  premiumDue: string;
  /** The clauses the figures rest on, each with its document and clause (e.g. 苏府办〔2020〕86号 二（一）). */
  citations: Citation[];
  /** The policy that produced the figures: its `id`, `version` and SHA-256 `hash`. */
  policy: PolicyRef;
  /** The library that produced them: `{ name, version }`. */
  library: LibraryRef;
  /** `POLICY_NOT_REVIEWED_FOR_PERIOD` when the period is after the policy's `reviewedThrough`; absent otherwise. */
  warnings?: ResultWarning[] | undefined;
}

/** `A` and `B` are the same type (both ways assignable, optional keys alike). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? (keyof A extends keyof B ? (keyof B extends keyof A ? true : false) : false) : false) : false;
/** The declared {@link Levy} is the type {@link LevySchema} outputs: checked when the library compiles. */
const levyTypeChecked: Same<Levy, z.output<typeof LevySchema>> = true;
void levyTypeChecked;

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
  /** Sum of the wage bases (缴费工资总额) in yuan (every digit kept: two decimals when in whole fen). */
  payroll: string;
  /** Sum of the items' `premiumBeforeCut`, in yuan, exact (each item rounded once to the fen). */
  premiumBeforeCut: string;
  /** Sum of the items' `premium` (after the cut, 二（一）), in yuan, exact. */
  premium: string;
  /** Sum of the items' `cutRelief` (降费减收额), in yuan, exact. */
  cutRelief: string;
  /** Sum of the items' `syncInducedRelief` (同步降费减收额, 二（三）), in yuan, exact. */
  syncInducedRelief: string;
  /** Sum of the items' `reliefWaived` (relief overlays only), in yuan, exact. */
  reliefWaived: string;
  /** Sum of the items' `premiumDue`: what the batch bills, in yuan, exact. */
  premiumDue: string;
  /** The policy that produced the figures: its `id`, `version` and `hash`. */
  policy: PolicyRef;
  /** The library that produced them: `{ name, version }`. */
  library: LibraryRef;
}

// the validators are exported: nobody may change what they check
freezeSchemas(LevyInputSchema, LevySchema, LevyTotalsSchema, LevyBatchSchema);
