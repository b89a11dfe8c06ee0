/**
 * Step 5 of a period (R7): the top-up of the pool to its floor, split among
 * the members by the same rule as `apportionTopUp`.
 *
 * @module
 */
import { apportionTopUpDec } from "../../fund/apportionTopUp.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { type Dec, dmax, dsum, formatMoney, ZERO } from "../../money.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember, memberBalance } from "./postings.js";

/**
 * Tops the pool up to `floor` when, after paying `claimsDue`, it would stand
 * below it: each member pays its share by prior-year balance, never more than
 * it has. Returns the top-up raised and what nobody could pay.
 * @internal
 */
export function topUpToFloor(context: PeriodContext, floor: Dec, claimsDue: Dec): { topUp: Dec; shortfall: Dec } {
  const { writer, period, memberIds } = context;
  const need = floor.plus(claimsDue).minus(writer.balance(ACCOUNTS.pool));
  if (!need.gt(0)) return { topUp: ZERO, shortfall: ZERO };
  const contributors = memberIds.map((id) => ({
    weight: memberOf(context, id).priorYearBalance,
    available: dmax(ZERO, memberBalance(writer, id)),
  }));
  context.trace?.topUp.push({
    amount: formatMoney(need),
    members: memberIds.map((id, i) => ({ id, priorYearBalance: contributors[i]!.weight.toFixed(), available: formatMoney(contributors[i]!.available) })),
    period,
  });
  const split = apportionTopUpDec(need, contributors);
  memberIds.forEach((id, i) => {
    const part = split.parts[i]!;
    figuresOf(context, id).topUp = part;
    debitMember(writer, period, id, ACCOUNTS.pool, part, "topUp", context.params.clauses.value.topUp);
  });
  return { topUp: dsum(split.parts), shortfall: split.shortfall };
}
