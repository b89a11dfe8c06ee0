/**
 * The zod schema of every input, keyed by its type name, and their JSON
 * Schemas (zod 4's own output, draft 2020-12) for callers that are not
 * TypeScript shops.
 *
 * @module
 */
import { z } from "zod";
import { PoolingError } from "../errors.js";
import { TopUpInputSchema } from "../fund/apportionTopUp.js";
import { BudgetAdjustmentSchema, BudgetExecutionInputSchema, BudgetSchema, FinalAccountsSchema } from "../fund/budget.js";
import { FundStatementSchema } from "../fund/consolidate.js";
import { CoverDeficitInputSchema } from "../fund/coverDeficit.js";
import { CutGapGrantEligibilityInputSchema } from "../fund/eligibility.js";
import { OpenPoolingInputSchema } from "../fund/openPooling.js";
import { PriorityClaimsInputSchema } from "../fund/payByPriority.js";
import { ProvincialRemittanceInputSchema } from "../fund/provincialRemittance.js";
import { JournalEntrySchema } from "../ledger/journal.js";
import { LevyInputSchema } from "../levy/schema.js";
import { PolicySchema } from "../policy/schema.js";
import { EffectiveRateInputSchema } from "../rates/effectiveRate.js";
import { MoveFloatTierInputSchema } from "../rates/moveFloatTier.js";
import { ReviewFloatTierInputSchema } from "../rates/reviewFloatTier.js";
import { FIELD_JSON_SCHEMA } from "../schema/fields.js";
import { PeriodFlowsSchema, ScenarioOpeningSchema, ScenarioSchema, SettlementOptionsSchema, SettlementStateSchema } from "../settlement/schema.js";

/**
 * The zod schema of every input of the library, keyed by its type name.
 *
 * @example
 * ```ts
 * schemas.LevyInput.safeParse({ period: "2020-09", industryClass: 3, payroll: "1" }).success; // true
 * Object.keys(schemas).includes("Scenario"); // true
 * ```
 */
export const schemas = Object.freeze({
  LevyInput: LevyInputSchema,
  LevyInputs: z.array(LevyInputSchema),
  EffectiveRateInput: EffectiveRateInputSchema,
  MoveFloatTierInput: MoveFloatTierInputSchema,
  ReviewFloatTierInput: ReviewFloatTierInputSchema,
  OpenPoolingInput: OpenPoolingInputSchema,
  ProvincialRemittanceInput: ProvincialRemittanceInputSchema,
  TopUpInput: TopUpInputSchema,
  CoverDeficitInput: CoverDeficitInputSchema,
  PriorityClaimsInput: PriorityClaimsInputSchema,
  FundStatement: FundStatementSchema,
  FundStatements: z.array(FundStatementSchema),
  Budget: BudgetSchema,
  Budgets: z.array(BudgetSchema),
  BudgetAdjustment: BudgetAdjustmentSchema,
  BudgetAdjustments: z.array(BudgetAdjustmentSchema),
  FinalAccounts: FinalAccountsSchema,
  BudgetExecutionInput: BudgetExecutionInputSchema,
  CutGapGrantEligibilityInput: CutGapGrantEligibilityInputSchema,
  JournalEntry: JournalEntrySchema,
  ScenarioOpening: ScenarioOpeningSchema,
  SettlementOptions: SettlementOptionsSchema,
  SettlementState: SettlementStateSchema,
  PeriodFlows: PeriodFlowsSchema,
  Scenario: ScenarioSchema,
  Policy: PolicySchema,
});

/** The name of an input type with a schema. */
export type SchemaName = keyof typeof schemas;

/**
 * The JSON Schema (draft 2020-12) of an input, as zod 4 generates it for the
 * input side (`io: "input"`). Money, rates, periods and classes appear as the
 * strings or numbers they accept.
 *
 * @example
 * ```ts
 * const js = toJSONSchema("LevyInput");
 * js.required; // ["period", "industryClass"]
 * ```
 */
export function toJSONSchema(name: SchemaName): Record<string, unknown> {
  if (typeof name !== "string" || !Object.hasOwn(schemas, name)) {
    const shown = typeof name === "string" ? JSON.stringify(name.slice(0, 40)) : typeof name;
    throw new PoolingError("INVALID_TYPE", ["name"], {
      en: `unknown schema ${shown}; known: ${Object.keys(schemas).join(", ")}`,
      zh: `没有名为 ${shown} 的结构；可用：${Object.keys(schemas).join("、")}`,
    });
  }
  const json = z.toJSONSchema(schemas[name], {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const custom = FIELD_JSON_SCHEMA.get(ctx.zodSchema as unknown as z.ZodType);
      if (custom) {
        const target = ctx.jsonSchema as Record<string, unknown>;
        for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, structuredClone(custom));
      }
    },
  }) as Record<string, unknown>;
  return { ...json, title: name };
}
