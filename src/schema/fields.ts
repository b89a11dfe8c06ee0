/**
 * zod field schemas shared by every public input: periods, dates, industry
 * classes, money, rates and fractions. Each one reports a library error code
 * (see `docs/errors.md`) in the zod issue's `params`, so that
 * {@link parseInput} can turn the first issue into a `PoolingError`.
 *
 * @module
 */
import { isMatch } from "date-fns";
import { z } from "zod";
import type { ErrorCode } from "../errors.js";
import { type Dec, formatRate, isDecimalInstance, type Numeric, tryDecimal } from "../money.js";

/** A library period: a month, `YYYY-MM`. */
export type Period = string;
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An industry class (行业类别), 1 to 8. */
export type IndustryClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

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

function missing(ctx: TransformCtx): typeof z.NEVER {
  return addCodedIssue(ctx, "MISSING_FIELD");
}

/** A period `YYYY-MM`. @internal */
export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A period `YYYY-MM`. */
export function periodField(): z.ZodType<Period, string> {
  return field({ type: "string", pattern: PERIOD_RE.source, description: "A month, YYYY-MM (费款所属期)" }, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    if (typeof v !== "string" || !PERIOD_RE.test(v)) {
      return addCodedIssue(ctx, "INVALID_PERIOD", `got ${describe(v)}`, `收到 ${describe(v)}`);
    }
    return v;
  });
}

/** True when `value` is a valid calendar date written `YYYY-MM-DD`. @internal */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && DATE_RE.test(value) && isMatch(value, "yyyy-MM-dd");
}

/** A calendar date `YYYY-MM-DD`. */
export function dateField(): z.ZodType<IsoDate, string> {
  return field({ type: "string", format: "date", description: "A calendar date, YYYY-MM-DD" }, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    if (!isIsoDate(v)) return addCodedIssue(ctx, "INVALID_DATE", `got ${describe(v)}`, `收到 ${describe(v)}`);
    return v;
  });
}

/** An industry class 1–8, as a number or a digit string. */
export function industryClassField(): z.ZodType<IndustryClass, number | string> {
  return field(
    {
      anyOf: [
        { type: "integer", minimum: 1, maximum: 8 },
        { type: "string", pattern: "^[1-8]$" },
      ],
      description: "Industry class 一 to 八 (行业类别), 1 to 8",
    },
    (v, ctx) => {
      if (v === undefined) return missing(ctx);
      const n = typeof v === "string" && /^[1-8]$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 8) {
        return addCodedIssue(ctx, "INVALID_CLASS", `got ${describe(v)}`, `收到 ${describe(v)}`);
      }
      return n as IndustryClass;
    },
  );
}

const NUMERIC_JSON = {
  anyOf: [{ type: "string", pattern: "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$" }, { type: "number" }],
};

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
  description: string;
}

function decimalField(opts: DecimalFieldOptions): z.ZodType<Dec, Numeric> {
  const min = opts.min ? tryDecimal(opts.min.value) : null;
  const max = opts.max ? tryDecimal(opts.max.value) : null;
  return field({ ...NUMERIC_JSON, description: opts.description }, (v, ctx) => {
    if (v === undefined) return missing(ctx);
    const d = tryDecimal(v);
    if (d === null) return addCodedIssue(ctx, opts.invalid, `got ${describe(v)}`, `收到 ${describe(v)}`);
    if (opts.min && min && (opts.min.exclusive ? d.lte(min) : d.lt(min))) {
      return addCodedIssue(ctx, opts.min.code, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (opts.max && max && (opts.max.exclusive ? d.gte(max) : d.gt(max))) {
      return addCodedIssue(ctx, opts.max.code, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (opts.fen && d.decimalPlaces() > 2) {
      return addCodedIssue(ctx, "AMOUNT_NOT_IN_FEN", `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    if (opts.integer && !d.isInteger()) {
      return addCodedIssue(ctx, opts.integer, `got ${d.toFixed()}`, `收到 ${d.toFixed()}`);
    }
    return d;
  });
}

/** A money amount in yuan, ≥ 0 unless `allowNegative`; `fen` requires whole fen. */
export function moneyField(options: { allowNegative?: boolean; fen?: boolean } = {}): z.ZodType<Dec, Numeric> {
  return decimalField({
    invalid: "INVALID_AMOUNT",
    ...(options.allowNegative ? {} : { min: { value: 0, code: "NEGATIVE_AMOUNT" as const } }),
    ...(options.fen ? { fen: true } : {}),
    description: `Money in yuan${options.allowNegative ? "" : ", ≥ 0"}${options.fen ? ", in whole fen" : ""}`,
  });
}

/** A fraction in [0, 1), e.g. a cut or relief fraction. */
export function fractionField(options: { inclusiveOne?: boolean } = {}): z.ZodType<Dec, Numeric> {
  return decimalField({
    invalid: "INVALID_FRACTION",
    min: { value: 0, code: "INVALID_FRACTION" },
    max: { value: 1, code: "INVALID_FRACTION", exclusive: !options.inclusiveOne },
    description: options.inclusiveOne ? "A fraction in [0, 1]" : "A fraction in [0, 1)",
  });
}

/** A rate in [0, 1]. */
export function rateField(): z.ZodType<Dec, Numeric> {
  return decimalField({
    invalid: "INVALID_RATE",
    min: { value: 0, code: "INVALID_RATE" },
    max: { value: 1, code: "INVALID_RATE" },
    description: 'A rate in [0, 1], e.g. "0.0015"',
  });
}

/** A non-negative decimal such as a number of months. */
export function nonNegativeField(code: ErrorCode, description: string): z.ZodType<Dec, Numeric> {
  return decimalField({ invalid: code, min: { value: 0, code }, description });
}

/** A positive decimal, such as a floating multiplier. */
export function positiveField(code: ErrorCode, description: string): z.ZodType<Dec, Numeric> {
  return decimalField({ invalid: code, min: { value: 0, code, exclusive: true }, description });
}

/** An integer (number or integer string), e.g. tier steps. */
export function integerField(code: ErrorCode, description: string): z.ZodType<number, Numeric> {
  const inner = decimalField({ invalid: code, integer: code, description });
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
