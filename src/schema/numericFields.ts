/**
 * The numeric field schemas: money, rates, fractions, weights, months and
 * integers, read exactly (a number, a plain decimal string or a `Decimal`),
 * bounded, and reported with the library's codes.
 *
 * @module
 */
import type * as z from "zod";
import type { ErrorCode } from "../errors.js";
import { D, type Dec, formatRate, isDecimalInstance, type Numeric } from "../money.js";
import { addCodedIssue, describe, describeZh, field, missing, type TransformCtx } from "./field.js";

/** The schema of a decimal field (money, rates, fractions): a number, a decimal string or a `Decimal` in, an exact decimal out; named, as the date's. */
export interface DecimalFieldSchema extends z.ZodType<Dec, Numeric> {}

/** The longest numeric string any field reads; longer is `AMOUNT_OUT_OF_RANGE`, before any parsing. */
export const MAX_NUMERIC_LENGTH = 64;
/** The largest absolute value of any numeric input (10^15: yuan for money, also months, weights, multipliers). */
export const MAX_ABS_VALUE = "1000000000000000";
/** The most decimals of any numeric input (money: two, whole fen). */
export const MAX_DECIMALS = 40;
const MAX_ABS = new D(MAX_ABS_VALUE);
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a numeric input once, refusing anything unbounded before any
 * arithmetic: a string longer than {@link MAX_NUMERIC_LENGTH}, a `Decimal`
 * whose exponent or decimals exceed the bounds (checked on its fields, without
 * converting it). Returns the decimal, `"invalid"` (not a finite plain decimal)
 * or `"range"` (beyond the bounds).
 */
function readNumeric(value: unknown): Dec | "invalid" | "range" {
  if (typeof value === "string") {
    if (value.length > MAX_NUMERIC_LENGTH) return "range";
    if (!PLAIN_DECIMAL.test(value)) return "invalid";
    return new D(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "invalid";
    if (Math.abs(value) > 1e15) return "range";
    // String(n) is the shortest round-trip form: 0.1 -> "0.1", never 0.1000000000000000055...
    return new D(String(value));
  }
  if (isDecimalInstance(value)) {
    if (!value.isFinite()) return "invalid";
    // exponent and decimals from the instance's own fields (O(1)), before any conversion
    if (value.e > 15 || value.decimalPlaces() > MAX_DECIMALS) return "range";
    return new D(value.toString());
  }
  return "invalid";
}

interface NumericShape {
  /** Negative values accepted (else only zero, written with or without "-"). */
  negative: boolean;
  /** Most decimals (trailing zeros aside). */
  decimals: number;
  /** The value range: up to 10^15, [0, 1), [0, 1], or > 0 up to 10^15. */
  range: "abs" | "fraction" | "fractionInclusive" | "positive";
}

/**
 * The JSON Schema of a numeric field: the exact strings the field accepts (a
 * regular expression over the plain decimal form, trailing zeros allowed, the
 * length bounded) and the numbers it accepts (range, `multipleOf` for whole fen
 * or integers).
 */
function numericJsonSchema(shape: NumericShape, integer: boolean): Record<string, unknown> {
  const n = integer ? 0 : shape.decimals;
  const frac = n === 0 ? "(?:\\.0*)?" : `(?:\\.\\d{0,${n}}0*)?`;
  const dotOnly = n === 0 ? "\\.0+" : `\\.\\d{1,${n}}0*`;
  let body: string;
  if (shape.range === "fraction") body = `0*0${frac}|${dotOnly}`;
  else if (shape.range === "fractionInclusive") body = `0*0${frac}|${dotOnly}|0*1(?:\\.0*)?`;
  else body = `0*(?:\\d{1,15}${frac}|1${"0".repeat(15)}(?:\\.0*)?)|${dotOnly}`;
  const zero = "(?:0+(?:\\.0*)?|\\.0+)";
  let pattern: string;
  if (shape.negative) pattern = `^[+-]?(?:${body})$`;
  else if (shape.range === "positive") pattern = `^(?![+-]?${zero}$)\\+?(?:${body})$`;
  else pattern = `^(?:\\+?(?:${body})|-${zero})$`;
  const num: Record<string, unknown> = { type: integer ? "integer" : "number" };
  if (shape.range === "fraction") Object.assign(num, { minimum: 0, exclusiveMaximum: 1 });
  else if (shape.range === "fractionInclusive") Object.assign(num, { minimum: 0, maximum: 1 });
  else if (shape.range === "positive") Object.assign(num, { exclusiveMinimum: 0, maximum: 1e15 });
  else Object.assign(num, { minimum: shape.negative ? -1e15 : 0, maximum: 1e15 });
  if (!integer && n === 2) num.multipleOf = 0.01;
  return { anyOf: [{ type: "string", maxLength: MAX_NUMERIC_LENGTH, pattern }, num] };
}

interface DecimalFieldOptions {
  /** Code for a value that is not a finite decimal. */
  invalid: ErrorCode;
  /** Inclusive lower bound and the code for breaking it. */
  min?: { value: Numeric; code: ErrorCode; exclusive?: boolean };
  /** Upper bound and the code for breaking it. */
  max?: { value: Numeric; code: ErrorCode; exclusive?: boolean };
  /** Require whole fen. */
  fen?: boolean;
  /** Require an integer. */
  integer?: ErrorCode;
  /** What the value is, in English with the Chinese term. */
  description: string;
  /** The JSON Schema shape. */
  shape: NumericShape;
}

/** Non-negative yuan with exactly two decimals, below 10^15, without leading zeros. */
const PLAIN_MONEY = /^(?:0|[1-9]\d{0,14})\.\d\d$/;

function decimalField(opts: DecimalFieldOptions): DecimalFieldSchema {
  const min = opts.min ? new D(String(opts.min.value)) : null;
  const max = opts.max ? new D(String(opts.max.value)) : null;
  const json = { ...numericJsonSchema(opts.shape, opts.integer !== undefined), description: opts.description };
  // money ≥ 0 written as the engine writes it ("1234.50", below 10^15): every check below passes, so it is read directly
  const plainMoney = opts.fen === true && !opts.max && !opts.integer && (!opts.min || (opts.min.value === 0 && !opts.min.exclusive));
  return field(json, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    if (plainMoney && typeof v === "string" && PLAIN_MONEY.test(v)) return new D(v);
    const d = readNumeric(v);
    if (d === "invalid") return addCodedIssue(ctx, opts.invalid, `got ${describe(v)}`, `收到 ${describeZh(v)}`);
    if (d === "range") return outOfRange(ctx, v);
    if (opts.min && min && (opts.min.exclusive ? d.lte(min) : d.lt(min))) {
      return addCodedIssue(ctx, opts.min.code, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (opts.max && max && (opts.max.exclusive ? d.gte(max) : d.gt(max))) {
      return addCodedIssue(ctx, opts.max.code, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (d.abs().gt(MAX_ABS) || d.decimalPlaces() > MAX_DECIMALS) return outOfRange(ctx, v);
    if (opts.fen && d.decimalPlaces() > 2) {
      return addCodedIssue(ctx, "AMOUNT_NOT_IN_FEN", `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (opts.integer && !d.isInteger()) {
      return addCodedIssue(ctx, opts.integer, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    return d;
  });
}

function outOfRange(ctx: TransformCtx, v: unknown): typeof z.NEVER {
  return addCodedIssue(ctx, "AMOUNT_OUT_OF_RANGE", `got ${describe(v)}`, `收到 ${describeZh(v)}`);
}

/**
 * A money amount in yuan (元): ≥ 0 unless `allowNegative`, at most two
 * decimals (whole fen, 分) and at most 10^15 in absolute value.
 */
export function moneyField(options: { allowNegative?: boolean; fen?: boolean } = {}): DecimalFieldSchema {
  return decimalField({
    invalid: "INVALID_AMOUNT",
    ...(options.allowNegative ? {} : { min: { value: 0, code: "NEGATIVE_AMOUNT" as const } }),
    fen: true,
    description: `Money in yuan${options.allowNegative ? ", may be negative" : ", ≥ 0"}, in whole fen (at most two decimals), |value| ≤ 10^15`,
    shape: { negative: options.allowNegative === true, decimals: 2, range: "abs" },
  });
}

/** A fraction in [0, 1), e.g. a cut or relief fraction. */
export function fractionField(options: { inclusiveOne?: boolean } = {}): DecimalFieldSchema {
  return decimalField({
    invalid: "INVALID_FRACTION",
    min: { value: 0, code: "INVALID_FRACTION" },
    max: { value: 1, code: "INVALID_FRACTION", exclusive: !options.inclusiveOne },
    description: `A fraction in ${options.inclusiveOne ? "[0, 1]" : "[0, 1)"}, at most ${MAX_DECIMALS} decimals`,
    shape: { negative: false, decimals: MAX_DECIMALS, range: options.inclusiveOne ? "fractionInclusive" : "fraction" },
  });
}

/** A rate in [0, 1]. */
export function rateField(): DecimalFieldSchema {
  return decimalField({
    invalid: "INVALID_RATE",
    min: { value: 0, code: "INVALID_RATE" },
    max: { value: 1, code: "INVALID_RATE" },
    description: `A rate in [0, 1], at most ${MAX_DECIMALS} decimals`,
    shape: { negative: false, decimals: MAX_DECIMALS, range: "fractionInclusive" },
  });
}

/** A non-negative decimal such as a number of months. */
export function nonNegativeField(code: ErrorCode, description: string): DecimalFieldSchema {
  return decimalField({
    invalid: code,
    min: { value: 0, code },
    description: `${description}; ≤ 10^15, at most ${MAX_DECIMALS} decimals`,
    shape: { negative: false, decimals: MAX_DECIMALS, range: "abs" },
  });
}

/** A positive decimal, such as a floating multiplier. */
export function positiveField(code: ErrorCode, description: string): DecimalFieldSchema {
  return decimalField({
    invalid: code,
    min: { value: 0, code, exclusive: true },
    description: `${description}; > 0, ≤ 10^15, at most ${MAX_DECIMALS} decimals`,
    shape: { negative: false, decimals: MAX_DECIMALS, range: "positive" },
  });
}

/** An integer (number or integer string), e.g. tier steps; |value| ≤ 10^15. */
export function integerField(code: ErrorCode, description: string): z.ZodType<number, Numeric> {
  const inner = decimalField({
    invalid: code,
    integer: code,
    description: `${description}; an integer, |value| ≤ 10^15`,
    shape: { negative: true, decimals: 0, range: "abs" },
  });
  return inner.transform((d) => d.toNumber()) as unknown as z.ZodType<number, Numeric>;
}

/**
 * Canonical string form of a validated decimal, for plain-data outputs
 * (policies keep their numbers as strings).
 * @internal
 */
export function asRateString(schema: z.ZodType<Dec, Numeric>): z.ZodType<string, Numeric> {
  return schema.transform((d) => formatRate(d)) as unknown as z.ZodType<string, Numeric>;
}
