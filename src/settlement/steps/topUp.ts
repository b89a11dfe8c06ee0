/**
 * Step 5 of a period (R7): the top-up of the pool to its floor, split among
 * the members by the same rule as `apportionTopUp`.
 *
 * @module
 */
import { apportionTopUpFen } from "../../fund/apportionTopUp.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { FEN_ZERO, type Fen, fenMax, fenSum, formatFen } from "../../money.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember, memberBalance } from "./postings.js";

/**
 * Tops the pool up to `floor` when, after paying `claimsDue`, it would stand
 * below it: each member pays its share by prior-year balance, never more than
 * it has. Returns the top-up raised and what nobody could pay.
 * @internal
 */
export function topUpToFloor(context: PeriodContext, floor: Fen, claimsDue: Fen): { topUp: Fen; shortfall: Fen } {
  const { writer, period, memberIds } = context;
  const need = floor + claimsDue - writer.balance(ACCOUNTS.pool);
  if (!(need > FEN_ZERO)) return { topUp: FEN_ZERO, shortfall: FEN_ZERO };
  const contributors = memberIds.map((id) => ({
    weight: memberOf(context, id).priorYearBalance,
    available: fenMax(FEN_ZERO, memberBalance(writer, id)),
  }));
  context.trace?.topUp.push({
    amount: formatFen(need),
    members: memberIds.map((id, i) => ({ id, priorYearBalance: formatFen(contributors[i]!.weight), available: formatFen(contributors[i]!.available) })),
    period,
  });
  const split = apportionTopUpFen(need, contributors);
  memberIds.forEach((id, i) => {
    const part = split.parts[i]!;
    figuresOf(context, id).topUp = part;
    debitMember(writer, period, id, ACCOUNTS.pool, part, "topUp", context.params.clauses.value.topUp);
  });
  return { topUp: fenSum(split.parts), shortfall: split.shortfall };
}
