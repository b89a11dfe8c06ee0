/**
 * `npm run demo`: simulates the city-district pooling of 苏府办〔2020〕86号 on
 * the built-in EXAMPLE_SCENARIO (ILLUSTRATIVE figures, not real data) and
 * prints a yearly summary with Chinese and English labels — the same summary
 * as `wi-pooling simulate`.
 */
import { EXAMPLE_SCENARIO, SUZHOU_2020, simulate } from "../src/index.js";
import { formatSummary } from "../src/report.js";

console.log("示例数据，非真实数据 / ILLUSTRATIVE figures, not real data");
console.log(formatSummary(simulate(EXAMPLE_SCENARIO), SUZHOU_2020));
