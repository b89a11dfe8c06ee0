/**
 * Robustness: every public function, fed arbitrary JSON-like input, either
 * returns a valid result or throws a PoolingError with a code and a path:
 * never a TypeError, NaN, Infinity, or a negative amount where none is allowed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as analysisEntry from "../src/analysis.js";
import * as examplesEntry from "../src/examples.js";
import * as main from "../src/index.js";
import * as schemasEntry from "../src/schemas.js";
import { deepFreeze } from "./helpers.js";
import { runs } from "./support/fc.js";

/** The public entries but the presentation (`/report`, tested on its own): the main one, `/schemas`, `/analysis` and `/examples`. */
const lib = { ...main, ...schemasEntry, ...analysisEntry, ...examplesEntry };

const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown>;
const anyInput = fc.oneof(
  json,
  fc.constantFrom(undefined, NaN, Infinity, -Infinity, -0, "", " 1", "1e3", "0x10", {}, [], null, "2020-05", "2021-04-30", 1, 8, "0.2"),
);

/** Objects shaped like the real inputs, with some fields replaced by arbitrary values. */
function mutated(base: Record<string, unknown>) {
  return fc.record({ key: fc.constantFrom(...Object.keys(base), "extra"), value: anyInput, drop: fc.boolean() }).map(({ key, value, drop }) => {
    const copy: Record<string, unknown> = structuredClone(base);
    if (drop) delete copy[key];
    else copy[key] = value;
    return copy;
  });
}

function check(call: () => unknown, negativeResultAllowed = false): void {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(lib.PoolingError);
    const err = e as main.PoolingError;
    expect(Object.keys(lib.ERROR_CODES)).toContain(err.code);
    expect(Array.isArray(err.path)).toBe(true);
    expect(err.messageZh.length).toBeGreaterThan(0);
    return;
  }
  const text = JSON.stringify(result);
  expect(text).not.toMatch(/NaN|Infinity/);
  // amounts are never negative unless they are balances, which may be
  walk(result, (key, value) => {
    if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    if (typeof value === "string" && /^-\d+\.\d{2}$/.test(value) && !(negativeResultAllowed && key === "")) {
      expect(
        [
          "balance",
          "current",
          "carried",
          "deficit",
          "opening",
          "closing",
          "funds",
          "externalIn",
          "totalOfAllAccounts",
          "fiscalTotal",
          "poolRemaining",
          "priorYearBalance",
          // the carried balance the grant's eligibility is measured on: a member may enter pooling in deficit
          "eligibilityBalance",
          // signed by nature: the reserve months of a deficit, a budget's variance and an adjustment's change
          "eserveMonths",
          "variance",
        ].some((k) => key.includes(k)) || /^(member|pool|fiscal|external|province)/.test(key),
        `negative ${key}=${value}`,
      ).toBe(true);
    }
  });
}

function walk(value: unknown, visit: (key: string, value: unknown) => void, key = ""): void {
  visit(key, value);
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit, key);
  } else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, visit, k);
}

const LEVY = { period: "2020-09", industryClass: 3, payroll: "2000000.00", floatMultiplier: "0.8", cutFraction: "0.2" };
const COVER = { gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" };
const TOPUP = { amount: "500000.00", members: [{ id: "A", priorYearBalance: "3000000", available: "9000000" }] };

/** The first two periods of the example, simulated once (a budget's execution reads a simulation). */
const SHORT_SIMULATION = lib.simulate({ ...lib.EXAMPLE_SCENARIO, periods: lib.EXAMPLE_SCENARIO.periods.slice(0, 2) });

const cases: [string, fc.Arbitrary<unknown[]>][] = [
  ["baseRate", fc.tuple(anyInput, anyInput)],
  ["floatTiers", fc.tuple(anyInput)],
  ["floatedRate", fc.tuple(anyInput, anyInput, anyInput)],
  ["moveFloatTier", fc.tuple(fc.oneof(anyInput, mutated({ industryClass: 3, current: "1", steps: 1 })))],
  ["isInRateCutWindow", fc.tuple(anyInput)],
  [
    "reviewFloatTier",
    fc.tuple(
      fc.oneof(
        anyInput,
        mutated({ industryClass: 3, current: "1", indicators: { payoutRatio: "0.3" }, bands: [{ payoutRatioBelow: "0.5", steps: -1 }, { steps: 0 }] }),
      ),
    ),
  ],
  ["rateCutWindow", fc.tuple(anyInput)],
  ["nationalCutFraction", fc.tuple(anyInput)],
  ["requiredReserveMonths", fc.tuple(anyInput)],
  ["effectiveRate", fc.tuple(fc.oneof(anyInput, mutated({ industryClass: 3, period: "2020-09", cutFraction: "0.2" })))],
  ["computeLevy", fc.tuple(fc.oneof(anyInput, mutated(LEVY)))],
  ["lateFee", fc.tuple(fc.oneof(anyInput, mutated({ period: "2020-09", amount: "500.00", paidOn: "2022-03-31" })))],
  ["levyCorrection", fc.tuple(fc.oneof(anyInput, mutated({ original: LEVY, corrected: LEVY, knownOn: "2022-03-10" })))],
  [
    "levyCorrections",
    fc.tuple(fc.oneof(anyInput, fc.array(fc.oneof(anyInput, mutated({ original: LEVY, corrected: LEVY, knownOn: "2022-03-10" })), { maxLength: 3 }))),
  ],
  ["computeLevies", fc.tuple(fc.oneof(anyInput, fc.array(fc.oneof(anyInput, mutated(LEVY)), { maxLength: 4 })))],
  ["streamLevies", fc.tuple(fc.oneof(anyInput, fc.array(fc.oneof(anyInput, mutated(LEVY)), { maxLength: 4 }))).map(([x]) => [x])],
  ["definePolicy", fc.tuple(fc.oneof(anyInput, mutated({ ...JSON.parse(JSON.stringify(lib.SUZHOU_2020)), version: "1.0-test" })))],
  ["apportion", fc.tuple(anyInput, fc.oneof(anyInput, fc.array(anyInput, { maxLength: 4 })))],
  ["paramsAt", fc.tuple(fc.constant(lib.SUZHOU_2020), anyInput)],
  ["policyRef", fc.tuple(anyInput)],
  ["apportionTopUp", fc.tuple(fc.oneof(anyInput, mutated(TOPUP)))],
  ["coverDeficit", fc.tuple(fc.oneof(anyInput, mutated(COVER)))],
  ["yearEndTrueUp", fc.tuple(fc.oneof(anyInput, mutated({ grantsPaid: "1.00", subsidiesPaid: "2.00", yearEndBalance: "-1.00", syncInducedRelief: "0.50" })))],
  [
    "cutGapGrantEligibility",
    fc.tuple(fc.oneof(anyInput, mutated({ period: "2020-07", cutFraction: "0.5", priorYearBalance: "1.00", priorYearExpenditure: "1.00" }))),
  ],
  ["clawback", fc.tuple(anyInput)],
  ["poolFloor", fc.tuple(fc.oneof(anyInput, fc.array(anyInput, { maxLength: 3 })))],
  ["reserveMonths", fc.tuple(anyInput, anyInput)],
  ["assessRisk", fc.tuple(anyInput)],
  ["openPooling", fc.tuple(anyInput)],
  ["provincialRemittance", fc.tuple(fc.oneof(anyInput, mutated({ year: 2021, members: [{ id: "sip", amount: "1.00" }] })))],
  ["payByPriority", fc.tuple(fc.oneof(anyInput, mutated({ poolAvailable: "10.00", subsidy: [{ member: "sip", amount: "5.00" }] })))],
  ["consolidate", fc.tuple(fc.oneof(anyInput, fc.array(anyInput, { maxLength: 2 })))],
  ["fundStatements", fc.tuple(anyInput, anyInput)],
  ["budgetExecution", fc.tuple(anyInput, anyInput, anyInput)],
  [
    "simulationBudgetExecution",
    fc.tuple(
      fc.oneof(anyInput, fc.constant(SHORT_SIMULATION)),
      fc.oneof(anyInput, mutated(lib.EXAMPLE_BUDGET as unknown as Record<string, unknown>)),
      fc.oneof(anyInput, fc.constant(lib.EXAMPLE_SCENARIO.opening)),
    ),
  ],
  ["foldJournal", fc.tuple(anyInput)],
  ["checkConservation", fc.tuple(anyInput, anyInput)],
  ["initialState", fc.tuple(fc.oneof(anyInput, mutated(lib.EXAMPLE_SCENARIO.opening as unknown as Record<string, unknown>)))],
  ["simulate", fc.tuple(fc.oneof(anyInput, mutated(lib.EXAMPLE_SCENARIO as unknown as Record<string, unknown>)))],
  ["settlePeriod", fc.tuple(anyInput, anyInput)],
  ["explain", fc.tuple(anyInput, anyInput)],
  ["toJSONSchema", fc.tuple(anyInput)],
  ["analysisJSONSchema", fc.tuple(fc.oneof(anyInput, fc.constantFrom("FlowModel", "FlowHistory", "Comparison", "StressResult")))],
  ["inputProblems", fc.tuple(fc.oneof(anyInput, fc.constantFrom("LevyInput", "Scenario", "Policy")), anyInput, anyInput)],
  ["formatCitation", fc.tuple(anyInput)],
  ["accountKind", fc.tuple(anyInput)],
  ["currentAccount", fc.tuple(anyInput)],
  ["carriedAccount", fc.tuple(anyInput)],
  ["fiscalAccount", fc.tuple(anyInput)],
  ["withReliefOverlays", fc.tuple(anyInput, anyInput)],
  ["cite", fc.tuple(anyInput, anyInput, anyInput)],
  ["isPoolingError", fc.tuple(anyInput)],
  ["syncInducedRelief", fc.tuple(fc.oneof(anyInput, mutated({ payroll: "100.00", floatedRate: "0.004", cutFraction: "0.2", ownCutFraction: "0" })))],
  // policy analysis
  ["diffPolicies", fc.tuple(anyInput, anyInput)],
  ["compare", fc.tuple(anyInput, anyInput, anyInput)],
  ["compareSimulations", fc.tuple(anyInput, anyInput)],
  ["explainComparison", fc.tuple(anyInput, anyInput)],
  ["fitFlowModel", fc.tuple(anyInput)],
  ["stressTest", fc.tuple(anyInput, anyInput)],
  ["mergeStressResults", fc.tuple(anyInput)],
  // rows to typed inputs, a year of a simulation
  ["parseLevyInput", fc.tuple(anyInput)],
  ["parseInputAs", fc.tuple(fc.oneof(anyInput, fc.constantFrom("LevyInput", "Scenario", "Policy")), anyInput)],
  ["simulationYear", fc.tuple(anyInput, anyInput)],
];

describe("fuzzing every public function", () => {
  it("covers every exported function", () => {
    const names = Object.entries(lib)
      .filter(([k, v]) => typeof v === "function" && k !== "PoolingError")
      .map(([k]) => k);
    expect(cases.map(([n]) => n).sort()).toEqual(names.sort());
  });
  it.each(cases)("%s: a result or a PoolingError, nothing else", (name, args) => {
    const fn = (lib as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    fc.assert(
      fc.property(args, (a) => {
        // reserve months are negative for a deficit (二（五）)
        const call = () => fn(...a.map((x) => (x && typeof x === "object" ? deepFreeze(structuredClone(x)) : x)));
        check(name === "streamLevies" ? () => [...(call() as Iterable<unknown>)] : call, name === "reserveMonths");
      }),
      runs(name === "simulate" ? 60 : 300),
    );
  });
});
