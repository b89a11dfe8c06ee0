/**
 * The figures the docs state about `EXAMPLE_SCENARIO` (docs/rules.md, R14's
 * table) are the simulation's own: each is computed here and looked up in the
 * page, so a change of figures cannot leave the page behind.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { simulate } from "../../src/index.js";

const rules = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
const table = rules.slice(rules.indexOf("| rule | where the example shows it |"));
const sim = simulate(EXAMPLE_SCENARIO);
const at = (period: string) => sim.periods.find((p) => p.period === period)!;
/** `"1234567.80"` → `"1,234,567.80"`; negatives keep their sign. */
const grouped = (amount: string) => {
  const [whole, cents] = amount.replace("-", "").split(".");
  return `${amount.startsWith("-") ? "−" : ""}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
};

describe("docs/rules.md: the example's figures are the output's", () => {
  it("R14's table, figure by figure", () => {
    const clawbacks = sim.journal.filter((e) => e.kind === "clawback");
    const topUps = sim.journal.filter((e) => e.kind === "topUp");
    const figures: [string, string][] = [
      ["R5 extraction", grouped(at("2020-06").pool.extractions)],
      ["R5 opening deficit", grouped(at("2020-06").members.xiangcheng!.deficitPaid)],
      ["R6 相城区's remittance", grouped(at("2020-06").members.xiangcheng!.provincialRemittanceOwed)],
      ["R6 相城区 owes", grouped(at("2022-12").members.xiangcheng!.owed)],
      ["R6 吴中区 pays late", grouped(at("2021-07").members.wuzhong!.owedSettled)],
      ["R8 own months", at("2020-09").members.xiangcheng!.ownReserveMonths!.replace("-", "−")],
      ["R8 grant", grouped(at("2020-09").members.xiangcheng!.grantPaid)],
      ["R8 June grant", grouped(at("2020-06").members.xiangcheng!.grantPaid)],
      ["R8 吴中区 subsidy", grouped(at("2021-03").members.wuzhong!.subsidyPaid)],
      ["R7 postings", `${topUps.length} postings in ${new Set(topUps.map((e) => e.period)).size} months`],
      ["R7 opening", grouped(at("2020-06").pool.topUp)],
      ["R7 2020-12", grouped(at("2020-12").pool.topUp)],
      ["R7 2021-01", grouped(at("2021-01").pool.topUp)],
      ["R10 accident", grouped(at("2020-12").pool.paid.majorAccident)],
      ["R10 2021 floor", grouped(at("2021-01").pool.floor)],
      ...clawbacks.map((e): [string, string] => [`R9 ${e.from} ${e.period}`, grouped(e.amount)]),
    ];
    for (const [what, figure] of figures) expect(table, what).toContain(figure);
    expect(sim.periods.filter((p) => p.pool.open && p.pool.balance !== p.pool.floor)).toEqual([]);
    expect(table).toContain("the pool on its floor in every open month");
  });
});
