/**
 * Balances as a fold over the journal, and the conservation checks (R13).
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { D, type Dec, type Fen, formatFen, formatMoney, ZERO } from "../money.js";
import { MoneyStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { ACCOUNTS, kindOf } from "./accounts.js";
import { type JournalEntry, JournalEntrySchema } from "./journal.js";

/** A journal as `foldJournal` and `checkConservation` accept it: entries, of which only `from`, `to` and `amount` are required. */
const JournalInputSchema = z.array(JournalEntrySchema.partial({ seq: true, period: true, kind: true, citation: true, member: true }));
const BalancesSchema = z.record(z.string(), MoneyStringSchema);

/** Folds journal entries into balances, as decimals. @internal */
export function foldToMap(journal: Iterable<Pick<JournalEntry, "from" | "to" | "amount">>): Map<string, Dec> {
  const balances = new Map<string, Dec>();
  for (const e of journal) {
    const amount = new D(e.amount);
    balances.set(e.from, (balances.get(e.from) ?? ZERO).minus(amount));
    balances.set(e.to, (balances.get(e.to) ?? ZERO).plus(amount));
  }
  return balances;
}

/** Formats a balance map as a plain object with sorted keys. @internal */
export function formatBalances(balances: ReadonlyMap<string, Dec>): Record<string, string> {
  const out: Record<string, string> = {};
  // defined, not assigned: an account named `__proto__` is an own key like any other
  for (const k of [...balances.keys()].sort())
    Object.defineProperty(out, k, { value: formatMoney(balances.get(k)!), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Formats a balance map in fen as a plain object with sorted keys. @internal */
export function formatFenBalances(balances: ReadonlyMap<string, Fen>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...balances.keys()].sort()) out[k] = formatFen(balances.get(k)!);
  return out;
}

/**
 * Balances of every account, folded from zero over the journal (R13): the
 * only way the library computes a balance it reports.
 *
 * @param journal - journal entries (`from`, `to`, `amount` are read)
 * @returns every account's balance, two-decimal strings keyed by account name
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT` for a malformed entry
 * @example
 * ```ts
 * foldJournal([{ from: "external:employers", to: "member:sip:current", amount: "10.00" }]);
 * // { "external:employers": "-10.00", "member:sip:current": "10.00" }
 * ```
 */
export function foldJournal(journal: readonly Pick<JournalEntry, "from" | "to" | "amount">[]): Record<string, string> {
  return formatBalances(foldToMap(parseInput(JournalInputSchema, journal, ["journal"])));
}

const money = MoneyStringSchema;

/** zod schema of the result of {@link checkConservation}. */
export const ConservationReportSchema = z
  .object({
    /** All checks hold. */
    ok: z.boolean(),
    /** Sum over all accounts, external ones included: always "0.00". */
    totalOfAllAccounts: money,
    /** Sum of the city-district funds (members and pool). */
    funds: money,
    /** Net income from outside into the funds (employers, other income, opening balances, the legacy funds' included), benefits excepted. */
    externalIn: money,
    /** Benefits paid out of the funds. */
    benefitsOut: money,
    /** Remittances to the provincial reserve. */
    provincialOut: money,
    /** Sum of the fiscal accounts (the clawbacks move only between them): always "0.00". */
    fiscalTotal: money,
    /** Entries with a non-positive or malformed amount (must be 0). */
    badEntries: z.number().int(),
    /** The reported balances equal the fold of the journal (when balances were given). */
    balancesMatchFold: z.boolean(),
    /** Descriptions of the checks that failed. */
    failures: z.array(z.string()),
  })
  .strict();
/** The result of {@link checkConservation}. */
export type ConservationReport = z.output<typeof ConservationReportSchema>;

/**
 * Checks the invariants of R13 on a journal: the sum of all accounts is zero;
 * the funds' total equals external income − benefits − provincial
 * remittances (nothing else enters or leaves them); the fiscal accounts sum to
 * zero on their own; every amount is positive; and, if `balances` are given,
 * they equal the fold of the journal.
 *
 * @param journal - the journal entries
 * @param balances - balances to check against the fold (optional)
 * @returns whether all accounts sum to zero, whether the fiscal accounts balance alone, and any reported balance that differs from the fold
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT` for malformed input
 * @example
 * ```ts
 * checkConservation(simulate(EXAMPLE_SCENARIO).journal).ok; // true
 * ```
 */
export function checkConservation(
  journal: readonly Pick<JournalEntry, "from" | "to" | "amount">[],
  balances?: Readonly<Record<string, string>>,
): ConservationReport {
  parseInput(JournalInputSchema, journal, ["journal"]);
  if (balances !== undefined) parseInput(BalancesSchema, balances, ["balances"]);
  return conservationOf(journal, balances);
}

/**
 * {@link checkConservation} on a journal the engine wrote itself (already
 * valid): without validating it again (the validation copied the
 * whole journal).
 * @internal
 */
export function conservationOf(
  journal: readonly Pick<JournalEntry, "from" | "to" | "amount">[],
  balances?: Readonly<Record<string, string>>,
): ConservationReport {
  const fold = new ConservationFold();
  fold.add(journal);
  return foldedConservation(fold, balances);
}

/** {@link conservationOf} of what a {@link ConservationFold} folded. @internal */
export function foldedConservation(fold: ConservationFold, balances?: Readonly<Record<string, string>>): ConservationReport {
  const report = fold.report(balances);
  // Every amount and balance the schemas admit is a two-decimal string: the fen check is the only one.
  if (report === undefined)
    throw new PoolingError("INTERNAL_INVARIANT", ["journal"], {
      en: "a journal amount or balance is not in two-decimal form",
      zh: "分录金额或余额不是两位小数形式",
    });
  return report;
}

const AMOUNT = /^\d+\.\d{2}$/;
const BALANCE = /^-?\d+\.\d{2}$/;
const fenOf = (s: string): Fen => BigInt(s.slice(0, -3) + s.slice(-2));

/**
 * The fold of R13's check, entry by entry (the one implementation of the check): {@link conservationOf} folds a whole journal with it, and a run that
 * keeps no journal folds each period's entries as they are written and drops them. `undefined` from `add` or
 * `report`: an amount or balance not in the two-decimal form.
 * @internal
 */
export class ConservationFold {
  private readonly folded = new Map<string, Fen>();
  private externalIn = 0n;
  private benefitsOut = 0n;
  private provincialOut = 0n;
  private other = 0n;
  private malformed = false;

  /** Folds entries in (in order). */
  add(journal: readonly Pick<JournalEntry, "from" | "to" | "amount">[]): void {
    for (const e of journal) {
      if (!AMOUNT.test(e.amount)) {
        this.malformed = true;
        return;
      }
      this.addPosting(e.from, e.to, fenOf(e.amount));
    }
  }

  /**
   * Folds in one posting of `amount` fen (> 0) from `from` to `to`: what {@link add} does for an entry, for a
   * writer that keeps no entries (a summary-only run).
   */
  addPosting(fromAccount: string, toAccount: string, amount: Fen): void {
    const folded = this.folded;
    folded.set(fromAccount, (folded.get(fromAccount) ?? 0n) - amount);
    folded.set(toAccount, (folded.get(toAccount) ?? 0n) + amount);
    const from = kindOf(fromAccount);
    const to = kindOf(toAccount);
    if (from === to) return;
    if (to === "fund") {
      if (from === "external") this.externalIn += amount;
      // a remittance restated down: the province returns the difference (a prior-period adjustment)
      else if (from === "province") this.provincialOut -= amount;
      else this.other += amount;
    } else if (from === "fund") {
      if (toAccount === ACCOUNTS.beneficiaries) this.benefitsOut += amount;
      else if (to === "external") this.externalIn -= amount;
      else if (to === "province") this.provincialOut += amount;
      else this.other -= amount;
    }
  }

  /** The check of what was folded, against `balances` when given. */
  report(balances?: Readonly<Record<string, string>>): ConservationReport | undefined {
    if (this.malformed) return undefined;
    const { folded, externalIn, benefitsOut, provincialOut, other } = this;
    if (balances !== undefined && !Object.values(balances).every((b) => BALANCE.test(b))) return undefined;
    let total = 0n;
    let funds = 0n;
    let fiscal = 0n;
    for (const [account, b] of folded) {
      total += b;
      const kind = kindOf(account);
      if (kind === "fund") funds += b;
      if (kind === "fiscal") fiscal += b;
    }
    const failures: string[] = [];
    if (total !== 0n) failures.push(`sum of all accounts is ${formatFen(total)}, not 0`);
    if (funds !== externalIn - benefitsOut - provincialOut) failures.push(`funds ${formatFen(funds)} ≠ external income − benefits − provincial remittances`);
    if (other !== 0n) failures.push(`funds moved to or from fiscal accounts: ${formatFen(other)}`);
    if (fiscal !== 0n) failures.push(`fiscal accounts sum to ${formatFen(fiscal)}, not 0`);
    let balancesMatchFold = true;
    if (balances) {
      const keys = new Set([...[...folded.keys()].sort(), ...Object.keys(balances)]);
      for (const k of keys) {
        const given = balances[k];
        if ((folded.get(k) ?? 0n) === (given === undefined ? 0n : fenOf(given))) continue;
        balancesMatchFold = false;
        failures.push(`balance of ${k} is ${given ?? "absent"}, the journal folds to ${formatFen(folded.get(k) ?? 0n)}`);
      }
    }
    return {
      ok: failures.length === 0,
      totalOfAllAccounts: formatFen(total),
      funds: formatFen(funds),
      externalIn: formatFen(externalIn),
      benefitsOut: formatFen(benefitsOut),
      provincialOut: formatFen(provincialOut),
      fiscalTotal: formatFen(fiscal),
      badEntries: 0,
      balancesMatchFold,
      failures,
    };
  }
}

// the validators are exported: nobody may change what they check
freezeSchemas(ConservationReportSchema);
