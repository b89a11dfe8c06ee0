/**
 * `simulate`'s summary-only run (`keep: "summary"`): the same steps, period
 * by period, keeping only each period's summary figures until its year is
 * summarized; each posting is folded into the conservation check as it is
 * made, and no entry is built. Memory stays flat in periods and runs.
 *
 * @module
 */

import { withPathPrefix } from "../errors.js";
import { ConservationFold, foldedConservation, formatFenBalances } from "../ledger/fold.js";
import { yearOf } from "../period.js";
import { policyRef } from "../policy/paramsAt.js";
import { LIBRARY, reviewWarnings } from "../policy/provenance.js";
import type { Policy } from "../policy/schema.js";
import type { EngineScenario } from "./flowsInput.js";
import { checkPeriodOrder } from "./periodOrder.js";
import { settleParsedSummary } from "./settlePeriod.js";
import type { InternalState } from "./state.js";
import type { SummaryPeriodReport } from "./summaryReport.js";
import { assembleSummary, outlineOf, type PeriodOutline, type SimulationSummary } from "./summaryResult.js";
import { summarizeYears, type YearSummary } from "./years.js";

/**
 * Settles a parsed scenario without restatements keeping only its summary. @internal
 */
export function simulateSummary(
  resolved: Policy,
  parsed: EngineScenario,
  init: { state: InternalState; journal: Parameters<ConservationFold["add"]>[0] },
  onPeriod: (done: number, period: string) => void,
): SimulationSummary {
  const fold = new ConservationFold();
  fold.add(init.journal);
  let state = init.state;
  const outlines: PeriodOutline[] = [];
  const years: YearSummary[] = [];
  let year: SummaryPeriodReport[] = [];
  let warnings: SimulationSummary["warnings"];
  const total = parsed.periods.length;
  parsed.periods.forEach((flows, index) => {
    checkPeriodOrder(state.nextPeriod, flows.period, index);
    let settled: ReturnType<typeof settleParsedSummary>;
    try {
      settled = settleParsedSummary(resolved, state, flows, [], index === total - 1, fold);
    } catch (error) {
      throw withPathPrefix(error, ["periods", index]);
    }
    state = settled.state;
    if (warnings === undefined) {
      const w = reviewWarnings(resolved, flows.period);
      if (w !== undefined) warnings = [...w];
    }
    // a year is summarized when the next period opens another (or the scenario ends)
    if (year.length > 0 && yearOf(year[0]!.period) !== yearOf(flows.period)) {
      years.push(...summarizeYears(resolved, year));
      year = [];
    }
    year.push(settled.report);
    outlines.push(outlineOf(settled.report));
    onPeriod(index + 1, flows.period);
  });
  if (year.length > 0) years.push(...summarizeYears(resolved, year));
  const balances = formatFenBalances(state.balances);
  return assembleSummary({
    name: parsed.name,
    policy: policyRef(resolved),
    library: LIBRARY,
    warnings,
    periods: outlines,
    years,
    balances,
    conservation: foldedConservation(fold, balances),
  });
}
