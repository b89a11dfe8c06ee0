/**
 * Step 1 of a period (R5): the opening of the pool, in the period of its due
 * date: the legacy fold-in and each member's extraction, by the same posting
 * function as `openPooling`.
 *
 * @module
 */
import { PoolingError } from "../../errors.js";
import { openingParams, postOpening } from "../../fund/openPooling.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { FEN_ZERO, type Fen, fenSum } from "../../money.js";
import { periodOf } from "../../period.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember } from "./postings.js";

/**
 * Opens the pool when the period is the opening's; refuses a closed pool after
 * it. Returns whether the pool is open after the step and the extractions due (by default owed, paid
 * after the period's flows: `settleOwed`).
 * @throws PoolingError `SCENARIO_STARTS_AFTER_OPENING` when the pool is still closed after its opening period.
 * @internal
 */
export function openPoolWhenDue(context: PeriodContext, poolOpen: boolean): { poolOpen: boolean; extractions: Fen } {
  const { period, writer, memberIds } = context;
  const opening = openingParams(context.policy);
  const openingPeriod = periodOf(opening.opening.value.dueDate);
  if (!poolOpen && period > openingPeriod) {
    throw new PoolingError("SCENARIO_STARTS_AFTER_OPENING", [...context.prefix, "period"], {
      en: `the pool should have opened in ${openingPeriod}`,
      zh: `统筹基金应于 ${openingPeriod} 建立`,
    });
  }
  if (poolOpen || period !== openingPeriod) return { poolOpen, extractions: FEN_ZERO };
  const openingMembers = memberIds.map((id) => ({
    id,
    priorYearBalance: memberOf(context, id).priorYearBalance,
    legacyFunds: memberOf(context, id).legacyFunds,
  }));
  // R5 (0.7): the extraction is an amount the member owes, paid after the period's flows from what its fund holds
  // (the rest stays owed, 应上解未上解); the 0.6 reading took it in full, into deficit.
  const owedMode = context.params.deficitCoverage.value.unpaidTransfers !== "subsidy";
  const extractions = postOpening(writer, opening, period, openingMembers, context.options.includeLegacyFunds, (member, amount, citation) => {
    if (owedMode) memberOf(context, member).owed.openingExtraction += amount;
    else debitMember(writer, period, member, ACCOUNTS.pool, amount, "openingExtraction", citation);
  });
  for (const id of memberIds) {
    const member = memberOf(context, id);
    const figures = figuresOf(context, id);
    figures.legacyFoldIn = member.legacyFunds;
    figures.extraction = extractions.get(id)!;
    member.legacyFunds = FEN_ZERO;
  }
  return { poolOpen: true, extractions: fenSum(extractions.values()) };
}
