/**
 * The levy input and result types (R4), schema and type side by side.
 *
 * @module
 */
import { z } from "zod";
import type { Citation } from "../policy/citation.js";
import { EnterpriseSizeSchema } from "../policy/schema.js";
import type { CutSource } from "../rates/resolveCut.js";
import {
  fractionField,
  type IndustryClass,
  industryClassField,
  moneyField,
  nonNegativeField,
  periodField,
  positiveField,
} from "../schema/fields.js";

/** zod schema of one employer's levy input ({@link LevyInput}). */
export const LevyInputSchema = z
  .object({
    /** Caller's identifier of the employer, echoed in the result. */
    employerId: z.string().optional(),
    /** The period (费款所属期), `YYYY-MM`. */
    period: periodField(),
    /** Industry class 1–8. */
    industryClass: industryClassField(),
    /** The wage base (工资总额 / 缴费基数) for the period, ≥ 0. Give this or `employees`. */
    payroll: moneyField().optional(),
    /** Per-employee contribution bases, clamped to `baseFloor`/`baseCeiling` and summed. */
    employees: z.array(moneyField()).optional(),
    /** Floor of a per-employee base (caller-supplied, e.g. 60% of the average wage). */
    baseFloor: moneyField().optional(),
    /** Ceiling of a per-employee base (caller-supplied, e.g. 300% of the average wage). */
    baseCeiling: moneyField().optional(),
    /** The employer's floating multiplier (default `"1"`), a tier of its class's ladder. */
    floatMultiplier: positiveField("INVALID_MULTIPLIER", "Floating multiplier, a tier of the class's ladder").optional(),
    /** The city-wide cut fraction in the window, when the policy does not fix it. */
    cutFraction: fractionField().optional(),
    /** The city-district's reserve months; the national bands give the cut from it. */
    cityReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The city-district's reserve months").nullable().optional(),
    /** The cut the employer's own district would qualify for (default `"0"`). */
    ownCutFraction: fractionField().optional(),
    /** The own district's reserve months, instead of `ownCutFraction`. */
    ownReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The district's own reserve months").nullable().optional(),
    /** Enterprise size, needed when a relief overlay covers the period. */
    enterpriseSize: EnterpriseSizeSchema.optional(),
  })
  .strict();

/** One employer's levy input, as JSON or with `Decimal` values. */
export type LevyInput = z.input<typeof LevyInputSchema>;

/** One employer's levy (R4). Rates are exact decimal strings; money is two-decimal yuan. */
export interface Levy {
  employerId?: string;
  period: string;
  industryClass: IndustryClass;
  /** The wage base used (the clamped sum when `employees` were given). */
  payroll: string;
  baseRate: string;
  floatMultiplier: string;
  floatedRate: string;
  cutFraction: string;
  cutSource: CutSource;
  ownCutFraction: string;
  effectiveRate: string;
  /** `round_fen(payroll × floatedRate)`. */
  premiumBeforeCut: string;
  /** `round_fen(payroll × effectiveRate)`. */
  premium: string;
  /** `premiumBeforeCut − premium`. */
  cutRelief: string;
  /** `round_fen(payroll × floated × (1 − ownCut)) − premium` when `ownCut < cut`, else 0. */
  syncInducedRelief: string;
  /** The relief overlay fraction applied (`"0"` when none). */
  reliefFraction: string;
  /** `round_fen(premium × reliefFraction)`. */
  reliefWaived: string;
  /** What the employer pays: `premium − reliefWaived`. */
  premiumDue: string;
  citations: Citation[];
}

/** Totals of a batch of levies. */
export interface LevyTotals {
  payroll: string;
  premiumBeforeCut: string;
  premium: string;
  cutRelief: string;
  syncInducedRelief: string;
  reliefWaived: string;
  premiumDue: string;
}
