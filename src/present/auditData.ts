/**
 * The statements an auditor asks for, per simulated year (二（二）, 二（三）,
 * 二（四）): computed once here, printed by the summary, the report, the CLI
 * and the service.
 *
 * @module
 */

import { yearOf } from "../period.js";
import type { Simulation } from "../settlement/results.js";
import type { ScenarioOpening } from "../settlement/schema.js";
import { type FiscalSettlementStatement, fiscalSettlementStatement } from "../statements/fiscalSettlement.js";
import { type TopUpWorkingPapers, topUpWorkingPapers } from "../statements/topUpPapers.js";
import { type UnifiedStatements, unifiedStatements } from "../statements/unifiedLines.js";

/** One year's statements for an auditor (the result of {@link auditStatements}). */
export interface AuditYear {
  year: number;
  /** The final accounts in the unified lines (二（四）): each fund and the city-district consolidated. */
  unified: UnifiedStatements;
  /** The fiscal settlement statement (二（三）). */
  fiscalSettlement: FiscalSettlementStatement;
  /** The top-up working papers (二（二）). */
  topUpWorkingPapers: TopUpWorkingPapers;
}

/**
 * R12, R9, R7 (二（四）, 二（三）, 二（二）): each simulated year's statements for an auditor: the final accounts in
 * the unified lines (`unifiedStatements`; with the opening data, when it has `yearToDateIncome`, the pooling's
 * first year is a full year), the fiscal settlement statement and the top-up working papers. What
 * `wi-pooling statements`, the service's `/statements`, the summary and the HTML report show.
 *
 * @param sim - a result of `simulate`
 * @param opening - the scenario's opening data
 * @returns one entry per simulated year, in order
 * @throws PoolingError the codes of `unifiedStatements`, `fiscalSettlementStatement` and `topUpWorkingPapers` (`INTERNAL_INVARIANT` only for a defect)
 * @example
 * ```ts
 * const years = auditStatements(simulate(EXAMPLE_SCENARIO), EXAMPLE_SCENARIO.opening);
 * years[1].fiscalSettlement.totals.settled; // "12530873.39"
 * ```
 */
export function auditStatements(sim: Simulation, opening?: ScenarioOpening): AuditYear[] {
  const years = [...new Set(sim.periods.map((p) => yearOf(p.period)))];
  const members: unknown = (opening as { members?: unknown } | undefined)?.members;
  const full =
    typeof members === "object" &&
    members !== null &&
    Object.values(members).every((m) => (m as { yearToDateIncome?: unknown })?.yearToDateIncome !== undefined);
  return years.map((year) => ({
    year,
    unified: unifiedStatements(sim.journal, year, full ? opening : undefined),
    fiscalSettlement: fiscalSettlementStatement(sim, year),
    topUpWorkingPapers: topUpWorkingPapers(sim, year),
  }));
}
