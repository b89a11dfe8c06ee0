/**
 * suzhou-wi-pooling: the reference implementation of Suzhou's work-injury
 * insurance city-district pooling rules (苏府办〔2020〕86号).
 *
 * The public entry: re-exports only.
 *
 * @packageDocumentation
 */

// policy analysis: comparisons and stress tests
export {
  type Comparison,
  compare,
  compareSimulations,
  type FigurePair,
  type LabelPair,
  MEMBER_FIGURES,
  type MemberYearComparison,
  POOL_FIGURES,
  type PoolYearComparison,
  type YearComparison,
} from "./analysis/compare.js";
export { diffPolicies, type PolicyDifference } from "./analysis/diffPolicies.js";
export { EXAMPLE_FLOW_MODEL } from "./analysis/exampleFlowModel.js";
export { type ComparisonExplanation, type ComparisonStep, explainComparison } from "./analysis/explainComparison.js";
export { type FittedFlowModel, type FittedSeries, type FlowHistory, FlowHistorySchema, fitFlowModel } from "./analysis/fitFlowModel.js";
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
export { mergeStressResults } from "./analysis/merge.js";
export { MAX_SEED, type Rng } from "./analysis/rng.js";
export type { Quantiles, StressExperiment, StressResult, StressYear } from "./analysis/stressResult.js";
export { type StressOptions, type StressProgress, stressTest } from "./analysis/stressTest.js";
export type { Histogram, Probability } from "./analysis/summaries.js";
export type { Tally } from "./analysis/tally.js";
export { ERROR_CODES, type ErrorCode, isPoolingError, type Path, PoolingError, type PoolingErrorContext, type PoolingErrorJSON } from "./errors.js";
// settlement and simulation (R14)
export { EXAMPLE_BUDGET } from "./examples/exampleBudget.js";
export { EXAMPLE_SCENARIO } from "./examples/exampleScenario.js";
// boundary helpers
export { type Explainable, type ExplainOptions, type Explanation, type ExplanationStep, explain, formatCitation } from "./explain/explain.js";
export { type InputOf, parseInputAs, parseLevyInput } from "./explain/parseInputs.js";
export { type InputName, type InputProblems, type InputProblemsOptions, inputProblems, type SchemaName, schemas, toJSONSchema } from "./explain/schemas.js";
// fund rules (R5–R12)
export { apportion } from "./fund/apportion.js";
export { apportionTopUp, type TopUp, type TopUpInput, TopUpInputSchema } from "./fund/apportionTopUp.js";
export { clawback } from "./fund/clawback.js";
export { type CoverDeficitInput, CoverDeficitInputSchema, coverDeficit, type DeficitCoverage, DeficitCoverageSchema } from "./fund/coverDeficit.js";
export {
  type CutGapGrantEligibility,
  type CutGapGrantEligibilityInput,
  CutGapGrantEligibilityInputSchema,
  cutGapGrantEligibility,
} from "./fund/eligibility.js";
export { type OpenPoolingInput, OpenPoolingInputSchema, openPooling, type PoolOpening } from "./fund/openPooling.js";
export {
  type PriorityClaimsInput,
  PriorityClaimsInputSchema,
  type PriorityClass,
  type PriorityPayment,
  type PriorityPaymentLine,
  payByPriority,
} from "./fund/payByPriority.js";
export { poolFloor } from "./fund/poolFloor.js";
export {
  type ProvincialRemittance,
  type ProvincialRemittanceInput,
  ProvincialRemittanceInputSchema,
  provincialRemittance,
} from "./fund/provincialRemittance.js";
export { assessRisk, reserveMonths } from "./fund/reserveMonths.js";
export { type YearEndTrueUp, type YearEndTrueUpInput, YearEndTrueUpInputSchema, YearEndTrueUpSchema, yearEndTrueUp } from "./fund/trueUp.js";
// ledger (R13)
export { ACCOUNTS, type AccountKind, accountKind, carriedAccount, currentAccount, fiscalAccount } from "./ledger/accounts.js";
export { type ConservationReport, ConservationReportSchema, checkConservation, foldJournal } from "./ledger/fold.js";
export { ENTRY_KINDS, type EntryKind, type JournalEntry, JournalEntrySchema } from "./ledger/journal.js";
export { LevyBatchCollectedSchema, LevyRecordErrorSchema, PoolingErrorJSONSchema } from "./levy/collected.js";
export {
  computeLevies,
  type LevyBatch,
  type LevyBatchOptions,
  LevyBatchOptionsSchema,
  type LevyBatchWithErrors,
  type LevyOutcome,
  type LevyRecordError,
  MAX_LISTED_ERRORS,
  streamLevies,
} from "./levy/computeLevies.js";
// levy (R4)
export { computeLevy } from "./levy/computeLevy.js";
// levy corrections and late fees (《社会保险法》第八十六条)
export {
  LEVY_AMOUNT_FIELDS,
  type LevyCorrection,
  type LevyCorrectionInput,
  LevyCorrectionInputSchema,
  LevyCorrectionSchema,
  levyCorrection,
} from "./levy/correction.js";
export {
  type LevyCorrectionBatch,
  type LevyCorrectionError,
  type LevyCorrectionTotals,
  levyCorrections,
} from "./levy/corrections.js";
export { type LateFee, type LateFeeInput, LateFeeInputSchema, LateFeeSchema, lateFee } from "./levy/lateFee.js";
export { type Levy, LevyBatchSchema, type LevyInput, LevyInputSchema, LevySchema, type LevyTotals, LevyTotalsSchema } from "./levy/schema.js";
export { type SyncInducedReliefInput, SyncInducedReliefInputSchema, syncInducedRelief } from "./levy/syncInducedRelief.js";
export type { Money, Numeric, NumericInput } from "./money.js";
// policy data
export { type Citation, CitationSchema, cite, DOC } from "./policy/citation.js";
export { definePolicy } from "./policy/define.js";
export { withReliefOverlays } from "./policy/overlays.js";
export { type DatedParameterName, type PolicyParams, type PolicyRef, paramsAt, policyRef } from "./policy/paramsAt.js";
export { RELIEF_2020 } from "./policy/relief2020.js";
export {
  CLAUSE_NAMES,
  type ClauseName,
  DATED_PARAMETERS,
  type EnterpriseSize,
  EnterpriseSizeSchema,
  type LateFees,
  LateFeesSchema,
  type LateFeeWaiver,
  LateFeeWaiverSchema,
  type Member,
  MemberSchema,
  type ParamVersion,
  type Policy,
  type PolicyInput,
  PolicySchema,
  type ReliefOverlay,
  ReliefOverlaySchema,
  type RiskLevel,
  RiskLevelSchema,
} from "./policy/schema.js";
export { SUZHOU_2020, type Suzhou2020Policy, type SuzhouMemberId } from "./policy/suzhou2020.js";
// rates (R1–R3)
export { baseRate } from "./rates/baseRate.js";
export { type EffectiveRate, type EffectiveRateInput, EffectiveRateInputSchema, effectiveRate } from "./rates/effectiveRate.js";
export { floatedRate, floatTiers } from "./rates/floatTiers.js";
export { type MoveFloatTierInput, MoveFloatTierInputSchema, moveFloatTier } from "./rates/moveFloatTier.js";
export { nationalCutFraction, requiredReserveMonths } from "./rates/nationalCut.js";
export { type DateWindow, isInRateCutWindow, rateCutWindow } from "./rates/rateCutWindow.js";
export type { CutSource } from "./rates/resolveCut.js";
export { type FloatTierReview, type ReviewFloatTierInput, ReviewFloatTierInputSchema, reviewFloatTier } from "./rates/reviewFloatTier.js";
export type { DayDigits, IndustryClass, IndustryClassInput, IsoDate, IsoDateInput, MonthDigits, Period, PeriodInput } from "./schema/fields.js";
export {
  type MemberPeriodReport,
  MemberPeriodReportSchema,
  type PeriodParameters,
  type PeriodReport,
  PeriodReportSchema,
  type PoolPeriodReport,
  PoolPeriodReportSchema,
} from "./settlement/report.js";
export {
  AdjustmentSchema,
  RESTATED_FIELDS,
  type RestatedField,
  RestatedSchema,
  type Restatement,
  RestatementSchema,
} from "./settlement/restate/schema.js";
export { type Settlement, SettlementSchema, type Simulation, SimulationSchema } from "./settlement/results.js";
export {
  type ClaimKind,
  ClaimKindSchema,
  MajorAccidentClaimSchema,
  type MemberFlows,
  MemberFlowsSchema,
  type OpeningMember,
  OpeningMemberSchema,
  type PendingClaim,
  PendingClaimSchema,
  type PeriodFlows,
  PeriodFlowsSchema,
  type Scenario,
  type ScenarioOpening,
  ScenarioOpeningSchema,
  ScenarioSchema,
  type SettlementOptions,
  SettlementOptionsSchema,
  type SettlementState,
  SettlementStateSchema,
} from "./settlement/schema.js";
export { settlePeriod } from "./settlement/settlePeriod.js";
export { initialState, type SimulateOptions, type SimulationProgress, simulate } from "./settlement/simulate.js";
export { simulationYear } from "./settlement/simulationYear.js";
export { type PeriodOutline, PeriodOutlineSchema, type SimulationSummary, SimulationSummarySchema } from "./settlement/summaryResult.js";
export { type MemberYearSummary, MemberYearSummarySchema, type YearSummary, YearSummarySchema } from "./settlement/years.js";
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
  budgetExecution,
  type EntityBudgetExecution,
  type FinalAccounts,
  FinalAccountsSchema,
  simulationBudgetExecution,
} from "./statements/budget.js";
export { type Consolidation, consolidate, type FundStatement, FundStatementSchema } from "./statements/consolidate.js";
export { fundStatements, STATEMENT_CATEGORIES } from "./statements/fundStatements.js";
