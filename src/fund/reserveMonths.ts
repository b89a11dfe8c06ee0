import { D, type Dec, decimalRatio, FEN_ZERO, type Fen, formatFen, type Numeric, toFen } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { type PeriodOptions, periodOptions } from "../policy/resolve.js";
import type { Policy, RiskLevel } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const balanceSchema = moneyField({ allowNegative: true });
const expenditureSchema = moneyField();

/**
 * Reserve months on decimals, rounded down (toward −∞) to 2 decimals; `null` when unbounded (no expenditure and a
 * balance ≥ 0); `0` for a deficit without expenditure (it can pay nothing: never "unbounded").
 * @internal
 */
export function reserveMonthsDec(balance: Dec, annualExpenditure: Dec): Dec | null {
  return reserveMonthsFen(toFen(balance), toFen(annualExpenditure));
}

/**
 * Reserve months from fen, the one implementation: `balance × 12 / annualExpenditure` in hundredths of a
 * month, rounded down (toward −∞, so a deficit is never lifted either: −0.9992 is −1.00, not −0.99);
 * `null` (unbounded) without expenditure and a balance ≥ 0; `0` for a deficit without expenditure.
 * @internal
 */
export function reserveMonthsFen(balance: Fen, annualExpenditure: Fen): Dec | null {
  const hundredths = reserveMonthsHundredths(balance, annualExpenditure);
  return hundredths === null ? null : new D(formatFen(hundredths));
}

/**
 * {@link reserveMonthsFen} in hundredths of a month (an integer: `"2.99"` months is 299), without a decimal:
 * the same rounding (down, toward −∞) and the same `null` and `0`.
 * @internal
 */
export function reserveMonthsHundredths(balance: Fen, annualExpenditure: Fen): bigint | null {
  if (annualExpenditure === FEN_ZERO) return balance < FEN_ZERO ? 0n : null;
  const numerator = balance * 1200n;
  // bigint division truncates toward zero: one step down for a negative inexact quotient (a floor).
  const quotient = numerator / annualExpenditure;
  return numerator < 0n && quotient * annualExpenditure !== numerator ? quotient - 1n : quotient;
}

/**
 * {@link assessRiskDec} on reserve months in hundredths and a balance in fen: the same bands, the same
 * comparisons (each band's lower bound read once as an exact ratio).
 * @internal
 */
export function assessRiskHundredths(bands: Policy["riskBands"][number]["value"], hundredths: bigint | null, balance: Fen): RiskLevel {
  if (balance < FEN_ZERO) return bands[0]!.level;
  if (hundredths === null) return bands[bands.length - 1]!.level;
  const bounds = ratiosOf(bands);
  let level = bands[0]!.level;
  // months ≥ bound ⇔ hundredths × denominator ≥ numerator × 100 (exact)
  for (let i = 0; i < bands.length; i++) if (hundredths * bounds[i]!.denominator >= bounds[i]!.numerator * 100n) level = bands[i]!.level;
  return level;
}

/** Each band's lower bound as an exact ratio, read once per (frozen) bands array. */
const RATIOS = new WeakMap<object, { numerator: bigint; denominator: bigint }[]>();
function ratiosOf(bands: Policy["riskBands"][number]["value"]): { numerator: bigint; denominator: bigint }[] {
  let ratios = RATIOS.get(bands);
  if (ratios === undefined) {
    ratios = bands.map((band) => decimalRatio(String(band.fromMonths)));
    RATIOS.set(bands, ratios);
  }
  return ratios;
}

/**
 * R11 (二（五）): how many months of payouts a balance covers (备付期 / 可支付月数):
 * `balance / (annualExpenditure / 12)`, rounded down to two decimals (toward
 * −∞: never rounded up, so a fund is never lifted into a higher band, and a
 * deficit of −0.9992 months reads `"-1.00"`), negative for a deficit, and
 * `null` (unbounded) when there is no expenditure and the
 * balance is not negative; a deficit without expenditure reads `"0.00"` (it
 * can pay nothing, and is `critical`).
 *
 * @param balance - the fund's balance (negative for a deficit)
 * @param annualExpenditure - the fund's annual expenditure, ≥ 0
 * @returns `balance / (annualExpenditure / 12)` rounded down (toward −∞) to two decimals, or `null` (unbounded) when expenditure is 0
 * @throws PoolingError `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`
 * @example
 * ```ts
 * reserveMonths("900000.00", "3600000.00"); // "3.00"
 * reserveMonths("100", "0");                // null
 * reserveMonths("-100", "0");               // "0.00"
 * reserveMonths("-100.00", "1201.00");      // "-1.00" (exact −0.9992: rounded down, never up)
 * ```
 */
export function reserveMonths(balance: Numeric, annualExpenditure: Numeric): string | null {
  const b = parseInput(balanceSchema, balance, ["balance"]);
  const e = parseInput(expenditureSchema, annualExpenditure, ["annualExpenditure"]);
  const m = reserveMonthsDec(b, e);
  return m === null ? null : m.toFixed(2);
}

/**
 * The risk level on decimals. `balance`, when given, decides first: a fund below zero is in the lowest
 * band (`critical`) whatever its months (R11, 0.5).
 * @internal
 */
export function assessRiskDec(bands: Policy["riskBands"][number]["value"], months: Dec | null, balance?: Dec): RiskLevel {
  if (balance?.isNegative() && !balance.isZero()) return bands[0]!.level;
  if (months === null) return bands[bands.length - 1]!.level;
  const bounds = boundsOf(bands);
  let level = bands[0]!.level;
  for (let i = 0; i < bands.length; i++) if (months.gte(bounds[i]!)) level = bands[i]!.level;
  return level;
}

/** Each band's lower bound as a decimal, read once per (frozen) bands array. */
const BOUNDS = new WeakMap<object, Dec[]>();
function boundsOf(bands: Policy["riskBands"][number]["value"]): Dec[] {
  let bounds = BOUNDS.get(bands);
  if (bounds === undefined) {
    bounds = bands.map((band) => new D(band.fromMonths));
    BOUNDS.set(bands, bounds);
  }
  return bounds;
}

/**
 * R11 (二（五）): the early-warning level of a fund with `reserveMonths` months
 * of reserves, by the policy's bands: below 3 `"critical"` (the pool floor of
 * 二（二）), 3 to 9 `"warning"` (人社部发〔2015〕72号: about 9 months is normal),
 * 9 to 24 `"normal"`, 24 and over `"surplus"`. `null` (unbounded) is `"surplus"`;
 * a deficit is `"critical"`.
 *
 * @param reserveMonths - reserve months, or `null` for unbounded
 * @param options - `{ period?, policy? }`: the period `YYYY-MM` whose parameter version applies (required only when the
 *   parameter has several versions) and the policy (default `SUZHOU_2020`); the 0.x forms `(…, period, policy)` and
 *   `(…, policy)` are deprecated
 * @returns the warning level of the policy's bands
 * @throws PoolingError `INVALID_AMOUNT`, `INVALID_PERIOD`, `PERIOD_REQUIRED`
 * @example
 * ```ts
 * assessRisk("2.99"); // "critical"
 * assessRisk("9");    // "normal"
 * assessRisk(null);   // "surplus"
 * ```
 */
export function assessRisk(reserveMonths: Numeric | null, options?: PeriodOptions): RiskLevel;
/** @deprecated The 0.x form: use `assessRisk(…, { period, policy })`. */
export function assessRisk(reserveMonths: Numeric | null, periodOrPolicy?: Period | Policy, policy?: Policy): RiskLevel;
export function assessRisk(reserveMonths: Numeric | null, options?: PeriodOptions | Period | Policy, policy?: Policy): RiskLevel {
  const { period, policy: p } = periodOptions(options, policy);
  const bands = paramFor(p, "riskBands", period).value;
  if (reserveMonths === null) return assessRiskDec(bands, null);
  const m = parseInput(balanceSchema, reserveMonths, ["reserveMonths"]);
  return assessRiskDec(bands, m);
}
