/**
 * Issue 11 (item 4): the progress line of `simulate` on stderr when it is a
 * terminal (periods, periods/s, ETA), nothing when it is not; the library's
 * `onPeriod` callback.
 */
import { describe, expect, it } from "vitest";
import { simulateProgress } from "../../src/cli/progress.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { type SimulationProgress, simulate } from "../../src/index.js";

describe("simulate progress (issue 11)", () => {
  it("onPeriod is called once per period, in order, and changes nothing in the result", () => {
    const seen: SimulationProgress[] = [];
    const sim = simulate(EXAMPLE_SCENARIO, undefined, { onPeriod: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual(sim.periods.map((_, i) => i + 1));
    expect(seen.every((p) => p.total === sim.periods.length)).toBe(true);
    expect(seen.map((p) => p.period)).toEqual(sim.periods.map((r) => r.period));
    expect(sim).toEqual(simulate(EXAMPLE_SCENARIO));
  });

  it("a terminal gets periods, periods/s and the ETA on one rewritten line, cleared at the end", () => {
    const written: string[] = [];
    let clock = 0;
    const onPeriod = simulateProgress({ isTTY: true, write: (t) => written.push(t) }, () => clock, 200)!;
    expect(onPeriod).toBeTypeOf("function");
    for (let done = 1; done <= 10; done++) {
      clock = done * 100; // 10 periods/s
      onPeriod({ done, total: 10 });
    }
    // at most every 200 ms, and the last period
    expect(written[0]).toBe("\r1/10 periods, 10.0 periods/s, ETA 0.9 s\x1b[K");
    expect(written).toContain("\r3/10 periods, 10.0 periods/s, ETA 0.7 s\x1b[K");
    expect(written).not.toContain("\r2/10 periods, 10.0 periods/s, ETA 0.8 s\x1b[K");
    expect(written.at(-2)).toBe("\r10/10 periods, 10.0 periods/s, ETA 0.0 s\x1b[K");
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("nothing when stderr is not a terminal", () => {
    expect(simulateProgress({ isTTY: false, write: () => expect.unreachable() })).toBeUndefined();
    expect(simulateProgress({ write: () => expect.unreachable() })).toBeUndefined();
  });
});
