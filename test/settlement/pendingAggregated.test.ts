/**
 * Issue 11 (item 3): no quadratic corner. The claims waiting for a starved
 * pool are kept aggregated per member, kind and deficit flag, so a starved
 * pool of 600 months costs about 5× one of 120 (not 14×: measured by
 * `npm run bench`, not here), and the figures are
 * those of the engine before the change (test/fixtures/simulate-figures.json,
 * produced from 0.5.0 before issue 11; regenerated for the readings of issue 17:
 * under the 0.6 readings every figure of its 121 scenarios but the reserve
 * months of a deficit, now rounded down, is that of 0.6.0).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, simulate } from "../../src/index.js";
import { figuresOf, fixturePolicyJson, fixtureScenarios, starvedScenario } from "./figures.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/simulate-figures.json", import.meta.url), "utf8")) as {
  digests: Record<string, string>;
  roundingChanged: { digests: Record<string, string> };
};
const policy = definePolicy(fixturePolicyJson());

/** The expected digest: the pre-change figures, or the listed post-change ones where a pro-rata rounding moved. */
const expected = (key: string) => fixture.roundingChanged.digests[key] ?? fixture.digests[key];

describe("pending claims aggregated (issue 11)", () => {
  it("a starved pool holds a few claims per member, however long it starves", () => {
    const sim = simulate(starvedScenario(600), policy);
    expect(sim.finalState.pendingClaims.length).toBeLessThanOrEqual(3 * 3);
    expect(sim.conservation.ok).toBe(true);
    expect(figuresOf(sim).digest).toBe(expected("starved-600"));
  });

  it("every report and the journal fold are those of the engine before the change, on generated scenarios", () => {
    const scenarios = fixtureScenarios();
    expect(scenarios).toHaveLength(120);
    // only a few scenarios see a fen of pro-rata rounding move (listed, with their new figures)
    expect(Object.keys(fixture.roundingChanged.digests).length).toBeLessThanOrEqual(4);
    scenarios.forEach((scenario, i) => {
      expect(figuresOf(simulate(scenario, policy)).digest, `generated-${i}`).toBe(expected(`generated-${i}`));
    });
    expect(figuresOf(simulate(starvedScenario(120), policy)).digest).toBe(expected("starved-120"));
  });
});
