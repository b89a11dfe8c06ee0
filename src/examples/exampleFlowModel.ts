/**
 * `EXAMPLE_FLOW_MODEL`: a flow model of the five members, for trying the
 * stress test. ALL FIGURES ARE ILLUSTRATIVE: the opening data are those of
 * `EXAMPLE_SCENARIO`; monthly contributions and benefits start at a twelfth
 * of each member's 2019 income and benefits, growing 6% and 4% a year, with
 * a mild seasonality, log-normal noise (3% and 8%) correlated at 0.3 between
 * members; each member has a major accident about once in four years
 * (Pareto severity from 20,000,000.00 yuan, tail index 1.8, capped at
 * 500,000,000.00), claimed from the pool; the June remittance is 2% of the
 * prior year's contributions.
 *
 * @module
 */

import type { FlowModel } from "../analysis/flowModel.js";
import { deepFreeze } from "../policy/define.js";
import { EXAMPLE_OPENING } from "./exampleScenarioData.js";

const SEASON = [0.98, 0.96, 1.0, 1.0, 1.0, 1.02, 1.0, 1.0, 1.0, 1.0, 1.0, 1.04];

function twelfth(yuan: string): string {
  return (Math.round((Number(yuan) * 100) / 12) / 100).toFixed(2);
}

function member(id: keyof typeof EXAMPLE_OPENING.members) {
  const o = EXAMPLE_OPENING.members[id];
  return {
    opening: { ...o },
    contributions: { base: twelfth(o.priorYearIncome), trend: 0.06, seasonality: SEASON, noise: { family: "lognormal" as const, sigma: 0.03 } },
    benefits: { base: twelfth(o.priorYearExpenditure), trend: 0.04, seasonality: SEASON, noise: { family: "lognormal" as const, sigma: 0.08 } },
    accidents: {
      rate: 0.02,
      severity: { family: "pareto" as const, scale: "20000000.00", shape: 1.8 },
      cap: "500000000.00",
      paidBy: "pool" as const,
    },
    remittanceRate: "0.02",
  };
}

/**
 * The example flow model of the five members (illustrative figures).
 *
 * @example
 * ```ts
 * stressTest(EXAMPLE_FLOW_MODEL, { runs: 100, seed: 1 }).horizon.pool.unscheduledTopUp.p;
 * ```
 */
export const EXAMPLE_FLOW_MODEL: FlowModel = deepFreeze({
  name: "Five members, illustrative",
  description: "Illustrative, not real data: the example scenario's opening, trend, seasonality, correlated noise and heavy-tailed major accidents.",
  start: "2020-05",
  correlation: 0.3,
  members: {
    municipal: member("municipal"),
    wujiang: member("wujiang"),
    wuzhong: member("wuzhong"),
    sip: member("sip"),
    xiangcheng: member("xiangcheng"),
  },
} satisfies FlowModel);
