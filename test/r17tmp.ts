import { EXAMPLE_SCENARIO, simulate } from "../src/index.js";
import { formatSummary } from "../src/report.js";
import { readings06 } from "./helpers.js";
const p = readings06();
const out = formatSummary(simulate(EXAMPLE_SCENARIO, p), p);
console.log(out.split("\n").filter((l) => /journal|clawbacks \(|本库的解读|readings|上解市财政/.test(l)).join("\n"));
