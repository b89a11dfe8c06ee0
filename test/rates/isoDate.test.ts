import { describe, expect, it } from "vitest";
import { isInRateCutWindow } from "../../src/index.js";
import { isIsoDate } from "../../src/schema/fields.js";

/** An independent oracle: the date's components survive a round trip through UTC (years ≥ 1). */
function oracle(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

describe("calendar dates (YYYY-MM-DD)", () => {
  it("the leap rules and the month lengths", () => {
    for (const s of ["2000-02-29", "2024-02-29", "0400-02-29", "0004-02-29", "0001-01-01", "9999-12-31", "2021-04-30", "2021-12-31"]) {
      expect(isIsoDate(s), s).toBe(true);
    }
    for (const s of [
      "1900-02-29",
      "2021-02-29",
      "0100-02-29",
      "0000-01-01",
      "2021-04-31",
      "2021-00-10",
      "2021-13-01",
      "2021-01-00",
      "2021-01-32",
      "2021-1-01",
      " 2021-01-01",
      "2021-01-01T00:00",
    ]) {
      expect(isIsoDate(s), s).toBe(false);
    }
    expect(isIsoDate(20210101)).toBe(false);
  });
  it("agrees with the calendar on every month and day of 1,200 years", () => {
    for (let y = 0; y <= 9999; y += y < 100 || (y > 1890 && y < 2110) ? 1 : 37) {
      for (let mo = 0; mo <= 13; mo++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          if (isIsoDate(s) !== oracle(s)) expect(isIsoDate(s), s).toBe(oracle(s));
        }
      }
    }
  });
  it("the public date checks use it", () => {
    expect(typeof isInRateCutWindow("2020-02-29")).toBe("boolean");
    expect(() => isInRateCutWindow("2021-02-29")).toThrow(/INVALID_DATE/);
  });
});
