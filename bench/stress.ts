/**
 * The bench's stress-test section (bench/run.ts, `BENCH_ONLY=stress`): `wi-pooling stress` on the
 * example model (5 members, 36 months) with the default workers and with one, end to end (the CLI
 * started, the model read, the result written); runs/s, the time of 10,000 runs (measured, or
 * extrapolated from STRESS_RUNS when smaller, and said so), the ratio to one worker, the max RSS at a
 * quarter of the runs and at all of them (memory flat in runs), and where a run's time goes, measured
 * in this process (the sources, as tsx runs the bench): drawing the flows, settling them (the engine), tallying.
 *
 * Environment: STRESS_RUNS (default 10,000), STRESS_RUNS_ONE (default 1,000).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { settleDrawn } from "../src/analysis/drawnRun.js";
import { drawPeriods } from "../src/analysis/drawScenario.js";
import { runRng } from "../src/analysis/rng.js";
import { prepareStress } from "../src/analysis/stressTest.js";
import { runningTally, tallyRun } from "../src/analysis/tally.js";
import { EXAMPLE_FLOW_MODEL } from "../src/examples.js";

const TIMER = existsSync("/usr/bin/time");
const TARGET_S = 20;
const TARGET_RUNS = 10_000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

interface Timed {
  wallMs: number;
  /** CPU of the process and its threads (user + system), ms; NaN without /usr/bin/time. */
  cpuMs: number;
  rssMb: number;
}

function stress(cli: string, model: string, out: string, runs: number, workers: string[]): Timed {
  const rss = `${out}.time`;
  const args = [cli, "stress", model, "--runs", String(runs), "--seed", "1", "--horizon", "36", "--json", "--out", out, ...workers];
  const t = performance.now();
  const r = spawnSync(TIMER ? "/usr/bin/time" : process.execPath, TIMER ? ["-f", "%U %S %M", "-o", rss, process.execPath, ...args] : args);
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(r.stderr.toString());
  if (!TIMER) return { wallMs, cpuMs: Number.NaN, rssMb: Number.NaN };
  const [user, sys, kb] = readFileSync(rss, "utf8").trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
  return { wallMs, cpuMs: (user + sys) * 1000, rssMb: kb / 1024 };
}

/** CPU ms of `work`. */
function cpu(work: () => void): number {
  const a = process.cpuUsage();
  work();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}

/** A run's CPU time in this process, by part, over `n` runs (after a warm-up). */
function split(n: number): { draw: number; settle: number; tally: number } {
  const prepared = prepareStress(EXAMPLE_FLOW_MODEL, { runs: n, seed: 1, horizon: 36 });
  const ids = prepared.experiment.members;
  const once = (run: number) => tallyRun(runningTally(), settleDrawn(prepared.policy, prepared.opening, drawPeriods(prepared.plan, runRng(1, run)), ids), run);
  for (let r = 0; r < 30; r++) once(r);
  const drawn: ReturnType<typeof drawPeriods>[] = [];
  const draw = cpu(() => {
    for (let r = 0; r < n; r++) drawn.push(drawPeriods(prepared.plan, runRng(1, r)));
  });
  const sims: ReturnType<typeof settleDrawn>[] = [];
  const settle = cpu(() => {
    for (const d of drawn) sims.push(settleDrawn(prepared.policy, prepared.opening, d, ids));
  });
  const t = runningTally();
  const tally = cpu(() => {
    sims.forEach((s, r) => {
      tallyRun(t, s, r);
    });
  });
  return { draw: draw / n, settle: settle / n, tally: tally / n };
}

/** Runs the section and prints its lines. */
export function benchStress(): void {
  const runs = Number(process.env.STRESS_RUNS ?? TARGET_RUNS);
  const runsOne = Number(process.env.STRESS_RUNS_ONE ?? 1_000);
  const dir = mkdtempSync(join(tmpdir(), "wi-stress-bench-"));
  try {
    const model = join(dir, "model.json");
    const cli = join(new URL("..", import.meta.url).pathname, "dist/cli.js");
    spawnSync(process.execPath, [cli, "stress", "--example", "--out", model]);
    const load = loadavg()[0]!.toFixed(1);
    const quarter = stress(cli, model, join(dir, "q.json"), Math.max(1, Math.floor(runs / 4)), []);
    const all = stress(cli, model, join(dir, "r.json"), runs, []);
    const one = stress(cli, model, join(dir, "one.json"), runsOne, ["--workers", "1"]);
    const rateAll = (runs / all.wallMs) * 1000;
    const rateOne = (runsOne / one.wallMs) * 1000;
    // ms: measured at 10,000 runs or more, else at this rate
    const tenThousand = (all.wallMs / runs) * TARGET_RUNS;
    const how = runs >= TARGET_RUNS ? "measured" : `extrapolated from ${fmt(runs)} runs`;
    const cores = availableParallelism();
    console.log(
      `\nstress test (wi-pooling stress, 5 members × 36 months, ${cores} cores, load ${load}): ${fmt(runs)} runs in ${(all.wallMs / 1000).toFixed(1)} s with the default workers (${rateAll.toFixed(0)} runs/s, ${(all.cpuMs / runs).toFixed(1)} ms CPU a run); one worker ${rateOne.toFixed(0)} runs/s (${fmt(runsOne)} runs, ${(one.cpuMs / runsOne).toFixed(1)} ms CPU a run): ratio ${(rateAll / rateOne).toFixed(2)}×`,
    );
    console.log(
      `  max RSS ${quarter.rssMb.toFixed(0)} MB at ${fmt(Math.floor(runs / 4))} runs, ${all.rssMb.toFixed(0)} MB at ${fmt(runs)}: ×${(all.rssMb / quarter.rssMb).toFixed(2)} for 4× the runs (target flat: ≤ ×1.5; kept in memory grows as 4×): ${all.rssMb <= quarter.rssMb * 1.5 ? "met" : "NOT met"}`,
    );
    const s = split(200);
    const perRun = s.draw + s.settle + s.tally;
    const needed = (TARGET_S * 1000 * cores) / TARGET_RUNS;
    console.log(
      `  a run's CPU in one thread: ${perRun.toFixed(2)} ms = draw ${s.draw.toFixed(2)} + settle (the engine) ${s.settle.toFixed(2)} + tally ${s.tally.toFixed(2)}; ${fmt(TARGET_RUNS)} runs in ${TARGET_S} s on ${cores} cores needs ≤ ${needed.toFixed(1)} ms a run`,
    );
    const met = tenThousand <= TARGET_S * 1000;
    const limit = s.settle >= s.draw + s.tally ? `the engine's settlement (${((100 * s.settle) / perRun).toFixed(0)}% of a run)` : "drawing and tallying";
    console.log(
      `  target ${fmt(TARGET_RUNS)} runs ≤ ${TARGET_S} s: ${met ? "met" : "NOT met"} (${(tenThousand / 1000).toFixed(1)} s, ${how}${met ? "" : `; limited by ${limit}`}; at load ${load} on a shared machine the wall times are upper bounds)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
