/**
 * `stressTest`: a reproducible Monte Carlo of the pool's adequacy. Each run
 * draws the members' flows from a flow model and settles them with the real
 * engine (`simulate`); the runs' events and figures are tallied into
 * mergeable summaries. Pure and synchronous: workers and shards are the
 * caller's (each runs a range of runs; `mergeStressResults` combines them).
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { policyRef } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import { type ParsedOpening, parsedOpening, settleDrawn } from "./drawnRun.js";
import { type DrawPlan, drawPeriods, drawPlan, modelMembers } from "./drawScenario.js";
import { type FlowModel, FlowModelSchema, type ParsedFlowModel } from "./flowModel.js";
import { MAX_SEED, runRng } from "./rng.js";
import { deriveResult, type StressExperiment, type StressResult } from "./stressResult.js";
import { finishTally, runningTally, type Tally, tallyRun } from "./tally.js";

/** Where a stress test is: passed to `onProgress` after each run. */
export interface StressProgress {
  /** Runs done in this call. */
  done: number;
  /** Runs this call makes. */
  total: number;
}

/** Options of {@link stressTest}. */
export interface StressOptions {
  /** Runs of the whole experiment, 1 to 10^7. */
  runs: number;
  /** The seed: a safe integer ≥ 0. */
  seed: number;
  /** Months simulated from the model's start, 1 to 600 (default 36). */
  horizon?: number;
  /** The policy (default `SUZHOU_2020`). */
  policy?: Policy;
  /** Run only shard `index` of `count` (runs `[⌊index·runs/count⌋, ⌊(index+1)·runs/count⌋)`). */
  shard?: { index: number; count: number };
  /** Run only the runs `[from, to)` (0 ≤ from < to ≤ runs; not with `shard`): what a worker of a shard runs. */
  range?: { from: number; to: number };
  /** Called after each run (a progress display); it must not throw. */
  onProgress?: (progress: StressProgress) => void;
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const OptionsSchema = z
  .object({
    runs: int(1, 10_000_000),
    seed: int(0, MAX_SEED),
    horizon: int(1, 600).optional(),
    policy: z.unknown().optional(),
    shard: z
      .object({ index: int(0, 10_000_000), count: int(1, 10_000_000) })
      .strict()
      .optional(),
    range: z
      .object({ from: int(0, 10_000_000), to: int(1, 10_000_000) })
      .strict()
      .optional(),
    onProgress: z.custom<(p: StressProgress) => void>((v) => typeof v === "function").optional(),
  })
  .strict();

function parseOptions(options: StressOptions) {
  let parsed: z.output<typeof OptionsSchema>;
  try {
    parsed = parseInput(OptionsSchema, options, ["options"]);
  } catch (e) {
    const err = e as PoolingError;
    if (err.code === "UNKNOWN_KEY" || err.code === "NOT_AN_OBJECT") throw e;
    throw new PoolingError("INVALID_STRESS_OPTIONS", err.path, err.detail);
  }
  if (parsed.shard && parsed.shard.index >= parsed.shard.count) {
    throw new PoolingError("INVALID_STRESS_OPTIONS", ["options", "shard", "index"], {
      en: `shard ${parsed.shard.index} of ${parsed.shard.count}`,
      zh: `分片 ${parsed.shard.index}/${parsed.shard.count}`,
    });
  }
  const range = parsed.range;
  if (range && (range.from >= range.to || range.to > parsed.runs || parsed.shard)) {
    throw new PoolingError("INVALID_STRESS_OPTIONS", ["options", "range"], {
      en: parsed.shard ? "give shard or range, not both" : `[${range.from}, ${range.to}) is not inside [0, ${parsed.runs})`,
      zh: parsed.shard ? "分片与运行区间只能给出其一" : `区间 [${range.from}, ${range.to}) 不在 [0, ${parsed.runs}) 之内`,
    });
  }
  return parsed;
}

/** JSON with keys sorted at every level. @internal */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

/** FNV-1a over a string's UTF-16 units, twice (two offsets): 16 hex digits. @internal */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The runs of shard `index` of `count`: `[⌊index·runs/count⌋, ⌊(index+1)·runs/count⌋)`. @internal */
export function shardRange(runs: number, index: number, count: number): [number, number] {
  return [Math.floor((index * runs) / count), Math.floor(((index + 1) * runs) / count)];
}

/** A validated experiment: the parsed model, the policy and what identifies them. @internal */
export interface PreparedStress {
  model: ParsedFlowModel;
  policy: Policy;
  experiment: StressExperiment;
  /** The scenarios' opening, validated once. */
  opening: ParsedOpening;
  /** What every run's draw shares (the months, the expected flows), computed once. */
  plan: DrawPlan;
}

/** Validates a model and options into an experiment. @internal */
export function prepareStress(
  model: FlowModel,
  options: StressOptions,
): PreparedStress & { from: number; to: number; onProgress?: (p: StressProgress) => void } {
  const o = parseOptions(options);
  const policy = resolvePolicy(o.policy);
  const parsed = parseInput(FlowModelSchema, model, ["model"]);
  const members = modelMembers(parsed, policy);
  const experiment: StressExperiment = {
    model: fingerprint(canonicalJson(model)),
    policy: { ...policyRef(policy) },
    seed: o.seed,
    horizon: o.horizon ?? 36,
    start: parsed.start,
    members,
    totalRuns: o.runs,
  };
  const [from, to] = o.shard ? shardRange(o.runs, o.shard.index, o.shard.count) : o.range ? [o.range.from, o.range.to] : [0, o.runs];
  const opening = parsedOpening(parsed, members);
  const plan = drawPlan(parsed, policy, members, experiment.horizon);
  return { model: parsed, policy, experiment, opening, plan, from, to, ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
}

/**
 * Tallies the runs `[from, to)` of a prepared experiment. @internal
 */
export function tallyRange(prepared: PreparedStress, from: number, to: number, onProgress?: (p: StressProgress) => void): Tally {
  const tally = runningTally();
  const { policy, experiment, opening, plan } = prepared;
  const ids = experiment.members;
  for (let run = from; run < to; run++) {
    // the library's own draw, settled without validating it again (see drawnRun.ts)
    const drawn = drawPeriods(plan, runRng(experiment.seed, run));
    tallyRun(tally, settleDrawn(policy, opening, drawn, ids), run);
    onProgress?.({ done: run - from + 1, total: to - from });
  }
  return finishTally(tally);
}

/** Runs `[from, to)` of a prepared experiment. @internal */
export function runStressRange(prepared: PreparedStress, from: number, to: number, onProgress?: (p: StressProgress) => void): StressResult {
  return deriveResult(prepared.experiment, from, to, tallyRange(prepared, from, to, onProgress));
}

/**
 * Stress-tests the pool: `runs` Monte Carlo runs, each a scenario of
 * `horizon` months drawn from the flow model and settled by `simulate` under
 * the policy. Returns, per fiscal year, for the pool and each member, the
 * probabilities (each with its standard error and 95% interval) of an
 * unscheduled top-up, a shortfall, the pool below its floor at year end, a
 * member fund below zero, each year-end warning level, and the quantiles (P5,
 * P50, P95, P99) of top-ups, grants, subsidies, clawbacks, balances and
 * reserve months; a fan chart of the pool's reserve months by month; and the
 * raw tally that {@link mergeStressResults} merges. Run `r` draws from its own
 * generator (seed, r): the same model, seed and runs give the same bytes on
 * any machine, in one call or in shards merged.
 *
 * @param model - the flow model (validated: `FlowModelSchema`)
 * @param options - `runs`, `seed`, `horizon` (36), `policy`, `shard` or `range`, `onProgress`
 * @returns the result of the runs (all, or the shard's)
 * @throws PoolingError `INVALID_STRESS_OPTIONS`, `UNKNOWN_KEY`, `INVALID_MODEL_PARAMETER`, `MISSING_MEMBER`,
 *   `UNKNOWN_MEMBER`, the model's field codes (`INVALID_AMOUNT`, `INVALID_PERIOD`, …), and those of `simulate`
 * @example
 * ```ts
 * const r = stressTest(EXAMPLE_FLOW_MODEL, { runs: 200, seed: 1 });
 * r.years[1].pool.unscheduledTopUp; // { count, runs: 200, p, se, lo, hi }
 * ```
 */
export function stressTest(model: FlowModel, options: StressOptions): StressResult {
  const prepared = prepareStress(model, options);
  return runStressRange(prepared, prepared.from, prepared.to, prepared.onProgress);
}
