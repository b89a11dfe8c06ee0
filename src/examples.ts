/**
 * `suzhou-wi-pooling/examples`: the worked example, a third public entry kept
 * apart from the rules. `EXAMPLE_SCENARIO` is 30 months of the five members'
 * flows from January 2020 (the pool opens 2020-06-30, 二（二）);
 * `EXAMPLE_BUDGET` is the members' budgets for its years, with one approved
 * adjustment; `EXAMPLE_FLOW_MODEL` is a flow model for the stress test
 * (`suzhou-wi-pooling/analysis`). All are frozen fixtures for tests, demos and
 * the playground.
 *
 * ```ts
 * import { simulate } from "suzhou-wi-pooling";
 * import { EXAMPLE_SCENARIO } from "suzhou-wi-pooling/examples";
 * simulate(EXAMPLE_SCENARIO).periods.length; // 30
 * ```
 *
 * @packageDocumentation
 */

export { EXAMPLE_BUDGET } from "./examples/exampleBudget.js";
export { EXAMPLE_FLOW_MODEL } from "./examples/exampleFlowModel.js";
export { EXAMPLE_SCENARIO } from "./examples/exampleScenario.js";
