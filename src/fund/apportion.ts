import { z } from "zod";
import { PoolingError } from "../errors.js";
import { type Dec, formatMoney, type Numeric, ZERO } from "../money.js";
import { moneyField, nonNegativeField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const totalSchema = moneyField({ fen: true });
const weightsSchema = z.array(nonNegativeField("INVALID_WEIGHT", "A weight, ≥ 0"));

/**
 * Largest-remainder apportionment of a whole number of fen (internal form:
 * decimals in, decimals out). Floors each exact share, then gives the leftover
 * fen one each to the largest remainders; ties go to the larger weight, then
 * to the earlier position. Exact: no division is rounded.
 * @internal
 */
export function apportionFen(totalYuan: Dec, weights: readonly Dec[]): Dec[] {
  const total = totalYuan.times(100); // in fen, an integer
  const sum = weights.reduce((s, w) => s.plus(w), ZERO);
  if (total.isZero()) return weights.map(() => ZERO);
  if (sum.isZero()) throw new PoolingError("NO_POSITIVE_WEIGHT", ["weights"]);
  const parts: Dec[] = [];
  const remainders: Dec[] = [];
  let allotted = ZERO;
  for (const w of weights) {
    const numerator = total.times(w); // exact
    let q = numerator.divToInt(sum);
    let r = numerator.minus(q.times(sum));
    // divToInt truncates; guard the exactness of the integer part.
    while (r.isNegative()) {
      q = q.minus(1);
      r = r.plus(sum);
    }
    while (r.gte(sum)) {
      q = q.plus(1);
      r = r.minus(sum);
    }
    parts.push(q);
    remainders.push(r);
    allotted = allotted.plus(q);
  }
  const leftover = total.minus(allotted).toNumber(); // < weights.length
  const order = weights.map((_w, i) => i).sort((a, b) => remainders[b]!.comparedTo(remainders[a]!) || weights[b]!.comparedTo(weights[a]!) || a - b);
  for (let k = 0; k < leftover; k++) {
    const i = order[k]!;
    parts[i] = parts[i]!.plus(1);
  }
  return parts.map((p) => p.div(100));
}

/**
 * R7 (二（二）): splits `total` (yuan, whole fen, ≥ 0) in proportion to
 * `weights`, in whole fen, by **largest remainder**: each part is the floor of
 * its exact share, and the fen left over go one each to the largest
 * fractional parts; ties go to the larger weight, then to the earlier
 * position. The parts always sum to `total` exactly and come back in the
 * weights' order. Every split of the library uses it.
 *
 * @example
 * ```ts
 * apportion("1.00", [1, 1, 1]);       // ["0.34", "0.33", "0.33"]
 * apportion("0.10", [7, 2, 1, 1]);    // ["0.06", "0.02", "0.01", "0.01"]
 * ```
 */
export function apportion(total: Numeric, weights: readonly Numeric[]): string[] {
  const t = parseInput(totalSchema, total, ["total"]);
  const w = parseInput(weightsSchema, weights, ["weights"]);
  return apportionFen(t, w).map(formatMoney);
}
