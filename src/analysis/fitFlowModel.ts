/**
 * `fitFlowModel`: estimates a member's flow model (trend, seasonality,
 * log-normal noise, accident rate and severity) from its monthly figures, with
 * the estimates' standard errors.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { moneyField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { fenString, toFenNumber } from "./drawScenario.js";

/** A member's monthly history. */
export const FlowHistorySchema = z
  .object({
    start: periodField().describe("The first month of the history"),
    contributions: z.array(moneyField({ fen: true })).describe("Contribution income of each month, yuan, > 0"),
    benefits: z.array(moneyField({ fen: true })).describe("Benefits paid each month (without major accidents), yuan, > 0"),
    accidents: z
      .array(z.array(moneyField({ fen: true })))
      .optional()
      .describe("Each month's major-accident claims, yuan (an empty list for none)"),
  })
  .strict();
/** A member's monthly history (input). */
export type FlowHistory = z.input<typeof FlowHistorySchema>;

/** A fitted series, usable as a flow model's `contributions` or `benefits`, with standard errors. */
export interface FittedSeries {
  /** The series model: `base` is the level in the history's first month (before seasonality). */
  series: { base: string; trend: number; seasonality: number[]; noise: { family: "lognormal"; sigma: number } };
  /** The level (before seasonality) in the month after the history: the `base` of a model starting then. */
  nextBase: string;
  /** Standard errors: of base (yuan), trend, each seasonal factor and sigma. */
  standardErrors: { base: number; trend: number; seasonality: number[]; sigma: number };
}

/** The result of {@link fitFlowModel}. */
export interface FittedFlowModel {
  start: string;
  months: number;
  contributions: FittedSeries;
  benefits: FittedSeries;
  /** Present when the history lists accidents: the Poisson rate a month and, with two or more, a log-normal severity. */
  accidents?: {
    rate: number;
    rateStandardError: number;
    severity?: { family: "lognormal"; median: string; sigma: number };
    severityStandardErrors?: { median: number; sigma: number };
  };
}

/** Inverts a symmetric positive-definite matrix (Gauss–Jordan with partial pivoting). */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/** log(x_t) = α + β·t + s_month + ε by least squares, seasonal effects summing to zero (effect coding). */
function fitSeries(values: number[], firstMonth: number, path: string): FittedSeries {
  const n = values.length;
  const p = 13; // intercept, slope, 11 seasonal effects (the 12th is minus their sum)
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  const rows: number[][] = [];
  const ys: number[] = [];
  values.forEach((v, t) => {
    if (!(v > 0)) throw new PoolingError("INVALID_AMOUNT", [path, t], { en: "must be > 0 to fit a log-normal", zh: "须大于 0 才能估计对数正态分布" });
    const month = (firstMonth - 1 + t) % 12; // 0 = January
    // t in years keeps the normal equations well scaled over long histories
    const x = [1, t / 12, ...Array.from({ length: 11 }, (_, j) => (month === 11 ? -1 : month === j ? 1 : 0))];
    const y = Math.log(v);
    rows.push(x);
    ys.push(y);
    for (let i = 0; i < p; i++) {
      xty[i]! += x[i]! * y;
      for (let j = 0; j < p; j++) xtx[i]![j]! += x[i]! * x[j]!;
    }
  });
  const inv = invert(xtx);
  const beta = inv.map((row) => row.reduce((s, c, j) => s + c * xty[j]!, 0));
  let rss = 0;
  rows.forEach((x, i) => {
    const fit = x.reduce((s, c, j) => s + c * beta[j]!, 0);
    rss += (ys[i]! - fit) ** 2;
  });
  const s2 = rss / (n - p);
  const sigma = Math.sqrt(s2);
  const se = (i: number) => Math.sqrt(s2 * inv[i]![i]!);
  const effects = [...beta.slice(2), -beta.slice(2).reduce((s, c) => s + c, 0)];
  // var(s_12) = var(−Σ s_j) = Σ_i Σ_j cov(s_i, s_j)
  let var12 = 0;
  for (let i = 2; i < p; i++) for (let j = 2; j < p; j++) var12 += s2 * inv[i]![j]!;
  const effectSe = [...Array.from({ length: 11 }, (_, j) => se(j + 2)), Math.sqrt(var12)];
  const base = Math.exp(beta[0]! + s2 / 2);
  const growth = Math.exp(beta[1]!);
  const levelAfter = base * growth ** (n / 12);
  return {
    series: {
      base: fenString(toFenNumber(base)),
      trend: growth - 1,
      seasonality: effects.map((e) => Math.exp(e)),
      noise: { family: "lognormal", sigma },
    },
    nextBase: fenString(toFenNumber(levelAfter)),
    standardErrors: {
      base: base * se(0),
      trend: growth * se(1),
      seasonality: effects.map((e, i) => Math.exp(e) * effectSe[i]!),
      sigma: sigma / Math.sqrt(2 * (n - p)),
    },
  };
}

/**
 * Estimates a member's flow model from its monthly history (at least 24
 * months): for contributions and benefits, a log-linear least-squares fit of
 * `log x_t = α + β·t/12 + s_month + ε` (seasonal effects summing to zero), so
 * that `trend = e^β − 1`, the seasonal factors are `e^s` (geometric mean 1),
 * `sigma` is the residuals' standard deviation and `base = e^(α + σ²/2)` (the
 * noise has mean 1); standard errors from the least-squares covariance (by
 * the delta method for the transformed parameters; `σ/√(2(n−13))` for σ).
 * With `accidents`, the Poisson rate is the count per month (standard error
 * `√(rate/n)`) and, from two claims, a log-normal severity from the claims'
 * logarithms. Money figures (base, median) are rounded to the fen.
 *
 * @param history - `start`, monthly `contributions` and `benefits` (same length ≥ 24, each > 0), optional `accidents`
 * @returns the fitted series and accidents, with standard errors
 * @throws PoolingError `FLOW_HISTORY_TOO_SHORT` (under 24 months, or series of different lengths), `INVALID_AMOUNT`
 *   (a month ≤ 0), `UNKNOWN_KEY`, `MISSING_FIELD`, and the money field codes
 * @example
 * ```ts
 * const fit = fitFlowModel({ start: "2018-01", contributions: [...36 months], benefits: [...36 months] });
 * fit.benefits.series.trend;          // e.g. 0.041
 * fit.benefits.standardErrors.trend;  // e.g. 0.012
 * ```
 */
export function fitFlowModel(history: FlowHistory): FittedFlowModel {
  const h = parseInput(FlowHistorySchema, history, ["history"]);
  const n = h.contributions.length;
  if (n < 24 || h.benefits.length !== n || (h.accidents !== undefined && h.accidents.length !== n)) {
    throw new PoolingError("FLOW_HISTORY_TOO_SHORT", ["history"], {
      en: `contributions ${n}, benefits ${h.benefits.length}${h.accidents ? `, accidents ${h.accidents.length}` : ""} months: at least 24 each, the same number`,
      zh: `缴费 ${n} 个月，待遇 ${h.benefits.length} 个月：各至少 24 个月且月数相同`,
    });
  }
  const firstMonth = Number(h.start.slice(5, 7));
  const result: FittedFlowModel = {
    start: h.start,
    months: n,
    contributions: fitSeries(
      h.contributions.map((d) => d.toNumber()),
      firstMonth,
      "contributions",
    ),
    benefits: fitSeries(
      h.benefits.map((d) => d.toNumber()),
      firstMonth,
      "benefits",
    ),
  };
  if (h.accidents) {
    const claims = h.accidents.flat().map((d) => d.toNumber());
    const rate = claims.length / n;
    const accidents: NonNullable<FittedFlowModel["accidents"]> = { rate, rateStandardError: Math.sqrt(rate / n) };
    const positive = claims.filter((c) => c > 0).map(Math.log);
    if (positive.length >= 2) {
      const mean = positive.reduce((s, c) => s + c, 0) / positive.length;
      const sd = Math.sqrt(positive.reduce((s, c) => s + (c - mean) ** 2, 0) / (positive.length - 1));
      const median = Math.exp(mean);
      accidents.severity = { family: "lognormal", median: fenString(toFenNumber(median)), sigma: sd };
      accidents.severityStandardErrors = { median: (median * sd) / Math.sqrt(positive.length), sigma: sd / Math.sqrt(2 * (positive.length - 1)) };
    }
    result.accidents = accidents;
  }
  return result;
}

// the validators are exported: nobody may change what they check
freezeSchemas(FlowHistorySchema);
