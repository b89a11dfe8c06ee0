/**
 * Draws from the distributions of the flow model, by deterministic methods
 * on a {@link Rng}: a normal by Box–Muller (one value per pair of uniforms),
 * a log-normal as the exponential of a normal, a Poisson count by Knuth's
 * product of uniforms, a Pareto by inversion. These are floating-point
 * draws: amounts are rounded to the fen where the model turns them into
 * money (see `drawScenario`), never here.
 *
 * @module
 */
import type { Rng } from "./rng.js";

/**
 * A standard normal draw (Box–Muller: `√(−2 ln u₁) · cos(2π u₂)`).
 *
 * @param rng - the run's generator
 * @returns a draw of N(0, 1)
 * @throws never
 * @example
 * ```ts
 * normal(runRng(1, 0)); // a number, the same on every call
 * ```
 */
export function normal(rng: Rng): number {
  const u1 = rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * The standard normal distribution function Φ(x), from the complementary
 * error function of Numerical Recipes (`erfcc`, fractional error below
 * 1.2 × 10⁻⁷ everywhere).
 *
 * @param x - any finite number
 * @returns Φ(x) in [0, 1]
 * @throws never
 * @example
 * ```ts
 * normalCdf(0); // 0.5 (within 1.2e-7)
 * ```
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/**
 * A Poisson count with mean `lambda` (Knuth: multiply uniforms until the
 * product falls below e^−λ). Exact in distribution; its cost grows with λ,
 * which the flow model bounds (≤ 50 a month).
 *
 * @param rng - the run's generator
 * @param lambda - the mean, 0 ≤ λ ≤ 50
 * @returns a count ≥ 0
 * @throws never
 * @example
 * ```ts
 * poisson(runRng(1, 0), 0.2); // 0 most months
 * ```
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * A Pareto (type I) draw by inversion: `scale · u^(−1/shape)`; its mean is
 * finite only for shape > 1, its variance only for shape > 2.
 *
 * @param rng - the run's generator
 * @param scale - the minimum, > 0
 * @param shape - the tail index α, > 0
 * @returns a draw ≥ scale
 * @throws never
 * @example
 * ```ts
 * pareto(runRng(1, 0), 1_000_000, 1.5) >= 1_000_000; // true
 * ```
 */
export function pareto(rng: Rng, scale: number, shape: number): number {
  return scale * rng.next() ** (-1 / shape);
}

/**
 * A log-normal draw `median · e^(σ·Z)` for a standard normal `Z`.
 *
 * @param z - a standard normal draw
 * @param median - the median, > 0
 * @param sigma - the standard deviation of the logarithm, ≥ 0
 * @returns a draw > 0
 * @throws never
 * @example
 * ```ts
 * logNormal(0, 500_000, 1); // 500000
 * ```
 */
export function logNormal(z: number, median: number, sigma: number): number {
  return median * Math.exp(sigma * z);
}
