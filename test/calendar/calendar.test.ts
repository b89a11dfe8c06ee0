/**
 * The calendar code (src/calendar.ts, src/period.ts): date-fns on UTC dates, the same answers in every
 * time zone. This file runs in the time-zone matrix (vitest.config.ts: tz:shanghai, tz:los-angeles).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addOneDay, addOneMonth, dayBefore, daysInMonth, subtractOneMonth } from "../../src/calendar.js";
import { computeLevy, definePolicy, isInRateCutWindow, SUZHOU_2020 } from "../../src/index.js";
import { nextPeriod, periodEnd, previousPeriod } from "../../src/period.js";
import { nextPeriodOf } from "../helpers.js";

const root = new URL("../..", import.meta.url).pathname;
const pad = (n: number, w: number) => String(n).padStart(w, "0");
/** The years checked month by month: 0001–0401 and 1800–2200 (the leap rule repeats every 400 years) and 9800–9999. */
const YEARS = [...range(1, 401), ...range(1800, 2200), ...range(9800, 9999)];

/** An independent oracle: the components of a day after a round trip through UTC (`setUTCFullYear`, no 1900 offset). */
function utcParts(y: number, m: number, d: number): [number, number, number] {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

describe("the time-zone matrix", () => {
  it("runs under the zone its project set (else the matrix would test one zone twice)", () => {
    const expected = process.env.EXPECTED_TZ;
    if (expected === undefined) return; // run outside the matrix (e.g. a single file by hand)
    expect(process.env.TZ).toBe(expected);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    // the zone is in force for Date too: Shanghai is UTC+8 all year, Los Angeles UTC−8 in January
    expect(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset()).toBe(expected === "Asia/Shanghai" ? -480 : 480);
  });
  it("gives the public rules' answers in this zone as in every other", () => {
    expect(isInRateCutWindow("2021-04-30")).toBe(true);
    expect(isInRateCutWindow("2020-04-30")).toBe(false);
    expect(computeLevy({ period: "2021-04", industryClass: 1, payroll: "1000", cutFraction: "0.5" }).premium).toBe("0.75");
  });
});

describe("month lengths and leap years (date-fns)", () => {
  it("every month of two whole 400-year Gregorian cycles and the ends of the range, against the UTC oracle", () => {
    for (const y of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const days = daysInMonth(y, m);
        const [, nextMonth] = utcParts(y, m, days + 1);
        if (days < 28 || days > 31 || nextMonth === m) expect(`${pad(y, 4)}-${pad(m, 2)}: ${days}`).toBe("a month length the oracle confirms");
      }
    }
    expect([daysInMonth(2020, 2), daysInMonth(2021, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(4, 2), daysInMonth(100, 2)]).toEqual([
      29, 28, 28, 29, 29, 28,
    ]);
  });
  it("periodEnd: the last day of each month", () => {
    expect(periodEnd("2020-02")).toBe("2020-02-29");
    expect(periodEnd("2100-02")).toBe("2100-02-28");
    expect(periodEnd("2021-04")).toBe("2021-04-30");
    expect(periodEnd("0001-12")).toBe("0001-12-31");
  });
});

describe("the next and previous month, the next day (date-fns)", () => {
  it("nextPeriod and previousPeriod over every month of those years, against the UTC oracle", () => {
    for (const y of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const p = `${pad(y, 4)}-${pad(m, 2)}`;
        const [ny, nm] = utcParts(y, m + 1, 1);
        const q = `${pad(ny, 4)}-${pad(nm, 2)}`;
        if (nextPeriod(p) !== q) expect(nextPeriod(p), p).toBe(q);
        if (y < 9999 || m < 12) {
          if (previousPeriod(q) !== p) expect(previousPeriod(q), q).toBe(p);
        }
      }
    }
    expect(nextPeriod("2020-05")).toBe(nextPeriodOf("2020-05"));
    expect([nextPeriod("2020-12"), nextPeriod("0099-12"), previousPeriod("2021-01"), previousPeriod("0100-01")]).toEqual([
      "2021-01",
      "0100-01",
      "2020-12",
      "0099-12",
    ]);
    expect([addOneMonth("2021-04"), subtractOneMonth("2020-05")]).toEqual(["2021-05", "2020-04"]);
  });
  it("addOneDay over every day of the years around the century and 400-year leap exceptions, against the UTC oracle", () => {
    const years = [...range(1, 5), ...range(96, 105), ...range(396, 405), ...range(1896, 1904), ...range(1996, 2032), ...range(2096, 2104), 9998, 9999];
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          const [ny, nm, nd] = utcParts(y, m, d + 1);
          const want = `${pad(ny, 4)}-${pad(nm, 2)}-${pad(nd, 2)}`;
          const got = addOneDay(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
          if (got !== want) expect(got, `${y}-${m}-${d}`).toBe(want);
        }
      }
    }
    expect([addOneDay("2020-02-28"), addOneDay("2020-02-29"), addOneDay("2021-02-28"), addOneDay("2020-12-31")]).toEqual([
      "2020-02-29",
      "2020-03-01",
      "2021-03-01",
      "2021-01-01",
    ]);
  });
  it("dayBefore is addOneDay's inverse over every day of the years around the century and 400-year leap exceptions", () => {
    const years = [...range(1, 3), ...range(99, 101), ...range(399, 401), ...range(1899, 1901), ...range(1999, 2025), 9999];
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          const day = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (day === "9999-12-31") continue; // its next day is outside the calendar's years
          const got = dayBefore(addOneDay(day));
          if (got !== day) expect(got, day).toBe(day);
        }
      }
    }
    expect([dayBefore("2024-03-01"), dayBefore("2023-03-01"), dayBefore("2021-01-01"), dayBefore("2000-03-01"), dayBefore("1900-03-01")]).toEqual([
      "2024-02-29",
      "2023-02-28",
      "2020-12-31",
      "2000-02-29",
      "1900-02-28",
    ]);
  });
  it("a policy's dated versions meet across a leap day: no gap reported (the next day of 2024-02-28 is 2024-02-29)", () => {
    const json = JSON.parse(JSON.stringify(SUZHOU_2020));
    json.version = "2.0-test"; // altered data: a version of its own
    const [only] = json.poolFloor;
    json.poolFloor = [
      { ...only, to: "2024-02-28" },
      { ...only, from: "2024-02-29" },
    ];
    expect(() => definePolicy(json)).not.toThrow();
    json.poolFloor[1].from = "2024-03-01"; // 2024-02-29 uncovered
    expect(() => definePolicy(json)).toThrow(/POLICY_PARAMETER_GAP/);
  });
});

describe("the calendar has one home", () => {
  it("no leap-year rule or month-length table in src/ outside date-fns", () => {
    const offenders = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => {
        const text = readFileSync(join(root, "src", f), "utf8");
        return /%\s*400\b|%\s*4\s*===|\[\s*31\s*,\s*(?:28|29|\w+\s*\?)/.test(text) ? [f] : [];
      });
    expect(offenders).toEqual([]);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
