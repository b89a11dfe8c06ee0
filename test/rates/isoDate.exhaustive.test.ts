/**
 * `isIsoDate` on every string `YYYY-MM-DD` with a year 0000–9999, a month 00–13 and a day 00–32
 * (10,000 × 14 × 33 = 4,620,000 strings), against an oracle independent of date-fns: the components
 * of the day after a round trip through UTC. Time-zone free on both sides, so it runs once (project
 * `property`); the sampled version in isoDate.test.ts runs in the time-zone matrix.
 */
import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../src/schema/fields.js";

/** Days in each month by the UTC oracle, for one year: index 1–12. */
function oracleMonthLengths(year: number): number[] {
  const lengths = [0];
  for (let m = 1; m <= 12; m++) {
    const t = new Date(0);
    t.setUTCFullYear(year, m, 0); // day 0 of the next month: the last day of this one
    lengths.push(t.getUTCDate());
  }
  return lengths;
}

describe("calendar dates: the exhaustive check", () => {
  it("agrees with the UTC oracle on all 4,620,000 strings of years 0000–9999, months 00–13, days 00–32", () => {
    let checked = 0;
    let valid = 0;
    const mismatches: string[] = [];
    for (let y = 0; y <= 9999; y++) {
      const lengths = oracleMonthLengths(y);
      const yyyy = String(y).padStart(4, "0");
      for (let mo = 0; mo <= 13; mo++) {
        const mm = String(mo).padStart(2, "0");
        for (let d = 0; d <= 32; d++) {
          const s = `${yyyy}-${mm}-${String(d).padStart(2, "0")}`;
          const want = y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= (lengths[mo] as number);
          const got = isIsoDate(s);
          checked++;
          if (got) valid++;
          if (got !== want && mismatches.length < 10) mismatches.push(`${s}: ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(4_620_000);
    expect(valid).toBe(3_652_059); // the days of 0001-01-01 to 9999-12-31
  });
});
