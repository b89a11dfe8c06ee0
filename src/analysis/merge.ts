/**
 * `mergeStressResults`: combines the results of shards (or workers) of one
 * stress test into exactly the result of running it at once.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { deriveResult, type StressResult } from "./stressResult.js";
import { canonicalJson } from "./stressTest.js";
import { emptyTally, mergeTally } from "./tally.js";

/**
 * Merges results of disjoint run ranges of the same experiment (same model,
 * policy, seed, horizon, members and total runs): their counts and histograms
 * add, and the probabilities and quantiles are derived again from the sums.
 * When the ranges tile the runs `[a, b)` without gap or overlap, the result is
 * byte for byte that of running `[a, b)` at once (for all shards: `stressTest`
 * without `shard`).
 *
 * @param results - the results to merge, in any order (at least one)
 * @returns the merged result
 * @throws PoolingError `STRESS_SHARDS_MISMATCH` for results of different experiments, missing or overlapping runs;
 *   `NOT_AN_OBJECT` for a result that is not one
 * @example
 * ```ts
 * const opts = { runs: 90, seed: 7 };
 * const parts = [0, 1, 2].map((index) => stressTest(model, { ...opts, shard: { index, count: 3 } }));
 * JSON.stringify(mergeStressResults(parts)) === JSON.stringify(stressTest(model, opts)); // true
 * ```
 */
export function mergeStressResults(results: readonly StressResult[]): StressResult {
  if (!Array.isArray(results) || results.length === 0) {
    throw new PoolingError("STRESS_SHARDS_MISMATCH", [], { en: "nothing to merge", zh: "没有可合并的结果" });
  }
  results.forEach((r, i) => {
    if (r === null || typeof r !== "object" || r.format !== "wi-pooling-stress/1" || !r.tally || !r.runs || !r.experiment) {
      throw new PoolingError("NOT_AN_OBJECT", [i], { en: "not a stress-test result", zh: "不是压力测试结果" });
    }
  });
  const first = results[0]!;
  const key = canonicalJson(first.experiment);
  results.forEach((r, i) => {
    if (canonicalJson(r.experiment) !== key) {
      throw new PoolingError("STRESS_SHARDS_MISMATCH", [i, "experiment"], {
        en: "a result of another experiment (model, policy, seed, horizon or runs differ)",
        zh: "结果来自另一次试验（模型、政策、随机种子、测算期或运行次数不同）",
      });
    }
  });
  const sorted = [...results].sort((a, b) => a.runs.from - b.runs.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.runs.from !== sorted[i - 1]!.runs.to) {
      throw new PoolingError("STRESS_SHARDS_MISMATCH", [results.indexOf(sorted[i]!), "runs"], {
        en: `runs [${sorted[i - 1]!.runs.to}, ${sorted[i]!.runs.from}) are ${sorted[i]!.runs.from > sorted[i - 1]!.runs.to ? "missing" : "given twice"}`,
        zh: `第 ${sorted[i - 1]!.runs.to} 至 ${sorted[i]!.runs.from} 次运行${sorted[i]!.runs.from > sorted[i - 1]!.runs.to ? "缺失" : "重复"}`,
      });
    }
  }
  const tally = emptyTally();
  for (const r of sorted) mergeTally(tally, r.tally);
  return deriveResult(first.experiment, sorted[0]!.runs.from, sorted[sorted.length - 1]!.runs.to, tally);
}
