/**
 * `npm run demo`: simulates the city-district pooling of 苏府办〔2020〕86号 on
 * the built-in EXAMPLE_SCENARIO (ILLUSTRATIVE figures, not real data) and
 * prints a yearly summary with Chinese and English labels — the same summary
 * as `wi-pooling simulate`: each member's eligibility for the cut-gap grant,
 * the top-ups and why, clawbacks accrued and settled, and the execution of
 * EXAMPLE_BUDGET, computed by `simulationBudgetExecution` against the simulation.
 */
import { SUZHOU_2020, simulate, simulationBudgetExecution } from "suzhou-wi-pooling";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "suzhou-wi-pooling/examples";
import { formatSummary } from "suzhou-wi-pooling/report";

const sim = simulate(EXAMPLE_SCENARIO);
const budgetExecution = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
// `illustrative`: the summary opens with the banner "示例数据，非真实数据 / ILLUSTRATIVE figures, not real data"
console.log(formatSummary(sim, SUZHOU_2020, { budgetExecution, illustrative: true }));
