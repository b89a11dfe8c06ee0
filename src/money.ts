/**
 * Exact decimal arithmetic for money, rates and fractions.
 *
 * The library uses a private `Decimal.clone` so that it never touches the
 * global decimal.js configuration of its host application (`Decimal.set` is
 * never called). Rounding happens only where a rule names it, to the fen
 * (0.01 yuan), half-up (四舍五入): see {@link roundFen}.
 *
 * @module
 */
import { Decimal as DecimalJs } from "decimal.js";

/**
 * The library's own decimal constructor: 64 significant digits, half-up,
 * never exponent notation for the magnitudes this library handles.
 *
 * Why one representation, and why this one: inside the fund rules, the ledger
 * and the settlement, money is a `Dec` in yuan (whole fen, enforced where it
 * enters and by the journal writer); strings exist only at the boundary (parse
 * on the way in, `formatMoney` on the way out). Decimal rather than integer fen
 * because the rules multiply money by rates and fractions (the clawback rate,
 * the extraction rate, the floor's months / 12, largest-remainder shares) and
 * round once, half-up, at named points: with `Dec` each rounding point is one
 * `roundFen` on the exact product, and the public rule functions and the engine
 * share the same cores on the same type (one implementation per rule). Integer
 * fen (bigint) would need a rational product and its own half-up division at
 * each of those points. Measured (`simulate`, 50 members × 120 months, after
 * the engine stopped validating account names per posting: 830 → 434 ms),
 * decimal.js is about 27% of the CPU samples; converting the engine to bigint
 * fen could save at most about that share, and is left for when the bench shows
 * the engine's arithmetic dominant.
 * @internal
 */
export const D = DecimalJs.clone({
  precision: 64,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -64,
  toExpPos: 64,
  minE: -9e15,
  maxE: 9e15,
});

/** A decimal value of the library's private constructor. */
export type Dec = InstanceType<typeof D>;

/**
 * A numeric input: a plain decimal string (`"1234.50"`), a finite JS number,
 * or a decimal.js `Decimal` (from any clone).
 */
export type Numeric = string | number | DecimalJs;

/** Money as the library returns it: yuan with exactly two decimals, e.g. `"1234.50"`. */
export type Money = string;

/** Zero, shared. */
export const ZERO: Dec = new D(0);
/** One, shared. */
export const ONE: Dec = new D(1);

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True for a decimal.js instance of any clone. */
export function isDecimalInstance(value: unknown): value is DecimalJs {
  return DecimalJs.isDecimal(value);
}

/**
 * Converts an already-validated numeric input to the private decimal type.
 * Returns `null` when the value is not a finite decimal (the caller turns
 * that into a `PoolingError`).
 * @internal
 */
export function tryDecimal(value: unknown): Dec | null {
  if (typeof value === "string") {
    const s = value.trim();
    if (s !== value || !PLAIN_DECIMAL.test(s)) return null;
    return new D(s);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    // String(n) is the shortest round-trip form: 0.1 -> "0.1", never 0.1000000000000000055...
    return new D(String(value));
  }
  if (isDecimalInstance(value)) {
    if (!value.isFinite()) return null;
    return new D(value.toString());
  }
  return null;
}

/**
 * Rounds to the fen (two decimals), half-up (四舍五入). The only rounding
 * function of the library; every call site names the rule it implements.
 * @internal
 */
export function roundFen(value: Dec): Dec {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/**
 * Formats money as yuan with exactly two decimals (`"1234.50"`, `"-3.00"`).
 * The value must already be in whole fen.
 * @internal
 */
export function formatMoney(value: Dec): Money {
  const s = value.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/**
 * Formats an input amount echoed in a result: two decimals when it is in
 * whole fen (`"5.00"`), else every digit it has (`"5.125"`), never rounded.
 * @internal
 */
export function formatAmount(value: Dec): string {
  return value.decimalPlaces() <= 2 ? formatMoney(value) : value.toFixed();
}

/**
 * Formats a rate, fraction or multiplier as a plain decimal string without
 * exponent and without trailing zeros (`"0.0032"`, `"1.2"`, `"0"`).
 * @internal
 */
export function formatRate(value: Dec): string {
  const s = value.toFixed();
  return s === "-0" ? "0" : s;
}

/** Minimum of two decimals. @internal */
export function dmin(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

/** Maximum of two decimals. @internal */
export function dmax(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

/** Sum of decimals. @internal */
export function dsum(values: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
