/**
 * How money enters and leaves a member's fund, split over its current and
 * carried parts (R8, R13).
 *
 * @module
 */
import { ACCOUNTS, carriedAccount, currentAccount } from "../../ledger/accounts.js";
import type { EntryKind, JournalWriter } from "../../ledger/journal.js";
import { type Dec, dmax, dmin, ZERO } from "../../money.js";
import type { Citation } from "../../policy/citation.js";

/** Credits a member from the pool: into the negative part of its current balance first, the rest to carried. @internal */
export function creditMemberFromPool(writer: JournalWriter, period: string, member: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const toCurrent = dmin(amount, dmax(ZERO, writer.balance(currentAccount(member)).neg()));
  writer.post(period, ACCOUNTS.pool, currentAccount(member), toCurrent, kind, citation, member);
  writer.post(period, ACCOUNTS.pool, carriedAccount(member), amount.minus(toCurrent), kind, citation, member);
}

/** Debits a member's fund: carried first (down to zero), then current, then carried again for any rest. @internal */
export function debitMember(writer: JournalWriter, period: string, member: string, to: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const fromCarried = dmin(amount, dmax(ZERO, writer.balance(carriedAccount(member))));
  const fromCurrent = dmin(amount.minus(fromCarried), dmax(ZERO, writer.balance(currentAccount(member))));
  writer.post(period, carriedAccount(member), to, fromCarried.plus(amount.minus(fromCarried).minus(fromCurrent)), kind, citation, member);
  writer.post(period, currentAccount(member), to, fromCurrent, kind, citation, member);
}

/** A member's total balance (current + carried). @internal */
export function memberBalance(writer: JournalWriter, member: string): Dec {
  return writer.balance(currentAccount(member)).plus(writer.balance(carriedAccount(member)));
}

/** A member's recorded deficit: max(0, −(current + carried)). @internal */
export function memberDeficit(writer: JournalWriter, member: string): Dec {
  return dmax(ZERO, memberBalance(writer, member).neg());
}
