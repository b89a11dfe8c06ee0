/**
 * The result of a stress test: what identifies the experiment, the raw
 * mergeable tally, and the probabilities and quantiles derived from it.
 * Derived from the tally only, so a merged set of shards gives the bytes of
 * the single run.
 *
 * @module
 */
import { divRoundHalfUp, formatFen } from "../money.js";
import type { PolicyRef } from "../policy/paramsAt.js";
import { type Probability, probability, QUANTILE_RELATIVE_ERROR, quantile } from "./summaries.js";
import { LEVELS, MEMBER_QUANTILES, POOL_QUANTILES, sortedTally, type Tally } from "./tally.js";

/** The quantiles reported: P5, P50, P95, P99. */
export const QUANTILES = { p5: 0.05, p50: 0.5, p95: 0.95, p99: 0.99 } as const;

/**
 * Quantiles of a figure: two-decimal strings, `null` when unbounded (reserve months) or never observed; and
 * `mean`, exact: the sum over the runs divided by the runs, rounded to the fen half-up (`null` for reserve months).
 */
export type Quantiles = Record<keyof typeof QUANTILES | "mean", string | null>;

/** What identifies a stress test: two results merge only when these are equal. */
export interface StressExperiment {
  /** A fingerprint of the flow model (FNV-1a of its canonical JSON, 16 hex digits). */
  model: string;
  policy: PolicyRef;
  seed: number;
  /** Months simulated from `start`. */
  horizon: number;
  start: string;
  /** Members, in the policy's order. */
  members: string[];
  /** Runs of the whole experiment (all shards). */
  totalRuns: number;
}

/** One year of a stress test's results. */
export interface StressYear {
  year: number;
  pool: {
    /** The pool could not pay a period's claims and the members topped it up beyond schedule (`topUpReason` `whenShort`). */
    unscheduledTopUp: Probability;
    /** The members could not pay all the top-up needed (a shortfall). */
    shortfall: Probability;
    /** The pool below its floor at year end. */
    belowFloor: Probability;
    /** The pool's year-end warning level. */
    risk: Record<(typeof LEVELS)[number], Probability>;
    quantiles: Record<(typeof POOL_QUANTILES)[number], Quantiles>;
  };
  members: Record<
    string,
    {
      /** The member's own fund went below zero (a claim on the pool, or a deficit recorded) in some period of the year. */
      belowZero: Probability;
      /** Some period of the year at `critical` or `warning`. */
      warnings: Probability;
      risk: Record<(typeof LEVELS)[number], Probability>;
      quantiles: Record<(typeof MEMBER_QUANTILES)[number], Quantiles>;
    }
  >;
}

/** The result of `stressTest` (of a shard, or merged). */
export interface StressResult {
  format: "wi-pooling-stress/1";
  experiment: StressExperiment;
  /** The runs this result holds: `[from, to)` of `experiment.totalRuns`. */
  runs: { from: number; to: number; count: number };
  /** The relative error bound of every quantile (log bins of γ = 1.01). */
  quantileRelativeError: string;
  /** Every run's journal conserved money (R13): runs checked. */
  conservationChecked: number;
  years: StressYear[];
  /** Over the whole horizon. */
  horizon: { pool: { unscheduledTopUp: Probability; shortfall: Probability; belowFloor: Probability }; members: Record<string, { belowZero: Probability }> };
  /** The pool's reserve months by month: P5, P25, P50, P75, P95 (a fan chart). */
  fan: { period: string; p5: string | null; p25: string | null; p50: string | null; p75: string | null; p95: string | null }[];
  /** The raw counts and histograms (what shards merge). */
  tally: Tally;
}

function quantilesOf(t: Tally, key: string, runs: number): Quantiles {
  const h = t.histograms[key] ?? { bins: {}, nulls: 0 };
  const out = {} as Quantiles;

  for (const [name, q] of Object.entries(QUANTILES) as [keyof typeof QUANTILES, number][]) {
    const v = quantile(h, q);
    out[name] = v === null ? null : formatFen(BigInt(v));
  }
  const total = t.sums[key];
  out.mean = total === undefined || runs === 0 ? null : formatFen(divRoundHalfUp(BigInt(total), BigInt(runs)));
  return out;
}

/** The probabilities and quantiles of a tally of runs. @internal */
export function deriveResult(experiment: StressExperiment, from: number, to: number, tally: Tally): StressResult {
  const n = to - from;
  const t = sortedTally(tally);
  const p = (key: string) => probability(t.counts[key] ?? 0, n);
  const years = [...new Set(Object.keys(t.counts).map((k) => k.split("/")[0]!))]
    .filter((k) => /^\d{4}$/.test(k))
    .sort()
    .map(Number);
  const risk = (prefix: string) => Object.fromEntries(LEVELS.map((l) => [l, p(`${prefix}/risk.${l}`)])) as Record<(typeof LEVELS)[number], Probability>;
  const yearResults: StressYear[] = years.map((year) => ({
    year,
    pool: {
      unscheduledTopUp: p(`${year}/pool/unscheduledTopUp`),
      shortfall: p(`${year}/pool/shortfall`),
      belowFloor: p(`${year}/pool/belowFloor`),
      risk: risk(`${year}/pool`),
      quantiles: Object.fromEntries(POOL_QUANTILES.map((k) => [k, quantilesOf(t, `${year}/pool/${k}`, n)])) as StressYear["pool"]["quantiles"],
    },
    members: Object.fromEntries(
      experiment.members.map((id) => [
        id,
        {
          belowZero: p(`${year}/${id}/belowZero`),
          warnings: p(`${year}/${id}/warnings`),
          risk: risk(`${year}/${id}`),
          quantiles: Object.fromEntries(
            MEMBER_QUANTILES.map((k) => [k, quantilesOf(t, `${year}/${id}/${k}`, n)]),
          ) as StressYear["members"][string]["quantiles"],
        },
      ]),
    ),
  }));
  const fan = Object.keys(t.histograms)
    .filter((k) => k.startsWith("month/"))
    .sort()
    .map((k) => {
      const h = t.histograms[k]!;
      const q = (x: number) => {
        const v = quantile(h, x);
        return v === null ? null : formatFen(BigInt(v));
      };
      return { period: k.split("/")[1]!, p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
    });
  return {
    format: "wi-pooling-stress/1",
    experiment,
    runs: { from, to, count: n },
    quantileRelativeError: QUANTILE_RELATIVE_ERROR.toFixed(6),
    conservationChecked: t.counts["all/conservation/checked"] ?? 0,
    years: yearResults,
    horizon: {
      pool: { unscheduledTopUp: p("all/pool/unscheduledTopUp"), shortfall: p("all/pool/shortfall"), belowFloor: p("all/pool/belowFloor") },
      members: Object.fromEntries(experiment.members.map((id) => [id, { belowZero: p(`all/${id}/belowZero`) }])),
    },
    fan,
    tally: t,
  };
}
