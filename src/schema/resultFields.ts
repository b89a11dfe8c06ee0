/**
 * zod schemas of the figures a result carries, for when a result comes back
 * in (`explain`, the service's `/explain`): every figure is checked to be one
 * the library writes before anything is computed with it. A rate is a plain
 * decimal string in [0, 1] (no sign, no exponent, no hex, at most 40
 * decimals); money is two-decimal yuan within ±10^15; other decimals (a
 * floating multiplier, a floated rate, reserve months) are plain, bounded
 * decimal strings. A figure that is not is `INVALID_RESULT` at its path.
 *
 * @module
 */
import * as z from "zod";
import { freezeSchemas } from "./freeze.js";
import type { TextFieldSchema } from "./names.js";

/** Two-decimal yuan, |x| ≤ 10^15 (`"-3.00"`, `"1234.50"`, `"1000000000000000.00"`). */
const MONEY_RE = /^-?(?:(?:0|[1-9]\d{0,14})\.\d{2}|1000000000000000\.00)$/;
/** A rate or fraction in [0, 1]: `0`, `0.2`, `1`, `1.0`; at most 40 decimals. */
const RATE_RE = /^(?:0(?:\.\d{1,40})?|1(?:\.0{1,40})?)$/;
/** A non-negative plain decimal ≤ 10^15 (a product of rates may have more decimals than an input: the length caps them). */
const DECIMAL_RE = /^(?:(?:0|[1-9]\d{0,14})(?:\.\d{1,62})?|1000000000000000(?:\.0{1,62})?)$/;
/** Reserve months: two decimals, may be negative; at most 32 integer digits (a ratio, not an amount). */
const MONTHS_RE = /^-?(?:0|[1-9]\d{0,31})\.\d{2}$/;

/** A string figure checked by `re`; anything else is `INVALID_RESULT`, with what was expected. */
function figure(re: RegExp, what: string, whatZh: string): TextFieldSchema {
  return z
    .custom<string>()
    .superRefine((value, ctx) => {
      if (typeof value === "string" && value.length <= 64 && re.test(value)) return;
      const shown = typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value;
      ctx.addIssue({
        code: "custom",
        message: "INVALID_RESULT",
        params: { code: value === undefined ? "MISSING_FIELD" : "INVALID_RESULT", en: `${what}; got ${shown}`, zh: `应为${whatZh}；收到 ${shown}` },
      });
    })
    .meta({ type: "string", pattern: re.source }) as unknown as z.ZodType<string, string>;
}

/** Money in a result: two-decimal yuan, |x| ≤ 10^15. @internal */
export const ResultMoneySchema = figure(MONEY_RE, "two-decimal yuan within ±10^15", "两位小数的金额（绝对值不超过 10^15）");
/** A rate or fraction in a result: a plain decimal string in [0, 1]. @internal */
export const ResultRateSchema = figure(RATE_RE, "a plain decimal rate in [0, 1]", "[0, 1] 区间内的十进制费率或比例");
/** A non-negative decimal in a result (a multiplier, a floated rate, a wage base): plain, ≤ 10^15. @internal */
export const ResultDecimalSchema = figure(DECIMAL_RE, "a plain non-negative decimal ≤ 10^15", "不超过 10^15 的非负十进制数");
/** Reserve months in a result: a two-decimal number. @internal */
export const ResultMonthsSchema = figure(MONTHS_RE, "two-decimal months", "两位小数的月数");

// the validators are exported: nobody may change what they check
freezeSchemas(ResultMoneySchema, ResultRateSchema, ResultDecimalSchema, ResultMonthsSchema);
