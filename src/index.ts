/**
 * suzhou-wi-pooling: the reference implementation of Suzhou's work-injury
 * insurance city-district pooling rules (苏府办〔2020〕86号).
 *
 * The main entry: the rule functions, the policy, the errors and the types a
 * caller needs (at most 60 runtime exports). The zod schemas and the record
 * vocabularies are on `suzhou-wi-pooling/schemas`, the policy analysis on
 * `/analysis`, presentation on `/report`, the worked examples on `/examples`
 * (see docs/api-conventions.md). Re-exports only.
 *
 * @packageDocumentation
 */

// errors
export { ERROR_CODES, type ErrorCode, isPoolingError, type Path, PoolingError, type PoolingErrorContext, type PoolingErrorJSON } from "./errors.js";
// explanation
export { type Explainable, type ExplainOptions, type Explanation, type ExplanationStep, explain, formatCitation } from "./explain/explain.js";
export { parseLevyInput } from "./explain/parseInputs.js";
// fund rules (R5–R12)
export { apportion } from "./fund/apportion.js";
export { apportionTopUp, type TopUp, type TopUpInput } from "./fund/apportionTopUp.js";
export { clawback } from "./fund/clawback.js";
export { type CoverDeficitInput, coverDeficit, type DeficitCoverage } from "./fund/coverDeficit.js";
export { type CutGapGrantEligibility, type CutGapGrantEligibilityInput, cutGapGrantEligibility } from "./fund/eligibility.js";
export { type OpenPoolingInput, openPooling, type PoolOpening } from "./fund/openPooling.js";
export { type PriorityClaimsInput, type PriorityClass, type PriorityPayment, type PriorityPaymentLine, payByPriority } from "./fund/payByPriority.js";
export { poolFloor } from "./fund/poolFloor.js";
export { type ProvincialRemittance, type ProvincialRemittanceInput, provincialRemittance } from "./fund/provincialRemittance.js";
export { assessRisk, reserveMonths } from "./fund/reserveMonths.js";
export { type YearEndTrueUp, type YearEndTrueUpInput, yearEndTrueUp } from "./fund/trueUp.js";
export type { AccountKind } from "./ledger/accounts.js";
export type { ConservationReport } from "./ledger/fold.js";
export { checkConservation, foldJournal } from "./ledger/fold.js";
export type { EntryKind, JournalEntry } from "./ledger/journal.js";
// levy (R4), corrections and late fees (《社会保险法》第八十六条)
export {
  computeLevies,
  type LevyBatch,
  type LevyBatchOptions,
  type LevyBatchWithErrors,
  type LevyOutcome,
  type LevyRecordError,
  streamLevies,
} from "./levy/computeLevies.js";
export { computeLevy } from "./levy/computeLevy.js";
export { type LevyCorrection, type LevyCorrectionInput, levyCorrection } from "./levy/correction.js";
export { type LevyCorrectionBatch, type LevyCorrectionError, type LevyCorrectionTotals, levyCorrections } from "./levy/corrections.js";
export { type LateFee, type LateFeeInput, lateFee } from "./levy/lateFee.js";
export type { Levy, LevyInput, LevyTotals } from "./levy/schema.js";
export { type SyncInducedReliefInput, syncInducedRelief } from "./levy/syncInducedRelief.js";
export type { Money, Numeric, NumericInput } from "./money.js";
// policy data
export { type Citation, cite, DOC } from "./policy/citation.js";
export { definePolicy } from "./policy/define.js";
export { withReliefOverlays } from "./policy/overlays.js";
export { type DatedParameterName, type PolicyParams, type PolicyRef, paramsAt, policyRef } from "./policy/paramsAt.js";
export { RELIEF_2020 } from "./policy/relief2020.js";
export type { PeriodOptions, PolicyOptions } from "./policy/resolve.js";
export type {
  ClauseName,
  EnterpriseSize,
  LateFees,
  LateFeeWaiver,
  Member,
  ParamVersion,
  Policy,
  PolicyInput,
  ReliefOverlay,
  RiskLevel,
} from "./policy/schema.js";
export { SUZHOU_2020, type Suzhou2020Policy, type SuzhouMemberId } from "./policy/suzhou2020.js";
// rates (R1–R3)
export { baseRate } from "./rates/baseRate.js";
export { type EffectiveRate, type EffectiveRateInput, effectiveRate } from "./rates/effectiveRate.js";
export { floatedRate, floatTiers } from "./rates/floatTiers.js";
export { type MoveFloatTierInput, moveFloatTier } from "./rates/moveFloatTier.js";
export { nationalCutFraction, requiredReserveMonths } from "./rates/nationalCut.js";
export { type DateWindow, isInRateCutWindow, rateCutWindow } from "./rates/rateCutWindow.js";
export type { CutSource } from "./rates/resolveCut.js";
export { type FloatTierReview, type ReviewFloatTierInput, reviewFloatTier } from "./rates/reviewFloatTier.js";
export type { DayDigits, IndustryClass, IndustryClassInput, IsoDate, IsoDateInput, MonthDigits, Period, PeriodInput } from "./schema/fields.js";
// settlement and simulation (R14)
export type { MemberPeriodReport, PeriodParameters, PeriodReport, PoolPeriodReport } from "./settlement/report.js";
export type { RestatedField, Restatement } from "./settlement/restate/schema.js";
export type { Settlement, Simulation } from "./settlement/results.js";
export type {
  ClaimKind,
  MemberFlows,
  OpeningMember,
  PendingClaim,
  PeriodFlows,
  Scenario,
  ScenarioOpening,
  SettlementOptions,
  SettlementState,
} from "./settlement/schema.js";
export { settlePeriod } from "./settlement/settlePeriod.js";
export { initialState, type SimulateOptions, type SimulationProgress, simulate } from "./settlement/simulate.js";
export { simulationYear } from "./settlement/simulationYear.js";
export type { PeriodOutline, SimulationSummary } from "./settlement/summaryResult.js";
export type { MemberYearSummary, YearSummary } from "./settlement/years.js";
// statements and budgets (R12)
export {
  type Budget,
  type BudgetAdjustment,
  type BudgetExecution,
  type BudgetExecutionInput,
  type BudgetExecutionLine,
  type BudgetsAndAdjustments,
  budgetExecution,
  type EntityBudgetExecution,
  type FinalAccounts,
  simulationBudgetExecution,
} from "./statements/budget.js";
export { type Consolidation, consolidate, type FundStatement } from "./statements/consolidate.js";
export { fundStatements } from "./statements/fundStatements.js";
