/**
 * R8 step 3 (0.5): who may receive the pool's cut-gap grant. 二（三） gives it
 * only to “基金备付期未达到国家阶段性降费政策要求的地区”: a member whose own
 * reserve months qualify for a smaller national cut than the city applies.
 *
 * @module
 */
import * as z from "zod";
import { type Dec, formatRate } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { cutFractionForMonths } from "../rates/nationalCut.js";
import { cutWindowForPeriod } from "../rates/rateCutWindow.js";
import { assertKnownCutFraction } from "../rates/resolveCut.js";
import { fractionField, moneyField, nonNegativeField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { reserveMonthsDec } from "./reserveMonths.js";

/** A member's eligibility for the cut-gap grant in a period. @internal */
export interface EligibilityDec {
  /** The member's own reserve months (rounded down to two decimals), `null` when unbounded (no expenditure). */
  ownReserveMonths: Dec | null;
  /** `nationalCutFraction(ownReserveMonths)`. */
  ownCutFraction: Dec;
  /** `ownCutFraction < cutFraction`, within a cut window. */
  eligible: boolean;
  /** Why (0.7): no cut window in the period, own reserves sufficient for the city's cut, or short of it. */
  reason: EligibilityReason;
}

/**
 * Why a member is or is not eligible for the cut-gap grant (R8, 0.7): `"outsideWindow"` (the period is in no
 * rate-cut window: there is no city-wide cut, so no gap it caused), `"reservesSufficient"` (its own reserve
 * months qualify for the cut the city applies), `"reservesShort"` (they fall short of it: eligible).
 */
export type EligibilityReason = "outsideWindow" | "reservesSufficient" | "reservesShort";

/**
 * The decision on decimals: `f_own = nationalCutFraction(m_own)`, eligible when `f_own < f`.
 * `months` is the member's own reserve months (`null`: unbounded).
 * @internal
 */
export function eligibilityDec(policy: Policy, period: string, months: Dec | null, cityCut: Dec): EligibilityDec {
  const own = cutFractionForMonths(paramsAt(policy, period).nationalCutBands.value, months);
  // R8 (0.7): outside every cut window there is no city-wide cut, and so no gap it caused, whatever the reserves.
  if (!cutWindowForPeriod(policy, period)) return { ownReserveMonths: months, ownCutFraction: own, eligible: false, reason: "outsideWindow" };
  const eligible = own.lt(cityCut);
  return { ownReserveMonths: months, ownCutFraction: own, eligible, reason: eligible ? "reservesShort" : "reservesSufficient" };
}

/** zod schema of the input of {@link cutGapGrantEligibility}. */
export const CutGapGrantEligibilityInputSchema = z
  .object({
    /** The period the grant would be for, `YYYY-MM`. */
    period: periodField(),
    /** The city-wide cut applied in the period (one of the policy's `rateCut.fractions`; 0 outside the window). */
    cutFraction: fractionField(),
    /** The member's carried balance at the measuring year end (for the 2020–21 window: 2019), yuan; may be negative. */
    priorYearBalance: moneyField({ allowNegative: true }).optional(),
    /** The member's fund expenditure of that year, yuan. */
    priorYearExpenditure: moneyField().optional(),
    /** The member's own reserve months, given instead of the balance and expenditure (a scenario's override). */
    ownReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The member's own reserve months").optional(),
  })
  .strict();

/** Input of {@link cutGapGrantEligibility}. */
export type CutGapGrantEligibilityInput = z.input<typeof CutGapGrantEligibilityInputSchema>;

/** Result of {@link cutGapGrantEligibility}. */
export interface CutGapGrantEligibility {
  /** The member's own reserve months, two decimals (rounded down), or `null` when unbounded (no expenditure). */
  ownReserveMonths: string | null;
  /** The national cut those months qualify for, `f_own`. */
  ownCutFraction: string;
  /** `f_own < f` in a rate-cut window: the member's own reserves fall short of the cut the city applies. */
  eligibleForCutGapGrant: boolean;
  /**
   * Why: `"outsideWindow"` (the period is in no rate-cut window: no grant, whatever the reserves),
   * `"reservesSufficient"` (its own reserves meet the city's cut), `"reservesShort"` (eligible).
   */
  reason: EligibilityReason;
  /** 二（三）'s grant clause and the national bands' citation. */
  citations: Citation[];
}

/**
 * R8 step 3 (二（三）“基金备付期未达到国家阶段性降费政策要求的地区”): whether a
 * member may receive the pool's cut-gap grant, decided from its own data:
 * `m_own = priorYearBalance ÷ (priorYearExpenditure ÷ 12)` (truncated to two
 * decimals; a negative balance gives negative months), `f_own =
 * nationalCutFraction(m_own)`, eligible when `f_own < cutFraction` and the
 * period is in a rate-cut window (outside it there is no city-wide cut, so no
 * grant: `reason: "outsideWindow"`). An ineligible member's whole remaining
 * gap is a subsidy claim (step 4).
 *
 * @param input - `{ period, cutFraction, priorYearBalance, priorYearExpenditure }` or `{ period, cutFraction, ownReserveMonths }`
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns `{ ownReserveMonths, ownCutFraction, eligibleForCutGapGrant, reason, citations }`
 * @throws PoolingError `MISSING_FIELD` (neither the months nor both figures), `INVALID_CUT_FRACTION`,
 *   `INVALID_FRACTION`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `INVALID_RESERVE_MONTHS`, `INVALID_TYPE`,
 *   `UNKNOWN_KEY`, `POLICY_NOT_IN_FORCE`
 * @example
 * ```ts
 * cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", priorYearBalance: "240000000.00", priorYearExpenditure: "120000000.00" });
 * // { ownReserveMonths: "24.00", ownCutFraction: "0.5", eligibleForCutGapGrant: false, reason: "reservesSufficient", ... }
 * cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", ownReserveMonths: "20" }).eligibleForCutGapGrant; // true
 * ```
 */
export function cutGapGrantEligibility(input: CutGapGrantEligibilityInput, options?: PolicyOptions | Policy): CutGapGrantEligibility {
  const p = policyOption(options);
  const v = parseInput(CutGapGrantEligibilityInputSchema, input);
  assertKnownCutFraction(p, v.period, v.cutFraction, ["cutFraction"]);
  let months: Dec | null;
  if (v.ownReserveMonths !== undefined) months = v.ownReserveMonths;
  else {
    if (v.priorYearBalance === undefined || v.priorYearExpenditure === undefined) {
      parseInput(z.object({ priorYearBalance: moneyField({ allowNegative: true }), priorYearExpenditure: moneyField() }), v);
    }
    months = reserveMonthsDec(v.priorYearBalance!, v.priorYearExpenditure!);
  }
  const params = paramsAt(p, v.period);
  const d = eligibilityDec(p, v.period, months, v.cutFraction);
  return {
    ownReserveMonths: d.ownReserveMonths === null ? null : d.ownReserveMonths.toFixed(2),
    ownCutFraction: formatRate(d.ownCutFraction),
    eligibleForCutGapGrant: d.eligible,
    reason: d.reason,
    citations: [params.clauses.value.cutGapGrant, params.nationalCutBands.citation],
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(CutGapGrantEligibilityInputSchema);
