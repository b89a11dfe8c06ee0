/**
 * `EXAMPLE_SCENARIO`: the built-in scenario the demo runs. ALL FIGURES ARE
 * ILLUSTRATIVE: plausible magnitudes for the five members, not real data.
 * The figures are a fixture (`exampleScenarioData.ts`); this module only
 * arranges them into a `Scenario`. No rule is computed here: 相城区's
 * premiums come from its levy records when the scenario runs.
 *
 * @module
 */

import { nextPeriod } from "../period.js";
import { deepFreeze } from "../policy/define.js";
import type { PeriodInput } from "../schema/fields.js";
import type { MemberFlows, PeriodFlows, Scenario } from "../settlement/schema.js";
import {
  EXAMPLE_ACCIDENTS,
  EXAMPLE_OPENING,
  EXAMPLE_PERIODS,
  EXAMPLE_REMITTANCES,
  EXAMPLE_TEXT,
  EXAMPLE_TOTALS,
  EXAMPLE_XIANGCHENG,
} from "./exampleScenarioData.js";

/** The consecutive periods from `from` to `to`. */
function periodsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) out.push(p);
  return out;
}

/** A fixture column: amounts separated by spaces. */
const column = (text: string): string[] => text.split(" ");

const TOTALS = Object.entries(EXAMPLE_TOTALS).map(([id, c]) => ({
  id,
  income: column(c.income),
  expenditure: column(c.expenditure),
  cutRelief: column(c.cutRelief),
  syncInducedRelief: column(c.syncInducedRelief),
}));
const XIANGCHENG_EXPENDITURE = column(EXAMPLE_XIANGCHENG.expenditure);

function periodFlows(periodText: string, i: number): PeriodFlows {
  const period = periodText as PeriodInput; // from periodsFrom: a valid YYYY-MM
  const members: Record<string, MemberFlows> = {};
  for (const c of TOTALS) {
    members[c.id] = { income: c.income[i]!, expenditure: c.expenditure[i]!, cutRelief: c.cutRelief[i]!, syncInducedRelief: c.syncInducedRelief[i]! };
  }
  members.xiangcheng = {
    expenditure: XIANGCHENG_EXPENDITURE[i]!,
    levies: EXAMPLE_XIANGCHENG.levies[i]!.map(([industryClass, payroll, cutFraction, ownCutFraction]) => ({
      employerId: `xiangcheng-class-${industryClass}-employers`,
      period,
      industryClass,
      payroll,
      ...(cutFraction !== null ? { cutFraction } : {}),
      ...(ownCutFraction !== null ? { ownCutFraction } : {}),
    })),
  };
  const flows: PeriodFlows = { period, members };
  const remittances = EXAMPLE_REMITTANCES[period];
  if (remittances) flows.provincialRemittances = { ...remittances };
  const accidents = EXAMPLE_ACCIDENTS[period];
  if (accidents) flows.majorAccidentClaims = accidents.map((c) => ({ ...c }));
  return flows;
}

/**
 * The built-in scenario, **illustrative figures**: the five members from
 * 2020-05 to 2022-12, with 2019 year-end balances and expenditure and the 2020
 * surplus so far. Its story shows each rule once: the opening extraction
 * (2020-06, after the 06-20 provincial remittance; a remittance every June) and
 * the legacy fold-in; the 50% rate cut in the window; 相城区's opening deficit
 * (2019 balance −80,000,000.00) covered by the pool as a subsidy; 相城区, below
 * the national reserve requirement, receiving a cut-gap grant each month of the
 * window up to its levy records' sync-induced relief; 吴中区, whose 24.00 months
 * of its own reserves meet the requirement, getting no grant: after a one-off
 * payment in 2021-03 its gap is a subsidy; 吴江区 eligible but paying its own
 * gaps; clawbacks of 20% accrued month by month and settled each December;
 * scheduled top-ups at the opening and in January; a major-accident claim of
 * 苏州工业园区 in 2020-12 that the pool cannot pay, so the members top it up then
 * (`whenShort`). 相城区's income is computed from employer levy records. Its
 * budgets are `EXAMPLE_BUDGET`.
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * sim.years.map((y) => y.year); // [2020, 2021, 2022]
 * ```
 */
export const EXAMPLE_SCENARIO: Scenario = deepFreeze({
  ...EXAMPLE_TEXT,
  opening: structuredClone(EXAMPLE_OPENING) as unknown as Scenario["opening"],
  periods: periodsFrom(EXAMPLE_PERIODS.from, EXAMPLE_PERIODS.to).map(periodFlows),
});
