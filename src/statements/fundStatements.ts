import * as z from "zod";
import { PoolingError } from "../errors.js";
import { kindOf } from "../ledger/accounts.js";
import { type JournalEntry, JournalEntrySchema } from "../ledger/journal.js";
import { D, type Dec, formatMoney, ZERO } from "../money.js";
import { monthOf, previousPeriod, yearOf } from "../period.js";
import { integerField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { type ScenarioOpening, ScenarioOpeningSchema } from "../settlement/schema.js";
import type { FundStatement } from "./consolidate.js";

const CATEGORY: Partial<Record<JournalEntry["kind"], string>> = {
  income: "contributions",
  benefit: "benefits",
  majorAccidentBenefit: "majorAccidentBenefits",
};

/**
 * The categories of a fund statement's income and expenditure (and of a budget's lines): contributions
 * (the levy), benefits, major-accident benefits (the pool's).
 *
 * @example
 * ```ts
 * STATEMENT_CATEGORIES.income; // ["contributions"]
 * ```
 */
export const STATEMENT_CATEGORIES = Object.freeze({
  income: Object.freeze(["contributions"] as const),
  expenditure: Object.freeze(["benefits", "majorAccidentBenefits"] as const),
});

/** Journal kinds from an external account that are transfers, not income: the legacy funds folded in (R5; a journal of 0.6, whose legacy funds came from outside). */
const TRANSFER_KINDS: ReadonlySet<string> = new Set(["legacyFoldIn"]);

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
 * transfers (extractions, top-ups, grants, subsidies, remittances, and the
 * legacy funds folded in at the opening, from the `legacy-funds` statement
 * of the old reserve and adjustment funds: fund money, a transfer, not
 * income) are listed with their counterparty. Given the scenario's opening data, the
 * pooling's first year is a full-year statement (R12, 0.5): its opening is the
 * prior year end (2019) and January to April (before pooling) is its own
 * `beforePooling` column, from the opening data. Feed the result to
 * {@link consolidate}.
 *
 * @param journal - a settlement's or simulation's journal
 * @param year - the fiscal year
 * @param opening - the scenario's opening data: for the full-year statement of the pooling's first year
 * @returns one statement per member fund and one for the pool, each balancing
 * @throws PoolingError `INVALID_TYPE`, `INVALID_AMOUNT` for a malformed journal or year; with `opening`, its
 *   field codes, `MISSING_FIELD` (no `yearToDateIncome`) and `STATEMENT_UNBALANCED` (year-to-date income less
 *   expenditure is not the `currentSurplus`)
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const city = consolidate(fundStatements(sim.journal, 2021));
 * city.eliminations.length > 0; // true: top-ups and grants between members and the pool
 * // 2020 as a full year: January to April from the opening data, the legacy funds a transfer in
 * fundStatements(sim.journal, 2020, EXAMPLE_SCENARIO.opening)[0].beforePooling?.to; // "2020-04"
 * ```
 */
export function fundStatements(journal: readonly JournalEntry[], year: number, opening?: ScenarioOpening): FundStatement[] {
  const entries = parseInput(z.array(JournalEntrySchema), journal, ["journal"]);
  const y = parseInput(integerField("INVALID_DATE", "A fiscal year"), year, ["year"]);
  const open = opening === undefined ? undefined : parseInput(ScenarioOpeningSchema, opening, ["opening"]);
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
      if (kindOf(e.from) === "external" && !TRANSFER_KINDS.has(e.kind)) add(get(to).income, category, amount);
      else get(to).tin.push({ from: e.from, amount: e.amount, kind: e.kind });
    } else if (from) {
      if (kindOf(e.to) === "external") add(get(from).expenditure, category, amount);
      else get(from).tout.push({ to: e.to, amount: e.amount, kind: e.kind });
    }
  }
  const fmt = (m: Map<string, Dec>) => Object.fromEntries([...m].map(([k, v]) => [k, formatMoney(v)]));
  const before = open !== undefined && yearOf(open.start) === y && monthOf(open.start) > 1 ? beforePoolingColumns(open) : undefined;
  return [...byEntity.keys()].sort().map((entity) => {
    const a = byEntity.get(entity)!;
    const b = before?.get(entity);
    return {
      entity,
      // In the pooling's first year the opening is the prior year end, and the months before pooling a column.
      opening: formatMoney(b ? b.priorYearBalance : a.opening),
      ...(b ? { beforePooling: b.column } : {}),
      income: fmt(a.income),
      expenditure: fmt(a.expenditure),
      transfersIn: a.tin,
      transfersOut: a.tout,
      closing: formatMoney(a.closing),
    };
  });
}

/**
 * R12 (0.5): each member's months before pooling (January to the month before the scenario's start) from
 * its opening data: `yearToDateIncome` as contributions, `yearToDateExpenditure` as benefits; they must
 * give its `currentSurplus` (else `STATEMENT_UNBALANCED`).
 */
function beforePoolingColumns(open: z.output<typeof ScenarioOpeningSchema>) {
  const year = yearOf(open.start);
  const to = previousPeriod(open.start);
  const out = new Map<string, { priorYearBalance: Dec; column: NonNullable<FundStatement["beforePooling"]> }>();
  for (const [id, m] of Object.entries(open.members)) {
    if (m.yearToDateIncome === undefined) throw new PoolingError("MISSING_FIELD", ["opening", "members", id, "yearToDateIncome"]);
    if (!m.yearToDateIncome.minus(m.yearToDateExpenditure).eq(m.currentSurplus)) {
      throw new PoolingError("STATEMENT_UNBALANCED", ["opening", "members", id, "currentSurplus"], {
        en: `yearToDateIncome − yearToDateExpenditure is ${formatMoney(m.yearToDateIncome.minus(m.yearToDateExpenditure))}, currentSurplus ${formatMoney(m.currentSurplus)}`,
        zh: `本年已收 − 本年已支为 ${formatMoney(m.yearToDateIncome.minus(m.yearToDateExpenditure))}，当期结余为 ${formatMoney(m.currentSurplus)}`,
      });
    }
    out.set(`member:${id}`, {
      priorYearBalance: m.priorYearBalance,
      column: {
        from: `${year}-01`,
        to,
        income: { contributions: formatMoney(m.yearToDateIncome) },
        expenditure: { benefits: formatMoney(m.yearToDateExpenditure) },
      },
    });
  }
  return out;
}
