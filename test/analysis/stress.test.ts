import { describe, expect, it } from "vitest";
import { drawScenario } from "../../src/analysis/drawScenario.js";
import { runRng } from "../../src/analysis/rng.js";
import { prepareStress } from "../../src/analysis/stressTest.js";
import { mergeStressResults, stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL } from "../../src/examples.js";
import { checkConservation, SUZHOU_2020, simulate } from "../../src/index.js";
import { parseFen } from "../../src/money.js";
import { expectPoolingError } from "../helpers.js";

const OPTS = { runs: 9, seed: 2026, horizon: 20 } as const;

describe("stressTest on the example model", () => {
  const whole = stressTest(EXAMPLE_FLOW_MODEL, OPTS);

  it("reports probabilities with standard errors and intervals, and quantiles, per year", () => {
    expect(whole.runs).toEqual({ from: 0, to: 9, count: 9 });
    expect(whole.experiment).toMatchObject({ seed: 2026, horizon: 20, start: "2020-05", totalRuns: 9, policy: { id: "suzhou-2020", version: "2.0" } });
    expect(whole.years.map((y) => y.year)).toEqual([2020, 2021]); // 2020-05 to 2021-12
    const y = whole.years[1]!;
    for (const p of [y.pool.unscheduledTopUp, y.pool.belowFloor, y.members.xiangcheng!.belowZero]) {
      expect(p.runs).toBe(9);
      expect(Number(p.lo)).toBeLessThanOrEqual(Number(p.p));
      expect(Number(p.hi)).toBeGreaterThanOrEqual(Number(p.p));
    }
    // 相城区 enters in deficit: below zero in every run
    expect(whole.horizon.members.xiangcheng!.belowZero.count).toBe(9);
    expect(Object.keys(y.pool.quantiles.balance)).toEqual(["p5", "p50", "p95", "p99", "mean"]);
    expect(y.pool.quantiles.reserveMonths.mean).toBeNull();
    expect(whole.fan).toHaveLength(20);
    expect(whole.quantileRelativeError).toBe("0.004975");
  });

  it("conserves money in every run (R13), and in a sample of runs' journals checked again", () => {
    expect(whole.conservationChecked).toBe(9);
    const prepared = prepareStress(EXAMPLE_FLOW_MODEL, OPTS);
    for (const run of [0, 4, 8]) {
      const scenario = drawScenario(prepared.model, prepared.policy, prepared.experiment.members, 20, runRng(2026, run));
      expect(checkConservation(simulate(scenario, SUZHOU_2020).journal).ok).toBe(true);
    }
  });

  it("means are exact: the sum over the runs ÷ the runs, to the fen", () => {
    const prepared = prepareStress(EXAMPLE_FLOW_MODEL, OPTS);
    let total = 0n;
    for (let run = 0; run < 9; run++) {
      const scenario = drawScenario(prepared.model, prepared.policy, prepared.experiment.members, 20, runRng(2026, run));
      total += parseFen(simulate(scenario, SUZHOU_2020).years[1]!.members.xiangcheng!.clawback);
    }
    expect(parseFen(whole.years[1]!.members.xiangcheng!.quantiles.clawback.mean!)).toBe((2n * total + 9n) / 18n);
  });

  it("is byte-identical from 3 merged shards, in any order", () => {
    const shards = [2, 0, 1].map((index) => stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, shard: { index, count: 3 } }));
    expect(shards.map((s) => s.runs.count)).toEqual([3, 3, 3]);
    expect(JSON.stringify(mergeStressResults(shards))).toBe(JSON.stringify(whole));
    // ranges, as the CLI's workers run them
    const ranges = [
      [0, 2],
      [2, 7],
      [7, 9],
    ].map(([from, to]) => stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, range: { from: from!, to: to! } }));
    expect(JSON.stringify(mergeStressResults(ranges))).toBe(JSON.stringify(whole));
    // through JSON files, as `stress merge` reads them
    expect(JSON.stringify(mergeStressResults(shards.map((s) => JSON.parse(JSON.stringify(s)))))).toBe(JSON.stringify(whole));
  });

  it("the same seed gives the same bytes; another seed other draws", () => {
    expect(JSON.stringify(stressTest(EXAMPLE_FLOW_MODEL, OPTS))).toBe(JSON.stringify(whole));
    const other = stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, seed: 2027 });
    expect(JSON.stringify(other.tally)).not.toBe(JSON.stringify(whole.tally));
    expect(runRng(1, 0).next()).not.toBe(runRng(2, 0).next());
    expect(runRng(1, 0).next()).not.toBe(runRng(1, 1).next());
  });

  it("refuses shards that do not tile the runs, or of another experiment", () => {
    const a = stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, runs: 4, shard: { index: 0, count: 2 } });
    const b = stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, runs: 4, shard: { index: 1, count: 2 } });
    expectPoolingError(() => mergeStressResults([a, a]), "STRESS_SHARDS_MISMATCH");
    const c = stressTest(EXAMPLE_FLOW_MODEL, { ...OPTS, runs: 4, seed: 1, shard: { index: 1, count: 2 } });
    expectPoolingError(() => mergeStressResults([a, c]), "STRESS_SHARDS_MISMATCH", [1, "experiment"]);
    expect(mergeStressResults([b, a]).runs).toEqual({ from: 0, to: 4, count: 4 });
  });

  it("reports progress after each run", () => {
    const seen: number[] = [];
    stressTest(EXAMPLE_FLOW_MODEL, { runs: 2, seed: 1, horizon: 2, onProgress: ({ done }) => seen.push(done) });
    expect(seen).toEqual([1, 2]);
  });
});

describe("stressTest input", () => {
  it("validates options and the model", () => {
    expectPoolingError(() => stressTest(EXAMPLE_FLOW_MODEL, { runs: 0, seed: 1 }), "INVALID_STRESS_OPTIONS", ["options", "runs"]);
    expectPoolingError(() => stressTest(EXAMPLE_FLOW_MODEL, { runs: 3, seed: -1 }), "INVALID_STRESS_OPTIONS", ["options", "seed"]);
    expectPoolingError(() => stressTest(EXAMPLE_FLOW_MODEL, { runs: 3, seed: 1, shard: { index: 3, count: 3 } }), "INVALID_STRESS_OPTIONS", [
      "options",
      "shard",
      "index",
    ]);
    expectPoolingError(() => stressTest(EXAMPLE_FLOW_MODEL, { runs: 3, seed: 1, extra: 1 } as never), "UNKNOWN_KEY", ["options", "extra"]);
    const bad = JSON.parse(JSON.stringify(EXAMPLE_FLOW_MODEL));
    bad.correlation = 1;
    expectPoolingError(() => stressTest(bad, { runs: 1, seed: 1 }), "INVALID_MODEL_PARAMETER", ["model", "correlation"]);
    const missing = JSON.parse(JSON.stringify(EXAMPLE_FLOW_MODEL));
    delete missing.members.sip;
    expectPoolingError(() => stressTest(missing, { runs: 1, seed: 1 }), "MISSING_MEMBER", ["members", "sip"]);
    const unknownKey = JSON.parse(JSON.stringify(EXAMPLE_FLOW_MODEL));
    unknownKey.members.sip.benefits.noise.mu = 1;
    expectPoolingError(() => stressTest(unknownKey, { runs: 1, seed: 1 }), "UNKNOWN_KEY");
  });
});
