import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { computeLevy, RELIEF_2020, SUZHOU_2020, withReliefOverlays } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

describe("computeLevy: the rules' worked examples", () => {
  it("R4: class 3, multiplier 0.8, payroll 2,000,000.00, 2020-09, cut 0.2", () => {
    // The district's own cut is never assumed (0.5): the worked example's district qualifies for none (ownCutFraction "0").
    const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2", ownCutFraction: "0" });
    expect(levy).toMatchObject({
      period: "2020-09",
      industryClass: 3,
      payroll: "2000000.00",
      baseRate: "0.005",
      floatMultiplier: "0.8",
      floatedRate: "0.004",
      cutFraction: "0.2",
      cutSource: "caller",
      ownCutFraction: "0",
      ownCutSource: "ownCutFraction",
      effectiveRate: "0.0032",
      premiumBeforeCut: "8000.00",
      premium: "6400.00",
      cutRelief: "1600.00",
      syncInducedRelief: "1600.00",
      reliefFraction: "0",
      reliefWaived: "0.00",
      premiumDue: "6400.00",
    });
    expect(levy.citations.map((c) => c.clause)).toEqual(["二（一）", "二（一）", "二（一）", "二（三）"]);
    expect(levy.citations.every((c) => c.doc === "苏府办〔2020〕86号")).toBe(true);
  });

  it("R4 rounding: class 2, payroll 5.00, 2021-07: 5 × 0.003 = 0.015 → 0.02 (half-up)", () => {
    const levy = computeLevy({ period: "2021-07", industryClass: 2, payroll: "5.00" });
    expect(levy.premiumBeforeCut).toBe("0.02");
    expect(levy.premium).toBe("0.02");
    expect(levy.cutRelief).toBe("0.00");
    expect(levy.cutFraction).toBe("0");
    expect(levy.cutSource).toBe("outsideWindow");
  });

  it("rounds 0.0049999 down and 0.005 up", () => {
    // class 1: 0.0015; payroll 3.33 → 0.004995 → 0.00; payroll 3.34 → 0.00501 → 0.01
    // (0.5: a payroll is money, in whole fen; 0.4 tested 3.3333 and 3.3334)
    expect(computeLevy({ period: "2021-07", industryClass: 1, payroll: "3.33" }).premium).toBe("0.00");
    expect(computeLevy({ period: "2021-07", industryClass: 1, payroll: "3.34" }).premium).toBe("0.01");
    // exactly half a fen rounds up (四舍五入): 15 × 0.003 = 0.045, 25 × 0.003 = 0.075
    expect(computeLevy({ period: "2021-07", industryClass: 2, payroll: "15" }).premium).toBe("0.05"); // 0.045 → 0.05
    expect(computeLevy({ period: "2021-07", industryClass: 2, payroll: "25" }).premium).toBe("0.08"); // 0.075 → 0.08
  });

  it("accepts numbers, strings and Decimals alike", () => {
    const a = computeLevy({ period: "2020-09", industryClass: "3", floatMultiplier: 0.8, payroll: 2000000, cutFraction: 0.2 });
    const b = computeLevy({
      period: "2020-09",
      industryClass: 3,
      floatMultiplier: new Decimal("0.80"),
      payroll: new Decimal("2000000.00"),
      cutFraction: new Decimal("0.2"),
    });
    expect(a).toEqual(b);
    expect(a.premium).toBe("6400.00");
  });

  it("refuses a sub-fen payroll (0.5: money inputs are in whole fen; 0.4 echoed 1000.005 unrounded)", () => {
    expectPoolingError(() => computeLevy({ period: "2021-07", industryClass: 8, payroll: "1000.005" }), "AMOUNT_NOT_IN_FEN", ["payroll"]);
    expectPoolingError(() => computeLevy({ period: "2021-07", industryClass: 8, payroll: 1000.005 }), "AMOUNT_NOT_IN_FEN", ["payroll"]);
    expect(computeLevy({ period: "2021-07", industryClass: 8, payroll: "1000.01" }).premium).toBe("15.00"); // 15.00015 → 15.00
  });

  it("echoes employerId", () => {
    expect(computeLevy({ employerId: "E-1", period: "2021-07", industryClass: 1, payroll: "1" }).employerId).toBe("E-1");
    expect("employerId" in computeLevy({ period: "2021-07", industryClass: 1, payroll: "1" })).toBe(false);
  });
});

describe("computeLevy: the rate-cut window's edges (二（一）)", () => {
  it("2020-04 is before the policy: POLICY_NOT_IN_FORCE", () => {
    expectPoolingError(() => computeLevy({ period: "2020-04", industryClass: 1, payroll: "100", cutFraction: "0.5" }), "POLICY_NOT_IN_FORCE", ["period"]);
  });
  it("2020-05 is the first month of the window", () => {
    const levy = computeLevy({ period: "2020-05", industryClass: 4, payroll: "100000", cutFraction: "0.5" });
    expect(levy).toMatchObject({ floatedRate: "0.006", effectiveRate: "0.003", premiumBeforeCut: "600.00", premium: "300.00", cutRelief: "300.00" });
  });
  it("2021-04 is the last month of the window", () => {
    const levy = computeLevy({ period: "2021-04", industryClass: 4, payroll: "100000", cutFraction: "0.5" });
    expect(levy.cutFraction).toBe("0.5");
    expect(levy.premium).toBe("300.00");
  });
  it("2021-05 is outside: no cut whatever is passed", () => {
    const levy = computeLevy({ period: "2021-05", industryClass: 4, payroll: "100000", cutFraction: "0.5", ownCutFraction: "0" });
    expect(levy).toMatchObject({ cutFraction: "0", cutSource: "outsideWindow", premium: "600.00", cutRelief: "0.00", syncInducedRelief: "0.00" });
  });
  it("in the window with no fraction from policy or caller: CUT_FRACTION_REQUIRED", () => {
    expectPoolingError(() => computeLevy({ period: "2020-05", industryClass: 1, payroll: "100" }), "CUT_FRACTION_REQUIRED", ["cutFraction"]);
    expectPoolingError(() => computeLevy({ period: "2021-04", industryClass: 1, payroll: "100" }), "CUT_FRACTION_REQUIRED", ["cutFraction"]);
  });
  it("the city's reserve months give the cut through the national bands", () => {
    const levy = computeLevy({ period: "2020-06", industryClass: 5, payroll: "10000", cityReserveMonths: "30" });
    expect(levy).toMatchObject({ cutFraction: "0.5", cutSource: "reserveMonths", premium: "40.00" });
    expect(levy.citations.map((c) => c.doc)).toContain("国办发〔2019〕13号");
    expect(computeLevy({ period: "2020-06", industryClass: 5, payroll: "10000", cityReserveMonths: "23.5" }).cutFraction).toBe("0.2");
    // 0.5: null is never a value (it used to select the 50% cut as "unbounded").
    expect(() => computeLevy({ period: "2020-06", industryClass: 5, payroll: "10000", cityReserveMonths: null as never })).toThrow(
      expect.objectContaining({ code: "INVALID_TYPE", path: ["cityReserveMonths"] }),
    );
  });
  it("contradictory cutFraction and cityReserveMonths: CUT_FRACTION_CONFLICT", () => {
    expectPoolingError(
      () => computeLevy({ period: "2020-06", industryClass: 5, payroll: "1", cutFraction: "0.2", cityReserveMonths: "30" }),
      "CUT_FRACTION_CONFLICT",
      ["cutFraction"],
    );
  });
  it("a policy that fixes the fraction needs none from the caller and refuses a different one", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.rateCut[0].value.fraction = "0.5";
    const fixed = { ...json };
    const levy = computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000" }, fixed);
    expect(levy).toMatchObject({ cutFraction: "0.5", cutSource: "policy", premium: "7.50", premiumBeforeCut: "15.00" });
    expect(computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000", cutFraction: "0.5" }, fixed).premium).toBe("7.50");
    expectPoolingError(() => computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000", cutFraction: "0.2" }, fixed), "CUT_FRACTION_CONFLICT", [
      "cutFraction",
    ]);
  });
});

describe("computeLevy: sync-induced relief (R4, 二（三）)", () => {
  it("issue 9 finding 1: the district's own cut is never assumed (notGiven → 0.00; 0.4 gave 2500.00)", () => {
    const levy = computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.5" });
    expect(levy).toMatchObject({ cutRelief: "2500.00", syncInducedRelief: "0.00", ownCutFraction: null, ownCutSource: "notGiven" });
    expect(computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.5", ownCutFraction: "0" })).toMatchObject({
      syncInducedRelief: "2500.00",
      ownCutSource: "ownCutFraction",
    });
    expect(computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.5", ownReserveMonths: "17.99" })).toMatchObject({
      ownCutFraction: "0",
      syncInducedRelief: "2500.00",
      ownCutSource: "ownReserveMonths",
    });
  });
  it("issue 9 finding 8: a cut the rule does not know is INVALID_CUT_FRACTION, not a 30% cut; null is never a value", () => {
    expectPoolingError(() => computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.3" }), "INVALID_CUT_FRACTION", [
      "cutFraction",
    ]);
    expectPoolingError(
      () => computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.5", ownCutFraction: "0.3" }),
      "INVALID_CUT_FRACTION",
      ["ownCutFraction"],
    );
    for (const field of ["cityReserveMonths", "ownReserveMonths", "ownCutFraction", "floatMultiplier", "employerId"]) {
      expectPoolingError(
        () => computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000.00", cutFraction: "0.5", [field]: null } as never),
        "INVALID_TYPE",
        [field],
      );
    }
  });
  it("is 0 when the district's own cut is at least the city's", () => {
    const levy = computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000", cutFraction: "0.2", ownCutFraction: "0.5" });
    expect(levy.syncInducedRelief).toBe("0.00");
    expect(levy.cutRelief).toBe("1000.00");
  });
  it("is the difference between the own-cut premium and the premium", () => {
    // floated 0.005; city cut 0.5 → premium 2500; own cut 0.2 → 4000; sync-induced 1500
    const levy = computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000", cutFraction: "0.5", ownCutFraction: "0.2" });
    expect(levy).toMatchObject({ premiumBeforeCut: "5000.00", premium: "2500.00", cutRelief: "2500.00", syncInducedRelief: "1500.00" });
  });
  it("can take the own reserve months instead", () => {
    const levy = computeLevy({ period: "2020-09", industryClass: 3, payroll: "1000000", cutFraction: "0.5", ownReserveMonths: "20" });
    expect(levy).toMatchObject({ ownCutFraction: "0.2", syncInducedRelief: "1500.00" });
    expectPoolingError(
      () => computeLevy({ period: "2020-09", industryClass: 3, payroll: "1", cutFraction: "0.5", ownReserveMonths: "20", ownCutFraction: "0" }),
      "CUT_FRACTION_CONFLICT",
      ["ownCutFraction"],
    );
  });
});

describe("computeLevy: per-employee bases", () => {
  it("clamps each base to the floor and ceiling, then sums", () => {
    const levy = computeLevy({
      period: "2021-06",
      industryClass: 8,
      employees: ["2000", "5000", "30000"],
      baseFloor: "3000",
      baseCeiling: "20000",
    });
    expect(levy.payroll).toBe("28000.00");
    expect(levy.premium).toBe("420.00");
  });
  it("without bounds sums as given", () => {
    expect(computeLevy({ period: "2021-06", industryClass: 8, employees: [] }).payroll).toBe("0.00");
    expect(computeLevy({ period: "2021-06", industryClass: 8, employees: ["1.5", 2] }).payroll).toBe("3.50");
  });
  it("rejects payroll and employees together, neither, and reversed bounds", () => {
    expectPoolingError(() => computeLevy({ period: "2021-06", industryClass: 8, payroll: "1", employees: ["1"] }), "PAYROLL_CONFLICT", ["employees"]);
    expectPoolingError(() => computeLevy({ period: "2021-06", industryClass: 8 }), "PAYROLL_REQUIRED", ["payroll"]);
    expectPoolingError(() => computeLevy({ period: "2021-06", industryClass: 8, employees: ["1"], baseFloor: "10", baseCeiling: "5" }), "INVALID_BASE_BOUNDS", [
      "baseCeiling",
    ]);
    expectPoolingError(() => computeLevy({ period: "2021-06", industryClass: 8, payroll: "1", baseFloor: "10" }), "INVALID_BASE_BOUNDS", ["baseFloor"]);
    expectPoolingError(() => computeLevy({ period: "2021-06", industryClass: 8, employees: ["1", "-2"] }), "NEGATIVE_AMOUNT", ["employees", 1]);
  });
});

describe("computeLevy: the opt-in 2020 relief overlay (人社部发〔2020〕11号, 49号)", () => {
  const withRelief = withReliefOverlays(SUZHOU_2020, RELIEF_2020);

  it("is off by default", () => {
    const levy = computeLevy({ period: "2020-07", industryClass: 3, payroll: "100000", cutFraction: "0.5", enterpriseSize: "small" });
    expect(levy).toMatchObject({ reliefFraction: "0", reliefWaived: "0.00", premiumDue: "250.00" });
  });
  it("waives SMEs' premiums to 2020-12 and halves large enterprises' to 2020-06", () => {
    const small = computeLevy({ period: "2020-12", industryClass: 3, payroll: "100000", cutFraction: "0.5", enterpriseSize: "micro" }, withRelief);
    expect(small).toMatchObject({ premium: "250.00", reliefFraction: "1", reliefWaived: "250.00", premiumDue: "0.00" });
    expect(small.citations.map((c) => c.doc)).toContain("人社部发〔2020〕11号");
    const large = computeLevy({ period: "2020-06", industryClass: 3, payroll: "100001", cutFraction: "0.5", enterpriseSize: "large" }, withRelief);
    // premium 250.0025 → 250.00; halved → 125.00
    expect(large).toMatchObject({ premium: "250.00", reliefFraction: "0.5", reliefWaived: "125.00", premiumDue: "125.00" });
    const largeJuly = computeLevy({ period: "2020-07", industryClass: 3, payroll: "100000", cutFraction: "0.5", enterpriseSize: "large" }, withRelief);
    expect(largeJuly).toMatchObject({ reliefFraction: "0", reliefWaived: "0.00", premiumDue: "250.00" });
  });
  it("rounds the waived half half-up, and premiumDue + reliefWaived = premium", () => {
    // class 1 × 1.5 = 0.00225; × 0.5 cut = 0.001125; payroll 10000 → 11.25; halved 5.625 → 5.63
    const levy = computeLevy(
      { period: "2020-05", industryClass: 1, floatMultiplier: "1.5", payroll: "10000", cutFraction: "0.5", enterpriseSize: "large" },
      withRelief,
    );
    expect(levy).toMatchObject({ premium: "11.25", reliefWaived: "5.63", premiumDue: "5.62" });
  });
  it("needs the enterprise size in an overlay's months, and not after", () => {
    expectPoolingError(() => computeLevy({ period: "2020-12", industryClass: 3, payroll: "1", cutFraction: "0.5" }, withRelief), "ENTERPRISE_SIZE_REQUIRED", [
      "enterpriseSize",
    ]);
    expect(computeLevy({ period: "2021-01", industryClass: 3, payroll: "100", cutFraction: "0.5" }, withRelief).reliefWaived).toBe("0.00");
  });
});
