/**
 * `wi-pooling stress`: the Monte Carlo stress test of the pool, on worker
 * threads, in shards, and the merge of shards.
 *
 * @module
 */

import { mergeStressResults, type StressResult } from "../analysis.js";
import { EXAMPLE_FLOW_MODEL } from "../examples.js";
import { isPoolingError } from "../index.js";
import { formatStressSummary, renderStressReport } from "../report.js";
import type { FlowModel } from "../schemas.js";
import { runsProgress } from "./analysisOutput.js";
import { CliError, describeError, EXIT, loadPolicy, parseJson, readText } from "./io.js";
import { writeFileWhole, writeStdout } from "./output.js";
import { defaultWorkers, runStressParallel } from "./stressWorkers.js";

/** The help of `stress`. */
export const STRESS_HELP = `wi-pooling stress MODEL.json [--runs N] [--seed S] [--horizon M] [--workers W] [--shard i/n]
                   [--policy FILE] [--json] [--out FILE] [--report FILE.html]
wi-pooling stress --example                 prints the example flow model of the five members (JSON)
wi-pooling stress merge SHARD.json... [--json] [--out FILE] [--report FILE.html]

Monte Carlo stress test of the pool (二（五）风险预警): each run draws the members' monthly flows from
the flow model and settles them with the engine. Prints, per year, the probabilities of an unscheduled
top-up, a shortfall and the pool below its floor, the pool's reserve months, and each member's
probability of its fund going below zero. The same model, seed and runs give the same result on any
machine and any number of workers.

  --runs N        runs (default 1000)            --seed S       seed, an integer ≥ 0 (default 1)
  --horizon M     months from the model's start (default 36)
  --workers W     worker threads (default: the machine's parallelism)
  --shard i/n     run only shard i of n (0 ≤ i < n); merge the shards' --json outputs with "stress merge"
  --policy FILE   a policy from a JSON file instead of SUZHOU_2020
  --json          print the whole result as JSON (the form "stress merge" reads; implied by --shard)
  --out FILE      write the output to FILE (whole or not at all) instead of stdout
  --report FILE   also write an HTML report (fan chart of the reserve months, probability bars)`;

function positiveInt(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(EXIT.usage, `${name} takes an integer ≥ ${min}, not ${value} / ${name} 须为不小于 ${min} 的整数\n\n${STRESS_HELP}`);
  }
  return Number(value);
}

function shardOf(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m || Number(m[1]) >= Number(m[2])) {
    throw new CliError(EXIT.usage, `--shard takes i/n with 0 ≤ i < n, not ${value} / --shard 须为 i/n 且 0 ≤ i < n\n\n${STRESS_HELP}`);
  }
  return { index: Number(m[1]), count: Number(m[2]) };
}

async function emit(result: StressResult, values: Record<string, string | boolean | undefined>, json: boolean): Promise<number> {
  if (typeof values.report === "string") await writeFileWhole(values.report, renderStressReport(result));
  const text = json ? `${JSON.stringify(result, null, 2)}\n` : `${formatStressSummary(result)}\n`;
  if (typeof values.out === "string") await writeFileWhole(values.out, text);
  else await writeStdout(text);
  return EXIT.ok;
}

/** `stress merge`: the shards' JSON files merged into one result. */
async function merge(files: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  if (files.length === 0) throw new CliError(EXIT.usage, `stress merge needs the shards' files / 需要分片结果文件\n\n${STRESS_HELP}`);
  const results: StressResult[] = [];
  for (const f of files) results.push(parseJson(await readText(f), f) as StressResult);
  let merged: StressResult;
  try {
    merged = mergeStressResults(results);
  } catch (e) {
    if (isPoolingError(e)) {
      const i = typeof e.path[0] === "number" ? e.path[0] : 0;
      throw new CliError(EXIT.invalidInput, describeError(e, files[i]));
    }
    throw e;
  }
  return emit(merged, values, Boolean(values.json));
}

/** Runs `stress` with its parsed arguments. */
export async function runStress(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> {
  if (positionals[0] === "merge") return merge(positionals.slice(1), values);
  if (values.example) {
    if (positionals.length > 0) throw new CliError(EXIT.usage, `--example takes no file / --example 不接受文件参数\n\n${STRESS_HELP}`);
    const text = `${JSON.stringify(EXAMPLE_FLOW_MODEL, null, 2)}\n`;
    if (typeof values.out === "string") await writeFileWhole(values.out, text);
    else await writeStdout(text);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new CliError(EXIT.usage, `stress takes one model file / 需要一个模型文件\n\n${STRESS_HELP}`);
  const file = positionals[0]!;
  const model = parseJson(await readText(file), file) as FlowModel;
  const policy = await loadPolicy(values.policy as string | undefined, false);
  const shard = shardOf(values.shard as string | undefined);
  const options = {
    runs: positiveInt(values.runs as string | undefined, "--runs", 1000),
    seed: positiveInt(values.seed as string | undefined, "--seed", 1, 0),
    horizon: positiveInt(values.horizon as string | undefined, "--horizon", 36),
    policy,
    ...(shard ? { shard } : {}),
  };
  const workers = positiveInt(values.workers as string | undefined, "--workers", defaultWorkers());
  let result: StressResult;
  try {
    result = await runStressParallel(model, options, workers, runsProgress());
  } catch (e) {
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, describeError(e, e.code === "INVALID_STRESS_OPTIONS" ? "options" : file));
    throw e;
  }
  return emit(result, values, Boolean(values.json) || shard !== undefined);
}
