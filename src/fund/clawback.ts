import { D, type Dec, formatMoney, type Numeric, roundFen } from "../money.js";
import { type Citation, cite } from "../policy/citation.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const subsidySchema = moneyField({ fen: true });

/** The clawback citation. @internal */
export const CLAWBACK_CITATION: Citation = cite("二（三）", "当地政府按市区统筹基金补助额的 20% 通过财力结算上解市级财政");

/** The clawback on decimals. @internal */
export function clawbackDec(policy: Policy, subsidy: Dec): Dec {
  // R9 rounding point: the clawback, to the fen, half-up.
  return roundFen(subsidy.times(new D(policy.clawback.value.rate)));
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
export function clawback(subsidy: Numeric, policy?: Policy): string {
  const p = resolvePolicy(policy);
  return formatMoney(clawbackDec(p, parseInput(subsidySchema, subsidy, ["subsidy"])));
}
