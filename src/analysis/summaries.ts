/**
 * Mergeable summaries of a stress test: exact counts, and log-binned
 * histograms for quantiles. A single run and any split of its runs into
 * shards produce the same counts in the same bins, so merged shards equal the
 * single run exactly.
 *
 * The histogram keeps a value `v` (integer fen, or hundredths of a month) in
 * bin 0 when `v = 0`, else in bin `±(k+1)` where `γ^(k−1) < |v| ≤ γ^k` with
 * γ = 1.01 (the bounds computed once by repeated multiplication, exact IEEE
 * arithmetic on every machine); `null` (unbounded reserve months) has its own
 * count, above every value. A quantile is the nearest-rank bin's midpoint
 * `±2γ^k/(γ+1)` rounded to the unit: its relative error is at most
 * (γ−1)/(γ+1) < 0.5% of the true order statistic (plus half a unit).
 *
 * @module
 */

/** γ of the log bins. */
export const BIN_GAMMA = 1.01;
/** The stated relative error of a quantile: (γ−1)/(γ+1). */
export const QUANTILE_RELATIVE_ERROR = (BIN_GAMMA - 1) / (BIN_GAMMA + 1);

const BOUNDS: number[] = (() => {
  const out = [1];
  while (out[out.length - 1]! < 1e20) out.push(out[out.length - 1]! * BIN_GAMMA);
  return out;
})();

/** The bin of a magnitude ≥ 1: the smallest k with |v| ≤ γ^k. @internal */
export function binOf(magnitude: number): number {
  let lo = 0;
  let hi = BOUNDS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (magnitude <= BOUNDS[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A log-binned histogram: bin → count (bins keyed `"-k"`, `"0"`, `"k"`), and the count of `null`. */
export interface Histogram {
  bins: Record<string, number>;
  nulls: number;
}

/** An empty histogram. @internal */
export function emptyHistogram(): Histogram {
  return { bins: {}, nulls: 0 };
}

/** Adds a value (an integer: fen or hundredths) or `null` to a histogram. @internal */
export function addToHistogram(h: Histogram, value: number | null): void {
  if (value === null) {
    h.nulls++;
    return;
  }
  // bins of magnitudes start at ±1 (|v| = 1 fen is bin ±1): 0 is the zero value's own
  const key = value === 0 ? "0" : value > 0 ? String(binOf(value) + 1) : String(-binOf(-value) - 1);
  h.bins[key] = (h.bins[key] ?? 0) + 1;
}

/** Adds `b` into `a`. @internal */
export function mergeHistogram(a: Histogram, b: Histogram): void {
  for (const [k, n] of Object.entries(b.bins)) a.bins[k] = (a.bins[k] ?? 0) + n;
  a.nulls += b.nulls;
}

/** The histogram with its bins in numeric order (for byte-identical JSON). @internal */
export function sortedHistogram(h: Histogram): Histogram {
  const keys = Object.keys(h.bins).sort((x, y) => Number(x) - Number(y));
  return { bins: Object.fromEntries(keys.map((k) => [k, h.bins[k]!])), nulls: h.nulls };
}

function midpoint(key: number): number {
  if (key === 0) return 0;
  const k = Math.abs(key) - 1;
  const mid = k === 0 ? 1 : Math.round((2 * BOUNDS[k]!) / (BIN_GAMMA + 1));
  return key < 0 ? -mid : mid;
}

/**
 * The nearest-rank quantile `q` of a histogram: the midpoint of the bin that
 * holds the ⌈q·n⌉-th smallest value, or `null` when that value is unbounded
 * (or the histogram is empty). @internal
 */
export function quantile(h: Histogram, q: number): number | null {
  let n = h.nulls;
  for (const c of Object.values(h.bins)) n += c;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n - 1e-9));
  const keys = Object.keys(h.bins)
    .map(Number)
    .sort((x, y) => x - y);
  let seen = 0;
  for (const k of keys) {
    seen += h.bins[String(k)]!;
    if (seen >= rank) return midpoint(k);
  }
  return null;
}

/** A probability estimated from `count` of `runs`, with its Monte Carlo standard error and 95% Wilson interval (six decimals). */
export interface Probability {
  count: number;
  runs: number;
  p: string;
  se: string;
  lo: string;
  hi: string;
}

/**
 * `count / runs` with `se = √(p(1−p)/n)` and the 95% Wilson score interval
 * (z = 1.959964), each to six decimals. @internal
 */
export function probability(count: number, runs: number): Probability {
  const p = runs === 0 ? 0 : count / runs;
  const se = runs === 0 ? 0 : Math.sqrt((p * (1 - p)) / runs);
  const z = 1.959964;
  const denom = 1 + (z * z) / runs;
  const centre = (p + (z * z) / (2 * runs)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / runs + (z * z) / (4 * runs * runs))) / denom;
  const f = (x: number) => Math.min(1, Math.max(0, x)).toFixed(6);
  return { count, runs, p: f(p), se: f(se), lo: runs === 0 ? f(0) : f(centre - half), hi: runs === 0 ? f(1) : f(centre + half) };
}
