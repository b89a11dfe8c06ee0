/**
 * Time and memory of `inputProblems` on huge bad inputs (the figures of the
 * CHANGELOG): `node --import tsx bench/inputProblems.ts levies|scenario [n] [max]`,
 * under `/usr/bin/time -v` for the max RSS.
 *
 * - `levies`: `LevyInputs` of n empty records (default 1,000,000), `max` 10.
 * - `scenario`: `Scenario` of n periods (default 300,000), each with a bad income, `max` 1,000.
 */

import { EXAMPLE_SCENARIO } from "../src/examples.js";
import { inputProblems } from "../src/schemas.js";

const [which = "levies", nArg, maxArg] = process.argv.slice(2);
let value: unknown;
let name: "LevyInputs" | "Scenario";
let max: number;
if (which === "levies") {
  name = "LevyInputs";
  value = new Array(Number(nArg ?? 1_000_000)).fill({});
  max = Number(maxArg ?? 10);
} else {
  name = "Scenario";
  const period = { ...EXAMPLE_SCENARIO.periods[0]!, members: { ...EXAMPLE_SCENARIO.periods[0]!.members, sip: { income: "-1", expenditure: "0" } } };
  value = { ...EXAMPLE_SCENARIO, periods: new Array(Number(nArg ?? 300_000)).fill(period) };
  max = Number(maxArg ?? 1000);
}
const before = process.memoryUsage().rss;
const t0 = performance.now();
const { problems, more } = inputProblems(name, value, { max });
const ms = performance.now() - t0;
const after = process.memoryUsage().rss;
console.log(
  `${name}: ${problems.length} listed, ${more} more; ${(ms / 1000).toFixed(2)} s; RSS ${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MiB`,
);
