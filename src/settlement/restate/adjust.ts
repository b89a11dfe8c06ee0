/**
 * Prior-period adjustments (以前期间调整): the difference between the books
 * and the replay on corrected figures, account by account, posted as entries
 * of their own kind in the period the restatement became known, each tagged
 * with the settled period it corrects.
 *
 * @module
 */
import { kindOf } from "../../ledger/accounts.js";
import type { JournalWriter } from "../../ledger/journal.js";
import type { Fen } from "../../money.js";
import type { Citation } from "../../policy/citation.js";

/** One account's change of balance that an adjustment carries (signed, fen). @internal */
export interface AccountDelta {
  account: string;
  amount: Fen;
}

/**
 * The change of each account's balance over one replayed period: the replay's
 * movement minus the books' (`(newAfter − newBefore) − (oldAfter − oldBefore)`),
 * non-zero ones only, sorted by account.
 * @internal
 */
export function periodDeltas(
  oldBefore: ReadonlyMap<string, Fen>,
  oldAfter: ReadonlyMap<string, Fen>,
  newBefore: ReadonlyMap<string, Fen>,
  newAfter: ReadonlyMap<string, Fen>,
): AccountDelta[] {
  const accounts = new Set([...oldBefore.keys(), ...oldAfter.keys(), ...newBefore.keys(), ...newAfter.keys()]);
  const at = (m: ReadonlyMap<string, Fen>, a: string) => m.get(a) ?? 0n;
  const out: AccountDelta[] = [];
  for (const account of [...accounts].sort()) {
    const amount = at(newAfter, account) - at(newBefore, account) - (at(oldAfter, account) - at(oldBefore, account));
    if (amount !== 0n) out.push({ account, amount });
  }
  return out;
}

/** The member an account belongs to (its fund or its government), if any. */
function memberOfAccount(account: string): string | undefined {
  if (account.startsWith("member:")) return account.slice(7, account.lastIndexOf(":"));
  if (account.startsWith("fiscal:") && account !== "fiscal:city") return account.slice(7);
  return undefined;
}

/**
 * Posts the deltas of one corrected period as entries: within the fiscal
 * accounts (the 20% moves only between governments) and within the others
 * (funds, province, outside world) separately, each group summing to zero,
 * the accounts that lose paired with those that gain in account order.
 * @internal
 */
export function postAdjustments(writer: JournalWriter, knownIn: string, corrects: string, deltas: readonly AccountDelta[], citation: Citation): void {
  const fiscal = deltas.filter((d) => kindOf(d.account) === "fiscal");
  const other = deltas.filter((d) => kindOf(d.account) !== "fiscal");
  for (const group of [other, fiscal]) {
    const losing = group.filter((d) => d.amount < 0n).map((d) => ({ account: d.account, left: -d.amount }));
    const gaining = group.filter((d) => d.amount > 0n).map((d) => ({ account: d.account, left: d.amount }));
    let i = 0;
    let j = 0;
    while (i < losing.length && j < gaining.length) {
      const from = losing[i]!;
      const to = gaining[j]!;
      const amount = [from.left, to.left].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))[0]!;
      writer.post(
        knownIn,
        from.account,
        to.account,
        amount,
        "priorPeriodAdjustment",
        citation,
        memberOfAccount(to.account) ?? memberOfAccount(from.account),
        corrects,
      );
      from.left -= amount;
      to.left -= amount;
      if (from.left === 0n) i++;
      if (to.left === 0n) j++;
    }
  }
}
