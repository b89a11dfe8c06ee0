/**
 * `simulate(scenario, policy, { keep: "summary" })`: the yearly figures of
 * the full run, each period's outline read from the full run's reports, the
 * same balances and conservation check; no journal, no reports, no state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deficitScenario, simPolicyJson } from "../../bench/simScenario.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, PoolingError, type Scenario, SUZHOU_2020, simulate } from "../../src/index.js";
import { SimulationSummarySchema } from "../../src/schemas.js";
import { summaryOfSimulation } from "../../src/settlement/summaryResult.js";
import { runs } from "../support/fc.js";
import { scenarioArb } from "./arbitraries.js";
import { fixturePolicyJson } from "./figures.js";

const trio = definePolicy(fixturePolicyJson());

/** The summary-only run equals the summary of the full run, field for field and byte for byte. */
function expectSameAsFull(scenario: Scenario, policy?: Parameters<typeof simulate>[1]) {
  const full = simulate(scenario, policy);
  const summary = simulate(scenario, policy, { keep: "summary" });
  expect(JSON.stringify(summary.years)).toBe(JSON.stringify(full.years));
  expect(JSON.stringify(summary)).toBe(JSON.stringify(summaryOfSimulation(full)));
  return { full, summary };
}

describe('simulate with keep: "summary"', () => {
  it("the example: the full run's years, balances and conservation; an outline per period; nothing else", () => {
    const { full, summary } = expectSameAsFull(EXAMPLE_SCENARIO);
    expect(summary.keep).toBe("summary");
    expect(summary.periods).toHaveLength(full.periods.length);
    expect(summary.balances).toEqual(full.balances);
    expect(summary.conservation).toEqual(full.conservation);
    expect(Object.keys(summary).filter((k) => k !== "name" && k !== "warnings")).toEqual([
      "kind",
      "policy",
      "library",
      "keep",
      "periods",
      "years",
      "balances",
      "conservation",
    ]);
    expect(SimulationSummarySchema.safeParse(summary).success).toBe(true);
    // the outline of 2020-06, read from the full report
    const june = full.periods[1]!;
    expect(summary.periods[1]).toEqual({
      period: "2020-06",
      pool: {
        open: june.pool.open,
        balance: june.pool.balance,
        floor: june.pool.floor,
        topUp: june.pool.topUp,
        topUpReason: june.pool.topUpReason,
        shortfall: june.pool.shortfall,
        reserveMonths: june.pool.reserveMonths,
        risk: june.pool.risk,
      },
      claimants: Object.keys(june.members).filter((id) => {
        const r = june.members[id as keyof typeof june.members];
        return [r.grantClaimed, r.subsidyClaimed, r.unclaimed, r.openingDeficitClaimed].some((v) => v !== "0.00");
      }),
    });
  });

  it("generated scenarios: the summary of the full run, byte for byte", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(scenarioArb(30), (scenario) => {
        expectSameAsFull(scenario, trio);
      }),
      runs(40),
    );
  });

  it("deficit-heavy scenarios (grants, subsidies, claims, yearly 20% charges): the summary of the full run, byte for byte", { timeout: 120_000 }, () => {
    const eight = definePolicy(simPolicyJson(SUZHOU_2020, 8) as never);
    for (let seed = 1; seed <= 6; seed++) expectSameAsFull(deficitScenario(8, 40, seed) as unknown as Scenario, eight);
    const five = definePolicy(simPolicyJson(SUZHOU_2020, 5) as never);
    expectSameAsFull(deficitScenario(5, 36) as unknown as Scenario, five);
  });

  it("onPeriod is called for each period, as in the full run", () => {
    const seen: string[] = [];
    simulate(EXAMPLE_SCENARIO, undefined, { keep: "summary", onPeriod: ({ period }) => seen.push(period) });
    expect(seen).toHaveLength(EXAMPLE_SCENARIO.periods.length);
    expect(seen[0]).toBe("2020-05");
  });

  it("refuses another keep, with its path", () => {
    try {
      simulate(EXAMPLE_SCENARIO, undefined, { keep: "journal" as never });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PoolingError);
      expect((e as PoolingError).path).toEqual(["options", "keep"]);
    }
  });
});
