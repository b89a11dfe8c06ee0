/**
 * `suzhou-wi-pooling/analysis`: the policy analysis, a public entry kept apart
 * from the rules. Two policies compared on one scenario (`compare`,
 * `compareSimulations`, `diffPolicies`, `explainComparison`), a flow model
 * fitted to history (`fitFlowModel`) and the seeded stress test
 * (`stressTest`, `mergeStressResults`). The flow model's zod schemas are on
 * `suzhou-wi-pooling/schemas`, its worked example on `/examples`.
 *
 * ```ts
 * import { SUZHOU_2020 } from "suzhou-wi-pooling";
 * import { stressTest } from "suzhou-wi-pooling/analysis";
 * import { EXAMPLE_FLOW_MODEL } from "suzhou-wi-pooling/examples";
 * stressTest(EXAMPLE_FLOW_MODEL, { policy: SUZHOU_2020, runs: 100, seed: 1 });
 * ```
 *
 * @packageDocumentation
 */

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
export { type ComparisonExplanation, type ComparisonStep, explainComparison } from "./analysis/explainComparison.js";
export { type FittedFlowModel, type FittedSeries, type FlowHistory, fitFlowModel } from "./analysis/fitFlowModel.js";
export type { FlowModel, ParsedFlowModel } from "./analysis/flowModel.js";
export { mergeStressResults } from "./analysis/merge.js";
export { MAX_SEED, type Rng } from "./analysis/rng.js";
export type { Quantiles, StressExperiment, StressResult, StressYear } from "./analysis/stressResult.js";
export { type StressOptions, type StressProgress, stressTest } from "./analysis/stressTest.js";
export type { Histogram, Probability } from "./analysis/summaries.js";
export type { Tally } from "./analysis/tally.js";
