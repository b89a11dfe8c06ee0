/**
 * zod field schemas shared by every public input: periods, dates, industry
 * classes, money, rates and fractions. Each one reports a library error code
 * (see `docs/errors.md`) in the zod issue's `params`, so that
 * {@link parseInput} can turn the first issue into a `PoolingError`.
 *
 * @module
 */
import * as z from "zod";
import { daysInMonth } from "../calendar.js";
import type { ErrorCode } from "../errors.js";
import { D, type Dec, formatRate, isDecimalInstance, type Numeric } from "../money.js";
import { freezeSchemas } from "./freeze.js";

/** A library period: a month, `YYYY-MM`. */
export type Period = string;
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An industry class (行业类别), 1 to 8. */
export type IndustryClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** An industry class as an input accepts it: 1 to 8, or its digit string. */
export type IndustryClassInput = IndustryClass | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";
/** A month number, `01` to `12`. */
export type MonthDigits = "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12";
/** A day of a month, `01` to `31`. */
export type DayDigits =
  | MonthDigits
  | "13"
  | "14"
  | "15"
  | "16"
  | "17"
  | "18"
  | "19"
  | "20"
  | "21"
  | "22"
  | "23"
  | "24"
  | "25"
  | "26"
  | "27"
  | "28"
  | "29"
  | "30"
  | "31";
/** A period as an input accepts it, `YYYY-MM` (the year's four digits are checked at run time). */
export type PeriodInput = `${number}-${MonthDigits}`;
/** A calendar date as an input accepts it, `YYYY-MM-DD` (checked against the calendar at run time). */
export type IsoDateInput = `${number}-${MonthDigits}-${DayDigits}`;

/**
 * The schema of a period field (`YYYY-MM`): a named type, so that declarations refer to it by name
 * rather than spelling out its input type wherever a record holds a period.
 */
export interface PeriodFieldSchema extends z.ZodType<Period, PeriodInput> {}
/**
 * The schema of a calendar-date field (`YYYY-MM-DD`): a named type, so that declarations refer to it
 * by name rather than spelling out {@link IsoDateInput}'s 372 forms wherever a record holds a date.
 */
export interface DateFieldSchema extends z.ZodType<IsoDate, IsoDateInput> {}
/** The schema of a decimal field (money, rates, fractions): a number, a decimal string or a `Decimal` in, an exact decimal out; named, as the date's. */
export interface DecimalFieldSchema extends z.ZodType<Dec, Numeric> {}

interface TransformCtx {
  issues: unknown[];
  value: unknown;
}

/** Records an issue carrying a library code on a zod transform context. @internal */
export function addCodedIssue(ctx: TransformCtx, code: ErrorCode, en?: string, zh?: string): typeof z.NEVER {
  ctx.issues.push({ code: "custom", message: en ?? code, input: ctx.value, params: { code, en, zh } });
  return z.NEVER;
}

/** The JSON Schema that stands for each custom field in exported JSON Schemas. @internal */
export const FIELD_JSON_SCHEMA = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * A field whose input type is `I` for TypeScript callers, checked at run time
 * for any value (JSON callers), and parsed to `T`.
 */
function field<T, I>(jsonSchema: Record<string, unknown>, parse: (value: unknown, ctx: TransformCtx) => T | typeof z.NEVER): z.ZodType<T, I> {
  const base = z.custom<unknown>();
  FIELD_JSON_SCHEMA.set(base, jsonSchema);
  // R4 (0.5): `null` is never a value (never "absent", never "unbounded").
  const schema = base.transform((value, ctx) => (value === null ? nullGiven(ctx as unknown as TransformCtx) : parse(value, ctx as unknown as TransformCtx)));
  return schema as unknown as z.ZodType<T, I>;
}

/** The issue of a field given as `null`: `INVALID_TYPE`, omit the field instead. @internal */
export function nullGiven(ctx: TransformCtx): typeof z.NEVER {
  return addCodedIssue(ctx, "INVALID_TYPE", "null is not a value: omit the field instead", "null 不是有效取值：请省略该字段");
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (isDecimalInstance(value)) return `Decimal(${value.toString()})`;
  return Array.isArray(value) ? "an array" : typeof value;
}

/** A value as the Chinese messages show it: a decimal by its digits only (the Chinese messages never name a programming type). */
function describeZh(value: unknown): string {
  return isDecimalInstance(value) ? value.toString() : describe(value);
}

function missing(ctx: TransformCtx): typeof z.NEVER {
  return addCodedIssue(ctx, "MISSING_FIELD");
}

/** A period `YYYY-MM`. @internal */
export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A period `YYYY-MM`. */
export function periodField(): PeriodFieldSchema {
  return field({ type: "string", pattern: PERIOD_RE.source, description: "Format: a month written YYYY-MM" }, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    if (typeof v !== "string" || !PERIOD_RE.test(v)) {
      return addCodedIssue(ctx, "INVALID_PERIOD", `got ${describe(v)}`, `收到 ${describeZh(v)}`);
    }
    return v;
  });
}

/**
 * True when `value` is a valid calendar date written `YYYY-MM-DD`: the proleptic Gregorian
 * calendar, years 0001–9999 (year 0000 is none), 29 February in the leap years only (every
 * fourth year, except centuries not divisible by 400). The month's length comes from the
 * calendar module (date-fns on UTC dates), so the answer never depends on the time zone.
 * @internal
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !DATE_RE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= 28 || day <= daysInMonth(year, month); // every month has 28 days: the calendar is asked about the others
}

/** The valid calendar dates `YYYY-MM-DD` (years 0001–9999, leap years included), as one regular expression for JSON Schema. */
const DATE_JSON_PATTERN =
  "^(?!0000)(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$";

/** A calendar date `YYYY-MM-DD`. */
export function dateField(): DateFieldSchema {
  return field({ type: "string", format: "date", pattern: DATE_JSON_PATTERN, description: "Format: a calendar date written YYYY-MM-DD" }, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    if (!isIsoDate(v)) return addCodedIssue(ctx, "INVALID_DATE", `got ${describe(v)}`, `收到 ${describeZh(v)}`);
    return v;
  });
}

/** An industry class 1–8, as a number or a digit string. */
export function industryClassField(): z.ZodType<IndustryClass, IndustryClassInput> {
  return field(
    {
      anyOf: [
        { type: "integer", minimum: 1, maximum: 8 },
        { type: "string", pattern: "^[1-8]$" },
      ],
      description: "Format: an integer 1 to 8, or its digit string",
    },
    (v, ctx) => {
      if (v === undefined) return missing(ctx);
      const n = typeof v === "string" && /^[1-8]$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 8) {
        return addCodedIssue(ctx, "INVALID_CLASS", `got ${describe(v)}`, `收到 ${describeZh(v)}`);
      }
      return n as IndustryClass;
    },
  );
}

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

/** Money as the library writes it: yuan with two decimals, signed (`"-3.00"`, `"1234.50"`). @internal */
export const MoneyStringSchema = z.string().regex(/^-?\d+\.\d{2}$/);

/** An amount as the library writes it: yuan with two decimals, never negative. @internal */
export const AmountStringSchema = z.string().regex(/^\d+\.\d{2}$/);

/** A period as the library writes it, `YYYY-MM`. @internal */
export const PeriodStringSchema = z.string().regex(PERIOD_RE);

// the validators are exported: nobody may change what they check
freezeSchemas(MoneyStringSchema, AmountStringSchema, PeriodStringSchema);
