import { describe, expect, it } from "vitest";
import { runRng } from "../../src/analysis/rng.js";
import { logNormal, normal, poisson } from "../../src/analysis/sampling.js";
import { fitFlowModel } from "../../src/analysis.js";
import { expectPoolingError } from "../helpers.js";

const SEASON = [0.9, 0.95, 1, 1.05, 1.1, 1, 1, 0.95, 1, 1.05, 0.98, 1.02];

/** n months of base·(1+trend)^(t/12)·season·exp(σZ − σ²/2), to the fen, from 2000-01. */
function generate(n: number, base: number, trend: number, sigma: number, seed: number): string[] {
  const rng = runRng(seed, 0);
  return Array.from({ length: n }, (_, t) => {
    const x = base * (1 + trend) ** (t / 12) * SEASON[t % 12]! * Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);
    return (Math.round(x * 100) / 100).toFixed(2);
  });
}

describe("fitFlowModel", () => {
  it("recovers known parameters from 10,000 months of generated flows", () => {
    const n = 10_000;
    const rng = runRng(99, 1);
    const accidents = Array.from({ length: n }, () =>
      Array.from({ length: poisson(rng, 0.05) }, () => (Math.round(logNormal(normal(rng), 2e7, 0.8) * 100) / 100).toFixed(2)),
    );
    const fit = fitFlowModel({
      start: "2000-01",
      contributions: generate(n, 100_000, 0.02, 0.03, 1),
      benefits: generate(n, 80_000, 0.015, 0.1, 2),
      accidents,
    });
    expect(fit.months).toBe(n);
    for (const [f, base, trend, sigma, tol] of [
      [fit.contributions, 100_000, 0.02, 0.03, 0.002],
      [fit.benefits, 80_000, 0.015, 0.1, 0.006],
    ] as const) {
      const { series, standardErrors: se } = f;
      // stated tolerances: 4 standard errors, and absolute bounds
      expect(Math.abs(series.trend - trend)).toBeLessThanOrEqual(Math.max(4 * se.trend, 1e-9));
      expect(Math.abs(series.trend - trend)).toBeLessThan(0.0005);
      expect(Math.abs(series.noise.sigma - sigma)).toBeLessThanOrEqual(4 * se.sigma);
      expect(Math.abs(Number(series.base) / base - 1)).toBeLessThan(0.02);
      expect(Math.abs(Number(series.base) - base)).toBeLessThanOrEqual(4 * se.base + 0.01);
      // the fitted factors have geometric mean 1: compare with the true ones normalised the same way
      const gm = Math.exp(SEASON.reduce((s, x) => s + Math.log(x), 0) / 12);
      series.seasonality.forEach((s, m) => {
        expect(Math.abs(s - SEASON[m]! / gm), `month ${m + 1}`).toBeLessThanOrEqual(Math.max(4 * se.seasonality[m]!, tol));
      });
    }
    const acc = fit.accidents!;
    expect(Math.abs(acc.rate - 0.05)).toBeLessThanOrEqual(4 * acc.rateStandardError);
    expect(Math.abs(acc.severity!.sigma - 0.8)).toBeLessThanOrEqual(4 * acc.severityStandardErrors!.sigma);
    expect(Math.abs(Number(acc.severity!.median) / 2e7 - 1)).toBeLessThan(0.15);
  }, 60_000);

  it("refuses fewer than 24 months, and series of different lengths", () => {
    const months = generate(23, 1000, 0, 0.1, 3);
    expectPoolingError(() => fitFlowModel({ start: "2019-01", contributions: months, benefits: months }), "FLOW_HISTORY_TOO_SHORT", ["history"]);
    const long = generate(30, 1000, 0, 0.1, 3);
    expectPoolingError(() => fitFlowModel({ start: "2019-01", contributions: long, benefits: months }), "FLOW_HISTORY_TOO_SHORT");
    const zero = [...long];
    zero[3] = "0.00";
    expectPoolingError(() => fitFlowModel({ start: "2019-01", contributions: long, benefits: zero }), "INVALID_AMOUNT", ["benefits", 3]);
  });
});
