/**
 * `YYYY-MM` periods and `YYYY-MM-DD` dates: their first and last days, the
 * next and previous months. The calendar itself (month lengths, leap years)
 * is date-fns on UTC dates (see `calendar.ts`), so that no result depends on
 * the process time zone.
 *
 * @module
 */
import { addOneMonth, daysInMonth, subtractOneMonth } from "./calendar.js";
import type { IsoDate, Period } from "./schema/fields.js";

/** First day of a period: `"2020-05"` → `"2020-05-01"`. @internal */
export function periodStart(period: Period): IsoDate {
  return `${period}-01`;
}

/** Last day of a period: `"2020-02"` → `"2020-02-29"`. @internal */
export function periodEnd(period: Period): IsoDate {
  return `${period}-${daysInMonth(yearOf(period), monthOf(period))}`;
}

/** The period a date falls in: `"2020-06-30"` → `"2020-06"`. @internal */
export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

/** The next month: `"2020-12"` → `"2021-01"`. @internal */
export function nextPeriod(period: Period): Period {
  return addOneMonth(period);
}

/** The previous month: `"2021-01"` → `"2020-12"`. @internal */
export function previousPeriod(period: Period): Period {
  return subtractOneMonth(period);
}

/** The year of a period or date. @internal */
export function yearOf(periodOrDate: string): number {
  return Number(periodOrDate.slice(0, 4));
}

/** The month (1–12) of a period or date. @internal */
export function monthOf(periodOrDate: string): number {
  return Number(periodOrDate.slice(5, 7));
}

/** True when `date` lies in the inclusive window `[from, to]` (`to` open when absent). @internal */
export function inWindow(date: IsoDate, window: { from: IsoDate; to?: IsoDate | undefined }): boolean {
  return date >= window.from && (window.to === undefined || date <= window.to);
}
