/**
 * Step 1 of a period, continued (R6): the provincial reserve remittances of
 * the due month, each amount by the same rule as `provincialRemittance`.
 *
 * @module
 */
import { PoolingError } from "../../errors.js";
import { checkMembers } from "../../fund/members.js";
import { remittanceAmount } from "../../fund/provincialRemittance.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { type Dec, fenRatio, toFen } from "../../money.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember } from "./postings.js";

/**
 * Remits each member's provincial reserve in the due month: the amount given
 * in the flows or the policy's rule, out of the member's fund.
 * @param given the amounts given in the period's flows, by member (only in the due month).
 * @throws PoolingError `REMITTANCE_NOT_DUE` (amounts given outside the due month), `UNKNOWN_MEMBER`,
 *   `REMITTANCE_AMOUNT_REQUIRED` (due, with neither an amount nor a rule).
 * @internal
 */
export function remitProvincialReserve(context: PeriodContext, given: Readonly<Record<string, Dec>> | undefined): void {
  const { params, period, prefix, writer } = context;
  const provincial = params.provincialReserve;
  const dueMonth = Number(provincial.value.dueMonthDay.slice(0, 2));
  if (given) {
    const keys = Object.keys(given);
    checkMembers(context.policy, keys, (i) => [...prefix, "provincialRemittances", keys[i]!], false, [], period);
    if (context.month !== dueMonth) throw new PoolingError("REMITTANCE_NOT_DUE", [...prefix, "provincialRemittances"]);
  }
  if (context.month !== dueMonth) return;
  for (const id of context.memberIds) {
    const member = memberOf(context, id);
    const amount = remittanceAmount(
      provincial.value.rule,
      {
        amount: given?.[id] === undefined ? undefined : toFen(given[id]),
        priorYearIncome: fenRatio(member.priorYearIncome),
        priorYearBalance: fenRatio(member.priorYearBalance),
      },
      [...prefix, "provincialRemittances", id],
    );
    figuresOf(context, id).provincialRemittance = amount;
    debitMember(writer, period, id, ACCOUNTS.provinceReserve, amount, "provincialRemittance", provincial.citation);
  }
}
