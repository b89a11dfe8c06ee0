/**
 * The stress test on worker threads: the runs of a shard are cut into
 * contiguous ranges, each worker runs the ranges it is sent with the
 * library's synchronous `stressTest` (option `range`), answering with the
 * range's tally (counts, sums, histograms) only, not the derived result, and
 * its progress a few runs at a time; `mergeStressResults` adds the tallies
 * and derives the result once. The result is the same bytes for any number of workers (each run draws
 * from its own generator; the tally of a set of runs is the sum of its parts).
 *
 * This module is also the workers' entry: the CLI bundle starts workers on
 * its own file, which then runs {@link startStressWorker}.
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { mergeStressResults, type StressOptions, type StressResult, stressTest } from "../analysis.js";
import type { FlowModel } from "../schemas.js";

const KIND = "wi-pooling-stress-worker";

/** The default number of workers: the machine's available parallelism. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

type Job = { from: number; to: number };
type Part = Job & { tally: StressResult["tally"] };
type ToWorker = { job: Job } | { stop: true };
type FromWorker = { progress: number } | { part: Part } | { error: { name: string; message: string; json?: unknown } };

/** A worker reports its progress every this many runs (and at the end of each range). */
const PROGRESS_EVERY = 16;

/** Cuts `[from, to)` into contiguous chunks of about `size` runs. @internal */
export function chunks(from: number, to: number, size: number): Job[] {
  const out: Job[] = [];
  for (let a = from; a < to; a += size) out.push({ from: a, to: Math.min(to, a + size) });
  return out;
}

/** The worker's side: runs the ranges it is sent, answering with their tallies. */
function startStressWorker(): void {
  const { model, options } = workerData as { model: FlowModel; options: StressOptions };
  parentPort!.on("message", (message: ToWorker) => {
    if ("stop" in message) {
      parentPort!.close();
      return;
    }
    try {
      const { from, to } = message.job;
      let last = 0;
      const { tally } = stressTest(model, {
        ...options,
        range: { from, to },
        onProgress: ({ done, total }) => {
          if (done - last < PROGRESS_EVERY && done < total) return;
          parentPort!.postMessage({ progress: done - last } satisfies FromWorker);
          last = done;
        },
      });
      parentPort!.postMessage({ part: { from, to, tally } } satisfies FromWorker);
    } catch (e) {
      const err = e as Error & { toJSON?: () => unknown };
      parentPort!.postMessage({ error: { name: err.name, message: err.message, json: err.toJSON?.() } } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === KIND) startStressWorker();

/**
 * Runs a stress test (or its shard) on `workers` threads and merges the
 * ranges. One worker runs in this thread. `onRun` is called after each run.
 */
export async function runStressParallel(
  model: FlowModel,
  options: StressOptions,
  workers: number,
  onRun?: (done: number, total: number) => void,
): Promise<StressResult> {
  // validates here, before any thread starts (a one-run check of the model and options)
  const { shard, onProgress: _ignored, ...rest } = options;
  const [from, to] = shard
    ? [Math.floor((shard.index * options.runs) / shard.count), Math.floor(((shard.index + 1) * options.runs) / shard.count)]
    : [0, options.runs];
  const total = to - from;
  if (workers <= 1 || total < 2) {
    return stressTest(model, { ...options, ...(onRun ? { onProgress: ({ done }: { done: number }) => onRun(done, total) } : {}) });
  }
  // validation before any thread starts: the model and options, and the first run here (its result kept)
  const first = stressTest(model, { ...rest, range: { from, to: from + 1 } });
  const parts: Part[] = [];
  let done = 1;
  onRun?.(done, total);
  const count = Math.min(workers, total - 1);
  // small ranges shared out as workers finish: a slow run does not hold up the others
  const queue = chunks(from + 1, to, Math.max(1, Math.ceil((total - 1) / (count * 8))));
  const workerOptions = rest;
  await new Promise<void>((resolve, reject) => {
    let running = count;
    let failed = false;
    const pool: Worker[] = [];
    const next = (w: Worker) => {
      const job = queue.shift();
      w.postMessage(job ? ({ job } satisfies ToWorker) : ({ stop: true } satisfies ToWorker));
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL(import.meta.url), { workerData: { kind: KIND, model, options: workerOptions } });
      pool.push(w);
      w.on("message", (m: FromWorker) => {
        if ("progress" in m) {
          done += m.progress;
          onRun?.(done, total);
        } else if ("part" in m) {
          parts.push(m.part);
          next(w);
        } else {
          failed = true;
          for (const other of pool) void other.terminate();
          reject(Object.assign(new Error(m.error.message), { name: m.error.name, workerError: m.error.json }));
        }
      });
      w.on("error", (e) => {
        failed = true;
        for (const other of pool) void other.terminate();
        reject(e);
      });
      w.on("exit", () => {
        running--;
        if (running === 0 && !failed) resolve();
      });
      next(w);
    }
  });
  // each part as a result of its range (the experiment is the first run's): merged, derived once
  return mergeStressResults([first, ...parts.map((p) => ({ ...first, runs: { from: p.from, to: p.to, count: p.to - p.from }, tally: p.tally }))]);
}
