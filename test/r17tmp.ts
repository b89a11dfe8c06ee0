import { consolidate, cutGapGrantEligibility, EXAMPLE_SCENARIO, explain, fundStatements, reserveMonths, simulate, type Scenario } from "../src/index.js";
import { readings06 } from "./helpers.js";
const clone = (): Scenario => JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
// F2
const s2 = clone();
Object.assign(s2.opening.members.wujiang!, { priorYearBalance: "100000000.00", currentSurplus: "-100000000.00" });
for (const p of [readings06(), undefined]) {
  const sim = simulate(s2, p);
  const j = sim.periods.find((x) => x.period === "2020-06")!.members.wujiang!;
  console.log("F2", JSON.stringify({ extraction: j.extraction, extractionOwed: j.extractionOwed, subsidyPaid: j.subsidyPaid, owed: j.owed, balance: j.balance, owedToPool: sim.periods[1]!.pool.owedToPool }));
  console.log("F2 claw", JSON.stringify(sim.journal.filter((e) => e.kind === "clawback" && e.from === "fiscal:wujiang").map((e) => [e.period, e.amount])));
  console.log("F2 owed path", sim.periods.filter(p=>p.members.wujiang!.owedSettled!=="0.00").map(p=>[p.period,p.members.wujiang!.owedSettled,p.members.wujiang!.owed]).slice(0,4));
}
// F3
const p3 = readings06();
const json = JSON.parse(JSON.stringify(p3)); json.opening[0].value.deficitCoverageCharged = false;
import { definePolicy } from "../src/index.js";
const sim3 = simulate(EXAMPLE_SCENARIO, definePolicy(json));
console.log("F3 onlyUncharged", sim3.years[0]!.members.xiangcheng!.clawback);
// F4
const s4 = clone();
const june21 = s4.periods.find((p) => p.period === "2021-06")!;
const may21 = s4.periods.find((p) => p.period === "2021-05")!;
may21.provincialRemittances = june21.provincialRemittances; delete june21.provincialRemittances;
const sim4 = simulate(s4);
console.log("F4", JSON.stringify(sim4.periods.find(p=>p.period==="2021-05")!.members.municipal), sim4.periods.find(p=>p.period==="2021-06")!.members.municipal!.provincialRemittance, sim4.conservation.provincialOut, simulate(EXAMPLE_SCENARIO).conservation.provincialOut);
console.log("F4 given", JSON.stringify(june21), JSON.stringify(may21.provincialRemittances));
// F5
console.log("F5", JSON.stringify(cutGapGrantEligibility({ period: "2021-05", cutFraction: "0.5", ownReserveMonths: "-8.2" })));
const sim = simulate(EXAMPLE_SCENARIO);
const may = sim.periods.find((p) => p.period === "2021-05")!;
console.log("F5zh", explain(may, { lang: "zh" }).text.split("\n").filter((l) => l.includes("相城")).join("\n"));
// F9
for (const p of [readings06(), undefined]) {const s = simulate(EXAMPLE_SCENARIO, p); console.log("F9", consolidate(fundStatements(s.journal, 2020)).opening, consolidate(fundStatements(s.journal, 2020, EXAMPLE_SCENARIO.opening)).opening);}
console.log("F10", reserveMonths("-100.00", "1201.00"), reserveMonths("100.00", "1201.00"), reserveMonths("-1200.00", "1200.00"));
console.log("F8", sim.periods[3]!.parameters.memberRiskBandsSource, "|", sim.periods[3]!.parameters.riskBandsSource);
const old = simulate(EXAMPLE_SCENARIO, readings06());
const j06 = old.periods.find((p) => p.period === "2020-06")!.pool;
console.log("F1 06", j06.balance, j06.floor, j06.reserveMonths, old.periods.filter(p=>p.pool.open && p.pool.risk==="critical").length, old.periods.filter(p=>p.pool.open).length);
