import { z } from "zod";
import { kindOf } from "../ledger/accounts.js";
import { type JournalEntry, JournalEntrySchema } from "../ledger/journal.js";
import { D, type Dec, formatMoney, ZERO } from "../money.js";
import { yearOf } from "../period.js";
import { integerField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import type { FundStatement } from "./consolidate.js";

const CATEGORY: Partial<Record<JournalEntry["kind"], string>> = {
  income: "contributions",
  legacyFoldIn: "legacyFunds",
  benefit: "benefits",
  majorAccidentBenefit: "majorAccidentBenefits",
};

/** The fund entity of an account: `member:<id>` for both parts of a member's fund, `pool`; else null. */
function entityOf(account: string): string | null {
  if (kindOf(account) !== "fund") return null;
  if (account.startsWith("member:")) return account.slice(0, account.lastIndexOf(":"));
  return account;
}

/**
 * R12 (二（四））: each fund's statement for a fiscal year, built from the
 * journal: the members' funds (`member:<id>`, both parts together) and the
 * pool. Opening balances are the fold of earlier years plus any
 * `openingBalance` entries; income and expenditure are grouped by category;
 * transfers (extractions, top-ups, grants, subsidies, remittances) are listed
 * with their counterparty. Feed the result to {@link consolidate}.
 *
 * @param journal - a settlement's or simulation's journal
 * @param year - the fiscal year
 * @returns one statement per member fund and one for the pool, each balancing
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT` for a malformed journal or year
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const city = consolidate(fundStatements(sim.journal, 2021));
 * city.eliminations.length > 0; // true: top-ups and grants between members and the pool
 * ```
 */
export function fundStatements(journal: readonly JournalEntry[], year: number): FundStatement[] {
  const entries = parseInput(z.array(JournalEntrySchema), journal, ["journal"]);
  const y = parseInput(integerField("INVALID_DATE", "A fiscal year"), year, ["year"]);
  type Acc = {
    opening: Dec;
    closing: Dec;
    income: Map<string, Dec>;
    expenditure: Map<string, Dec>;
    tin: FundStatement["transfersIn"];
    tout: FundStatement["transfersOut"];
  };
  const byEntity = new Map<string, Acc>();
  const get = (e: string): Acc => {
    let a = byEntity.get(e);
    if (!a) {
      a = { opening: ZERO, closing: ZERO, income: new Map(), expenditure: new Map(), tin: [], tout: [] };
      byEntity.set(e, a);
    }
    return a;
  };
  const add = (m: Map<string, Dec>, k: string, v: Dec) => m.set(k, (m.get(k) ?? ZERO).plus(v));
  for (const e of entries) {
    const ey = yearOf(e.period);
    if (ey > y) continue;
    const amount = new D(e.amount);
    const from = entityOf(e.from);
    const to = entityOf(e.to);
    if (from === to) continue;
    if (from) get(from).closing = get(from).closing.minus(amount);
    if (to) get(to).closing = get(to).closing.plus(amount);
    if (ey < y || e.kind === "openingBalance") {
      if (from) get(from).opening = get(from).opening.minus(amount);
      if (to) get(to).opening = get(to).opening.plus(amount);
      continue;
    }
    const category = CATEGORY[e.kind] ?? e.kind;
    if (from && to) {
      get(from).tout.push({ to, amount: e.amount, kind: e.kind });
      get(to).tin.push({ from, amount: e.amount, kind: e.kind });
    } else if (to) {
      if (kindOf(e.from) === "external") add(get(to).income, category, amount);
      else get(to).tin.push({ from: e.from, amount: e.amount, kind: e.kind });
    } else if (from) {
      if (kindOf(e.to) === "external") add(get(from).expenditure, category, amount);
      else get(from).tout.push({ to: e.to, amount: e.amount, kind: e.kind });
    }
  }
  const fmt = (m: Map<string, Dec>) => Object.fromEntries([...m].map(([k, v]) => [k, formatMoney(v)]));
  return [...byEntity.keys()].sort().map((entity) => {
    const a = byEntity.get(entity)!;
    return {
      entity,
      opening: formatMoney(a.opening),
      income: fmt(a.income),
      expenditure: fmt(a.expenditure),
      transfersIn: a.tin,
      transfersOut: a.tout,
      closing: formatMoney(a.closing),
    };
  });
}
