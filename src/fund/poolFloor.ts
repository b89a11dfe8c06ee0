import { z } from "zod";
import { decimalRatio, divRoundHalfUp, dsum, type Fen, fenSum, formatFen, type Numeric } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { periodAndPolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const expendituresSchema = z.array(moneyField());

/**
 * The floor in fen: `round_fen(months × Σ / 12)`, `months` from the version in
 * force, Σ the prior-year expenditures' exact sum in yuan as a ratio of integers.
 * @internal
 */
export function poolFloorOfSum(months: string, sumYuan: { numerator: bigint; denominator: bigint }): Fen {
  const monthsRatio = decimalRatio(months);
  // R7 rounding point: the floor, to the fen, half-up.
  return divRoundHalfUp(sumYuan.numerator * monthsRatio.numerator * 100n, sumYuan.denominator * monthsRatio.denominator * 12n);
}

/** The floor in fen on expenditures in fen. @internal */
export function poolFloorFen(months: string, priorYearExpenditures: readonly Fen[]): Fen {
  return poolFloorOfSum(months, { numerator: fenSum(priorYearExpenditures), denominator: 100n });
}

/**
 * R7 (二（二）): the pool floor (备付期), the policy's months (3 in `SUZHOU_2020`) of city-district payouts:
 * `round_fen(months × Σ members' prior-year fund expenditure / 12)`, with the months in force in the period.
 *
 * @param priorYearExpenditures the members' prior-year fund expenditure (yuan).
 * @param periodOrPolicy the period the floor is for (selects the months in force; required when the policy has
 *   several versions of the floor), or the policy (the 0.4 call shape).
 * @param policy the policy (default `SUZHOU_2020`).
 * @returns the floor, two-decimal yuan: `round_fen(months × Σ / 12)`, half-up.
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_OUT_OF_RANGE`, `INVALID_PERIOD`,
 *   `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * poolFloor(["2400000.00", "1200000.00"]); // "900000.00"
 * ```
 */
export function poolFloor(priorYearExpenditures: readonly Numeric[], periodOrPolicy?: Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodAndPolicy(periodOrPolicy, policy);
  const months = paramFor(p, "poolFloor", period).value.months;
  const expenditures = parseInput(expendituresSchema, priorYearExpenditures, ["priorYearExpenditures"]);
  // The expenditures may carry more than two decimals: their exact sum, rounded once.
  return formatFen(poolFloorOfSum(months, decimalRatio(dsum(expenditures))));
}
