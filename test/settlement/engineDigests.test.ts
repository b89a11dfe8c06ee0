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

const fixture = JSON.parse(readFileSync(new URL("../fixtures/simulate-digests.json", import.meta.url), "utf8")) as { digests: Record<string, string> };

describe("the engine's results are byte-identical to those before its speed work", () => {
  it("every simulate result, whole, on 128 scenarios", { timeout: 120_000 }, () => {
    const cases = digestCases();
    expect(cases.length).toBeGreaterThanOrEqual(128);
    for (const c of cases) expect(sha256(JSON.stringify(simulate(c.scenario, c.policy))), c.name).toBe(fixture.digests[c.name]);
  });

  it("whole stress-test results for fixed seeds", { timeout: 120_000 }, () => {
    for (const c of STRESS_CASES) {
      const result = stressTest(EXAMPLE_FLOW_MODEL, { runs: c.runs, seed: c.seed, horizon: c.horizon });
      expect(sha256(JSON.stringify(result)), c.name).toBe(fixture.digests[c.name]);
    }
  });
});
