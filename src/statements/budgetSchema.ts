/**
 * R12 (二（四）): the records of budgets: a budget (预算), an approved
 * adjustment (预算调整), the final accounts (决算) and the execution
 * (预算执行) `budgetExecution` returns, each a strict schema and its type.
 *
 * @module
 */
import * as z from "zod";
import type { Citation } from "../policy/citation.js";
import { CitationSchema } from "../policy/citation.js";
import { dateField, integerField, MoneyStringSchema, moneyField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { refuseReserved } from "../schema/names.js";
import { FundStatementSchema } from "./consolidate.js";
import { STATEMENT_CATEGORIES } from "./fundStatements.js";

/** A budget's lines in the statements' categories (an absent line budgets nothing). */
function lines(categories: readonly string[], signed: boolean) {
  const money = () => moneyField({ fen: true, allowNegative: signed });
  return z.object(Object.fromEntries(categories.map((c) => [c, money().optional()])) as Record<string, ReturnType<typeof money>>).strict();
}

const memberField = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "a member id or `pool`")
    .superRefine(refuseReserved);
/** A fiscal year. @internal */
export const yearField = () => integerField("INVALID_DATE", "A fiscal year");

/** zod schema of a {@link Budget}: one member's (or the pool's) budget for one fiscal year. */
export const BudgetSchema = z
  .object({
    /** A member id of the policy, or `"pool"` (the city-district pooling fund). */
    member: memberField(),
    /** The fiscal year (calendar year). */
    year: yearField(),
    /** Income by category, yuan in whole fen (the statements' categories: `contributions`). */
    income: lines(STATEMENT_CATEGORIES.income, false),
    /** Expenditure by category, yuan in whole fen (`benefits`, `majorAccidentBenefits`). */
    expenditure: lines(STATEMENT_CATEGORIES.expenditure, false),
  })
  .strict();

/** One member's (or the pool's) budget for one fiscal year (预算), by the statements' categories. */
export type Budget = z.input<typeof BudgetSchema>;

/** zod schema of a {@link BudgetAdjustment}. */
export const BudgetAdjustmentSchema = z
  .object({
    member: memberField(),
    year: yearField(),
    /** The changes to the budget's lines, signed (an increase or a decrease), yuan in whole fen. */
    changes: z
      .object({ income: lines(STATEMENT_CATEGORIES.income, true).optional(), expenditure: lines(STATEMENT_CATEGORIES.expenditure, true).optional() })
      .strict(),
    /**
     * The approval (报批): its reference (文号) and date. Without a reference: `BUDGET_ADJUSTMENT_UNAPPROVED`; dated
     * outside the budget year: `BUDGET_ADJUSTMENT_OUT_OF_YEAR`.
     */
    approval: z.object({ ref: z.string().optional(), date: dateField() }).strict().optional(),
  })
  .strict();

/** An approved budget adjustment (预算调整): `{ member, year, changes, approval: { ref, date } }`. */
export type BudgetAdjustment = z.input<typeof BudgetAdjustmentSchema>;

/** zod schema of the final accounts `budgetExecution` compares with: a year's fund statements. */
export const FinalAccountsSchema = z
  .object({
    /** The fiscal year of the statements. */
    year: yearField(),
    /** The year's fund statements (from `fundStatements`; the first year's with its `beforePooling` column). */
    statements: z.array(FundStatementSchema),
  })
  .strict();

/** The final accounts (决算) of a fiscal year: its fund statements. */
export type FinalAccounts = z.input<typeof FinalAccountsSchema>;

/** zod schema of the whole input of `budgetExecution`, as the service takes it. */
export const BudgetExecutionInputSchema = z
  .object({ budget: z.array(BudgetSchema), adjustments: z.array(BudgetAdjustmentSchema), finalAccounts: FinalAccountsSchema })
  .strict();

/** The input of `budgetExecution` as one object (the service's body). */
export type BudgetExecutionInput = z.input<typeof BudgetExecutionInputSchema>;

const lineOut = z
  .object({
    category: z.string(),
    budget: MoneyStringSchema,
    adjusted: MoneyStringSchema,
    actual: MoneyStringSchema,
    variance: MoneyStringSchema,
    executionRate: z.string().nullable(),
  })
  .strict();

/** zod schema of the result of `budgetExecution` (for its JSON Schema). */
export const BudgetExecutionSchema = z
  .object({
    year: z.number().int(),
    members: z.array(
      z
        .object({
          member: z.string(),
          entity: z.string(),
          income: z.array(lineOut),
          expenditure: z.array(lineOut),
          adjustments: z.array(z.object({ ref: z.string(), date: z.string() }).strict()),
        })
        .strict(),
    ),
    consolidated: z.object({ income: z.array(lineOut), expenditure: z.array(lineOut) }).strict(),
    withoutBudget: z.array(z.string()),
    rounding: z.string(),
    citations: z.array(CitationSchema),
  })
  .strict();

/** One line of a budget's execution. */
export interface BudgetExecutionLine {
  category: string;
  /** The budget as approved at first. */
  budget: string;
  /** The budget after its approved adjustments. */
  adjusted: string;
  /** The final accounts' figure (the full year: the months before pooling included). */
  actual: string;
  /** `actual − adjusted`. */
  variance: string;
  /** 执行率 `actual ÷ adjusted`, rounded half-up to 4 decimals (`"0.9875"` = 98.75%); `null` when `adjusted` is 0. */
  executionRate: string | null;
}

/** The execution of one entity's budget. */
export interface EntityBudgetExecution {
  /** The member id, or `"pool"`. */
  member: string;
  /** The statement's entity (`member:<id>` or `pool`). */
  entity: string;
  income: BudgetExecutionLine[];
  expenditure: BudgetExecutionLine[];
  /** The approved adjustments applied, in input order. */
  adjustments: { ref: string; date: string }[];
}

/** The result of `budgetExecution`. */
export interface BudgetExecution {
  year: number;
  /** Per member (and the pool), in budget order. */
  members: EntityBudgetExecution[];
  /** The city-district: the sums of the members' and the pool's lines (transfers between them are not income or expenditure). */
  consolidated: { income: BudgetExecutionLine[]; expenditure: BudgetExecutionLine[] };
  /** The statements' entities with income or expenditure that have no budget for the year (not in `consolidated`). */
  withoutBudget: string[];
  /** How the execution rate is rounded. */
  rounding: string;
  citations: Citation[];
}

/** The budgets and their approved adjustments: `budgetExecution`'s input but the final accounts (what `wi-pooling simulate --budget FILE` reads). */
export interface BudgetsAndAdjustments {
  /** One budget per member (or `"pool"`) and fiscal year. */
  budget: readonly Budget[];
  /** The approved adjustments (each with its `approval.ref`). */
  adjustments: readonly BudgetAdjustment[];
}

/** zod schema of {@link BudgetsAndAdjustments} (the file `wi-pooling simulate --budget FILE` reads). */
export const BudgetsAndAdjustmentsSchema = z.object({ budget: z.array(BudgetSchema), adjustments: z.array(BudgetAdjustmentSchema) }).strict();

// the validators are exported: nobody may change what they check
freezeSchemas(BudgetSchema, BudgetAdjustmentSchema, FinalAccountsSchema, BudgetExecutionInputSchema, BudgetExecutionSchema, BudgetsAndAdjustmentsSchema);
