import { z } from "zod";
import { D, type Dec, dsum, formatMoney, type Numeric, roundFen } from "../money.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const expendituresSchema = z.array(moneyField());

/** The floor on decimals: `round_fen(months × Σ / 12)`. @internal */
export function poolFloorDec(policy: Policy, priorYearExpenditures: readonly Dec[]): Dec {
  // R7 rounding point: the floor, to the fen, half-up.
  return roundFen(new D(policy.poolFloor.value.months).times(dsum(priorYearExpenditures)).div(12));
}

/**
 * R7 (二（二）): the pool floor (备付期), 3 months of city-district payouts:
 * `round_fen(3 × Σ members' prior-year fund expenditure / 12)`.
 *
 * @example
 * ```ts
 * poolFloor(["2400000.00", "1200000.00"]); // "900000.00"
 * ```
 */
export function poolFloor(priorYearExpenditures: readonly Numeric[], policy?: Policy): string {
  const p = resolvePolicy(policy);
  return formatMoney(poolFloorDec(p, parseInput(expendituresSchema, priorYearExpenditures, ["priorYearExpenditures"])));
}
