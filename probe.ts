import { EXAMPLE_SCENARIO, simulate } from "./src/index.js";

const sim = simulate({
  ...EXAMPLE_SCENARIO,
  restatements: [{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }],
} as never);
for (const e of sim.journal) if (e.period === "2021-02") console.log(e.seq, e.kind, e.from, e.to, e.amount, e.corrects ?? "");
const p = sim.periods.find((p) => p.period === "2021-02")!;
console.log(Object.entries(p.members).map(([i, m]) => i + ":" + m.topUp));
console.log(Object.keys(sim), sim.restated ? Object.keys(sim.restated) : null);
