/**
 * R12 (二（四）, 0.5): budgets (预算), their approved adjustments (预算调整)
 * and their execution (预算执行) against the final accounts (决算).
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import type { JournalEntry } from "../ledger/journal.js";
import { D, type Dec, dsum, formatMoney, ZERO } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import type { ScenarioOpening } from "../settlement/schema.js";
import {
  type Budget,
  type BudgetAdjustment,
  BudgetAdjustmentSchema,
  type BudgetExecution,
  type BudgetExecutionLine,
  BudgetSchema,
  type BudgetsAndAdjustments,
  BudgetsAndAdjustmentsSchema,
  type EntityBudgetExecution,
  type FinalAccounts,
  FinalAccountsSchema,
  yearField,
} from "./budgetSchema.js";
import { fundStatements, STATEMENT_CATEGORIES } from "./fundStatements.js";

export {
  type Budget,
  type BudgetAdjustment,
  BudgetAdjustmentSchema,
  type BudgetExecution,
  type BudgetExecutionInput,
  BudgetExecutionInputSchema,
  type BudgetExecutionLine,
  BudgetExecutionSchema,
  BudgetSchema,
  type BudgetsAndAdjustments,
  BudgetsAndAdjustmentsSchema,
  type EntityBudgetExecution,
  type FinalAccounts,
  FinalAccountsSchema,
} from "./budgetSchema.js";

const ROUNDING = "executionRate = actual ÷ adjusted, rounded half-up to 4 decimals; null when the adjusted budget is 0";

/** One execution line: budget, adjusted, actual, variance and the rate (the R12 rounding point). @internal */
export function executionLine(category: string, budget: Dec, adjusted: Dec, actual: Dec): BudgetExecutionLine {
  return {
    category,
    budget: formatMoney(budget),
    adjusted: formatMoney(adjusted),
    actual: formatMoney(actual),
    variance: formatMoney(actual.minus(adjusted)),
    // R12 rounding point: the execution rate, to 4 decimals, half-up.
    executionRate: adjusted.isZero() ? null : actual.div(adjusted).toDecimalPlaces(4, D.ROUND_HALF_UP).toFixed(4),
  };
}

const entityOf = (member: string) => (member === "pool" ? "pool" : `member:${member}`);

/**
 * R12 (二（四）“基金预算不得随意调整，确需调整，需按有关规定报批”; “预决算”): a
 * fiscal year's budget execution. Per member (and the pool) and category:
 * the budget, the budget adjusted by its approved adjustments, the actual
 * figure of the final accounts (the full year, the months before pooling
 * included), the variance `actual − adjusted` and the execution rate (执行率)
 * `actual ÷ adjusted`, rounded half-up to 4 decimals (`null` when the adjusted
 * budget is 0); and the city-district's consolidated lines, their sums. An
 * adjustment without an approval reference is `BUDGET_ADJUSTMENT_UNAPPROVED`;
 * budgets and adjustments of other years are checked and left out.
 *
 * @param budget - the budgets, one per member (or `"pool"`) and year
 * @param adjustments - the approved adjustments (`{ member, year, changes, approval: { ref, date } }`)
 * @param finalAccounts - `{ year, statements }`: the year's fund statements (`fundStatements(journal, year, opening)`)
 * @param policy - the policy (its budget clauses are cited; default `SUZHOU_2020`)
 * @returns per member and category: budget, adjusted, actual, variance, executionRate; consolidated; the rounding rule
 * @throws PoolingError `BUDGET_ADJUSTMENT_UNAPPROVED`, `BUDGET_ADJUSTMENT_OUT_OF_YEAR` (approved outside its budget year), `DUPLICATE_ENTRY` (a member's budget twice for the year),
 *   `MISSING_FIELD` (an adjustment without a budget to adjust), `MISSING_MEMBER` (a budget without a statement),
 *   `NEGATIVE_AMOUNT` (an adjusted line below 0), `POLICY_NOT_IN_FORCE` (a year outside the policy), and the
 *   field codes (`UNKNOWN_KEY` for a category the statements do not have, `AMOUNT_NOT_IN_FEN`, …)
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const statements = fundStatements(sim.journal, 2021);
 * const exec = budgetExecution(
 *   [{ member: "wujiang", year: 2021, income: { contributions: "150000000.00" }, expenditure: { benefits: "190000000.00" } }],
 *   [{ member: "wujiang", year: 2021, changes: { expenditure: { benefits: "10000000.00" } }, approval: { ref: "吴财社〔2021〕12号", date: "2021-09-15" } }],
 *   { year: 2021, statements },
 * );
 * exec.members[0].expenditure[0].adjusted; // "200000000.00"
 * ```
 */
export function budgetExecution(
  budget: readonly Budget[],
  adjustments: readonly BudgetAdjustment[],
  finalAccounts: FinalAccounts,
  policy?: Policy,
): BudgetExecution {
  const p = resolvePolicy(policy);
  const budgets = parseInput(z.array(BudgetSchema), budget, ["budget"]);
  const adjs = parseInput(z.array(BudgetAdjustmentSchema), adjustments, ["adjustments"]);
  const accounts = parseInput(FinalAccountsSchema, finalAccounts, ["finalAccounts"]);
  adjs.forEach((a, i) => {
    if (a.approval === undefined || a.approval.ref === undefined || a.approval.ref.trim() === "") {
      throw new PoolingError("BUDGET_ADJUSTMENT_UNAPPROVED", ["adjustments", i, "approval", ...(a.approval ? ["ref"] : [])], {
        en: `${a.member} ${a.year}: no approval reference`,
        zh: `${a.member} ${a.year} 年预算调整没有报批文号`,
      });
    }
    // 二（四） (0.7): an adjustment changes the year's budget while it runs: approved within the year.
    if (Number(a.approval.date.slice(0, 4)) !== a.year) {
      throw new PoolingError("BUDGET_ADJUSTMENT_OUT_OF_YEAR", ["adjustments", i, "approval", "date"], {
        en: `${a.member}: an adjustment of the ${a.year} budget approved on ${a.approval.date}`,
        zh: `${a.member}：${a.year} 年预算的调整于 ${a.approval.date} 报批，不在预算年度内`,
      });
    }
  });
  const year = accounts.year;
  const byEntity = new Map<string, (typeof accounts.statements)[number]>();
  for (const s of accounts.statements) byEntity.set(s.entity, s);
  const seen = new Set<string>();
  const members: EntityBudgetExecution[] = [];
  const totals = { income: new Map<string, Dec[]>(), expenditure: new Map<string, Dec[]>() };
  budgets.forEach((b, i) => {
    if (b.year !== year) return;
    if (seen.has(b.member)) throw new PoolingError("DUPLICATE_ENTRY", ["budget", i, "member"], { en: `${b.member} ${year}`, zh: `${b.member} ${year}` });
    seen.add(b.member);
    const entity = entityOf(b.member);
    const statement = byEntity.get(entity);
    if (!statement) {
      throw new PoolingError("MISSING_MEMBER", ["finalAccounts", "statements"], {
        en: `no statement of ${entity} for ${year}`,
        zh: `缺少 ${entity} ${year} 年的决算报表`,
      });
    }
    const mine = adjs.map((a, j) => ({ a, j })).filter(({ a }) => a.member === b.member && a.year === year);
    const side = (kind: "income" | "expenditure"): BudgetExecutionLine[] => {
      const actualOf = (c: string) => {
        const main = statement[kind][c] ?? ZERO;
        const before = statement.beforePooling?.[kind][c] ?? ZERO;
        return main.plus(before);
      };
      const categories = STATEMENT_CATEGORIES[kind].filter(
        (c) => b[kind][c] !== undefined || statement[kind][c] !== undefined || statement.beforePooling?.[kind][c] !== undefined,
      );
      return categories.map((c) => {
        const base = b[kind][c] ?? ZERO;
        const adjusted = base.plus(dsum(mine.map(({ a }) => a.changes[kind]?.[c] ?? ZERO)));
        if (adjusted.isNegative() && !adjusted.isZero()) {
          throw new PoolingError("NEGATIVE_AMOUNT", ["adjustments", mine.at(-1)!.j, "changes", kind, c], {
            en: `${b.member} ${year} ${kind} ${c}: adjusted to ${formatMoney(adjusted)}`,
            zh: `${b.member} ${year} 年 ${c} 调整后为 ${formatMoney(adjusted)}`,
          });
        }
        const actual = actualOf(c);
        const t = totals[kind].get(c) ?? [ZERO, ZERO, ZERO];
        totals[kind].set(c, [t[0]!.plus(base), t[1]!.plus(adjusted), t[2]!.plus(actual)]);
        return executionLine(c, base, adjusted, actual);
      });
    };
    members.push({
      member: b.member,
      entity,
      income: side("income"),
      expenditure: side("expenditure"),
      adjustments: mine.map(({ a }) => ({ ref: a.approval!.ref!, date: a.approval!.date })),
    });
  });
  adjs.forEach((a, i) => {
    if (a.year === year && !seen.has(a.member)) {
      throw new PoolingError("MISSING_FIELD", ["adjustments", i, "member"], {
        en: `no budget of ${a.member} for ${year} to adjust`,
        zh: `没有 ${a.member} ${year} 年的预算可供调整`,
      });
    }
  });
  const consolidatedSide = (kind: "income" | "expenditure") =>
    STATEMENT_CATEGORIES[kind]
      .filter((c) => totals[kind].has(c))
      .map((c) => {
        const [b, adj, act] = totals[kind].get(c)!;
        return executionLine(c, b!, adj!, act!);
      });
  const clauses = paramFor(p, "clauses", `${year}-12`).value;
  return {
    year,
    members,
    consolidated: { income: consolidatedSide("income"), expenditure: consolidatedSide("expenditure") },
    // an entity with neither income nor expenditure (the old reserve and adjustment funds, only folded in) needs no budget
    withoutBudget: accounts.statements
      .filter((s) => Object.keys(s.income).length + Object.keys(s.expenditure).length > 0 || s.beforePooling !== undefined)
      .map((s) => s.entity)
      .filter((e) => !members.some((m) => m.entity === e)),
    rounding: ROUNDING,
    citations: [clauses.budget, clauses.consolidation],
  };
}

/** What {@link simulationBudgetExecution} reads of a simulation: its years (the journal is checked by `fundStatements`). */
const SimulationYearsSchema = z.object({ journal: z.array(z.unknown()), years: z.array(z.object({ year: yearField() }).loose()) }).loose();

/**
 * R12 (二（四）): the budget execution of every year of a simulation that has a
 * budget: for each such year, {@link budgetExecution} against the year's fund
 * statements (`fundStatements(sim.journal, year, opening)`: with the scenario's
 * opening data, the pooling's first year is the full year). The one place the
 * demo, the CLI (`simulate --budget FILE`) and the report get their budget
 * execution from: they print it, they do not recompute it.
 *
 * @param sim - a result of `simulate` (its `journal` and `years` are read)
 * @param budgets - `{ budget, adjustments }`: the budgets and their approved adjustments (e.g. `EXAMPLE_BUDGET`)
 * @param opening - the scenario's opening data (for the full-year statement of the pooling's first year)
 * @param policy - the policy (default `SUZHOU_2020`)
 * @returns one execution per simulated year that has a budget, in year order (none without budgets)
 * @throws PoolingError the codes of {@link budgetExecution} (`BUDGET_ADJUSTMENT_UNAPPROVED`, `MISSING_MEMBER`, …)
 *   and of `fundStatements`; `UNKNOWN_KEY`, `INVALID_TYPE` or `MISSING_FIELD` for a malformed `budgets` or `sim`
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const years = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
 * years.map((e) => e.year); // [2020, 2021, 2022]
 * ```
 */
export function simulationBudgetExecution(
  sim: { readonly journal: readonly JournalEntry[]; readonly years: readonly { readonly year: number }[] },
  budgets: BudgetsAndAdjustments,
  opening?: ScenarioOpening,
  policy?: Policy,
): BudgetExecution[] {
  const given = parseInput(BudgetsAndAdjustmentsSchema, budgets, ["budgets"]);
  const { years } = parseInput(SimulationYearsSchema, sim, ["sim"]);
  const budgeted = new Set(given.budget.map((b) => b.year));
  return years
    .filter((y) => budgeted.has(y.year))
    .map((y) => budgetExecution(budgets.budget, budgets.adjustments, { year: y.year, statements: fundStatements(sim.journal, y.year, opening) }, policy));
}
