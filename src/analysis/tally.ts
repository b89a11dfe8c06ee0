/**
 * What a stress test keeps of each run: counts of events and histograms of
 * figures, read from the run's simulation (the real engine's reports). The
 * tally of a set of runs is the sum of the tallies of its parts.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { parseFen } from "../money.js";
import { yearOf } from "../period.js";
import type { SimulationSummary } from "../settlement/summaryResult.js";
import { addToHistogram, emptyHistogram, type Histogram, mergeHistogram, sortedHistogram } from "./summaries.js";

/**
 * Counts, exact sums (fen, as integer strings) and histograms keyed by `scope/who/what` (e.g.
 * `2021/pool/unscheduledTopUp`, `month/2020-07/pool/reserveMonths`).
 */
export interface Tally {
  counts: Record<string, number>;
  sums: Record<string, string>;
  histograms: Record<string, Histogram>;
}

/** The member figures whose quantiles a stress test reports (from the yearly summaries). */
export const MEMBER_QUANTILES = ["topUp", "grantPaid", "subsidyPaid", "clawback", "balance", "reserveMonths"] as const;
/** The pool figures whose quantiles a stress test reports. */
export const POOL_QUANTILES = ["topUp", "shortfall", "paidCutGapGrant", "paidSubsidy", "paidMajorAccident", "balance", "reserveMonths"] as const;
/** The warning levels. */
export const LEVELS = ["critical", "warning", "normal", "surplus"] as const;

/** An empty tally. @internal */
export function emptyTally(): Tally {
  return { counts: {}, sums: {}, histograms: {} };
}

/** A tally being added to, run by run: its sums kept as integers (fen) until {@link finishTally}. @internal */
export interface RunningTally {
  counts: Record<string, number>;
  sums: Map<string, bigint>;
  histograms: Record<string, Histogram>;
}

/** An empty running tally. @internal */
export function runningTally(): RunningTally {
  return { counts: {}, sums: new Map(), histograms: {} };
}

/** A running tally as a tally (its sums as integer strings). @internal */
export function finishTally(t: RunningTally): Tally {
  const sums: Record<string, string> = {};
  for (const [k, v] of t.sums) sums[k] = v.toString();
  return { counts: t.counts, sums, histograms: t.histograms };
}

function count(t: RunningTally, key: string, yes: boolean): void {
  // every key is present (0 when the event never happened), so that the keys do not depend on the draws
  t.counts[key] = (t.counts[key] ?? 0) + (yes ? 1 : 0);
}

/** Adds money (fen) to an exact sum (reserve months are not summed: they may be unbounded). */
function sum(t: RunningTally, key: string, figure: string | null): void {
  if (figure === null) return;
  t.sums.set(key, (t.sums.get(key) ?? 0n) + parseFen(figure));
}

function hist(t: RunningTally, key: string, value: number | null): void {
  let h = t.histograms[key];
  if (!h) {
    h = emptyHistogram();
    t.histograms[key] = h;
  }
  addToHistogram(h, value);
}

/** A two-decimal figure as an integer of hundredths (fen, or hundredths of a month); `null` stays `null`. @internal */
export function hundredths(figure: string | null): number | null {
  return figure === null ? null : Number(parseFen(figure));
}

const nonZero = (s: string) => s !== "0.00";

/**
 * Adds one run's simulation to a tally; throws `INTERNAL_INVARIANT` when the
 * run's journal does not conserve money (R13). @internal
 */
export function tallyRun(t: RunningTally, sim: SimulationSummary, run: number): void {
  if (!sim.conservation.ok) {
    throw new PoolingError("INTERNAL_INVARIANT", ["runs", run], { en: "a run's journal does not conserve money", zh: "某次运行的分录不守恒" });
  }
  count(t, "all/conservation/checked", true);
  const ids = Object.keys(sim.years[0]?.members ?? {});
  const memberBelowZero = new Map<string, boolean>(ids.map((id) => [id, false]));
  let poolUnscheduled = false;
  let poolShort = false;
  let poolBelowFloor = false;
  for (const y of sim.years) {
    const periods = sim.periods.filter((p) => yearOf(p.period) === y.year);
    const unscheduled = periods.some((p) => p.pool.topUpReason === "whenShort");
    const short = nonZero(y.pool.shortfall);
    const belowFloor = y.pool.risk !== null && parseFen(y.pool.balance) < parseFen(y.pool.floor);
    poolUnscheduled ||= unscheduled;
    poolShort ||= short;
    poolBelowFloor ||= belowFloor;
    const s = `${y.year}/pool`;
    count(t, `${s}/unscheduledTopUp`, unscheduled);
    count(t, `${s}/shortfall`, short);
    count(t, `${s}/belowFloor`, belowFloor);
    for (const level of LEVELS) count(t, `${s}/risk.${level}`, y.pool.risk === level);
    const pool = y.pool;
    const poolFigures: Record<(typeof POOL_QUANTILES)[number], string | null> = {
      topUp: pool.topUp,
      shortfall: pool.shortfall,
      paidCutGapGrant: pool.paid.cutGapGrant,
      paidSubsidy: pool.paid.subsidy,
      paidMajorAccident: pool.paid.majorAccident,
      balance: pool.balance,
      reserveMonths: pool.reserveMonths,
    };
    for (const k of POOL_QUANTILES) {
      hist(t, `${s}/${k}`, hundredths(poolFigures[k]));
      if (k !== "reserveMonths") sum(t, `${s}/${k}`, poolFigures[k]);
    }
    for (const id of ids) {
      const m = y.members[id]!;
      const below = periods.some((p) => p.claimants.includes(id));
      if (below) memberBelowZero.set(id, true);
      const ms = `${y.year}/${id}`;
      count(t, `${ms}/belowZero`, below);
      count(t, `${ms}/warnings`, m.warnings.length > 0);
      for (const level of LEVELS) count(t, `${ms}/risk.${level}`, m.risk === level);
      for (const k of MEMBER_QUANTILES) {
        hist(t, `${ms}/${k}`, hundredths(m[k]));
        if (k !== "reserveMonths") sum(t, `${ms}/${k}`, m[k]);
      }
    }
  }
  count(t, "all/pool/unscheduledTopUp", poolUnscheduled);
  count(t, "all/pool/shortfall", poolShort);
  count(t, "all/pool/belowFloor", poolBelowFloor);
  for (const id of ids) count(t, `all/${id}/belowZero`, memberBelowZero.get(id)!);
  for (const p of sim.periods) hist(t, `month/${p.period}/pool/reserveMonths`, hundredths(p.pool.reserveMonths));
}

/** Adds `b` into `a`. @internal */
export function mergeTally(a: Tally, b: Tally): void {
  for (const [k, n] of Object.entries(b.counts)) a.counts[k] = (a.counts[k] ?? 0) + n;
  for (const [k, n] of Object.entries(b.sums ?? {})) a.sums[k] = (BigInt(a.sums[k] ?? "0") + BigInt(n)).toString();
  for (const [k, h] of Object.entries(b.histograms)) {
    const mine = a.histograms[k];
    if (mine) mergeHistogram(mine, h);
    else a.histograms[k] = { bins: { ...h.bins }, nulls: h.nulls };
  }
}

/** The tally with every key sorted (for byte-identical JSON). @internal */
export function sortedTally(t: Tally): Tally {
  const counts = Object.fromEntries(
    Object.keys(t.counts)
      .sort()
      .map((k) => [k, t.counts[k]!]),
  );
  const sums = Object.fromEntries(
    Object.keys(t.sums)
      .sort()
      .map((k) => [k, t.sums[k]!]),
  );
  const histograms = Object.fromEntries(
    Object.keys(t.histograms)
      .sort()
      .map((k) => [k, sortedHistogram(t.histograms[k]!)]),
  );
  return { counts, sums, histograms };
}
