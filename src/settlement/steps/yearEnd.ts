/**
 * Step 7 of a period (R14): at the fiscal year's end, this year's surplus
 * rolls into the carried balance and this year's figures become next year's
 * "prior year".
 *
 * @module
 */
import { carriedAccountOf, currentAccountOf } from "../../ledger/accounts.js";
import { FEN_ZERO } from "../../money.js";
import { memberOf, type PeriodContext } from "./context.js";

/** The last month of the fiscal year. @internal */
export const FISCAL_YEAR_END_MONTH = 12;

/**
 * Rolls each member's current part into its carried part and takes the
 * year's figures as the prior year's; does nothing before the year's last month.
 * @internal
 */
export function closeYearWhenDue(context: PeriodContext): void {
  if (context.month !== FISCAL_YEAR_END_MONTH) return;
  const { writer, period } = context;
  const rollover = context.params.clauses.value.rollover;
  for (const id of context.memberIds) {
    const current = writer.balance(currentAccountOf(id));
    if (current > FEN_ZERO) writer.post(period, currentAccountOf(id), carriedAccountOf(id), current, "yearEndRollover", rollover, id);
    if (current < FEN_ZERO) writer.post(period, carriedAccountOf(id), currentAccountOf(id), -current, "yearEndRollover", rollover, id);
    const member = memberOf(context, id);
    member.priorYearBalance = writer.balance(carriedAccountOf(id));
    member.priorYearExpenditure = member.yearExpenditure;
    member.priorYearIncome = member.yearIncome;
    member.yearIncome = FEN_ZERO;
    member.yearExpenditure = FEN_ZERO;
  }
}
