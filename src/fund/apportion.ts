import * as z from "zod";
import { PoolingError } from "../errors.js";
import { D, type Dec, type Fen, formatFen, type Numeric, toFen } from "../money.js";
import { moneyField, nonNegativeField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const totalSchema = moneyField({ fen: true });
const weightsSchema = z.array(nonNegativeField("INVALID_WEIGHT", "A weight, ≥ 0"));

/**
 * Largest remainder in whole fen on integers: splits `total` fen by integer
 * weights (their ratios are what matters); ties go to the larger weight, then
 * to the earlier index. The parts sum to `total`.
 * @internal
 */
export function apportionFenCore(total: Fen, weights: readonly bigint[]): Fen[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) return weights.map(() => 0n);
  if (sum === 0n) throw new PoolingError("NO_POSITIVE_WEIGHT", ["weights"]);
  const parts: Fen[] = [];
  const remainders: bigint[] = [];
  let allotted = 0n;
  for (const w of weights) {
    const numerator = total * w;
    const part = numerator / sum; // total and weights are ≥ 0: truncation is the floor
    parts.push(part);
    remainders.push(numerator - part * sum);
    allotted += part;
  }
  const leftover = Number(total - allotted); // < weights.length
  const compare = (a: bigint, b: bigint) => (a > b ? 1 : a < b ? -1 : 0);
  const order = weights.map((_w, i) => i).sort((a, b) => compare(remainders[b]!, remainders[a]!) || compare(weights[b]!, weights[a]!) || a - b);
  for (let k = 0; k < leftover; k++) parts[order[k]!]! += 1n;
  return parts;
}

/** Decimal weights (≥ 0) as integers in the same ratios: each scaled by the same power of ten. @internal */
export function integerWeights(weights: readonly Dec[]): bigint[] {
  const places = weights.reduce((p, w) => Math.max(p, w.decimalPlaces()), 0);
  const scale = new D(10).pow(places);
  return weights.map((w) => BigInt(w.times(scale).toFixed(0)));
}

/**
 * R7 (二（二）): splits `total` (yuan, whole fen, ≥ 0) in proportion to
 * `weights`, in whole fen, by **largest remainder**: each part is the floor of
 * its exact share, and the fen left over go one each to the largest
 * fractional parts; ties go to the larger weight, then to the earlier
 * position. The parts always sum to `total` exactly and come back in the
 * weights' order. Every split of the library uses it.
 *
 * @param total - the amount to split, yuan in whole fen, ≥ 0
 * @param weights - the weights, each ≥ 0 (at least one positive when `total` > 0)
 * @returns the parts in fen, as two-decimal strings in the weights' order; they sum to `total` exactly
 * @throws PoolingError `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `INVALID_WEIGHT`, `NO_POSITIVE_WEIGHT`
 * @example
 * ```ts
 * apportion("1.00", [1, 1, 1]);       // ["0.34", "0.33", "0.33"]
 * apportion("0.10", [7, 2, 1, 1]);    // ["0.06", "0.02", "0.01", "0.01"]
 * ```
 */
export function apportion(total: Numeric, weights: readonly Numeric[]): string[] {
  const t = parseInput(totalSchema, total, ["total"]);
  const w = parseInput(weightsSchema, weights, ["weights"]);
  return apportionFenCore(toFen(t), integerWeights(w)).map(formatFen);
}
