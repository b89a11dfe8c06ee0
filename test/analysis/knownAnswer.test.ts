import { describe, expect, it } from "vitest";
import { stressTest } from "../../src/analysis.js";
import { ONE_MEMBER_POLICY, randomWalkModel, ruinRandomWalk } from "./oneMember.js";

const RUNS = 20_000;

/** |estimate − exact| within 4 standard errors of the exact probability over RUNS runs. */
function within4se(count: number, exact: number): void {
  const se = Math.sqrt((exact * (1 - exact)) / RUNS);
  expect(Math.abs(count / RUNS - exact), `estimate ${count / RUNS}, exact ${exact}, se ${se}`).toBeLessThanOrEqual(4 * se);
}

describe("stressTest against known answers (20,000 runs each; slow on a loaded machine)", () => {
  it.each([
    [0.5, 3, 6],
    [0.6, 2, 8],
    [0.45, 4, 8],
  ])(
    "±a random walk p=%s from k=%s a, T=%s months: P(the member fund below zero) within 4 SE of the DP",
    (p, k, T) => {
      const exact = ruinRandomWalk(p, k, T);
      const r = stressTest(randomWalkModel(p, k), { runs: RUNS, seed: 20201, horizon: T, policy: ONE_MEMBER_POLICY });
      within4se(r.horizon.members.solo!.belowZero.count, exact);
      expect(r.conservationChecked).toBe(RUNS);
    },
    900_000,
  );
});
