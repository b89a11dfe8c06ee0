import type * as z from "zod";
import { PoolingError } from "../errors.js";
import { type Dec, dmax, dmin, formatAmount, ZERO } from "../money.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import { levyAmounts, levyRates, levyRecord } from "./core.js";
import { norm, scaledOf } from "./fen.js";
import { type Levy, type LevyInput, LevyInputSchema } from "./schema.js";
import type { LevyTotalsSum } from "./totals.js";

/** A validated levy input. @internal */
export type ParsedLevyInput = z.output<typeof LevyInputSchema>;

function payrollOf(v: ParsedLevyInput): Dec {
  if (v.payroll !== undefined && v.employees !== undefined) throw new PoolingError("PAYROLL_CONFLICT", ["employees"]);
  if (v.employees === undefined) {
    if (v.baseFloor !== undefined || v.baseCeiling !== undefined) {
      throw new PoolingError("INVALID_BASE_BOUNDS", [v.baseFloor !== undefined ? "baseFloor" : "baseCeiling"], {
        en: "baseFloor and baseCeiling apply to employees' bases only",
        zh: "缴费基数上下限仅适用于 employees",
      });
    }
    if (v.payroll === undefined) throw new PoolingError("PAYROLL_REQUIRED", ["payroll"]);
    return v.payroll;
  }
  const floor = v.baseFloor;
  const ceiling = v.baseCeiling;
  if (floor !== undefined && ceiling !== undefined && floor.gt(ceiling)) {
    throw new PoolingError("INVALID_BASE_BOUNDS", ["baseCeiling"], {
      en: `floor ${floor.toFixed()} > ceiling ${ceiling.toFixed()}`,
      zh: `下限 ${floor.toFixed()} 高于上限 ${ceiling.toFixed()}`,
    });
  }
  let sum = ZERO;
  for (const base of v.employees) {
    let b = base;
    if (floor !== undefined) b = dmax(b, floor);
    if (ceiling !== undefined) b = dmin(b, ceiling);
    sum = sum.plus(b);
  }
  return sum;
}

/** Computes a levy from validated input: the rates, then the amounts in integer fen (the batch fast path's own formula). @internal */
export function computeParsedLevy(p: Policy, v: ParsedLevyInput, totals?: LevyTotalsSum): Levy {
  const payroll = payrollOf(v);
  const rates = levyRates(p, v);
  const amount = scaledOf(payroll);
  const num = norm(amount.num);
  const amounts = levyAmounts(num, amount.exp, rates);
  totals?.add(amounts, num, amount.exp);
  return levyRecord(v.employerId, v.period, v.industryClass, formatAmount(payroll), rates, amounts);
}

/**
 * R4: one employer's premium (工伤保险费) for a period.
 *
 * `floated = base × multiplier` and `effective = floated × (1 − f)` are exact;
 * `premiumBeforeCut = round_fen(payroll × floated)` and
 * `premium = round_fen(payroll × effective)` are the only rounding points
 * (half-up); `cutRelief` is their difference. `syncInducedRelief` is the part
 * of the relief caused by following the city-wide cut when the district's own
 * reserves allow only `ownCutFraction` (二（三）). An opt-in relief overlay
 * is reported as `reliefWaived`, with `premiumDue = premium − reliefWaived`.
 * Amounts are computed in integer fen (exact), the same formula as
 * {@link computeLevies}; the result carries `policy: { id, version }`.
 *
 * @param input - the employer's record for one period (`payroll` or `employees`, `industryClass`, `period`, …)
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the levy: exact rates, two-decimal amounts, citations and the policy reference
 * @throws PoolingError `NOT_AN_OBJECT`, `UNKNOWN_KEY`, `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_PERIOD`,
 *   `INVALID_CLASS`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `INVALID_FRACTION`, `INVALID_MULTIPLIER`,
 *   `INVALID_RESERVE_MONTHS`, `POLICY_NOT_IN_FORCE`, `CUT_FRACTION_REQUIRED`, `CUT_FRACTION_CONFLICT`,
 *   `ENTERPRISE_SIZE_REQUIRED`, `PAYROLL_REQUIRED`, `PAYROLL_CONFLICT`, `INVALID_BASE_BOUNDS`
 *
 * @example
 * ```ts
 * const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8",
 *                            payroll: "2000000.00", cutFraction: "0.2" });
 * levy.effectiveRate; // "0.0032"
 * levy.premium;       // "6400.00"
 * levy.cutRelief;     // "1600.00"
 * ```
 */
export function computeLevy(input: LevyInput, options?: PolicyOptions | Policy): Levy {
  const p = policyOption(options);
  return computeParsedLevy(p, parseInput(LevyInputSchema, input));
}
