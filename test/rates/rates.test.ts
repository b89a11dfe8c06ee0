import { describe, expect, it } from "vitest";
import {
  baseRate,
  effectiveRate,
  floatedRate,
  floatTiers,
  isInRateCutWindow,
  moveFloatTier,
  nationalCutFraction,
  rateCutWindow,
  requiredReserveMonths,
} from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

describe("baseRate (R1, 二（一）)", () => {
  it("gives classes 一 to 八 their rates", () => {
    const rates = ([1, 2, 3, 4, 5, 6, 7, 8] as const).map((c) => baseRate(c, "2020-05"));
    expect(rates).toEqual(["0.0015", "0.003", "0.005", "0.006", "0.008", "0.009", "0.011", "0.015"]);
    expect(baseRate("8", "2030-12")).toBe("0.015");
  });
  it("rejects periods before 2020-05, malformed periods and classes outside 1–8", () => {
    expectPoolingError(() => baseRate(1, "2020-04"), "POLICY_NOT_IN_FORCE", ["period"]);
    expectPoolingError(() => baseRate(1, "2020-13" as never), "INVALID_PERIOD", ["period"]);
    expectPoolingError(() => baseRate(1, "2020-05-01" as never), "INVALID_PERIOD", ["period"]);
    expectPoolingError(() => baseRate(1, 202005 as never), "INVALID_PERIOD", ["period"]);
    expectPoolingError(() => baseRate(0 as never, "2020-05"), "INVALID_CLASS", ["industryClass"]);
    expectPoolingError(() => baseRate(9 as never, "2020-05"), "INVALID_CLASS", ["industryClass"]);
    expectPoolingError(() => baseRate(1.5 as never, "2020-05"), "INVALID_CLASS", ["industryClass"]);
    expectPoolingError(() => baseRate("一" as never, "2020-05"), "INVALID_CLASS", ["industryClass"]);
  });
});

describe("floating tiers (R2, 人社部发〔2015〕71号)", () => {
  it("class 1 floats up only; classes 2–8 have five tiers", () => {
    expect(floatTiers(1)).toEqual(["1", "1.2", "1.5"]);
    for (let c = 2; c <= 8; c++) expect(floatTiers(c as never)).toEqual(["0.5", "0.8", "1", "1.2", "1.5"]);
  });
  it("returns a copy the caller may change", () => {
    const t = floatTiers(1);
    t.push("9");
    expect(floatTiers(1)).toEqual(["1", "1.2", "1.5"]);
  });
  it("floats the base rate exactly", () => {
    expect(floatedRate(3, "0.8", "2020-09")).toBe("0.004");
    expect(floatedRate(1, "1.5", "2020-05")).toBe("0.00225");
    expect(floatedRate(8, "1.20", "2021-05")).toBe("0.018");
  });
  it("class 1 cannot float down; a multiplier off the ladder is an error", () => {
    expectPoolingError(() => floatedRate(1, "0.8", "2020-05"), "INVALID_MULTIPLIER", ["floatMultiplier"]);
    expectPoolingError(() => floatedRate(1, "0.5", "2020-05"), "INVALID_MULTIPLIER", ["floatMultiplier"]);
    expectPoolingError(() => floatedRate(2, "1.1", "2020-05"), "INVALID_MULTIPLIER", ["floatMultiplier"]);
    expectPoolingError(() => floatedRate(2, "0", "2020-05"), "INVALID_MULTIPLIER", ["floatMultiplier"]);
    expectPoolingError(() => floatedRate(2, "x", "2020-05"), "INVALID_MULTIPLIER", ["floatMultiplier"]);
  });
  it("moves at most two tiers and never off the ladder", () => {
    expect(moveFloatTier({ industryClass: 3, current: "1", steps: -2 })).toBe("0.5");
    expect(moveFloatTier({ industryClass: 3, current: "1", steps: 2 })).toBe("1.5");
    expect(moveFloatTier({ industryClass: 3, current: "0.8", steps: 0 })).toBe("0.8");
    expect(moveFloatTier({ industryClass: 1, current: "1", steps: 1 })).toBe("1.2");
    expect(moveFloatTier({ industryClass: 1, current: "1.2", steps: -1, date: "2021-01-01" })).toBe("1");
    expectPoolingError(() => moveFloatTier({ industryClass: 1, current: "1", steps: -1 }), "TIER_OUT_OF_RANGE", ["steps"]);
    expectPoolingError(() => moveFloatTier({ industryClass: 3, current: "1.2", steps: 2 }), "TIER_OUT_OF_RANGE", ["steps"]);
    expectPoolingError(() => moveFloatTier({ industryClass: 3, current: "0.5", steps: 3 }), "TIER_STEP_TOO_LARGE", ["steps"]);
    expectPoolingError(() => moveFloatTier({ industryClass: 3, current: "0.5", steps: 1.5 }), "INVALID_STEPS", ["steps"]);
    expectPoolingError(() => moveFloatTier({ industryClass: 1, current: "0.8", steps: 1 }), "INVALID_MULTIPLIER", ["current"]);
    expectPoolingError(() => moveFloatTier({ industryClass: 3, current: "1", steps: 1, date: "2019-12-31" }), "POLICY_NOT_IN_FORCE", ["date"]);
  });
});

describe("the rate-cut window (R3, 二（一）)", () => {
  it("is 2020-05-01 to 2021-04-30 inclusive", () => {
    expect(rateCutWindow()).toEqual({ from: "2020-05-01", to: "2021-04-30" });
    expect(isInRateCutWindow("2020-04-30")).toBe(false);
    expect(isInRateCutWindow("2020-05-01")).toBe(true);
    expect(isInRateCutWindow("2021-04-30")).toBe(true);
    expect(isInRateCutWindow("2021-05-01")).toBe(false);
    expect(isInRateCutWindow("2020-04")).toBe(false);
    expect(isInRateCutWindow("2020-05")).toBe(true);
    expect(isInRateCutWindow("2021-04")).toBe(true);
    expect(isInRateCutWindow("2021-05")).toBe(false);
  });
  it("rejects what is neither a date nor a period", () => {
    expectPoolingError(() => isInRateCutWindow("2021-02-30"), "INVALID_DATE", ["dateOrPeriod"]);
    expectPoolingError(() => isInRateCutWindow("May 2020"), "INVALID_DATE", ["dateOrPeriod"]);
  });
});

describe("national cut bands (R3, 人社部发〔2018〕25号)", () => {
  it("maps reserve months to 0, 20% and 50%, bands continuous", () => {
    expect(nationalCutFraction(0)).toBe("0");
    expect(nationalCutFraction("17.99")).toBe("0");
    expect(nationalCutFraction(18)).toBe("0.2");
    expect(nationalCutFraction("23.5")).toBe("0.2");
    expect(nationalCutFraction("23.999")).toBe("0.2");
    expect(nationalCutFraction(24)).toBe("0.5");
    expect(nationalCutFraction(120)).toBe("0.5");
    expect(nationalCutFraction(null)).toBe("0.5");
  });
  it("rejects negative or non-numeric months", () => {
    expectPoolingError(() => nationalCutFraction(-1), "INVALID_RESERVE_MONTHS", ["reserveMonths"]);
    expectPoolingError(() => nationalCutFraction("abc"), "INVALID_RESERVE_MONTHS", ["reserveMonths"]);
  });
  it("inverts: requiredReserveMonths", () => {
    expect(requiredReserveMonths("0")).toBe("0");
    expect(requiredReserveMonths("0.2")).toBe("18");
    expect(requiredReserveMonths("0.1")).toBe("18");
    expect(requiredReserveMonths("0.3")).toBe("24");
    expect(requiredReserveMonths("0.5")).toBe("24");
    expectPoolingError(() => requiredReserveMonths("0.6"), "INVALID_FRACTION", ["cutFraction"]);
    expectPoolingError(() => requiredReserveMonths("1"), "INVALID_FRACTION", ["cutFraction"]);
    expectPoolingError(() => requiredReserveMonths("-0.1"), "INVALID_FRACTION", ["cutFraction"]);
  });
});

describe("effectiveRate (R1–R3)", () => {
  it("composes base, tier and cut exactly", () => {
    const r = effectiveRate({ industryClass: 3, period: "2020-09", floatMultiplier: "0.8", cutFraction: "0.2" });
    expect(r).toMatchObject({
      baseRate: "0.005",
      floatMultiplier: "0.8",
      floatedRate: "0.004",
      cutFraction: "0.2",
      effectiveRate: "0.0032",
      cutSource: "caller",
    });
    expect(effectiveRate({ industryClass: 1, period: "2022-01" })).toMatchObject({ floatedRate: "0.0015", cutFraction: "0", effectiveRate: "0.0015" });
    expect(effectiveRate({ industryClass: 8, period: "2020-05", floatMultiplier: "1.5", cutFraction: "0.5" }).effectiveRate).toBe("0.01125");
  });
  it("needs a fraction in the window", () => {
    expectPoolingError(() => effectiveRate({ industryClass: 1, period: "2020-05" }), "CUT_FRACTION_REQUIRED", ["cutFraction"]);
    expectPoolingError(() => effectiveRate({ industryClass: 1, period: "2020-05", cutFraction: "1" }), "INVALID_FRACTION", ["cutFraction"]);
  });
});
