/**
 * Integer fen: the one money representation of the levy paths (R4).
 *
 * Every amount of a levy is an integer number of fen (0.01 yuan); every rate,
 * fraction or multiplier is an exact integer numerator over a power of ten
 * ({@link Scaled}); an input amount with more than two decimals is likewise a
 * numerator over `10^exp`. A premium is the product of two such integers,
 * rounded half-up to the fen by integer division ({@link roundProductToFen}):
 * the decimal path (`computeLevy`) and the batch fast path (`computeLevies`)
 * call this same function, so there is one formula.
 *
 * Why integers, and why two carriers. Integer arithmetic is exact by
 * construction and needs no precision setting; it is what the fast path needs
 * to be fast. The integer itself is carried as a JS `number` while it is
 * provably below 2^53 (`Number.MAX_SAFE_INTEGER`: every integer up to it is
 * exact in float64, and every product is checked against it before it is
 * trusted), and as a `bigint` beyond: two carriers of the same integer, never
 * a fractional float. Powers of ten are built exactly (`10n ** BigInt(n)`,
 * and as numbers only up to 10^15), never as `BigInt(10 ** n)`, which is
 * inexact for n ≥ 23.
 *
 * @module
 */
import type { Dec } from "../money.js";

/** An integer (fen, or a numerator): a `number` while ≤ 2^53 − 1, a `bigint` beyond. @internal */
export type Int = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;

/** A non-negative exact decimal `num / 10^exp` (a rate, fraction, multiplier or amount). @internal */
export interface Scaled {
  /** The numerator. */
  readonly num: bigint;
  /** The numerator as a number when it is ≤ 2^53 − 1, else `-1`. */
  readonly numN: number;
  /** The number of decimals. */
  readonly exp: number;
}

const POW_BIG: bigint[] = [];
/** `10^n` as a bigint, exact for every n. @internal */
export function pow10(n: number): bigint {
  let p = POW_BIG[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 256) POW_BIG[n] = p;
  }
  return p;
}

/** `10^n` as a number for 0 ≤ n ≤ 15 (exact: below 2^53), else `-1`. */
const POW_NUM = Array.from({ length: 16 }, (_, n) => Number(10n ** BigInt(n)));

/** A scaled value from its numerator and decimals. @internal */
export function scaled(num: bigint, exp: number): Scaled {
  return { num, numN: num <= BigInt(MAX) ? Number(num) : -1, exp };
}

/** A finite decimal as a scaled integer (exact: from its plain decimal text). @internal */
export function scaledOf(d: Dec): Scaled {
  const text = d.toFixed();
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const num = BigInt(digits);
  return scaled(negative ? -num : num, dot < 0 ? 0 : body.length - dot - 1);
}

/** The exact product of two scaled values. @internal */
export function timesScaled(a: Scaled, b: Scaled): Scaled {
  return scaled(a.num * b.num, a.exp + b.exp);
}

/** `1 − f`, exact. @internal */
export function oneMinus(f: Scaled): Scaled {
  return scaled(pow10(f.exp) - f.num, f.exp);
}

/** A scaled value as a plain decimal string without trailing zeros (`"0.0032"`, `"1.2"`, `"0"`), as `formatRate` writes it. @internal */
export function scaledToRate(s: Scaled): string {
  const negative = s.num < 0n;
  let digits = (negative ? -s.num : s.num).toString();
  let exp = s.exp;
  while (exp > 0 && digits.endsWith("0") && digits.length > 1) {
    digits = digits.slice(0, -1);
    exp--;
  }
  if (digits === "0") return "0";
  let out: string;
  if (exp === 0) out = digits;
  else {
    const padded = digits.padStart(exp + 1, "0");
    out = `${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
  }
  return negative ? `-${out}` : out;
}

/** round(n / d) half-up (away from zero on a tie), for bigints. */
function divRoundBig(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divRoundBig(-n, d);
  const q = n / d;
  return 2n * (n - q * d) >= d ? q + 1n : q;
}

/** round(n / d) half-up, for 0 ≤ n ≤ 2^53 − 1 and 1 ≤ d ≤ 10^15, both integers. */
function divRoundNum(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d; // exact: both terms are integers below 2^53
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

/** Normalises an integer to a number when it is safe, keeping one carrier per magnitude. @internal */
export function norm(x: bigint): Int {
  return x <= BigInt(MAX) && x >= -BigInt(MAX) ? Number(x) : x;
}

/**
 * The rounding point of R4: `round_fen(amount × rate)`, half-up, where
 * `amount = amountNum / 10^amountExp` (yuan) and `rate` is exact. Returns fen.
 * The one formula of every premium, premium before cut, sync-induced premium
 * and relief waived, on both levy paths.
 * @internal
 */
export function roundProductToFen(amountNum: Int, amountExp: number, rate: Scaled): Int {
  // fen = amountNum × rate.num / 10^(amountExp + rate.exp − 2)
  const shift = amountExp + rate.exp - 2;
  if (typeof amountNum === "number" && amountNum >= 0 && rate.numN >= 0 && shift <= 15) {
    const n = amountNum * rate.numN; // exact when the true product is ≤ 2^53 − 1; a larger one rounds to ≥ 2^53 and fails the test
    if (n <= MAX) {
      if (shift >= 0) return divRoundNum(n, POW_NUM[shift]!);
      const m = n * POW_NUM[-shift]!;
      if (m <= MAX) return m;
    }
  }
  const n = BigInt(amountNum) * rate.num;
  return norm(shift >= 0 ? divRoundBig(n, pow10(shift)) : n * pow10(-shift));
}

/** a − b on either carrier. @internal */
export function subFen(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") return a - b; // both ≤ 2^53 − 1 in magnitude: the difference of non-negative values is exact
  return norm(BigInt(a) - BigInt(b));
}

const CENTS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Fen as two-decimal yuan (`"1234.50"`, `"-3.00"`). @internal */
export function fenToYuan(fen: Int): string {
  if (typeof fen === "number") {
    if (fen === 0) return "0.00";
    if (fen < 0) return `-${fenToYuan(-fen)}`;
    const cents = fen % 100;
    return `${(fen - cents) / 100}.${CENTS[cents]}`;
  }
  if (fen < 0n) return `-${fenToYuan(-fen)}`;
  const cents = Number(fen % 100n);
  return `${fen / 100n}.${CENTS[cents]}`;
}

/** A sum of integers: a number while exact, with a bigint overflow. @internal */
export class IntSum {
  private n = 0;
  private big = 0n;

  /** Adds an integer. */
  add(x: Int): void {
    if (typeof x === "number") {
      const s = this.n + x;
      // both terms ≤ 2^53 − 1 in magnitude: a sum beyond rounds to ≥ 2^53 and fails the test
      if (s <= MAX && s >= -MAX) this.n = s;
      else this.big += BigInt(x);
    } else this.big += x;
  }

  /** The exact sum. */
  value(): bigint {
    return BigInt(this.n) + this.big;
  }
}
