import { EXAMPLE_SCENARIO, explain, simulate } from "./src/index.js";

const sim = simulate(EXAMPLE_SCENARIO);
console.log(explain(sim.periods[0]!).text.slice(0, 600));
