/**
 * A per-run seeded pseudo-random generator in 32-bit integer arithmetic: the
 * same seed and run index give the same draws on any machine, whatever the
 * number of workers or shards the runs are split over.
 *
 * Each run has its own generator, seeded by mixing the user's seed and the
 * run's index (a SplitMix32-style hash of both), so run `r` draws the same
 * numbers whether it is run alone, in a shard or on a worker. The generator is
 * SFC32 (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits of
 * state, a counter that guarantees a period of at least 2^32, passes
 * PractRand to terabytes). Only `Math.imul`, shifts and additions on 32-bit
 * integers: exact in every JavaScript engine.
 *
 * @module
 */

/** A generator of uniform numbers in (0, 1): 53-bit doubles strictly between 0 and 1. */
export interface Rng {
  /** The next uniform number in (0, 1). */
  next(): number;
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
}

/** SplitMix32's finaliser (Stafford's mix for 32 bits). @internal */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The largest seed: 2^53 − 1 (a safe integer). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * The generator of run `run` under `seed`: SFC32 seeded from a hash of the
 * seed's two 32-bit halves and the run index, warmed up by 12 draws.
 *
 * @param seed - a safe integer ≥ 0 (the user's seed)
 * @param run - the run's index, an integer ≥ 0
 * @returns the run's generator
 * @throws never (the callers validate the seed and the run)
 * @example
 * ```ts
 * const a = runRng(42, 7).next();
 * a === runRng(42, 7).next(); // true: the same on every call and machine
 * ```
 */
export function runRng(seed: number, run: number): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const runLo = run >>> 0;
  const runHi = Math.floor(run / 4294967296) >>> 0;
  let a = mix32(lo ^ mix32(hi));
  let b = mix32(runLo ^ mix32(a));
  let c = mix32(runHi ^ mix32(b ^ 0x6a09e667));
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    next(): number {
      // 53 random bits, then the middle of the cell: never 0, never 1
      const x = (nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6);
      return (x + 0.5) / 9007199254740992;
    },
  };
}
