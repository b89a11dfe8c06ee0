/**
 * A result read back (`explain`) has every figure checked before any arithmetic: a rate outside [0, 1] or not a
 * plain decimal, an amount beyond ±10^15 or not two-decimal yuan, is `INVALID_RESULT` at its path (0.6.0 computed
 * with it: `"1e100000000"` exhausted the memory, `"NaN"` printed NaN, `"abc"` threw a DecimalError).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevy, coverDeficit, explain, initialState, settlePeriod, yearEndTrueUp } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

const coverage = coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" });
const trueUp = yearEndTrueUp({
  grantsPaid: "0.00",
  subsidiesPaid: { "2020-07": "300.00" },
  yearEndBalance: "120.00",
  syncInducedRelief: "50.00",
  grantableSubsidies: "300.00",
  grantsWaiting: "0.00",
});
const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2", ownCutFraction: "0" });
const settlement = settlePeriod(initialState(EXAMPLE_SCENARIO.opening).state, EXAMPLE_SCENARIO.periods[0]!);

const BAD_RATES = ["1e100000000", "abc", "NaN", "0x10", "-5", "+0.2", "1.5", "2", "0.2, 0.3", " 0.2", "Infinity", "1e-2", ".2", "", `0.${"1".repeat(41)}`];
const BAD_MONEY = ["1e100000000", "abc", "NaN", "0x10", "1000000000000000.01", "10000000000000000.00", "12.345", "12.3", "1,000.00", "+1.00", "Infinity", ""];

describe("explain reads back only figures the library writes (INVALID_RESULT)", () => {
  it("a deficit coverage's clawbackRate: the 237-byte request that exhausted the service's memory is refused at once", () => {
    for (const rate of BAD_RATES) {
      expectPoolingError(() => explain({ ...coverage, clawbackRate: rate }), "INVALID_RESULT", ["result", "clawbackRate"]);
    }
    // not a string at all
    expectPoolingError(() => explain({ ...coverage, clawbackRate: 0.2 as never }), "INVALID_RESULT", ["result", "clawbackRate"]);
    // the library's own rates pass, "0", "1" and "1.0" included
    for (const rate of ["0", "0.2", "1", "1.0", "0.0000001"]) expect(explain({ ...coverage, clawbackRate: rate }).kind).toBe("deficitCoverage");
  });
  it("a deficit coverage's amounts: two-decimal yuan within ±10^15", () => {
    for (const amount of BAD_MONEY) {
      expectPoolingError(() => explain({ ...coverage, poolSubsidy: amount }), "INVALID_RESULT", ["result", "poolSubsidy"]);
    }
    expect(explain({ ...coverage, gap: "1000000000000000.00" }, { lang: "en" }).steps[0]!.text).toBe("The period's gap: 1000000000000000.00");
  });
  it("a year-end true-up's clawbackRate and its rates by line", () => {
    for (const rate of BAD_RATES) expectPoolingError(() => explain({ ...trueUp, clawbackRate: rate }), "INVALID_RESULT", ["result", "clawbackRate"]);
    const bad = { ...trueUp, clawbackRates: [{ rate: "NaN", subsidies: "130.00", clawback: "26.00" }] };
    expectPoolingError(() => explain(bad), "INVALID_RESULT", ["result", "clawbackRates", 0, "rate"]);
    expectPoolingError(() => explain({ ...trueUp, subsidiesSettled: "9".repeat(100000) }), "INVALID_RESULT", ["result", "subsidiesSettled"]);
  });
  it("a period report's openingExtractionRate, clawbackRate and amounts", () => {
    const report = settlement.report;
    for (const rate of BAD_RATES) {
      expectPoolingError(() => explain({ ...report, parameters: { ...report.parameters, openingExtractionRate: rate } }), "INVALID_RESULT", [
        "result",
        "parameters",
        "openingExtractionRate",
      ]);
      expectPoolingError(() => explain({ ...settlement, report: { ...report, parameters: { ...report.parameters, clawbackRate: rate } } }), "INVALID_RESULT", [
        "result",
        "report",
        "parameters",
        "clawbackRate",
      ]);
    }
    expectPoolingError(() => explain({ ...report, pool: { ...report.pool, extractions: "1e100000000" } }), "INVALID_RESULT", ["result", "pool", "extractions"]);
  });
  it("a levy's rates and amounts", () => {
    expectPoolingError(() => explain({ ...levy, cutFraction: "NaN" }), "INVALID_RESULT", ["result", "cutFraction"]);
    expectPoolingError(() => explain({ ...levy, floatedRate: "1e100000000" }), "INVALID_RESULT", ["result", "floatedRate"]);
    expectPoolingError(() => explain({ ...levy, payroll: "0x10" }), "INVALID_RESULT", ["result", "payroll"]);
    expectPoolingError(() => explain({ ...levy, premium: "-" }), "INVALID_RESULT", ["result", "premium"]);
  });
  it("property: any string in a figure either passes as the library writes it or is INVALID_RESULT, never another error", () => {
    const figure = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[-+]?[0-9.eExX]{1,20}$/));
    fc.assert(
      fc.property(figure, fc.constantFrom("clawbackRate", "poolSubsidy", "gap", "clawback"), (value, key) => {
        try {
          explain({ ...coverage, [key]: value });
        } catch (e) {
          expect((e as { code?: string }).code).toBe("INVALID_RESULT");
        }
      }),
      runs(500),
    );
  });
});
