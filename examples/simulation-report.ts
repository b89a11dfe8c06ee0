/**
 * The full simulation of EXAMPLE_SCENARIO (illustrative figures) with the HTML
 * report. Run: npx tsx examples/simulation-report.ts [out.html]
 * The same through the CLI: npx wi-pooling simulate --report out.html
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidate, explain, fundStatements, SUZHOU_2020, simulate, simulationBudgetExecution } from "suzhou-wi-pooling";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "suzhou-wi-pooling/examples";
import { renderReport } from "suzhou-wi-pooling/report";

const sim = simulate(EXAMPLE_SCENARIO);
console.log(`periods ${sim.periods.length}, journal entries ${sim.journal.length}, conservation ${sim.conservation.ok ? "ok" : "FAILED"}`);

// the opening month, explained
console.log(explain(sim.periods.find((p) => p.period === "2020-06")!, { lang: "en" }).text);

// the city-district's consolidated statement for 2021 (二（四）)
const city = consolidate(fundStatements(sim.journal, 2021));
console.log(
  `2021: opening ${city.opening}, contributions ${city.income.contributions}, benefits ${city.expenditure.benefits}, closing ${city.closing}, ${city.eliminations.length} transfers eliminated`,
);

const out = process.argv[2] ?? join(tmpdir(), "wi-pooling-report.html");
// with EXAMPLE_BUDGET's execution (二（四）): a budget section in the report
const budgetExecution = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
console.log(`budget execution 2020, city-district benefits: ${budgetExecution[0]?.consolidated.expenditure[0]?.executionRate}`);
writeFileSync(out, renderReport(sim, SUZHOU_2020, { budgetExecution, illustrative: true }));
console.log(`report written to ${out}`);
