/**
 * The prior-period adjustments of a simulation with restatements, for the
 * summary and the report: one row per account and corrected period, grouped
 * by the period they correct, with the restatements behind them; and, per
 * period, the figures as settled beside the figures as restated.
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
export function adjustmentsOf(sim: Simulation, nameOf: (account: string) => string): { rows: string[][]; restatements: string[]; figures: string[][] } {
  const r = sim.restated;
  if (r === undefined) return { rows: [], restatements: [], figures: [] };
  const rows = [...r.adjustments]
    .sort((a, b) => (a.corrects < b.corrects ? -1 : a.corrects > b.corrects ? 1 : a.knownIn < b.knownIn ? -1 : a.knownIn > b.knownIn ? 1 : 0))
    .map((a) => [a.corrects, a.knownIn, nameOf(a.account), a.amount]);
  const restatements = r.restatements.map((x) => `${x.period} ${x.member} ${x.field} → ${x.value} (发现于 known in ${x.knownIn})`);
  return { rows, restatements, figures: restatedFigures(sim) };
}

/** The header of the table of figures as settled and as restated. @internal */
export const RESTATED_FIGURES_HEADER = ["所属期 period", "主体 who", "项目 figure", "结算数 as settled", "更正后 as restated"];

/** The figures of a period compared as settled and as restated: a member's and the pool's. */
const MEMBER_FIGURES = ["income", "expenditure", "gap", "grantPaid", "subsidyPaid", "topUp", "clawbackAccrued", "balance", "reserveMonths"] as const;
const POOL_FIGURES = ["topUp", "floor", "balance", "reserveMonths"] as const;

/**
 * Per period, each of these figures whose restated value differs from the settled one:
 * `[period, who, figure, as settled, as restated]`, in period order (members in the report's order, then the pool).
 * @internal
 */
export function restatedFigures(sim: Simulation): string[][] {
  const restated = sim.restated?.periods ?? [];
  return sim.periods.flatMap((settled, i) => {
    const again = restated[i];
    if (again === undefined) return [];
    const rows: string[][] = [];
    for (const [id, m] of Object.entries(settled.members)) {
      const n = again.members[id];
      if (n === undefined) continue;
      for (const f of MEMBER_FIGURES) if (m[f] !== n[f]) rows.push([settled.period, id, f, m[f] ?? "—", n[f] ?? "—"]);
    }
    for (const f of POOL_FIGURES) if (settled.pool[f] !== again.pool[f]) rows.push([settled.period, "pool", f, settled.pool[f] ?? "—", again.pool[f] ?? "—"]);
    return rows;
  });
}
