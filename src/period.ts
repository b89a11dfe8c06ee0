/**
 * Calendar arithmetic on `YYYY-MM` periods and `YYYY-MM-DD` dates, done on
 * the strings themselves so that no result depends on the process time zone.
 *
 * @module
 */
import type { IsoDate, Period } from "./schema/fields.js";

/** First day of a period: `"2020-05"` → `"2020-05-01"`. @internal */
export function periodStart(period: Period): IsoDate {
  return `${period}-01`;
}

/** Last day of a period: `"2020-02"` → `"2020-02-29"`. @internal */
export function periodEnd(period: Period): IsoDate {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return `${period}-${String(days).padStart(2, "0")}`;
}

/** The period a date falls in: `"2020-06-30"` → `"2020-06"`. @internal */
export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

/** The next month: `"2020-12"` → `"2021-01"`. @internal */
export function nextPeriod(period: Period): Period {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01` : `${period.slice(0, 4)}-${String(m + 1).padStart(2, "0")}`;
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
