/**
 * Issue 11 (item 3): no quadratic corner. The claims waiting for a starved
 * pool are kept aggregated per member, kind and deficit flag, so a starved
 * pool of 600 months costs about 5× one of 120 (not 14×), and the figures are
 * those of the engine before the change (test/fixtures/simulate-figures.json,
 * produced from 0.5.0 before issue 11).
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

  it("600 starved months take within 6× the time of 120 (interleaved runs)", () => {
    const s120 = starvedScenario(120);
    const s600 = starvedScenario(600);
    // warm-up of both sizes (the first run of each is mostly compilation)
    simulate(s120, policy);
    simulate(s600, policy);
    // each sample of 120 months times 5 runs back to back (as long as one of 600), so that both sizes
    // see the same noise and collections; the time of one 120-month run is the fifth of it
    const t120: number[] = [];
    const t600: number[] = [];
    for (let round = 0; round < 7; round++) {
      let t = performance.now();
      for (let k = 0; k < 5; k++) simulate(s120, policy);
      t120.push((performance.now() - t) / 5);
      t = performance.now();
      simulate(s600, policy);
      t600.push(performance.now() - t);
    }
    // medians of 7 interleaved runs (the machine is shared)
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3]!;
    console.log(`starved pool: 120 months ${median(t120).toFixed(0)} ms, 600 months ${median(t600).toFixed(0)} ms (medians of 7)`);
    expect(median(t600) / median(t120)).toBeLessThan(6);
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
