import * as z from "zod";
import { decimalRatio, dsum, type Fen, fenSum, formatFen, type Numeric } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { type PeriodOptions, periodOptions } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const expendituresSchema = z.array(moneyField());

/**
 * The floor in fen: `ceil_fen(months × Σ / 12)`, `months` from the version in
 * force, Σ the prior-year expenditures' exact sum in yuan as a ratio of integers.
 * @internal
 */
export function poolFloorOfSum(months: string, sumYuan: { numerator: bigint; denominator: bigint }): Fen {
  const monthsRatio = decimalRatio(months);
  // R7 rounding point (0.5): the floor, up to the next fen, so that a pool at its floor holds at least its
  // months (0.4 rounded half-up: 250,000.00 for 1,000,000.01, 2.99 months, `critical` at the floor).
  const numerator = sumYuan.numerator * monthsRatio.numerator * 100n;
  const denominator = sumYuan.denominator * monthsRatio.denominator * 12n;
  const q = numerator / denominator;
  return numerator % denominator > 0n ? q + 1n : q;
}

/** The floor in fen on expenditures in fen. @internal */
export function poolFloorFen(months: string, priorYearExpenditures: readonly Fen[]): Fen {
  return poolFloorOfSum(months, { numerator: fenSum(priorYearExpenditures), denominator: 100n });
}

/**
 * R7 (二（二）): the pool floor (备付期), the policy's months (3 in `SUZHOU_2020`) of city-district payouts:
 * `ceil_fen(months × Σ members' prior-year fund expenditure / 12)` (rounded up to the fen, so that a pool at
 * its floor holds at least the months: `reserveMonths(floor, Σ)` is never below them), with the months in
 * force in the period.
 *
 * @param priorYearExpenditures the members' prior-year fund expenditure (yuan).
 * @param options - `{ period?, policy? }`: the period `YYYY-MM` whose parameter version applies (required only when the
 *   parameter has several versions) and the policy (default `SUZHOU_2020`); the 0.x forms `(…, period, policy)` and
 *   `(…, policy)` are deprecated
 * @returns the floor, two-decimal yuan: `ceil_fen(months × Σ / 12)`, rounded up to the fen.
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_OUT_OF_RANGE`, `INVALID_PERIOD`,
 *   `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * poolFloor(["2400000.00", "1200000.00"]); // "900000.00"
 * poolFloor(["1000000.01"]);               // "250000.01" (reserveMonths("250000.01", "1000000.01") is "3.00")
 * ```
 */
export function poolFloor(priorYearExpenditures: readonly Numeric[], options?: PeriodOptions): string;
/** @deprecated The 0.x form: use `poolFloor(…, { period, policy })`. */
export function poolFloor(priorYearExpenditures: readonly Numeric[], periodOrPolicy?: Period | Policy, policy?: Policy): string;
export function poolFloor(priorYearExpenditures: readonly Numeric[], options?: PeriodOptions | Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodOptions(options, policy);
  const months = paramFor(p, "poolFloor", period).value.months;
  const expenditures = parseInput(expendituresSchema, priorYearExpenditures, ["priorYearExpenditures"]);
  // The expenditures may carry more than two decimals: their exact sum, rounded once.
  return formatFen(poolFloorOfSum(months, decimalRatio(dsum(expenditures))));
}
