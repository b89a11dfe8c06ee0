import { describe, expect, it } from "vitest";
import {
  definePolicy,
  explain,
  isPoolingError,
  type LevyCorrectionInput,
  type LevyInput,
  lateFee,
  levyCorrection,
  levyCorrections,
  SUZHOU_2020,
} from "../../src/index.js";

const base = { employerId: "E1", period: "2020-09", industryClass: 3, floatMultiplier: "1", cutFraction: "0.5" } as const satisfies LevyInput;
const original = { ...base, payroll: "1000000.00" } as const;
const corrected = { ...base, payroll: "1200000.00" } as const;

/** The days after the due date 2020-10-15 through 2022-03-31, counted by hand on the month lengths (no Date). */
function daysByHand(): number {
  // after the due date 2020-10-15 through 2022-03-31:
  // 2020: Oct 16–31 (16) + Nov 30 + Dec 31 = 77; 2021: 365; 2022: Jan 31 + Feb 28 + Mar 31 = 90
  return 16 + 30 + 31 + 365 + 31 + 28 + 31;
}

describe("levyCorrection (issue example: a 2020-09 payroll audit known in 2022-03)", () => {
  it("gives arrears of 500.00 under the 2020 cut and the late fee to paidOn", () => {
    const c = levyCorrection({ original, corrected, knownOn: "2022-03-10", paidOn: "2022-03-31" });
    expect(c.kind).toBe("arrears");
    // 200,000.00 × 0.005 (class 3) × 1.0 × (1 − 0.5): the cut of 2020-09's own window, not 2022's rules (no cut)
    expect(c.arrears).toBe("500.00");
    expect(c.refund).toBe("0.00");
    expect(c.original.premium).toBe("2500.00");
    expect(c.corrected.premium).toBe("3000.00");
    expect(c.corrected.cutFraction).toBe("0.5");
    expect(c.difference).toEqual({
      payroll: "200000.00",
      premiumBeforeCut: "1000.00",
      premium: "500.00",
      cutRelief: "500.00",
      syncInducedRelief: "0.00",
      reliefWaived: "0.00",
      premiumDue: "500.00",
    });
    const days = daysByHand();
    expect(days).toBe(532);
    // 500.00 × 0.0005 × 532 = 133.00, rounded once
    expect(c.lateFee).toMatchObject({
      dueDate: "2020-10-15",
      dueDateSource: "library default",
      through: "2022-03-31",
      days,
      waivedDays: 0,
      dailyRate: "0.0005",
      lateFee: "133.00",
    });
    expect(c.lateFeeThrough).toBe("paidOn");
    expect(c.totalDue).toBe("633.00");
    expect(c.employerId).toBe("E1");
    expect(c.policy).toMatchObject({ id: "suzhou-2020", version: "2.0" });
    expect(c.citations.some((x) => x.clause === "第八十六条")).toBe(true);
  });

  it("a downward correction is a refund with no late fee", () => {
    const c = levyCorrection({ original, corrected: { ...base, payroll: "900000.00" }, knownOn: "2022-03-10", paidOn: "2022-03-31" });
    expect(c.kind).toBe("refund");
    expect(c.refund).toBe("250.00");
    expect(c.arrears).toBe("0.00");
    expect(c.lateFee).toBeNull();
    expect(c.lateFeeThrough).toBeNull();
    expect(c.totalDue).toBe("0.00");
  });

  it("the same figures: kind none, nothing due", () => {
    const c = levyCorrection({ original, corrected: original, knownOn: "2022-03-10" });
    expect(c.kind).toBe("none");
    expect(c.lateFee).toBeNull();
  });

  it("unpaid arrears bear the fee through knownOn", () => {
    const c = levyCorrection({ original, corrected, knownOn: "2020-10-20" });
    expect(c.lateFeeThrough).toBe("knownOn");
    expect(c.lateFee?.days).toBe(5);
    // 500.00 × 0.0005 × 5 = 1.25
    expect(c.lateFee?.lateFee).toBe("1.25");
  });

  it("rejects mismatched periods, employers and dates", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isPoolingError(e) ? [e.code, e.path.join(".")] : e;
      }
      return "no error";
    };
    expect(code(() => levyCorrection({ original, corrected: { ...corrected, period: "2020-10" }, knownOn: "2022-03-10" }))).toEqual([
      "CORRECTION_MISMATCH",
      "corrected.period",
    ]);
    expect(code(() => levyCorrection({ original, corrected: { ...corrected, employerId: "E2" }, knownOn: "2022-03-10" }))).toEqual([
      "CORRECTION_MISMATCH",
      "corrected.employerId",
    ]);
    expect(code(() => levyCorrection({ original, corrected, knownOn: "2022-03-10", paidOn: "2022-03-01" }))).toEqual(["DATE_ORDER", "paidOn"]);
    expect(code(() => levyCorrection({ original, corrected: { ...corrected, cutFraction: undefined }, knownOn: "2022-03-10" }))).toEqual([
      "CUT_FRACTION_REQUIRED",
      "corrected.cutFraction",
    ]);
    expect(code(() => levyCorrection({ original, corrected, knownOn: "2022-02-30" }))).toEqual(["INVALID_DATE", "knownOn"]);
  });
});

describe("lateFee", () => {
  it("counts no day up to the due date, rounds half-up once", () => {
    expect(lateFee({ period: "2020-09", amount: "500.00", paidOn: "2020-10-15" })).toMatchObject({ overdueDays: 0, days: 0, lateFee: "0.00" });
    // 1.00 × 0.0005 × 10 = 0.005 → 0.01 (half-up)
    expect(lateFee({ period: "2020-09", amount: "1.00", paidOn: "2020-10-25" }).lateFee).toBe("0.01");
    // 1.00 × 0.0005 × 9 = 0.0045 → 0.00
    expect(lateFee({ period: "2020-09", amount: "1.00", paidOn: "2020-10-24" }).lateFee).toBe("0.00");
  });

  it("clamps the due day to the month's end and crosses leap days", () => {
    const json = JSON.parse(JSON.stringify(SUZHOU_2020));
    json.lateFees.dueDate[0].value.day = 31;
    json.version = "2.0-test";
    const p = definePolicy(json);
    // 2021-01's premium is due 2021-02-28; 2023-01's on 2023-02-28; 2024-01's on 2024-02-29
    expect(lateFee({ period: "2021-01", amount: "100.00", paidOn: "2021-03-01" }, p)).toMatchObject({ dueDate: "2021-02-28", days: 1 });
    expect(lateFee({ period: "2024-01", amount: "100.00", paidOn: "2024-03-01" }, p)).toMatchObject({ dueDate: "2024-02-29", days: 1 });
  });

  it("leaves out the days of waiver windows, overlapping ones once", () => {
    const json = JSON.parse(JSON.stringify(SUZHOU_2020));
    const cite = { doc: "test", clause: "deferral" };
    json.lateFees.waivers = [
      { id: "a", from: "2020-10-01", to: "2020-10-20", citation: cite },
      { id: "b", from: "2020-10-18", to: "2020-10-25", citation: cite },
    ];
    json.version = "2.0-test";
    const p = definePolicy(json);
    // overdue 2020-10-16 … 2020-10-31 (16 days); waived 10-16 … 10-25 (10 days)
    const fee = lateFee({ period: "2020-09", amount: "1000.00", paidOn: "2020-10-31" }, p);
    expect(fee).toMatchObject({ overdueDays: 16, waivedDays: 10, days: 6, lateFee: "3.00" });
    expect(fee.citations).toContainEqual(cite);
  });

  it("needs late-fee parameters in the policy", () => {
    const json = JSON.parse(JSON.stringify(SUZHOU_2020));
    delete json.lateFees;
    json.version = "2.0-test";
    const p = definePolicy(json);
    expect(() => lateFee({ period: "2020-09", amount: "1.00", paidOn: "2021-01-01" }, p)).toThrow(expect.objectContaining({ code: "LATE_FEE_NOT_IN_POLICY" }));
    expect(levyCorrection({ original, corrected: { ...base, payroll: "900000.00" }, knownOn: "2022-03-10" }, p).kind).toBe("refund");
  });
});

describe("levyCorrections", () => {
  it("totals the good pairs and collects the bad ones", () => {
    const batch = levyCorrections(
      [
        { original, corrected, knownOn: "2022-03-10", paidOn: "2022-03-31" },
        { original: { ...original, employerId: "E2" }, corrected: { ...original, employerId: "E2", payroll: "900000.00" }, knownOn: "2022-03-10" },
        { original: { ...original, employerId: "E3" }, corrected: { ...original, employerId: "E3", payroll: "-1" }, knownOn: "2022-03-10" },
      ],
      { errors: "collect" },
    );
    expect(batch.items.map((c) => c.kind)).toEqual(["arrears", "refund"]);
    expect(batch.totals).toMatchObject({
      arrears: "500.00",
      refund: "250.00",
      lateFee: "133.00",
      totalDue: "633.00",
      count: { arrears: 1, refund: 1, none: 0 },
    });
    expect(batch.errors).toHaveLength(1);
    expect(batch.errors![0]).toMatchObject({ index: 2, employerId: "E3" });
    expect(batch.errors![0]!.error.code).toBe("NEGATIVE_AMOUNT");
    expect(batch.errors![0]!.error.path).toEqual([2, "corrected", "payroll"]);
    expect(batch.errorsOmitted).toBe(0);
  });

  it("throws on the first bad pair by default, with its index", () => {
    expect(() => levyCorrections([{ original, corrected, knownOn: "x" } as unknown as LevyCorrectionInput])).toThrow(
      expect.objectContaining({ code: "INVALID_DATE", path: [0, "knownOn"] }),
    );
  });
});

describe("explain(levyCorrection)", () => {
  it("accounts for both records, the difference and the late fee", () => {
    const c = levyCorrection({ original, corrected, knownOn: "2022-03-10", paidOn: "2022-03-31" });
    const en = explain(c, { lang: "en" });
    expect(en.kind).toBe("levyCorrection");
    expect(en.title).toBe("Levy correction (E1, period 2020-09)");
    expect(en.text).toContain("Difference: 3000.00 − 2500.00 = 500.00: arrears of 500.00");
    expect(en.text).toContain("Due date: 2020-10-15 (not fixed by the document set: the library's default)");
    expect(en.text).toContain("532 calendar days");
    expect(en.text).toContain("Late fee: 500.00 × 0.0005 × 532 = 133.00 — 《中华人民共和国社会保险法》 第八十六条");
    expect(en.text).toContain("Total due: 500.00 + 133.00 = 633.00");
    const zh = explain(levyCorrection({ original, corrected: { ...base, payroll: "1000200.00" }, knownOn: "2020-10-20" }));
    // 0.50 × 0.0005 × 5 = 0.00125 → 0.00
    expect(zh.text).toContain("滞纳金：0.50 × 0.0005 × 5 = 0.00125 → 0.00（四舍五入到分，仅此一次）");
    expect(explain(levyCorrection({ original, corrected: { ...base, payroll: "900000.00" }, knownOn: "2022-03-10" })).text).toContain(
      "应退还 250.00（退费不计滞纳金）",
    );
  });
});
