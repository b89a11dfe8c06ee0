/**
 * Step 1 of a period, continued (R6): the provincial reserve remittances, each
 * amount by the same rule as `provincialRemittance`. “每年 6 月 20 日前” allows
 * any date up to the due date: an amount given in an earlier month of the year
 * falls due then and counts toward the year's remittance; one given after the
 * due month is accepted and flagged overdue. By default (0.7) a remittance is
 * an amount owed, paid after the period's flows from what the fund holds.
 *
 * @module
 */
import { checkMembers } from "../../fund/members.js";
import { remittanceAmount } from "../../fund/provincialRemittance.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { FEN_ZERO, type Fen, fenMax, fenRatio } from "../../money.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember } from "./postings.js";

/**
 * A remittance falls due: in full out of the fund at once (the 0.6 reading), or (0.7) as an amount the member
 * owes, paid after the period's own flows from what its fund then holds (the rest stays owed, 应上解未上解).
 */
function remit(context: PeriodContext, id: string, amount: Fen, overdue: boolean): void {
  const { writer, period, params } = context;
  const figures = figuresOf(context, id);
  const member = memberOf(context, id);
  figures.provincialRemittance += amount;
  member.yearRemitted += amount;
  if (overdue && amount > FEN_ZERO) figures.remittanceOverdue = true;
  if (params.deficitCoverage.value.unpaidTransfers === "subsidy") {
    debitMember(writer, period, id, ACCOUNTS.provinceReserve, amount, "provincialRemittance", params.provincialReserve.citation);
    return;
  }
  member.owed.provincialRemittance += amount;
}

/**
 * Remits each member's provincial reserve: an amount given in the flows is
 * paid in its period (any month of the year; after the due month it is
 * overdue); in the due month, what the policy's rule (or the amount given)
 * asks beyond what the member remitted earlier in the year. What the fund
 * cannot pay is owed (应上解未上解, option `deficitCoverage.unpaidTransfers`).
 * @param given the amounts given in the period's flows, by member.
 * @throws PoolingError `UNKNOWN_MEMBER`, `REMITTANCE_AMOUNT_REQUIRED` (due, with neither an amount, nor a rule,
 *   nor an earlier remittance this year).
 * @internal
 */
export function remitProvincialReserve(context: PeriodContext, given: Readonly<Record<string, Fen>> | undefined): void {
  const { params, period, prefix } = context;
  const provincial = params.provincialReserve;
  const dueMonth = Number(provincial.value.dueMonthDay.slice(0, 2));
  if (given) {
    const keys = Object.keys(given);
    checkMembers(context.policy, keys, (i) => [...prefix, "provincialRemittances", keys[i]!], false, [], period);
  }
  for (const id of context.memberIds) {
    const member = memberOf(context, id);
    const amountGiven = given?.[id];
    if (context.month !== dueMonth) {
      if (amountGiven !== undefined) remit(context, id, amountGiven, context.month > dueMonth);
      continue;
    }
    // The due month: a remittance paid earlier this year stands for the amount when none is given now.
    if (amountGiven === undefined && provincial.value.rule === undefined && member.yearRemitted > FEN_ZERO) continue;
    const amount = remittanceAmount(
      provincial.value.rule,
      {
        amount: amountGiven,
        priorYearIncome: fenRatio(member.priorYearIncome),
        priorYearBalance: fenRatio(member.priorYearBalance),
      },
      [...prefix, "provincialRemittances", id],
    );
    remit(context, id, amountGiven === undefined ? fenMax(FEN_ZERO, amount - member.yearRemitted) : amount, false);
  }
}
