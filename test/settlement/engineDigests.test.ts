/**
 * The speed work on the settlement engine changes no byte of any result: the
 * whole `simulate` result (`JSON.stringify`, journal and final state included)
 * of EXAMPLE_SCENARIO, 120 generated scenarios, a starved pool and six
 * deficit-heavy scenarios, and two whole stress-test results, digested and
 * compared with the digests of the engine before the change
 * (test/fixtures/simulate-digests.json, made by `npx tsx test/settlement/engineDigests.ts`
 * at commit 54ff0b6).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL } from "../../src/examples.js";
import { simulate } from "../../src/index.js";
import { digestCases, STRESS_CASES, sha256 } from "./engineDigests.js";

/**
 * The result without the `kind` discriminants 1.0 added (the simulation's, and each period report's, in
 * `periods` and `restated.periods`): the fixture was made before them and must stay byte-identical for the
 * engine's speed work, so the digest is taken of the figures as they were (never regenerate the fixture for this).
 */
function withoutKinds(sim: ReturnType<typeof simulate>): unknown {
  const strip = <T extends { kind?: unknown }>(o: T): Omit<T, "kind"> => {
    const { kind: _, ...rest } = o;
    return rest;
  };
  const out: Record<string, unknown> = { ...strip(sim), periods: sim.periods.map(strip) };
  if (sim.restated !== undefined) out.restated = { ...sim.restated, periods: sim.restated.periods.map(strip) };
  // the key order of the whole result as before: `periods` and `restated` back in their places
  return Object.fromEntries(Object.keys(strip(sim)).map((k) => [k, out[k]]));
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/simulate-digests.json", import.meta.url), "utf8")) as { digests: Record<string, string> };

describe("the engine's results are byte-identical to those before its speed work", () => {
  it("every simulate result, whole, on 128 scenarios", { timeout: 120_000 }, () => {
    const cases = digestCases();
    expect(cases.length).toBeGreaterThanOrEqual(128);
    for (const c of cases) expect(sha256(JSON.stringify(withoutKinds(simulate(c.scenario, c.policy)))), c.name).toBe(fixture.digests[c.name]);
  });

  it("whole stress-test results for fixed seeds", { timeout: 120_000 }, () => {
    for (const c of STRESS_CASES) {
      const result = stressTest(EXAMPLE_FLOW_MODEL, { runs: c.runs, seed: c.seed, horizon: c.horizon });
      expect(sha256(JSON.stringify(result)), c.name).toBe(fixture.digests[c.name]);
    }
  });
});
