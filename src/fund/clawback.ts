import { D, type Dec, formatMoney, type Numeric, roundFen } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { periodAndPolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const subsidySchema = moneyField({ fen: true });

/** The clawback on decimals at `rate` (the version in force). @internal */
export function clawbackDec(rate: string, subsidy: Dec): Dec {
  // R9 rounding point: the clawback, to the fen, half-up.
  return roundFen(subsidy.times(new D(rate)));
}

/**
 * R9 (二（三）): what a member's government remits to municipal finance for a
 * pool subsidy: `round_fen(20% × subsidy)`, half-up. A fiscal transfer
 * between governments, outside the insurance funds.
 *
 * @example
 * ```ts
 * clawback("250.00"); // "50.00"
 * clawback("0.03");   // "0.01"
 * ```
 */
export function clawback(subsidy: Numeric, periodOrPolicy?: Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodAndPolicy(periodOrPolicy, policy);
  const rate = paramFor(p, "clawback", period).value.rate;
  return formatMoney(clawbackDec(rate, parseInput(subsidySchema, subsidy, ["subsidy"])));
}
