/**
 * `suzhou-wi-pooling/schemas`: the shapes of the records, a public entry kept
 * apart from the rules. The zod schema of every input and output (frozen:
 * they check what the rule functions check), `schemas` and `toJSONSchema`
 * keyed by type name, `parseInputAs` and `inputProblems` for rows read at run
 * time, and the vocabularies of the records: the journal's accounts and entry
 * kinds, the clause names, the dated parameters, the amount fields.
 *
 * ```ts
 * import { computeLevy } from "suzhou-wi-pooling";
 * import { inputProblems, LevyInputSchema } from "suzhou-wi-pooling/schemas";
 * LevyInputSchema.safeParse({ period: "2020-09", industryClass: 3, payroll: "1" }).success; // true
 * ```
 *
 * @packageDocumentation
 */

export { type FlowHistory, FlowHistorySchema } from "./analysis/fitFlowModel.js";
export {
  AccidentModelSchema,
  type FlowModel,
  FlowModelSchema,
  MemberFlowModelSchema,
  NoiseSchema,
  type ParsedFlowModel,
  SeriesModelSchema,
  SeveritySchema,
} from "./analysis/flowModel.js";
export { ANALYSIS_SCHEMAS, analysisJSONSchema } from "./analysis/schemas.js";
export { type InputOf, parseInputAs } from "./explain/parseInputs.js";
export { type InputName, type InputProblems, type InputProblemsOptions, inputProblems, type SchemaName, schemas, toJSONSchema } from "./explain/schemas.js";
export { TopUpInputSchema } from "./fund/apportionTopUp.js";
export { CoverDeficitInputSchema, DeficitCoverageSchema } from "./fund/coverDeficit.js";
export { CutGapGrantEligibilityInputSchema } from "./fund/eligibility.js";
export { OpenPoolingInputSchema } from "./fund/openPooling.js";
export { PriorityClaimsInputSchema } from "./fund/payByPriority.js";
export { ProvincialRemittanceInputSchema } from "./fund/provincialRemittance.js";
export { YearEndTrueUpInputSchema, YearEndTrueUpSchema } from "./fund/trueUp.js";
export { ACCOUNTS, accountKind, carriedAccount, currentAccount, fiscalAccount } from "./ledger/accounts.js";
export { ConservationReportSchema } from "./ledger/fold.js";
export { ENTRY_KINDS, JournalEntrySchema } from "./ledger/journal.js";
export { LevyBatchCollectedSchema, LevyRecordErrorSchema, PoolingErrorJSONSchema } from "./levy/collected.js";
export { LevyBatchOptionsSchema, MAX_LISTED_ERRORS } from "./levy/computeLevies.js";
export { LEVY_AMOUNT_FIELDS, LevyCorrectionInputSchema, LevyCorrectionSchema } from "./levy/correction.js";
export { LateFeeInputSchema, LateFeeSchema } from "./levy/lateFee.js";
export { LevyBatchSchema, LevyInputSchema, LevySchema, LevyTotalsSchema } from "./levy/schema.js";
export { SyncInducedReliefInputSchema } from "./levy/syncInducedRelief.js";
export { CitationSchema } from "./policy/citation.js";
export {
  CLAUSE_NAMES,
  DATED_PARAMETERS,
  EnterpriseSizeSchema,
  LateFeesSchema,
  LateFeeWaiverSchema,
  MemberSchema,
  PolicySchema,
  ReliefOverlaySchema,
  RiskLevelSchema,
} from "./policy/schema.js";
export { EffectiveRateInputSchema } from "./rates/effectiveRate.js";
export { MoveFloatTierInputSchema } from "./rates/moveFloatTier.js";
export { ReviewFloatTierInputSchema } from "./rates/reviewFloatTier.js";
export type { DateFieldSchema, PeriodFieldSchema } from "./schema/fields.js";
export { MemberPeriodReportSchema, PeriodReportSchema, PoolPeriodReportSchema } from "./settlement/report.js";
export { AdjustmentSchema, RESTATED_FIELDS, RestatedSchema, RestatementSchema } from "./settlement/restate/schema.js";
export { SettlementSchema, SimulationSchema } from "./settlement/results.js";
export {
  ClaimKindSchema,
  MajorAccidentClaimSchema,
  MemberFlowsSchema,
  OpeningMemberSchema,
  PendingClaimSchema,
  PeriodFlowsSchema,
  ScenarioOpeningSchema,
  ScenarioSchema,
  SettlementOptionsSchema,
  SettlementStateSchema,
} from "./settlement/schema.js";
export { PeriodOutlineSchema, SimulationSummarySchema } from "./settlement/summaryResult.js";
export { MemberYearSummarySchema, YearSummarySchema } from "./settlement/years.js";
export {
  BudgetAdjustmentSchema,
  BudgetExecutionInputSchema,
  BudgetExecutionSchema,
  BudgetSchema,
  BudgetsAndAdjustmentsSchema,
  FinalAccountsSchema,
} from "./statements/budget.js";
export { FundStatementSchema } from "./statements/consolidate.js";
export { STATEMENT_CATEGORIES } from "./statements/fundStatements.js";
