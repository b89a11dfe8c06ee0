/**
 * From untyped rows to typed inputs, and a simulation's year by its number:
 * `parseLevyInput`, `parseInputAs` and `simulationYear`.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import {
  computeLevy,
  type LevyInput,
  PoolingError,
  parseLevyInput,
  type Scenario,
  type SuzhouMemberId,
  simulate,
  simulationYear,
  type YearSummary,
} from "../../src/index.js";
import { parseInputAs, schemas } from "../../src/schemas.js";
import { expectPoolingError } from "../helpers.js";

describe("parseLevyInput: a loosely typed row becomes a LevyInput", () => {
  it("returns the row itself, typed, and it computes as given", () => {
    const row: { employerId: string; period: string; industryClass: number; payroll: string } = {
      employerId: "E-7",
      period: "2021-07",
      industryClass: 3,
      payroll: "2000000.00",
    };
    const input = parseLevyInput(row);
    expectTypeOf(input).toEqualTypeOf<LevyInput>();
    expect(input).toBe(row);
    expect(computeLevy(input).premiumDue).toBe("10000.00");
  });

  it("throws the row's first problem as a PoolingError with its code and path", () => {
    expectPoolingError(() => parseLevyInput({ period: "202107", industryClass: 3, payroll: "1" }), "INVALID_PERIOD", ["period"]);
    expectPoolingError(() => parseLevyInput({ period: "2021-07", industryClass: 3, payroll: "12,345.00" }), "INVALID_AMOUNT", ["payroll"]);
    expectPoolingError(() => parseLevyInput({ period: "2021-07", industryClass: 3, payroll: "1", note: "x" }), "UNKNOWN_KEY", ["note"]);
    expectPoolingError(() => parseLevyInput(null), "NOT_AN_OBJECT", []);
  });
});

describe("parseInputAs: the same for every input kind, from its schema", () => {
  it("types a scenario read as JSON and simulates it", () => {
    const scenario = parseInputAs("Scenario", JSON.parse(JSON.stringify(EXAMPLE_SCENARIO)));
    expectTypeOf(scenario).toEqualTypeOf<Scenario>();
    expect(simulate(scenario).years.map((y) => y.year)).toEqual([2020, 2021, 2022]);
  });

  it("accepts every input kind of `schemas` by name and refuses a bad value with its path", () => {
    expectPoolingError(() => parseInputAs("PeriodFlows", { period: "2020-13" }), "INVALID_PERIOD", ["period"]);
    expect(Object.keys(schemas)).toContain("LevyInput");
  });
});

describe("simulationYear: a year of a simulation by its number", () => {
  const sim = simulate(EXAMPLE_SCENARIO);

  it("returns the year's summary, typed without undefined (SuzhouMemberId keys)", () => {
    const y = simulationYear(sim, 2021);
    expectTypeOf(y).toEqualTypeOf<YearSummary<SuzhouMemberId>>();
    expect(y).toBe(sim.years[1]);
    expect(y.year).toBe(2021);
    expect(y.from).toBe("2021-01");
  });

  it("works on the plain JSON of a result read back", () => {
    const plain = JSON.parse(JSON.stringify(sim)) as { years: YearSummary[] };
    expect(simulationYear(plain, 2022)).toEqual(JSON.parse(JSON.stringify(sim.years[2])));
  });

  it("throws YEAR_NOT_IN_SIMULATION at years, naming the years it has", () => {
    expectPoolingError(() => simulationYear(sim, 2030), "YEAR_NOT_IN_SIMULATION", ["years"]);
    try {
      simulationYear(sim, 2019);
    } catch (e) {
      expect(e).toBeInstanceOf(PoolingError);
      expect((e as PoolingError).message).toBe(
        "YEAR_NOT_IN_SIMULATION at years: the simulation has no summary for that year (no year 2019; the simulation has 2020, 2021, 2022)",
      );
      expect((e as PoolingError).messageZh).toContain("没有 2019 年度");
    }
    expectPoolingError(() => simulationYear({ years: "x" } as never, 2021), "INVALID_TYPE", ["years"]);
  });
});
