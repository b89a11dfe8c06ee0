import { PoolingError } from "../errors.js";
import { D, type Dec, formatRate, type Numeric } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { type PeriodOptions, periodOptions } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { fractionField, nonNegativeField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const monthsSchema = nonNegativeField("INVALID_RESERVE_MONTHS", "Reserve months (可支付月数), ≥ 0");
const fractionSchema = fractionField();

/** The national cut fraction for `months` (`null` = unbounded). @internal */
export function cutFractionForMonths(bands: Policy["nationalCutBands"][number]["value"], months: Dec | null): Dec {
  for (const band of bands) {
    if (months === null || months.gte(band.minMonths)) return new D(band.fraction);
  }
  return new D(0);
}

/** Parses reserve months: a non-negative decimal, or `null` for unbounded. @internal */
export function parseReserveMonths(value: unknown, path: (string | number)[]): Dec | null {
  return value === null ? null : parseInput(monthsSchema, value, path);
}

/**
 * R3 (二（一）, 人社部发〔2018〕25号): the national phased-cut fraction a pooling
 * region qualifies for with `reserveMonths` months of reserves (累计结余可支付月数):
 * 24 or more → `"0.5"`, 18 up to 24 → `"0.2"` (bands read as continuous, so
 * 23.5 months is 20%), otherwise `"0"`. `null` means unbounded (no expenditure).
 *
 * @param reserveMonths - reserve months (累计结余可支付月数), ≥ 0; `null` for unbounded
 * @param options - `{ period?, policy? }`: the period `YYYY-MM` whose parameter version applies (required only when the
 *   parameter has several versions) and the policy (default `SUZHOU_2020`); the 0.x forms `(…, period, policy)` and
 *   `(…, policy)` are deprecated
 * @returns `"0"`, `"0.2"` or `"0.5"` (the policy's bands)
 * @throws PoolingError `INVALID_RESERVE_MONTHS`, `INVALID_PERIOD`, `PERIOD_REQUIRED`
 * @example
 * ```ts
 * nationalCutFraction(24);     // "0.5"
 * nationalCutFraction("23.5"); // "0.2"
 * nationalCutFraction(17.99);  // "0"
 * ```
 */
export function nationalCutFraction(reserveMonths: Numeric | null, options?: PeriodOptions): string;
/** @deprecated The 0.x form: use `nationalCutFraction(…, { period, policy })`. */
export function nationalCutFraction(reserveMonths: Numeric | null, periodOrPolicy?: Period | Policy, policy?: Policy): string;
export function nationalCutFraction(reserveMonths: Numeric | null, options?: PeriodOptions | Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodOptions(options, policy);
  const bands = paramFor(p, "nationalCutBands", period).value;
  return formatRate(cutFractionForMonths(bands, parseReserveMonths(reserveMonths, ["reserveMonths"])));
}

/**
 * R3: the inverse of {@link nationalCutFraction}: the fewest reserve months
 * that qualify for a cut of at least `cutFraction` (`"0"` for no cut). A
 * fraction above every band is `INVALID_FRACTION`.
 *
 * @param cutFraction - a cut fraction in [0, 1)
 * @param options - `{ period?, policy? }`: the period `YYYY-MM` whose parameter version applies (required only when the
 *   parameter has several versions) and the policy (default `SUZHOU_2020`); the 0.x forms `(…, period, policy)` and
 *   `(…, policy)` are deprecated
 * @returns the fewest reserve months that qualify for the cut
 * @throws PoolingError `INVALID_FRACTION`, `INVALID_PERIOD`, `PERIOD_REQUIRED`
 * @example
 * ```ts
 * requiredReserveMonths("0.2"); // "18"
 * requiredReserveMonths("0.5"); // "24"
 * requiredReserveMonths("0");   // "0"
 * ```
 */
export function requiredReserveMonths(cutFraction: Numeric, options?: PeriodOptions): string;
/** @deprecated The 0.x form: use `requiredReserveMonths(…, { period, policy })`. */
export function requiredReserveMonths(cutFraction: Numeric, periodOrPolicy?: Period | Policy, policy?: Policy): string;
export function requiredReserveMonths(cutFraction: Numeric, options?: PeriodOptions | Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodOptions(options, policy);
  const f = parseInput(fractionSchema, cutFraction, ["cutFraction"]);
  if (f.isZero()) return "0";
  const bands = paramFor(p, "nationalCutBands", period).value;
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i]!;
    if (f.lte(band.fraction)) return formatRate(new D(band.minMonths));
  }
  throw new PoolingError("INVALID_FRACTION", ["cutFraction"], {
    en: `no national band allows a cut of ${f.toFixed()}`,
    zh: `国家政策没有允许下调 ${f.toFixed()} 的档次`,
  });
}
