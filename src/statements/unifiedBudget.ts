/**
 * R12 (二（四）, 0.7): budgets in the unified lines, executed against the
 * unified final accounts (per fund and consolidated, the budgeted transfers
 * between the pool and the members eliminated), and the pool's own budget
 * (市区统筹基金预算) of grants, subsidies, deficit coverage, major-accident
 * benefits, extractions and top-ups, executed against a simulation.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { ACCOUNTS } from "../ledger/accounts.js";
import { type EntryKind, type JournalEntry, JournalEntrySchema } from "../ledger/journal.js";
import { D, type Dec, dsum, formatMoney, ZERO } from "../money.js";
import { yearOf } from "../period.js";
import { integerField, moneyField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { refuseReserved } from "../schema/names.js";
import { parseInput } from "../schema/parse.js";
import { type BudgetExecutionLine, executionLine } from "./budget.js";
import { UNIFIED_LINES, type UnifiedStatement, type UnifiedStatements } from "./unifiedLines.js";

const money = () => moneyField({ fen: true }).optional();

const LineShape = z.object({ code: z.string(), amount: z.string().nullable() }).loose();
const StatementShape = z.object({ entity: z.string(), income: z.array(LineShape), expenditure: z.array(LineShape) }).loose();
/** What {@link unifiedBudgetExecution} reads of `unifiedStatements`' result. */
const UnifiedStatementsShape = z.object({ year: z.number().int(), entities: z.array(StatementShape), consolidated: StatementShape }).loose();
const yearField = () => integerField("INVALID_DATE", "A fiscal year");

/** zod schema of a {@link UnifiedBudget}. */
export const UnifiedBudgetSchema = z
  .object({
    /** A member id, or `"pool"`. */
    member: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "a member id or `pool`")
      .superRefine(refuseReserved),
    year: yearField(),
    /** The budget by unified line code (`contributions`, `toHigherLevel`, …), yuan in whole fen; an absent line budgets nothing. */
    lines: z.object(Object.fromEntries(UNIFIED_LINES.map((l) => [l.code, money()])) as Record<string, ReturnType<typeof money>>).strict(),
  })
  .strict();

/** One fund's budget for a fiscal year in the unified lines (统一的社会保险基金预算编制格式). */
export type UnifiedBudget = z.input<typeof UnifiedBudgetSchema>;

/** One line of a unified budget's execution: `actual`, `variance` and `executionRate` are `null` for a line not given. */
export interface UnifiedExecutionLine {
  code: string;
  zh: string;
  side: "income" | "expenditure";
  budget: string;
  actual: string | null;
  variance: string | null;
  executionRate: string | null;
  clauses: readonly string[];
}

/** The result of {@link unifiedBudgetExecution}. */
export interface UnifiedBudgetExecution {
  year: number;
  /** Per budgeted fund, in budget order. */
  funds: { member: string; entity: string; lines: UnifiedExecutionLine[] }[];
  /** The city-district: the budgets summed, the pool's budgeted transfers with the members eliminated. */
  consolidated: UnifiedExecutionLine[];
  /** The budget eliminations: the pool's budgeted 补助下级支出 and 下级上解收入 against the members' lines. */
  eliminations: { expenditureLine: string; incomeLine: string; amount: string }[];
}

function execLine(code: string, budget: Dec, actualOf: (code: string) => string | null): UnifiedExecutionLine {
  const line = UNIFIED_LINES.find((l) => l.code === code)!;
  const actual = actualOf(code);
  const e = actual === null ? null : executionLine(code, budget, budget, new D(actual));
  return {
    code,
    zh: line.zh,
    side: line.side,
    budget: formatMoney(budget),
    actual,
    variance: e ? e.variance : null,
    executionRate: e ? e.executionRate : null,
    clauses: line.clauses,
  };
}

/** The actual of a line in a unified statement: its amount, `"0.00"` when left out at 0, `null` when not given. */
function actualIn(s: UnifiedStatement | undefined): (code: string) => string | null {
  return (code) => {
    const line = UNIFIED_LINES.find((l) => l.code === code)!;
    if (line.kinds === null) return null;
    const found = [...(s?.income ?? []), ...(s?.expenditure ?? [])].find((l) => l.code === code);
    return found?.amount ?? "0.00";
  };
}

/**
 * R12 (二（四）“统一的社会保险基金预决算编制格式”, “基金预算不得随意调整”; “市财政部门合并编报”): budgets in
 * the unified lines executed against the year's unified final accounts. Per budgeted fund and line (a line
 * budgeted or with an actual): budget, actual, variance and execution rate (4 decimals, half-up; `null` for a
 * 0 budget); a line the journal does not carry (利息收入, …) has actual `null`. Consolidated: the budgets
 * summed, then the pool's budgeted 补助下级支出 eliminated against the members' 上级补助收入 and its budgeted
 * 下级上解收入 against the members' 上解上级支出 (what is left of a transfer line is a budget the two sides do
 * not agree on), against the consolidated final account.
 *
 * @param statements - the year's unified final accounts (`unifiedStatements(journal, year, opening)`)
 * @param budgets - the unified budgets, one per fund and year (other years are checked and left out)
 * @returns per fund and consolidated: the execution lines; the budget eliminations
 * @throws PoolingError `INVALID_TYPE`, `MISSING_FIELD` (statements not of `unifiedStatements`), `DUPLICATE_ENTRY` (a fund's budget twice for the year), `MISSING_MEMBER` (a budget without a
 *   statement), and the field codes (`UNKNOWN_KEY` for a line code the format does not have, `AMOUNT_NOT_IN_FEN`, …)
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const u = unifiedStatements(sim.journal, 2021);
 * const e = unifiedBudgetExecution(u, [{ member: "pool", year: 2021, lines: { toLowerLevel: "80000000.00" } }]);
 * e.funds[0].lines.find((l) => l.code === "toLowerLevel")?.variance; // "-3245633.06"
 * ```
 */
export function unifiedBudgetExecution(statements: UnifiedStatements, budgets: readonly UnifiedBudget[]): UnifiedBudgetExecution {
  const given = parseInput(z.array(UnifiedBudgetSchema), budgets, ["budgets"]);
  parseInput(UnifiedStatementsShape, statements, ["statements"]);
  const year = statements.year;
  const seen = new Set<string>();
  const totals = new Map<string, Dec>();
  const funds: UnifiedBudgetExecution["funds"] = [];
  given.forEach((b, i) => {
    if (b.year !== year) return;
    if (seen.has(b.member)) throw new PoolingError("DUPLICATE_ENTRY", ["budgets", i, "member"], { en: `${b.member} ${year}`, zh: `${b.member} ${year}` });
    seen.add(b.member);
    const entity = b.member === "pool" ? ACCOUNTS.pool : `member:${b.member}`;
    const statement = statements.entities.find((s) => s.entity === entity);
    if (!statement) {
      throw new PoolingError("MISSING_MEMBER", ["budgets", i, "member"], {
        en: `no final account of ${entity} for ${year}`,
        zh: `缺少 ${entity} ${year} 年的决算`,
      });
    }
    const actual = actualIn(statement);
    const lines = UNIFIED_LINES.filter((l) => b.lines[l.code] !== undefined || (actual(l.code) ?? "0.00") !== "0.00").map((l) => {
      const budget = b.lines[l.code] ?? ZERO;
      totals.set(l.code, (totals.get(l.code) ?? ZERO).plus(budget));
      return execLine(l.code, budget, actual);
    });
    funds.push({ member: b.member, entity, lines });
  });
  const pool = given.find((b) => b.year === year && b.member === "pool");
  const eliminations = [
    { expenditureLine: "toLowerLevel", incomeLine: "fromHigherLevel", amount: pool?.lines.toLowerLevel ?? ZERO },
    { expenditureLine: "toHigherLevel", incomeLine: "fromLowerLevel", amount: pool?.lines.fromLowerLevel ?? ZERO },
  ].filter((e) => !e.amount.isZero());
  for (const e of eliminations) {
    totals.set(e.expenditureLine, (totals.get(e.expenditureLine) ?? ZERO).minus(e.amount));
    totals.set(e.incomeLine, (totals.get(e.incomeLine) ?? ZERO).minus(e.amount));
  }
  const actual = actualIn(statements.consolidated);
  const consolidated = UNIFIED_LINES.filter((l) => !(totals.get(l.code) ?? ZERO).isZero() || (actual(l.code) ?? "0.00") !== "0.00").map((l) =>
    execLine(l.code, totals.get(l.code) ?? ZERO, actual),
  );
  return { year, funds, consolidated, eliminations: eliminations.map((e) => ({ ...e, amount: formatMoney(e.amount) })) };
}

/** The pool budget's lines: each the journal kind it holds, its direction, its unified line and its clause. */
export const POOL_BUDGET_LINES = Object.freeze([
  { code: "openingExtraction", zh: "计提上解", kind: "openingExtraction", side: "income", unifiedLine: "fromLowerLevel", clause: "二（二）" },
  { code: "topUps", zh: "各地上划", kind: "topUp", side: "income", unifiedLine: "fromLowerLevel", clause: "二（二）" },
  { code: "majorAccidentBenefits", zh: "重大事故工伤保险待遇", kind: "majorAccidentBenefit", side: "expenditure", unifiedLine: "benefits", clause: "二（二）" },
  { code: "cutGapGrants", zh: "降费缺口弥补", kind: "cutGapGrant", side: "expenditure", unifiedLine: "toLowerLevel", clause: "二（三）" },
  { code: "subsidies", zh: "市区统筹基金补助", kind: "subsidy", side: "expenditure", unifiedLine: "toLowerLevel", clause: "二（三）" },
  { code: "deficitCoverage", zh: "弥补累计结余赤字", kind: "deficitCover", side: "expenditure", unifiedLine: "toLowerLevel", clause: "二（二）" },
] as const satisfies readonly { code: string; zh: string; kind: EntryKind; side: "income" | "expenditure"; unifiedLine: string; clause: string }[]);

/** zod schema of a {@link PoolBudget}. */
export const PoolBudgetSchema = z
  .object({
    year: yearField(),
    /** The budget by pool line (`topUps`, `subsidies`, …), yuan in whole fen; an absent line budgets nothing. */
    lines: z.object(Object.fromEntries(POOL_BUDGET_LINES.map((l) => [l.code, money()])) as Record<string, ReturnType<typeof money>>).strict(),
  })
  .strict();

/** The pool's budget for a fiscal year (市区统筹基金预算): its extractions, top-ups, and what it pays. */
export type PoolBudget = z.input<typeof PoolBudgetSchema>;

/** The result of {@link poolBudgetExecution}. */
export interface PoolBudgetExecution {
  year: number;
  /** Per pool line: budget, actual, variance, rate; with its unified line and clause. */
  lines: (BudgetExecutionLine & { zh: string; side: "income" | "expenditure"; unifiedLine: string; clause: string })[];
  /** The pool's balance: at the year's start, as budgeted at its end (opening + budgeted income − expenditure), at its end. */
  balance: { opening: string; budgetedClosing: string; closing: string };
}

const SimJournalSchema = z.object({ journal: z.array(JournalEntrySchema) }).loose();

/**
 * R12 (二（四）) for the pool (二（二）“市区统筹基金单独核算”): the pool's budget executed against a
 * simulation: per line (计提上解, 各地上划, 重大事故待遇, 降费缺口弥补, 补助, 弥补赤字; {@link POOL_BUDGET_LINES}) the
 * budget, the year's actual from the journal, the variance and the execution rate; and the pool's balance at
 * the year's start, as budgeted and at its end.
 *
 * @param sim - a result of `simulate` (its `journal` is read)
 * @param budget - `{ year, lines }`: the pool's budget
 * @returns the execution lines (every line, budgeted or not) and the balance
 * @throws PoolingError `INVALID_TYPE`, `UNKNOWN_KEY` (a line the pool budget does not have), `AMOUNT_NOT_IN_FEN`, `NEGATIVE_AMOUNT`
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const e = poolBudgetExecution(sim, { year: 2020, lines: { majorAccidentBenefits: "100000000.00" } });
 * e.lines.find((l) => l.category === "majorAccidentBenefits")?.variance; // "20000000.00"
 * ```
 */
export function poolBudgetExecution(sim: { readonly journal: readonly JournalEntry[] }, budget: PoolBudget): PoolBudgetExecution {
  const b = parseInput(PoolBudgetSchema, budget, ["budget"]);
  const { journal } = parseInput(SimJournalSchema, sim, ["sim"]);
  const year = b.year;
  let opening = ZERO;
  let closing = ZERO;
  const actual = new Map<string, Dec>();
  for (const e of journal) {
    const y = yearOf(e.period);
    if (y > year) continue;
    const delta = e.to === ACCOUNTS.pool ? new D(e.amount) : e.from === ACCOUNTS.pool ? new D(e.amount).neg() : ZERO;
    closing = closing.plus(delta);
    if (y < year) opening = opening.plus(delta);
    else actual.set(e.kind, (actual.get(e.kind) ?? ZERO).plus(delta.abs()));
  }
  const lines = POOL_BUDGET_LINES.map((l) => ({
    ...executionLine(l.code, b.lines[l.code] ?? ZERO, b.lines[l.code] ?? ZERO, actual.get(l.kind) ?? ZERO),
    zh: l.zh,
    side: l.side,
    unifiedLine: l.unifiedLine,
    clause: l.clause,
  }));
  const budgeted = (side: "income" | "expenditure") => dsum(POOL_BUDGET_LINES.filter((l) => l.side === side).map((l) => b.lines[l.code] ?? ZERO));
  return {
    year,
    lines,
    balance: {
      opening: formatMoney(opening),
      budgetedClosing: formatMoney(opening.plus(budgeted("income")).minus(budgeted("expenditure"))),
      closing: formatMoney(closing),
    },
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(UnifiedBudgetSchema, PoolBudgetSchema);
