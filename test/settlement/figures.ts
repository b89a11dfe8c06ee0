/**
 * Shared by the figures fixture (test/fixtures/simulate-figures.json, produced
 * from the 0.5 engine before the speed work of issue 11) and its test: the
 * generated scenarios and the figures compared (every report and the journal
 * fold).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import type { PeriodInput, Scenario } from "../../src/index.js";
import { scenarioArb, trioPolicyJson } from "./arbitraries.js";

/** The generated scenarios of the fixture: deterministic (fixed seed, pinned fast-check). */
export function fixtureScenarios(): Scenario[] {
  return fc.sample(scenarioArb(48), { seed: 20261128, numRuns: 120 });
}

/** The policy JSON of the fixture scenarios (three members), to pass to `definePolicy`. */
export const fixturePolicyJson = () => trioPolicyJson("trio-figures");

/**
 * A starved pool: three members in deficit every month, nothing to top up
 * with; grants and subsidies claimed each month pile up unpaid.
 */
export function starvedScenario(months: number): Scenario {
  const periods: Scenario["periods"] = [];
  let y = 2020;
  let m = 5;
  for (let i = 0; i < months; i++) {
    const period = `${y}-${String(m).padStart(2, "0")}` as PeriodInput;
    const members = {
      a: { income: "100.00", expenditure: "1000.00", syncInducedRelief: "200.00" },
      b: { income: i % 7 === 0 ? "5000.00" : "0.00", expenditure: "800.00", syncInducedRelief: "0.00" },
      c: { income: "300.00", expenditure: "700.00", syncInducedRelief: "50.00" },
    };
    const june = m === 6 ? { provincialRemittances: { a: "10.00", b: "10.00", c: "10.00" } } : {};
    periods.push({ period, members, ...june, ...(i % 11 === 3 ? { majorAccidentClaims: [{ member: "a", amount: "900.00" }] } : {}) });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const zero = { priorYearBalance: "0.00", priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" };
  return { opening: { start: "2020-05", members: { a: zero, b: zero, c: zero } }, periods, options: { claimSubsidy: true } };
}

/** The figures compared: every period report and the journal fold (final balances), as a digest and in full. */
export function figuresOf(sim: { periods: unknown[]; balances: unknown; years: unknown }): { digest: string; json: string } {
  const json = JSON.stringify({ periods: sim.periods, balances: sim.balances, years: sim.years });
  return { digest: createHash("sha256").update(json).digest("hex"), json };
}
