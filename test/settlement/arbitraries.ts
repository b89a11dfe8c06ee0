import { Decimal } from "decimal.js";
import fc from "fast-check";
import { definePolicy, type PeriodFlows, type PeriodInput, type Scenario, SUZHOU_2020 } from "../../src/index.js";
import { periodsCount, readings06 } from "../helpers.js";

/** The JSON of SUZHOU_2020 with three members a, b, c and the given id, to change before `definePolicy`. */
export function trioPolicyJson(id: string) {
  const json = JSON.parse(JSON.stringify(SUZHOU_2020));
  json.id = id;
  json.members[0].value = [
    { id: "a", nameZh: "甲", nameEn: "A" },
    { id: "b", nameZh: "乙", nameEn: "B" },
    { id: "c", nameZh: "丙", nameEn: "C" },
  ];
  return json;
}

/** A three-member policy, to keep generated scenarios small. */
export const TRIO = definePolicy(trioPolicyJson("trio"));
export const IDS = ["a", "b", "c"] as const;
/** TRIO under the 0.6 readings (the yearly top-up, 20% on opening-deficit cover, unpaid transfers as subsidies). */
export const TRIO_06 = readings06(TRIO);

/** Money in whole fen, as a string, from `min` to `max` yuan. */
export const moneyArb = (min: number, max: number) =>
  fc.bigInt({ min: BigInt(min * 100), max: BigInt(max * 100) }).map((f) => new Decimal(f.toString()).div(100).toFixed(2));

/** Flows of one member in one period (without the period). */
export const memberFlowsArb = fc.record({
  income: moneyArb(0, 5_000),
  expenditure: moneyArb(0, 6_000),
  syncInducedRelief: moneyArb(0, 2_000),
});

/** Flows of one period without its period, filled in by `withPeriod`. */
export const periodFlowsArb = fc.record({
  members: fc.record({ a: memberFlowsArb, b: memberFlowsArb, c: memberFlowsArb }),
  accident: fc.option(fc.record({ member: fc.constantFrom(...IDS), amount: moneyArb(0, 8_000) }), { nil: undefined }),
  remittances: fc.record({ a: moneyArb(0, 300), b: moneyArb(0, 300), c: moneyArb(0, 300) }),
});
export type GeneratedFlows = typeof periodFlowsArb extends fc.Arbitrary<infer T> ? T : never;

/** Turns generated flows into the flows of a given period. */
export function withPeriod(g: GeneratedFlows, period: PeriodInput): PeriodFlows {
  const flows: PeriodFlows = { period, members: g.members };
  if (g.accident) flows.majorAccidentClaims = [g.accident];
  if (period.endsWith("-06")) flows.provincialRemittances = g.remittances;
  return flows;
}

/** Opening data of one member (balances may be deficits). */
export const openingMemberArb = fc.record({
  priorYearBalance: moneyArb(-5_000, 60_000),
  priorYearExpenditure: moneyArb(0, 60_000),
  currentSurplus: moneyArb(-2_000, 5_000),
  // Required since 0.5 (never defaulted); 0 is the value the old default implied.
  yearToDateExpenditure: fc.constant("0.00"),
  legacyFunds: moneyArb(0, 3_000),
});

export const openingArb = fc.record({
  start: fc.constantFrom("2020-05", "2020-06"),
  members: fc.record({ a: openingMemberArb, b: openingMemberArb, c: openingMemberArb }),
});

/** Generated flows dated over consecutive months from `start`. */
export function withPeriods(start: PeriodInput, flows: readonly GeneratedFlows[]): PeriodFlows[] {
  const periods = periodsCount(start, flows.length);
  return flows.map((g, i) => withPeriod(g, periods[i]!));
}

/** A whole scenario of up to `maxMonths` months, with or without subsidy claiming. */
export const scenarioArb = (maxMonths: number): fc.Arbitrary<Scenario> =>
  fc
    .record({
      opening: openingArb,
      flows: fc.array(periodFlowsArb, { minLength: 1, maxLength: maxMonths }),
      claimSubsidy: fc.boolean(),
      includeLegacyFunds: fc.boolean(),
    })
    .map(({ opening, flows, claimSubsidy, includeLegacyFunds }) => {
      return {
        opening,
        periods: withPeriods(opening.start, flows),
        options: { claimSubsidy, includeLegacyFunds },
      };
    });
