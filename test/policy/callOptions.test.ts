/**
 * The calling convention `fn(input, options?)`: the policy in the options gives what the 0.x positional
 * policy gave (kept, deprecated), unknown option keys are refused, a policy given twice is an error.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import {
  baseRate,
  clawback,
  computeLevies,
  computeLevy,
  coverDeficit,
  definePolicy,
  initialState,
  type LevyInput,
  levyCorrections,
  poolFloor,
  SUZHOU_2020,
  settlePeriod,
  simulate,
} from "../../src/index.js";

const json = JSON.parse(JSON.stringify(SUZHOU_2020));
json.version = "1.0-options-test";
json.clawback[0].value.rate = "0.3";
const POLICY = definePolicy(json);

const LEVY: LevyInput = { period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" };
const GAP = {
  gap: "250.00",
  currentSurplus: "0.00",
  cumulativeBalance: "0.00",
  syncInducedRelief: "0.00",
  poolAvailable: "1000.00",
  period: "2020-09",
} as const;

function codeAndPath(call: () => unknown): [string, unknown[]] {
  try {
    call();
  } catch (e) {
    const err = e as { code: string; path: unknown[] };
    return [err.code, err.path];
  }
  throw new Error("no error");
}

describe("fn(input, { policy })", () => {
  it("a rule reads the policy from its options, as from the deprecated positional argument", () => {
    expect(coverDeficit(GAP, { policy: POLICY }).clawback).toBe("75.00");
    expect(coverDeficit(GAP, POLICY).clawback).toBe("75.00");
    expect(coverDeficit(GAP).clawback).toBe("50.00");
    expect(coverDeficit(GAP, {}).clawback).toBe("50.00");
    expect(computeLevy(LEVY, { policy: POLICY })).toEqual(computeLevy(LEVY, POLICY));
    expect(computeLevy(LEVY, { policy: SUZHOU_2020 })).toEqual(computeLevy(LEVY));
    expect(baseRate(3, "2020-09", { policy: POLICY })).toBe(baseRate(3, "2020-09", POLICY));
  });

  it("the dated-parameter rules take { period, policy }; the 0.x forms give the same", () => {
    expect(clawback("100.00", { policy: POLICY })).toBe("30.00");
    expect(clawback("100.00", { period: "2020-09", policy: POLICY })).toBe("30.00");
    expect(clawback("100.00", POLICY)).toBe("30.00");
    expect(clawback("100.00", "2020-09", POLICY)).toBe("30.00");
    expect(clawback("100.00", { period: "2020-09" })).toBe("20.00");
    expect(poolFloor(["1200.00"], { period: "2021-01" })).toBe(poolFloor(["1200.00"], "2021-01"));
    expect(codeAndPath(() => clawback("100.00", { period: "2020-13" }))).toEqual(["INVALID_PERIOD", ["options", "period"]]);
  });

  it("unknown option keys are refused; options that are not an object too", () => {
    expect(codeAndPath(() => computeLevy(LEVY, { policy: POLICY, lang: "en" } as never))).toEqual(["UNKNOWN_KEY", ["options", "lang"]]);
    expect(codeAndPath(() => clawback("1.00", { year: 2020 } as never))).toEqual(["UNKNOWN_KEY", ["options", "year"]]);
    expect(codeAndPath(() => computeLevy(LEVY, 5 as never))).toEqual(["NOT_AN_OBJECT", ["options"]]);
  });

  it("the batches take { errors, policy }; a policy given twice is an error", () => {
    const batch = computeLevies([LEVY], { errors: "collect", policy: POLICY });
    expect(batch).toEqual(computeLevies([LEVY], { errors: "collect" }, POLICY));
    expect(computeLevies([LEVY], { policy: POLICY })).toEqual(computeLevies([LEVY], POLICY));
    expect(codeAndPath(() => computeLevies([LEVY], { policy: POLICY }, POLICY))).toEqual(["INVALID_TYPE", ["policy"]]);
    expect(codeAndPath(() => levyCorrections([], { policy: POLICY }, POLICY))).toEqual(["INVALID_TYPE", ["policy"]]);
  });

  it("simulate, initialState and settlePeriod take the policy in their options", () => {
    const short = { ...EXAMPLE_SCENARIO, periods: EXAMPLE_SCENARIO.periods.slice(0, 2) };
    const progress: number[] = [];
    const a = simulate(short, { policy: POLICY, onPeriod: ({ done }) => progress.push(done) });
    expect(a).toEqual(simulate(short, POLICY));
    expect(a.policy.version).toBe("1.0-options-test");
    expect(progress).toEqual([1, 2]);
    expect(simulate(short, undefined, {})).toEqual(simulate(short));
    const opened = initialState(short.opening, { policy: POLICY });
    expect(opened).toEqual(initialState(short.opening, undefined, POLICY));
    expect(codeAndPath(() => initialState(short.opening, { policy: POLICY }, POLICY))).toEqual(["INVALID_TYPE", ["policy"]]);
    const first = settlePeriod(opened.state, short.periods[0]!, { policy: POLICY });
    expect(first).toEqual(settlePeriod(opened.state, short.periods[0]!, POLICY));
    expect(first.policy.version).toBe("1.0-options-test");
  });
});
