/**
 * The prior-period adjustments of a simulation with restatements, for the
 * summary and the report: one row per account and corrected period, grouped
 * by the period they correct, with the restatements behind them.
 *
 * @module
 */
import type { Simulation } from "../settlement/results.js";

/** The header of the adjustments table. @internal */
export const ADJUSTMENT_HEADER = ["更正所属期 corrects", "发现期 known in", "账户 account", "调整额 amount (元 yuan)"];

/**
 * The rows of the adjustments table (sorted by the period corrected, then the knowledge period), and the
 * restatements as sentences; empty when the simulation has none.
 * @internal
 */
export function adjustmentsOf(sim: Simulation, nameOf: (account: string) => string): { rows: string[][]; restatements: string[] } {
  const r = sim.restated;
  if (r === undefined) return { rows: [], restatements: [] };
  const rows = [...r.adjustments]
    .sort((a, b) => (a.corrects < b.corrects ? -1 : a.corrects > b.corrects ? 1 : a.knownIn < b.knownIn ? -1 : a.knownIn > b.knownIn ? 1 : 0))
    .map((a) => [a.corrects, a.knownIn, nameOf(a.account), a.amount]);
  const restatements = r.restatements.map((x) => `${x.period} ${x.member} ${x.field} → ${x.value} (发现于 known in ${x.knownIn})`);
  return { rows, restatements };
}
