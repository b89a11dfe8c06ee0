/**
 * Shared by the whole-result fixture (test/fixtures/simulate-digests.json,
 * produced by `npx tsx test/settlement/engineDigests.ts` from the engine as it
 * was before the speed work of the settlement engine, commit 54ff0b6) and its
 * test: the scenarios and the digest of the whole result (`JSON.stringify` of
 * everything `simulate` returns, journal and final state included).
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { deficitScenario, simPolicyJson } from "../../bench/simScenario.js";
import { stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, type Policy, type Scenario, SUZHOU_2020, simulate } from "../../src/index.js";
import { fixturePolicyJson, fixtureScenarios, starvedScenario } from "./figures.js";

/** The cases: a name, a policy and a scenario. */
export function digestCases(): { name: string; policy: Policy | undefined; scenario: Scenario }[] {
  const trio = definePolicy(fixturePolicyJson());
  const eight = definePolicy(simPolicyJson(SUZHOU_2020, 8) as never);
  const cases: { name: string; policy: Policy | undefined; scenario: Scenario }[] = [{ name: "example", policy: undefined, scenario: EXAMPLE_SCENARIO }];
  for (const [i, scenario] of fixtureScenarios().entries()) cases.push({ name: `generated-${i}`, policy: trio, scenario });
  cases.push({ name: "starved-120", policy: trio, scenario: starvedScenario(120) });
  for (let seed = 1; seed <= 6; seed++) {
    cases.push({ name: `deficit-8x40-${seed}`, policy: eight, scenario: deficitScenario(8, 40, seed) as unknown as Scenario });
  }
  return cases;
}

/** The stress tests whose whole result is digested too (the example model, fixed seeds). */
export const STRESS_CASES = [
  { name: "stress-60-seed-3", runs: 60, seed: 3, horizon: 36 },
  { name: "stress-25-seed-11-h48", runs: 25, seed: 11, horizon: 48 },
] as const;

/** The SHA-256 of a JSON text. */
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// run as a script: writes the fixture from the engine of this checkout
if (process.argv[1]?.endsWith("engineDigests.ts")) {
  const digests: Record<string, string> = {};
  for (const c of digestCases()) digests[c.name] = sha256(JSON.stringify(simulate(c.scenario, c.policy)));
  for (const c of STRESS_CASES) {
    digests[c.name] = sha256(JSON.stringify(stressTest(EXAMPLE_FLOW_MODEL, { runs: c.runs, seed: c.seed, horizon: c.horizon })));
  }
  writeFileSync(new URL("../fixtures/simulate-digests.json", import.meta.url), `${JSON.stringify({ engine: "54ff0b6", digests }, null, 1)}\n`);
  console.log(Object.keys(digests).length, "digests");
}
