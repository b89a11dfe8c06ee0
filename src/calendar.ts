/**
 * The calendar: month lengths, leap years, the next and previous month and day,
 * delegated to date-fns on UTC dates (`UTCDateMini`), so that no result depends
 * on the process time zone. The proleptic Gregorian calendar, years 0001–9999.
 *
 * Dates come in and go out as the strings `YYYY-MM-DD` and months as `YYYY-MM`;
 * a `Date` exists only inside these functions.
 *
 * @module
 */
import { UTCDateMini } from "@date-fns/utc/date/mini";
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { lightFormat } from "date-fns/lightFormat";

/**
 * The UTC midnight of a calendar day. `setFullYear` (UTC on this class), not the
 * constructor, so that the years 0001–0099 are not read as 1901–1999.
 */
function utcDay(year: number, month: number, day: number): Date {
  const date = new UTCDateMini(0);
  date.setFullYear(year, month - 1, day);
  return date;
}

/** The numbers of a `YYYY-MM` or `YYYY-MM-DD` string (already checked by the caller's pattern). */
function parts(s: string): [year: number, month: number, day: number] {
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), s.length > 7 ? Number(s.slice(8, 10)) : 1];
}

/**
 * The number of days in a month (February: 29 in a leap year).
 * @param year the year, 1–9999
 * @param month the month, 1–12
 * @returns 28 to 31
 * @example
 * ```ts
 * daysInMonth(2020, 2); // 29
 * daysInMonth(1900, 2); // 28
 * ```
 * @internal
 */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(utcDay(year, month, 1));
}

/**
 * The month after a `YYYY-MM` month.
 * @param period a month `YYYY-MM`
 * @returns the next month `YYYY-MM` (`"9999-12"` → `"10000-01"`)
 * @example
 * ```ts
 * addOneMonth("2020-12"); // "2021-01"
 * ```
 * @internal
 */
export function addOneMonth(period: string): string {
  const [y, m] = parts(period);
  return lightFormat(addMonths(utcDay(y, m, 1), 1), "yyyy-MM");
}

/**
 * The month before a `YYYY-MM` month.
 * @param period a month `YYYY-MM`, after `0001-01`
 * @returns the previous month `YYYY-MM`
 * @example
 * ```ts
 * subtractOneMonth("2021-01"); // "2020-12"
 * ```
 * @internal
 */
export function subtractOneMonth(period: string): string {
  const [y, m] = parts(period);
  return lightFormat(addMonths(utcDay(y, m, 1), -1), "yyyy-MM");
}

/**
 * The day after a `YYYY-MM-DD` date.
 * @param date a calendar date `YYYY-MM-DD`
 * @returns the next day `YYYY-MM-DD` (`"9999-12-31"` → `"10000-01-01"`)
 * @example
 * ```ts
 * addOneDay("2020-02-28"); // "2020-02-29"
 * ```
 * @internal
 */
export function addOneDay(date: string): string {
  const [y, m, d] = parts(date);
  return lightFormat(addDays(utcDay(y, m, d), 1), "yyyy-MM-dd");
}

/**
 * The day before a `YYYY-MM-DD` date.
 * @param date a calendar date `YYYY-MM-DD`, after `0001-01-01`
 * @returns the previous day `YYYY-MM-DD`
 * @example
 * ```ts
 * dayBefore("2024-03-01"); // "2024-02-29"
 * ```
 * @internal
 */
export function dayBefore(date: string): string {
  const [y, m, d] = parts(date);
  return lightFormat(addDays(utcDay(y, m, d), -1), "yyyy-MM-dd");
}
