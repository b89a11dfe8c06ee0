/**
 * R12 (二（四）“统一的社会保险基金预决算编制格式”, 0.7): the lines of the
 * unified budget and final-account format, as one data table, and each
 * fund's final-account statement in those lines, built from the fund
 * statements (per member, the pool, and consolidated with eliminations).
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import type { EntryKind, JournalEntry } from "../ledger/journal.js";
import { D, type Dec, dsum, formatMoney, ZERO } from "../money.js";
import type { ScenarioOpening } from "../settlement/schema.js";
import { consolidate, type FundStatement } from "./consolidate.js";
import { fundStatements } from "./fundStatements.js";

/** One line of the unified budget and final-account format. */
export interface UnifiedLine {
  /** A stable code (English, camelCase). */
  readonly code: string;
  readonly side: "income" | "expenditure";
  /** The line's name in the unified format. */
  readonly zh: string;
  readonly en: string;
  /**
   * The journal kinds whose postings the line holds on this side (an entity receiving for an income line, paying for
   * an expenditure line); `null`: a line the journal does not carry (shown as not given, never as 0).
   */
  readonly kinds: readonly EntryKind[] | null;
  /** The clauses the line rests on: the format's 二（四） and the clause of its flows. */
  readonly clauses: readonly string[];
}

/**
 * R12 (二（四）): the lines of the unified budget and final-account format (统一的社会保险基金预决算编制格式),
 * income then expenditure, and the journal kinds each holds. Lines with `kinds: null` (利息收入, 财政补贴收入,
 * 劳动能力鉴定费, 工伤预防费) are not carried by a scenario: statements show them as not given.
 *
 * @example
 * ```ts
 * UNIFIED_LINES.find((l) => l.code === "toLowerLevel")?.zh; // "补助下级支出"
 * ```
 */
export const UNIFIED_LINES: readonly UnifiedLine[] = Object.freeze(
  [
    { code: "contributions", side: "income", zh: "缴费收入", en: "Contributions", kinds: ["income"], clauses: ["二（四）", "二（一）"] },
    { code: "interest", side: "income", zh: "利息收入", en: "Interest", kinds: null, clauses: ["二（四）"] },
    { code: "fiscalSubsidy", side: "income", zh: "财政补贴收入", en: "Fiscal subsidies", kinds: null, clauses: ["二（四）"] },
    {
      code: "fromHigherLevel",
      side: "income",
      zh: "上级补助收入",
      en: "Grants and subsidies from the pool",
      kinds: ["cutGapGrant", "subsidy", "deficitCover"],
      clauses: ["二（四）", "二（二）", "二（三）"],
    },
    {
      code: "fromLowerLevel",
      side: "income",
      zh: "下级上解收入",
      en: "Extractions and top-ups from the members",
      kinds: ["openingExtraction", "topUp", "trueUpReturn"],
      clauses: ["二（四）", "二（二）"],
    },
    {
      code: "otherIncome",
      side: "income",
      zh: "其他收入",
      en: "Other income",
      kinds: ["legacyFoldIn", "priorPeriodAdjustment"],
      clauses: ["二（四）", "二（二）"],
    },
    {
      code: "benefits",
      side: "expenditure",
      zh: "工伤保险待遇支出",
      en: "Work-injury benefits",
      kinds: ["benefit", "majorAccidentBenefit"],
      clauses: ["二（四）", "二（二）"],
    },
    { code: "appraisalFees", side: "expenditure", zh: "劳动能力鉴定费", en: "Work-ability appraisal fees", kinds: null, clauses: ["二（四）"] },
    { code: "prevention", side: "expenditure", zh: "工伤预防费", en: "Work-injury prevention", kinds: null, clauses: ["二（四）"] },
    {
      code: "toLowerLevel",
      side: "expenditure",
      zh: "补助下级支出",
      en: "Grants and subsidies to the members",
      kinds: ["cutGapGrant", "subsidy", "deficitCover"],
      clauses: ["二（四）", "二（二）", "二（三）"],
    },
    {
      code: "toHigherLevel",
      side: "expenditure",
      zh: "上解上级支出",
      en: "Extractions, top-ups and provincial remittances",
      kinds: ["openingExtraction", "topUp", "trueUpReturn", "provincialRemittance"],
      clauses: ["二（四）", "二（二）"],
    },
    {
      code: "otherExpenditure",
      side: "expenditure",
      zh: "其他支出",
      en: "Other expenditure",
      kinds: ["legacyFoldIn", "priorPeriodAdjustment"],
      clauses: ["二（四）", "二（二）"],
    },
  ].map((l) =>
    Object.freeze({ ...l, kinds: l.kinds === null ? null : Object.freeze(l.kinds as EntryKind[]), clauses: Object.freeze(l.clauses) }),
  ) as UnifiedLine[],
);

/** The fund statements' own categories (not kinds) and their kinds. */
const CATEGORY_KIND: Record<string, EntryKind> = { contributions: "income", benefits: "benefit", majorAccidentBenefits: "majorAccidentBenefit" };

/** The line of a posting of `kind` on `side` (the kinds' own line, else the side's other line). @internal */
export function lineOf(kind: string, side: "income" | "expenditure"): UnifiedLine {
  const k = CATEGORY_KIND[kind] ?? kind;
  const line = UNIFIED_LINES.find((l) => l.side === side && l.kinds?.includes(k as EntryKind));
  return line ?? UNIFIED_LINES.find((l) => l.code === (side === "income" ? "otherIncome" : "otherExpenditure"))!;
}

/** One line of a unified statement: its amount, or `null` (not given: the journal does not carry it). */
export interface UnifiedStatementLine {
  code: string;
  zh: string;
  en: string;
  /** Two-decimal yuan for the full year (the months before pooling included), or `null`: not given. */
  amount: string | null;
  /** The months before pooling (the pooling's first year, with the opening data), when nonzero. */
  beforePooling?: string;
  clauses: readonly string[];
}

/** One entity's (or the city-district's) final account in the unified lines. */
export interface UnifiedStatement {
  /** `member:<id>`, `pool`, `legacy-funds`, or `city-district` for the consolidation. */
  entity: string;
  opening: string;
  /** The lines with an amount other than 0, and the lines not given (amount `null`); lines at 0 are left out. */
  income: UnifiedStatementLine[];
  expenditure: UnifiedStatementLine[];
  totalIncome: string;
  totalExpenditure: string;
  closing: string;
}

/** The result of {@link unifiedStatements}. */
export interface UnifiedStatements {
  year: number;
  /** Per fund (members, the pool, the legacy funds while they exist), in the fund statements' order. */
  entities: UnifiedStatement[];
  /** The city-district: the sums, the transfers between its funds eliminated. */
  consolidated: UnifiedStatement;
  /** Each elimination: the paying fund's expenditure line against the receiving fund's income line. */
  eliminations: { from: string; to: string; kind: string; amount: string; expenditureLine: string; incomeLine: string }[];
  /** What "not given" means. */
  notGiven: string;
}

const NOT_GIVEN =
  "null: the line is not carried by the scenario's journal (interest, fiscal subsidies, appraisal fees, prevention): not given, not 0; benefits hold every payout to beneficiaries";

function sideLines(side: "income" | "expenditure", amounts: Map<string, Dec>, before: Map<string, Dec>): UnifiedStatementLine[] {
  return UNIFIED_LINES.filter((l) => l.side === side).flatMap((l): UnifiedStatementLine[] => {
    const base = { code: l.code, zh: l.zh, en: l.en, clauses: l.clauses };
    if (l.kinds === null) return [{ ...base, amount: null }];
    const amount = amounts.get(l.code) ?? ZERO;
    if (amount.isZero()) return [];
    const b = before.get(l.code);
    return [{ ...base, amount: formatMoney(amount), ...(b && !b.isZero() ? { beforePooling: formatMoney(b) } : {}) }];
  });
}

type Flows = { income: Map<string, Dec>; expenditure: Map<string, Dec>; beforeIncome: Map<string, Dec>; beforeExpenditure: Map<string, Dec> };

function build(
  entity: string,
  opening: string,
  closing: string,
  external: { income: Record<string, unknown>; expenditure: Record<string, unknown> },
  tin: readonly { amount: unknown; kind: string }[],
  tout: readonly { amount: unknown; kind: string }[],
  before?: { income: Record<string, unknown>; expenditure: Record<string, unknown> },
): UnifiedStatement {
  const f: Flows = { income: new Map(), expenditure: new Map(), beforeIncome: new Map(), beforeExpenditure: new Map() };
  const add = (m: Map<string, Dec>, code: string, v: unknown) => m.set(code, (m.get(code) ?? ZERO).plus(new D(String(v))));
  for (const [k, v] of Object.entries(external.income)) add(f.income, lineOf(k, "income").code, v);
  for (const [k, v] of Object.entries(external.expenditure)) add(f.expenditure, lineOf(k, "expenditure").code, v);
  for (const t of tin) add(f.income, lineOf(t.kind, "income").code, t.amount);
  for (const t of tout) add(f.expenditure, lineOf(t.kind, "expenditure").code, t.amount);
  for (const [k, v] of Object.entries(before?.income ?? {})) {
    add(f.income, lineOf(k, "income").code, v);
    add(f.beforeIncome, lineOf(k, "income").code, v);
  }
  for (const [k, v] of Object.entries(before?.expenditure ?? {})) {
    add(f.expenditure, lineOf(k, "expenditure").code, v);
    add(f.beforeExpenditure, lineOf(k, "expenditure").code, v);
  }
  const totalIncome = dsum(f.income.values());
  const totalExpenditure = dsum(f.expenditure.values());
  // every posting is on a line: opening + income − expenditure is the closing
  if (!new D(opening).plus(totalIncome).minus(totalExpenditure).eq(new D(closing))) {
    throw new PoolingError("INTERNAL_INVARIANT", [], {
      en: `internal: ${entity}'s unified lines do not balance`,
      zh: `内部错误：${entity} 的统一格式报表不平衡`,
    });
  }
  return {
    entity,
    opening: formatMoney(new D(opening)),
    income: sideLines("income", f.income, f.beforeIncome),
    expenditure: sideLines("expenditure", f.expenditure, f.beforeExpenditure),
    totalIncome: formatMoney(totalIncome),
    totalExpenditure: formatMoney(totalExpenditure),
    closing: formatMoney(new D(closing)),
  };
}

/**
 * R12 (二（四）“统一的社会保险基金预决算编制格式”; “市财政部门合并编报市区工伤保险基金预决算报表”): a
 * fiscal year's final accounts in the unified lines ({@link UNIFIED_LINES}), per fund and for the
 * city-district. Built from `fundStatements` (with the opening data, the pooling's first year is the full
 * year) and `consolidate`: a fund's transfers are lines (the pool's grants and subsidies its 补助下级支出,
 * a member's 上级补助收入; a member's extraction, top-up and provincial remittance its 上解上级支出, the
 * pool's 下级上解收入; the legacy funds folded in 其他收入 / 其他支出); in the consolidation each transfer
 * between two of its funds is eliminated (listed with both lines), the provincial remittance stays. A line the
 * journal does not carry is listed with amount `null` (not given), a line at 0 is left out.
 *
 * @param journal - a simulation's (or settlement's) journal
 * @param year - the fiscal year
 * @param opening - the scenario's opening data (the pooling's first year as a full year)
 * @returns per fund and consolidated: opening, income and expenditure lines, totals, closing; the eliminations
 * @throws PoolingError the codes of `fundStatements` (`INVALID_TYPE`, `STATEMENT_UNBALANCED`, …) and `consolidate` (`TRANSFER_MISMATCH`)
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const u = unifiedStatements(sim.journal, 2021);
 * u.entities.find((s) => s.entity === "pool")?.expenditure.find((l) => l.code === "toLowerLevel")?.amount; // "76754366.94"
 * ```
 */
export function unifiedStatements(journal: readonly JournalEntry[], year: number, opening?: ScenarioOpening): UnifiedStatements {
  const statements = fundStatements(journal, year, opening);
  // a fund with nothing in the year (the legacy funds after their fold-in) files no statement
  const entities = statements
    .map((s) => fromFundStatement(s))
    .filter((s) => !(s.opening === "0.00" && s.closing === "0.00" && s.totalIncome === "0.00" && s.totalExpenditure === "0.00"));
  const c = consolidate(statements);
  const consolidated = build("city-district", c.opening, c.closing, c, c.transfersIn, c.transfersOut, c.beforePooling);
  return {
    year,
    entities,
    consolidated,
    eliminations: c.eliminations.map((e) => ({ ...e, expenditureLine: lineOf(e.kind, "expenditure").code, incomeLine: lineOf(e.kind, "income").code })),
    notGiven: NOT_GIVEN,
  };
}

function fromFundStatement(s: FundStatement): UnifiedStatement {
  return build(
    s.entity,
    String(s.opening),
    String(s.closing),
    s,
    s.transfersIn.map((t) => ({ amount: t.amount, kind: t.kind })),
    s.transfersOut.map((t) => ({ amount: t.amount, kind: t.kind })),
    s.beforePooling,
  );
}
