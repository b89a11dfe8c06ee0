import { describe, expect, it } from "vitest";
import { stressTest } from "../../src/analysis.js";
import { ONE_MEMBER_POLICY, poissonModel, ruinPoisson } from "./oneMember.js";

const RUNS = 20_000;

/** |estimate − exact| within 4 standard errors of the exact probability over RUNS runs. */
function within4se(count: number, exact: number): void {
  const se = Math.sqrt((exact * (1 - exact)) / RUNS);
  expect(Math.abs(count / RUNS - exact), `estimate ${count / RUNS}, exact ${exact}, se ${se}`).toBeLessThanOrEqual(4 * se);
}

// its own file, so that it runs beside the random-walk cases on a second core
describe("stressTest against a known answer: compound Poisson accidents (20,000 runs)", () => {
  it("Poisson accidents of a fixed size: P(below zero) within 4 SE of the DP", () => {
    const [c, s, lambda, k, T] = [1, 5, 0.3, 4, 8];
    const exact = ruinPoisson(c, s, lambda, k, T);
    expect(exact).toBeGreaterThan(0.1);
    const r = stressTest(poissonModel(c, s, lambda, k), { runs: RUNS, seed: 777, horizon: T, policy: ONE_MEMBER_POLICY });
    within4se(r.horizon.members.solo!.belowZero.count, exact);
  }, 900_000);
});
