/**
 * `EXAMPLE_BUDGET`: the budgets (预算) of `EXAMPLE_SCENARIO`'s members and
 * pool for 2020 to 2022, with one approved adjustment (预算调整). ALL FIGURES
 * ARE ILLUSTRATIVE: plausible magnitudes, not real data. A fixture: data only,
 * no rule is computed here.
 *
 * @module
 */

import { deepFreeze } from "../policy/define.js";
import type { Budget, BudgetsAndAdjustments } from "../statements/budget.js";

/** One line each: member, year, contributions, benefits (members) or major-accident benefits (the pool). */
const LINES: readonly (readonly [member: string, year: number, contributions: string | null, benefits: string])[] = [
  ["municipal", 2020, "220000000.00", "298000000.00"],
  ["wujiang", 2020, "130000000.00", "172000000.00"],
  ["wuzhong", 2020, "110000000.00", "149000000.00"],
  ["xiangcheng", 2020, "58000000.00", "115000000.00"],
  ["sip", 2020, "195000000.00", "256000000.00"],
  ["pool", 2020, null, "20000000.00"],
  ["municipal", 2021, "290000000.00", "310000000.00"],
  ["wujiang", 2021, "172000000.00", "186000000.00"],
  ["wuzhong", 2021, "145000000.00", "160000000.00"],
  ["xiangcheng", 2021, "72000000.00", "118000000.00"],
  ["sip", 2021, "250000000.00", "266000000.00"],
  ["pool", 2021, null, "20000000.00"],
  ["municipal", 2022, "360000000.00", "322000000.00"],
  ["wujiang", 2022, "214000000.00", "193000000.00"],
  ["wuzhong", 2022, "180000000.00", "165000000.00"],
  ["xiangcheng", 2022, "96000000.00", "120000000.00"],
  ["sip", 2022, "320000000.00", "280000000.00"],
  ["pool", 2022, null, "20000000.00"],
];

/**
 * The built-in budgets of `EXAMPLE_SCENARIO`, **illustrative figures**: each
 * member's contributions and benefits and the pool's major-accident benefits
 * for 2020 (the full year, January to April included), 2021 and 2022, and one
 * approved adjustment: 吴江区's 2020 benefits raised by 8,000,000.00 (to
 * 180,000,000.00). The budgets were not made for the scenario's two stress
 * events (the 2020-12 major accident, 吴中区's 2021-03 one-off), so their
 * execution shows them as variances. Deeply frozen, like `EXAMPLE_SCENARIO`.
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * const [y2020] = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
 * y2020.members.find((m) => m.member === "wujiang")?.expenditure[0]?.adjusted; // "180000000.00"
 * ```
 */
export const EXAMPLE_BUDGET: BudgetsAndAdjustments = deepFreeze({
  budget: LINES.map(
    ([member, year, contributions, benefits]): Budget => ({
      member,
      year,
      income: contributions === null ? {} : { contributions },
      expenditure: member === "pool" ? { majorAccidentBenefits: benefits } : { benefits },
    }),
  ),
  adjustments: [
    {
      member: "wujiang",
      year: 2020,
      changes: { expenditure: { benefits: "8000000.00" } },
      approval: { ref: "吴财社〔2020〕18号 (illustrative)", date: "2020-09-15" },
    },
  ],
});
