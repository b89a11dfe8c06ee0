/**
 * The property tests' settings, shared: a fixed seed (so that a run is
 * reproducible and a failure is the same on every machine) and the number of
 * runs of each property, scaled from its written value.
 *
 * - `FC_SEED`: the seed (an integer; default {@link DEFAULT_FC_SEED}).
 * - `FC_RUNS_FACTOR`: multiplies every property's written number of runs
 *   (default 1; e.g. 0.25 for a quick pass, 10 for a soak). At least one run.
 * - `FC_NUM_RUNS`: the number of runs of every property, whatever is written
 *   (overrides the factor).
 *
 * `test/support/setupFastCheck.ts` sets these as fast-check's global defaults, so a
 * property written without options is seeded too; `runs(n)` gives the options
 * of a property written with `n` runs.
 */
import fc from "fast-check";

/** The seed when `FC_SEED` is unset. */
export const DEFAULT_FC_SEED = 20261207;

/** fast-check's own default number of runs, used for a property written without `numRuns`. */
const FAST_CHECK_DEFAULT_RUNS = 100;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

/** The seed of every property in this run. */
export function fcSeed(): number {
  const seed = envNumber("FC_SEED");
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${seed}`);
  return seed ?? DEFAULT_FC_SEED;
}

/** The number of runs of a property written with `written` runs, after `FC_NUM_RUNS` / `FC_RUNS_FACTOR`. */
export function scaledRuns(written: number): number {
  const fixed = envNumber("FC_NUM_RUNS");
  if (fixed !== undefined) return Math.max(1, Math.round(fixed));
  return Math.max(1, Math.round(written * (envNumber("FC_RUNS_FACTOR") ?? 1)));
}

/** The options of a property written with `numRuns` runs: seeded, the runs scaled. */
export function runs(numRuns: number): { numRuns: number; seed: number } {
  return { numRuns: scaledRuns(numRuns), seed: fcSeed() };
}

/** Sets fast-check's global defaults from the environment (called by the test setup). */
export function configureFastCheck(): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fcSeed(), numRuns: scaledRuns(FAST_CHECK_DEFAULT_RUNS) });
}
