/**
 * How money enters and leaves a member's fund, split over its current and
 * carried parts (R8, R13).
 *
 * @module
 */
import { ACCOUNTS, carriedAccountOf, currentAccountOf } from "../../ledger/accounts.js";
import type { EntryKind, JournalWriter } from "../../ledger/journal.js";
import { FEN_ZERO, type Fen, fenMax, fenMin } from "../../money.js";
import type { Citation } from "../../policy/citation.js";

/** Credits a member from the pool: into the negative part of its current balance first, the rest to carried. @internal */
export function creditMemberFromPool(writer: JournalWriter, period: string, member: string, amount: Fen, kind: EntryKind, citation: Citation): void {
  const toCurrent = fenMin(amount, fenMax(FEN_ZERO, -writer.balance(currentAccountOf(member))));
  writer.post(period, ACCOUNTS.pool, currentAccountOf(member), toCurrent, kind, citation, member);
  writer.post(period, ACCOUNTS.pool, carriedAccountOf(member), amount - toCurrent, kind, citation, member);
}

/**
 * Debits a member's fund as R8 orders every payment out of it: its current
 * surplus first (down to zero), then its carried balance; what neither can pay
 * is taken from the carried part, which goes negative (a recorded deficit).
 * @internal
 */
export function debitMember(writer: JournalWriter, period: string, member: string, to: string, amount: Fen, kind: EntryKind, citation: Citation): void {
  const fromCurrent = fenMin(amount, fenMax(FEN_ZERO, writer.balance(currentAccountOf(member))));
  writer.post(period, currentAccountOf(member), to, fromCurrent, kind, citation, member);
  writer.post(period, carriedAccountOf(member), to, amount - fromCurrent, kind, citation, member);
}

/** A member's total balance (current + carried). @internal */
export function memberBalance(writer: JournalWriter, member: string): Fen {
  return writer.balance(currentAccountOf(member)) + writer.balance(carriedAccountOf(member));
}

/** A member's recorded deficit: max(0, −(current + carried)). @internal */
export function memberDeficit(writer: JournalWriter, member: string): Fen {
  return fenMax(FEN_ZERO, -memberBalance(writer, member));
}
