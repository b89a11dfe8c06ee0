/**
 * How money enters and leaves a member's fund, split over its current and
 * carried parts (R8, R13).
 *
 * @module
 */
import { ACCOUNTS, carriedAccountOf, currentAccountOf } from "../../ledger/accounts.js";
import type { EntryKind, JournalWriter } from "../../ledger/journal.js";
import { type Dec, dmax, dmin, ZERO } from "../../money.js";
import type { Citation } from "../../policy/citation.js";

/** Credits a member from the pool: into the negative part of its current balance first, the rest to carried. @internal */
export function creditMemberFromPool(writer: JournalWriter, period: string, member: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const toCurrent = dmin(amount, dmax(ZERO, writer.balance(currentAccountOf(member)).neg()));
  writer.post(period, ACCOUNTS.pool, currentAccountOf(member), toCurrent, kind, citation, member);
  writer.post(period, ACCOUNTS.pool, carriedAccountOf(member), amount.minus(toCurrent), kind, citation, member);
}

/** Debits a member's fund: carried first (down to zero), then current, then carried again for any rest. @internal */
export function debitMember(writer: JournalWriter, period: string, member: string, to: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const fromCarried = dmin(amount, dmax(ZERO, writer.balance(carriedAccountOf(member))));
  const fromCurrent = dmin(amount.minus(fromCarried), dmax(ZERO, writer.balance(currentAccountOf(member))));
  writer.post(period, carriedAccountOf(member), to, fromCarried.plus(amount.minus(fromCarried).minus(fromCurrent)), kind, citation, member);
  writer.post(period, currentAccountOf(member), to, fromCurrent, kind, citation, member);
}

/** A member's total balance (current + carried). @internal */
export function memberBalance(writer: JournalWriter, member: string): Dec {
  return writer.balance(currentAccountOf(member)).plus(writer.balance(carriedAccountOf(member)));
}

/** A member's recorded deficit: max(0, −(current + carried)). @internal */
export function memberDeficit(writer: JournalWriter, member: string): Dec {
  return dmax(ZERO, memberBalance(writer, member).neg());
}
