import { EXAMPLE_SCENARIO, simulate } from "../src/index.js";
const sim = simulate(EXAMPLE_SCENARIO);
for (const p of ["2021-06","2021-07"]) { const m = sim.periods.find(x=>x.period===p)!.members.wuzhong!; console.log(p, m.provincialRemittance, m.provincialRemittanceOwed, m.owedSettled, m.owed, m.remittanceOverdue); }
console.log(sim.conservation.provincialOut, sim.periods.find(x=>x.period==="2022-12")!.members.xiangcheng!.owed);
