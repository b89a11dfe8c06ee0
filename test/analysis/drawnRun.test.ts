/**
 * The stress test settles its own draws without validating them again (src/analysis/drawnRun.ts): the
 * months it builds are exactly what the scenario schema returns for the same draw as a plain scenario,
 * and the summary is exactly `simulate(…, { keep: "summary" })`'s.
 */
import { describe, expect, it } from "vitest";
import { parsedPeriodsOf, settleDrawn } from "../../src/analysis/drawnRun.js";
import { drawPeriods, drawScenario } from "../../src/analysis/drawScenario.js";
import { runRng } from "../../src/analysis/rng.js";
import { prepareStress } from "../../src/analysis/stressTest.js";
import { EXAMPLE_FLOW_MODEL } from "../../src/examples.js";
import { simulate } from "../../src/index.js";
import { parseInput } from "../../src/schema/parse.js";
import { flowsInFen } from "../../src/settlement/flowsInput.js";
import { ScenarioSchema } from "../../src/settlement/schema.js";

describe("a drawn run settled without a second validation", () => {
  // 28 months from 2020-05: two Junes (remittances), accidents, a year change
  const prepared = prepareStress(EXAMPLE_FLOW_MODEL, { runs: 50, seed: 31, horizon: 28 });
  const ids = prepared.experiment.members;

  it.each([0, 7, 23, 49])("run %i: the schema's own reading of the plain scenario, and simulate's summary", (run) => {
    const scenario = drawScenario(prepared.model, prepared.policy, ids, 28, runRng(31, run));
    const drawn = drawPeriods(prepared.plan, runRng(31, run));
    const parsed = parseInput(ScenarioSchema, scenario);
    const built = parsedPeriodsOf(drawn, ids);
    expect(built).toEqual(parsed.periods.map(flowsInFen));
    expect(prepared.opening).toEqual(parsed.opening);
    expect(JSON.stringify(settleDrawn(prepared.policy, prepared.opening, drawn, ids))).toBe(
      JSON.stringify(simulate(scenario, { policy: prepared.policy, keep: "summary" })),
    );
  });

  it("draws claims and June remittances in the sample (so that the comparison covers them)", () => {
    const all = [0, 7, 23, 49].flatMap((run) => drawPeriods(prepared.plan, runRng(31, run)));
    expect(all.some((p) => p.claims.length > 0)).toBe(true);
    expect(all.filter((p) => p.remittances !== undefined).map((p) => p.period.slice(5))).toContain("06");
  });
});
