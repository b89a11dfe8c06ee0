/**
 * A step of a period (R5, R6, R7; 0.7): what a member owes from earlier
 * periods (应上解未上解: an opening extraction or provincial remittance its
 * fund could not pay, its share of a top-up it could not pay) is paid first
 * from its later surpluses (the period's own, after its benefits, included),
 * before the period's top-up is tested.
 *
 * @module
 */
import { ACCOUNTS } from "../../ledger/accounts.js";
import type { EntryKind } from "../../ledger/journal.js";
import { FEN_ZERO, type Fen, fenMax, fenMin } from "../../money.js";
import type { Citation } from "../../policy/citation.js";
import { OWED_KINDS, type OwedAmounts } from "../state.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember, memberBalance } from "./postings.js";

/** The account, journal kind and clause of a kind of amount owed. */
function owedPosting(context: PeriodContext, kind: keyof OwedAmounts): { to: string; entry: EntryKind; citation: Citation } {
  const { params } = context;
  switch (kind) {
    case "provincialRemittance":
      return { to: ACCOUNTS.provinceReserve, entry: "provincialRemittance", citation: params.provincialReserve.citation };
    case "openingExtraction":
      return { to: ACCOUNTS.pool, entry: "openingExtraction", citation: params.opening.citation };
    case "topUp":
      return { to: ACCOUNTS.pool, entry: "topUp", citation: params.clauses.value.topUp };
  }
}

/**
 * Each member's amounts owed, paid from what its fund holds (never pushing it
 * below zero), the earliest due first. A provincial remittance paid after the
 * due month is flagged overdue. Returns what the pool received.
 * @internal
 */
export function settleOwed(context: PeriodContext): Fen {
  const { writer, period } = context;
  const dueMonth = Number(context.params.provincialReserve.value.dueMonthDay.slice(0, 2));
  let toPool = FEN_ZERO;
  for (const id of context.memberIds) {
    const owed = memberOf(context, id).owed;
    const figures = figuresOf(context, id);
    let paidInAll = FEN_ZERO;
    for (const kind of OWED_KINDS) {
      const due = owed[kind];
      if (!(due > FEN_ZERO)) continue;
      const paid = fenMin(due, fenMax(FEN_ZERO, memberBalance(writer, id)));
      if (!(paid > FEN_ZERO)) break;
      const { to, entry, citation } = owedPosting(context, kind);
      debitMember(writer, period, id, to, paid, entry, citation);
      owed[kind] -= paid;
      paidInAll += paid;
      if (to === ACCOUNTS.pool) toPool += paid;
      if (kind === "provincialRemittance" && context.month > dueMonth) figures.remittanceOverdue = true;
    }
    // this period's own remittance and extraction, the latest due, are the last paid: what stays owed of them
    if (context.params.deficitCoverage.value.unpaidTransfers !== "subsidy") {
      figures.provincialRemittanceOwed = fenMin(figures.provincialRemittance, owed.provincialRemittance);
      figures.extractionOwed = fenMin(figures.extraction, owed.openingExtraction);
    }
    const paidOfThisPeriod = figures.provincialRemittance - figures.provincialRemittanceOwed + figures.extraction - figures.extractionOwed;
    figures.owedSettled = fenMax(FEN_ZERO, paidInAll - (context.params.deficitCoverage.value.unpaidTransfers === "subsidy" ? FEN_ZERO : paidOfThisPeriod));
  }
  return toPool;
}

/** A member's amounts owed, in all. @internal */
export function owedTotal(owed: OwedAmounts): Fen {
  return owed.provincialRemittance + owed.openingExtraction + owed.topUp;
}
