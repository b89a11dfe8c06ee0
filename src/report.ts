/**
 * `suzhou-wi-pooling/report`: presentation of results, a second public entry
 * kept out of the main one so that the rules stay small. Pure functions that
 * turn a `simulate` result into text or HTML (what `wi-pooling simulate`
 * prints and writes); the figures are the simulation's own exact strings.
 *
 * ```ts
 * import { simulate } from "suzhou-wi-pooling";
 * import { EXAMPLE_SCENARIO } from "suzhou-wi-pooling/examples";
 * import { formatSummary, renderReport, fiscalSettlementStatement, topUpWorkingPapers } from "suzhou-wi-pooling/report";
 * ```
 *
 * @packageDocumentation
 */

// the statements an auditor asks for (二（二）, 二（三）, 二（四）)
export { explainSettlementLine } from "./explain/settlementLine.js";
export { memberNamesZh, type PolicyMembers } from "./policy/names.js";
export { type AuditYear, auditStatements } from "./present/auditData.js";
export { renderComparisonReport } from "./present/compareReport.js";
export { CORRECTION_KIND_LABELS_ZH, CORRECTION_OUTPUT_FIELDS, type CorrectionColumn, correctionsCsv } from "./present/correctionsCsv.js";
export { quoteProblem, StrayQuoteFilter, type StrayQuoteLine } from "./present/csvLines.js";
// the clerk's output: Chinese columns, GB18030, the common 社保 export forms
export { encodeGb18030, encodeText, type OutputEncoding } from "./present/gb18030.js";
export {
  csvCell,
  csvRowToLevyInput,
  csvTextCell,
  LEVY_COLUMNS,
  LEVY_CSV_ALIASES,
  LEVY_TEXT_COLUMNS,
  LEVY_TOTAL_COLUMNS,
  type LevyCsvHeader,
  type LevyCsvHeaderProblem,
  type LevyCsvOptions,
  levyClauses,
  levyCsvHeader,
  levyCsvRow,
  levyTotalsRow,
} from "./present/levyCsv.js";
export { type CsvLang, levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn } from "./present/levyCsvZh.js";
export { LEVY_CODE_LABELS_ZH, LEVY_OUTPUT_FIELDS, type LevyOutputField, levyHeaderZh } from "./present/levyFields.js";
export { NORMALIZE_KINDS, type NormalizeChange, type NormalizeKind, normalizeCell, normalizeRecord, normalizeSummary } from "./present/normalize.js";
export { renderReport } from "./present/report.js";
export type { PresentationOptions } from "./present/story.js";
export { renderStressReport } from "./present/stressReport.js";
export { formatStressSummary } from "./present/stressText.js";
export { formatSummary } from "./present/summary.js";
export { RISK_LABELS_ZH, YEAR_CSV_FIELDS_ZH, yearCsvHeaderZh } from "./present/yearCsvFields.js";
export { type FiscalSettlementDistrict, type FiscalSettlementStatement, fiscalSettlementStatement } from "./statements/fiscalSettlement.js";
export { type TopUpMemberLine, type TopUpPaper, type TopUpWorkingPapers, topUpWorkingPapers } from "./statements/topUpPapers.js";
export {
  POOL_BUDGET_LINES,
  type PoolBudget,
  type PoolBudgetExecution,
  PoolBudgetSchema,
  poolBudgetExecution,
  type UnifiedBudget,
  type UnifiedBudgetExecution,
  UnifiedBudgetSchema,
  type UnifiedExecutionLine,
  unifiedBudgetExecution,
} from "./statements/unifiedBudget.js";
export {
  UNIFIED_LINES,
  type UnifiedLine,
  type UnifiedStatement,
  type UnifiedStatementLine,
  type UnifiedStatements,
  unifiedStatements,
} from "./statements/unifiedLines.js";
