/**
 * The plain-text summary of a stress test (Chinese and English), as the CLI
 * prints it.
 *
 * @module
 */
import type { StressResult } from "../analysis/stressResult.js";
import type { Probability } from "../analysis/summaries.js";

const pct = (p: Probability) => `${(Number(p.p) * 100).toFixed(1)}% ± ${(Number(p.se) * 100).toFixed(1)}`;

/**
 * The summary of a stress test: what was run, then per year the pool's
 * probabilities (unscheduled top-up, shortfall, below its floor at year end)
 * with their standard errors, its reserve months (P5, P50, P95), and each
 * member's probability of its fund going below zero.
 *
 * @param result - a result of `stressTest` or `mergeStressResults`
 * @returns lines of text
 * @throws never
 * @example
 * ```ts
 * console.log(formatStressSummary(stressTest(EXAMPLE_FLOW_MODEL, { runs: 100, seed: 1 })));
 * ```
 */
export function formatStressSummary(result: StressResult): string {
  const e = result.experiment;
  const lines = [
    `压力测试 Stress test: ${e.policy.id} ${e.policy.version}, model ${e.model}, seed ${e.seed}, runs ${result.runs.from}–${result.runs.to} of ${e.totalRuns}, ${e.horizon} months from ${e.start}`,
    "A model, not a forecast: probabilities ± one Monte Carlo standard error. 模型测算，并非预测。",
    "",
    "year  P(unscheduled top-up) P(shortfall)   P(pool < floor) pool reserve months P5 / P50 / P95",
    "年度  计划外补足概率         补足缺口概率    年末低于下限概率 统筹基金可支付月数",
  ];
  for (const y of result.years) {
    const q = y.pool.quantiles.reserveMonths;
    lines.push(
      `${y.year}  ${pct(y.pool.unscheduledTopUp).padEnd(21)} ${pct(y.pool.shortfall).padEnd(14)} ${pct(y.pool.belowFloor).padEnd(16)} ${q.p5 ?? "∞"} / ${q.p50 ?? "∞"} / ${q.p95 ?? "∞"}`,
    );
  }
  lines.push("", "member fund below zero (before the pool covers it), over the horizon / 各统筹地区基金出现负数的概率：");
  for (const [id, m] of Object.entries(result.horizon.members)) lines.push(`  ${id.padEnd(12)} ${pct(m.belowZero)}`);
  const h = result.horizon.pool;
  lines.push(
    "",
    `over the horizon / 整个测算期: P(unscheduled top-up) ${pct(h.unscheduledTopUp)}, P(shortfall) ${pct(h.shortfall)}, P(pool < floor at a year end) ${pct(h.belowFloor)}`,
    `quantiles within ${(Number(result.quantileRelativeError) * 100).toFixed(2)}% (log bins); every run's journal conserved money (${result.conservationChecked} runs)`,
  );
  return lines.join("\n");
}
