/**
 * zod field schemas shared by every public input: periods, dates, industry
 * classes (here), money, rates and fractions (`numericFields.ts`, re-exported). Each one reports a library error code
 * (see `docs/errors.md`) in the zod issue's `params`, so that
 * {@link parseInput} can turn the first issue into a `PoolingError`.
 *
 * @module
 */
import * as z from "zod";
import { daysInMonth } from "../calendar.js";
import { addCodedIssue, describe, describeZh, field, missing } from "./field.js";
import { freezeSchemas } from "./freeze.js";

export { addCodedIssue, FIELD_JSON_SCHEMA, nullGiven } from "./field.js";
export {
  asRateString,
  type DecimalFieldSchema,
  fractionField,
  integerField,
  MAX_ABS_VALUE,
  MAX_DECIMALS,
  MAX_NUMERIC_LENGTH,
  moneyField,
  nonNegativeField,
  positiveField,
  rateField,
} from "./numericFields.js";

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

/** Money as the library writes it: yuan with two decimals, signed (`"-3.00"`, `"1234.50"`). @internal */
export const MoneyStringSchema = z.string().regex(/^-?\d+\.\d{2}$/);

/** An amount as the library writes it: yuan with two decimals, never negative. @internal */
export const AmountStringSchema = z.string().regex(/^\d+\.\d{2}$/);

/** A period as the library writes it, `YYYY-MM`. @internal */
export const PeriodStringSchema = z.string().regex(PERIOD_RE);

// the validators are exported: nobody may change what they check
freezeSchemas(MoneyStringSchema, AmountStringSchema, PeriodStringSchema);
