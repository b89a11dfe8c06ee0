/**
 * The zod schema of every input, keyed by its type name, and their JSON
 * Schemas (zod 4's own output, draft 2020-12) for callers that are not
 * TypeScript shops.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError, withMemberNames } from "../errors.js";
import { TopUpInputSchema } from "../fund/apportionTopUp.js";
import { CoverDeficitInputSchema, DeficitCoverageSchema } from "../fund/coverDeficit.js";
import { CutGapGrantEligibilityInputSchema } from "../fund/eligibility.js";
import { OpenPoolingInputSchema } from "../fund/openPooling.js";
import { PriorityClaimsInputSchema } from "../fund/payByPriority.js";
import { ProvincialRemittanceInputSchema } from "../fund/provincialRemittance.js";
import { YearEndTrueUpInputSchema, YearEndTrueUpSchema } from "../fund/trueUp.js";
import { ConservationReportSchema } from "../ledger/fold.js";
import { JournalEntrySchema } from "../ledger/journal.js";
import { LevyBatchCollectedSchema } from "../levy/collected.js";
import { LevyCorrectionInputSchema, LevyCorrectionSchema } from "../levy/correction.js";
import { LateFeeInputSchema, LateFeeSchema } from "../levy/lateFee.js";
import { LevyBatchSchema, LevyInputSchema, LevySchema, LevyTotalsSchema } from "../levy/schema.js";
import { memberNamesZh } from "../policy/names.js";
import { resolvePolicy } from "../policy/resolve.js";
import { type Policy, PolicySchema } from "../policy/schema.js";
import { EffectiveRateInputSchema } from "../rates/effectiveRate.js";
import { MoveFloatTierInputSchema } from "../rates/moveFloatTier.js";
import { ReviewFloatTierInputSchema } from "../rates/reviewFloatTier.js";
import { freezeSchemas } from "../schema/freeze.js";
import { PeriodReportSchema } from "../settlement/report.js";
import { RestatementSchema } from "../settlement/restate/schema.js";
import { SettlementSchema, SimulationSchema } from "../settlement/results.js";
import { PeriodFlowsSchema, ScenarioOpeningSchema, ScenarioSchema, SettlementOptionsSchema, SettlementStateSchema } from "../settlement/schema.js";
import { YearSummarySchema } from "../settlement/years.js";
import {
  BudgetAdjustmentSchema,
  BudgetExecutionInputSchema,
  BudgetExecutionSchema,
  BudgetSchema,
  BudgetsAndAdjustmentsSchema,
  FinalAccountsSchema,
} from "../statements/budget.js";
import { FundStatementSchema } from "../statements/consolidate.js";
import { checkSchemaName, jsonSchemaOf, MEMBERS_CHECKED } from "./jsonSchema.js";
import { memberHooks } from "./memberHooks.js";
import { ProblemSink, walk } from "./problems.js";

export { checkSchemaName, jsonSchemaOf };

const INPUTS = {
  LevyInput: LevyInputSchema,
  LevyInputs: z.array(LevyInputSchema),
  LevyCorrectionInput: LevyCorrectionInputSchema,
  LevyCorrectionInputs: z.array(LevyCorrectionInputSchema),
  LateFeeInput: LateFeeInputSchema,
  Restatement: RestatementSchema,
  EffectiveRateInput: EffectiveRateInputSchema,
  MoveFloatTierInput: MoveFloatTierInputSchema,
  ReviewFloatTierInput: ReviewFloatTierInputSchema,
  OpenPoolingInput: OpenPoolingInputSchema,
  ProvincialRemittanceInput: ProvincialRemittanceInputSchema,
  TopUpInput: TopUpInputSchema,
  CoverDeficitInput: CoverDeficitInputSchema,
  YearEndTrueUpInput: YearEndTrueUpInputSchema,
  PriorityClaimsInput: PriorityClaimsInputSchema,
  FundStatement: FundStatementSchema,
  FundStatements: z.array(FundStatementSchema),
  Budget: BudgetSchema,
  Budgets: z.array(BudgetSchema),
  BudgetAdjustment: BudgetAdjustmentSchema,
  BudgetAdjustments: z.array(BudgetAdjustmentSchema),
  FinalAccounts: FinalAccountsSchema,
  BudgetExecutionInput: BudgetExecutionInputSchema,
  BudgetsAndAdjustments: BudgetsAndAdjustmentsSchema,
  CutGapGrantEligibilityInput: CutGapGrantEligibilityInputSchema,
  JournalEntry: JournalEntrySchema,
  ScenarioOpening: ScenarioOpeningSchema,
  SettlementOptions: SettlementOptionsSchema,
  SettlementState: SettlementStateSchema,
  PeriodFlows: PeriodFlowsSchema,
  Scenario: ScenarioSchema,
  Policy: PolicySchema,
};

/** The outputs: their JSON Schemas describe what the library returns (`io: "output"`). */
const OUTPUTS = {
  Levy: LevySchema,
  LevyTotals: LevyTotalsSchema,
  LevyBatch: LevyBatchSchema,
  LevyBatchCollected: LevyBatchCollectedSchema,
  DeficitCoverage: DeficitCoverageSchema,
  YearEndTrueUp: YearEndTrueUpSchema,
  Settlement: SettlementSchema,
  Simulation: SimulationSchema,
  PeriodReport: PeriodReportSchema,
  YearSummary: YearSummarySchema,
  ConservationReport: ConservationReportSchema,
  BudgetExecution: BudgetExecutionSchema,
  LevyCorrection: LevyCorrectionSchema,
  LateFee: LateFeeSchema,
};

/**
 * The zod schema of every input and every output of the library, keyed by its
 * type name. Inputs are validated with them; outputs are what the functions
 * return (`Levy`, `LevyBatch`, `LevyBatchCollected`, `Settlement`, `Simulation`, `PeriodReport`,
 * `YearSummary`, `DeficitCoverage`, …).
 *
 * @example
 * ```ts
 * schemas.LevyInput.safeParse({ period: "2020-09", industryClass: 3, payroll: "1" }).success; // true
 * Object.keys(schemas).includes("Scenario"); // true
 * ```
 */
export const schemas = Object.freeze({ ...INPUTS, ...OUTPUTS });
// the validators are exported: nobody may change what they check
freezeSchemas(...Object.values(schemas));

/** The name of an input type (a key of `schemas` that names what a function takes). */
export type InputName = keyof typeof INPUTS;

/** The name of an input or output type with a schema. */
export type SchemaName = keyof typeof schemas;

/**
 * The JSON Schema (draft 2020-12) of an input or an output, generated from
 * the same zod schema the library validates with: inputs for the input side
 * (`io: "input"`: money, rates, periods and classes appear as the exact
 * strings and numbers they accept, with their bounds), outputs for the output
 * side (`io: "output"`). Every property carries a description in English with
 * its Chinese term; member-keyed records list the member ids of `SUZHOU_2020`.
 *
 * @example
 * ```ts
 * const js = toJSONSchema("LevyInput");
 * js.required; // ["period", "industryClass"]
 * toJSONSchema("Levy").title; // "Levy"
 * ```
 */
export function toJSONSchema(name: SchemaName): Record<string, unknown> {
  checkSchemaName(name, schemas);
  return jsonSchemaOf(name, schemas[name], Object.hasOwn(OUTPUTS, name) ? "output" : "input");
}

/** The problems {@link inputProblems} found: at most `max` of them, and how many more there are. */
export interface InputProblems {
  /** Each problem as the `PoolingError` the library throws for it, in the order found. */
  problems: PoolingError[];
  /** How many problems were found beyond `max` (not listed): an exact count. */
  more: number;
}

/** Options of {@link inputProblems}. */
export interface InputProblemsOptions {
  /** The most problems listed (a positive integer, default 1,000); the others are counted in `more`. */
  max?: number;
  /** The policy whose members the member ids are checked against (default `SUZHOU_2020`). */
  policy?: Policy;
}

/**
 * Every shape problem of a value against one of {@link schemas} (where the
 * library's functions report only the first): each field's type, format,
 * range and sign, unknown and missing fields, as the `PoolingError` the
 * library would throw for it (same code, path and messages). For the inputs
 * that name pooling members (`Scenario`, `ScenarioOpening`, `PeriodFlows`,
 * `OpenPoolingInput`, `ProvincialRemittanceInput`, `TopUpInput`), it also runs
 * the member checks the functions run (`UNKNOWN_MEMBER`, `MISSING_MEMBER`,
 * `DUPLICATE_ENTRY`) against `policy`'s members, each piece's after its shape
 * problems. The other rules a function applies once the shape is valid (is the
 * policy in force for the period, is the tier on the class's ladder, is the
 * cut given) are the function's own, and it reports the first that fails.
 *
 * Memory is bounded by `max`, not by the input: arrays are checked item by
 * item, objects and records property by property (a scenario's periods one
 * by one), each piece with its own schema; the first `max` problems are kept
 * and the others only counted (`more` is exact; the whole input is always
 * checked, so the time grows with it). The pieces with cross-field rules (a
 * `Policy`, a `CoverDeficitInput`) are checked whole.
 *
 * @param name - the schema's name, a key of {@link schemas} (`"LevyInput"`, `"Scenario"`, …)
 * @param value - the value to check (typically parsed JSON or a CSV record)
 * @param options - `max`: the most problems listed (a positive integer, default 1,000); `policy`: the policy whose
 *   members are checked (default `SUZHOU_2020`)
 * @returns the problems (empty when the shape and the members are valid) and the count of those not listed
 * @throws PoolingError `INVALID_TYPE` for an unknown schema name or a `max` that is not a positive integer
 * @example
 * ```ts
 * const { problems } = inputProblems("LevyInput", { period: "2020-4", industryClass: 9, payroll: "-5" });
 * problems.map((p) => p.code); // ["INVALID_PERIOD", "INVALID_CLASS", "NEGATIVE_AMOUNT"]
 * inputProblems("LevyInput", { period: "2021-07", industryClass: 2, payroll: "5.00" }).problems; // []
 * const s = { ...EXAMPLE_SCENARIO, opening: { ...EXAMPLE_SCENARIO.opening, members: { municipal: EXAMPLE_SCENARIO.opening.members.municipal } } };
 * inputProblems("Scenario", s).problems.map((p) => p.code); // ["MISSING_MEMBER", "MISSING_MEMBER", "MISSING_MEMBER", "MISSING_MEMBER"]
 * ```
 */
export function inputProblems(name: SchemaName, value: unknown, options?: InputProblemsOptions): InputProblems {
  if (typeof name !== "string" || !Object.hasOwn(schemas, name)) {
    const shown = typeof name === "string" ? JSON.stringify(name.slice(0, 40)) : typeof name;
    throw new PoolingError("INVALID_TYPE", ["name"], {
      en: `unknown schema ${shown}; known: ${Object.keys(schemas).join(", ")}`,
      zh: `没有名为 ${shown} 的结构；可用：${Object.keys(schemas).join("、")}`,
    });
  }
  const max = options?.max ?? 1000;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new PoolingError("INVALID_TYPE", ["options", "max"], { en: "max must be a positive integer", zh: "max 须为正整数" });
  }
  const sink = new ProblemSink(max);
  const policy = resolvePolicy(options?.policy);
  const hooks = MEMBERS_CHECKED.includes(name) ? memberHooks(policy) : undefined;
  walk(schemas[name] as z.core.$ZodType, value, [], sink, hooks);
  const names = memberNamesZh(policy);
  return { problems: sink.problems.map((p) => withMemberNames(p, names) as PoolingError), more: sink.more };
}
