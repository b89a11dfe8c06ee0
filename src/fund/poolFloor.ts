import { z } from "zod";
import { D, type Dec, dsum, formatMoney, type Numeric, roundFen } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { periodAndPolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const expendituresSchema = z.array(moneyField());

/** The floor on decimals: `round_fen(months × Σ / 12)`, `months` from the version in force. @internal */
export function poolFloorDec(months: string, priorYearExpenditures: readonly Dec[]): Dec {
  // R7 rounding point: the floor, to the fen, half-up.
  return roundFen(new D(months).times(dsum(priorYearExpenditures)).div(12));
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
export function poolFloor(priorYearExpenditures: readonly Numeric[], periodOrPolicy?: Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodAndPolicy(periodOrPolicy, policy);
  const months = paramFor(p, "poolFloor", period).value.months;
  return formatMoney(poolFloorDec(months, parseInput(expendituresSchema, priorYearExpenditures, ["priorYearExpenditures"])));
}
