import { describe, expect, it } from "vitest";
import { checkConservation, definePolicy, type Scenario, SUZHOU_2020, simulate } from "../../src/index.js";
import { ACCOUNTS } from "../../src/schemas.js";
import { noSelfTransfers } from "../helpers.js";

const MEMBERS = SUZHOU_2020.members[0]!.value.map((m) => m.id);

/** The repro of the 市本级 crash: a subsidy to 市本级 (its government is municipal finance's own). */
function municipalSubsidyScenario(): Scenario {
  const opening: Scenario["opening"] = { start: "2020-05", members: {} };
  for (const id of MEMBERS) {
    opening.members[id] = {
      priorYearBalance: id === "municipal" ? "1000000.00" : "1000000000.00",
      priorYearExpenditure: "1000000.00",
      currentSurplus: "0.00",
      yearToDateExpenditure: "0.00",
    };
  }
  const quiet = () => Object.fromEntries(MEMBERS.map((id) => [id, { income: "0.00", expenditure: "0.00" }]));
  const july = quiet();
  july.municipal = { income: "10000000.00", expenditure: "12000000.00" };
  return {
    opening,
    periods: [
      { period: "2020-05", members: quiet() },
      { period: "2020-06", members: quiet(), provincialRemittances: Object.fromEntries(MEMBERS.map((id) => [id, "0.00"])) },
      { period: "2020-07", members: july },
    ],
  };
}

describe("fiscal accounts: municipal finance is fiscal:city, distinct from every member's fiscal:<id>", () => {
  it("municipal finance has an account of its own", () => {
    expect(ACCOUNTS.municipalFinance).toBe("fiscal:city");
    for (const id of MEMBERS) expect(`fiscal:${id}`).not.toBe(ACCOUNTS.municipalFinance);
  });

  it("the 市本级 repro settles, conserves, and posts no entry from an account to itself", () => {
    const sim = simulate(municipalSubsidyScenario());
    const july = sim.periods[2]!;
    // 2,000,000.00 gap; 900,000.00 left after the 100,000.00 extraction; the rest is a subsidy.
    expect(july.members.municipal!.gap).toBe("2000000.00");
    expect(july.members.municipal!.subsidyPaid).toBe("1100000.00");
    // 0.5: 市本级's government is the municipal government: by default (clawback.municipal "none") it owes none.
    // (0.4 posted 220,000.00 from fiscal:municipal to fiscal:city.)
    expect(july.parameters.clawbackMunicipal).toBe("none");
    expect(july.members.municipal!.clawbackAccrued).toBe("0.00");
    expect(july.members.municipal!.clawback).toBe("0.00");
    expect(sim.balances["fiscal:municipal"]).toBeUndefined();
    expect(sim.balances["fiscal:city"]).toBeUndefined();
    expect(sim.conservation.ok).toBe(true);
    expect(checkConservation(sim.journal, sim.balances).ok).toBe(true);
    expect(noSelfTransfers(sim.journal)).toEqual([]);
    for (const period of sim.periods) expect(period.conservationOk).toBe(true);
  });
});

describe("clawback.municipal: a split charging 姑苏区 and 苏州高新区", () => {
  it("settles 市本级's 220,000.00 in the last simulated period, 110,000.00 from fiscal:gusu and from fiscal:snd", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.id = "suzhou-2020-split";
    json.clawback[0].value.municipal = { split: { gusu: "1", snd: "1" } };
    const sim = simulate(municipalSubsidyScenario(), definePolicy(json));
    const july = sim.periods[2]!;
    expect(july.parameters.clawbackMunicipal).toEqual({ split: { gusu: "1", snd: "1" } });
    expect(july.members.municipal!.clawbackAccrued).toBe("220000.00");
    expect(july.members.municipal!.clawback).toBe("220000.00");
    expect(sim.balances["fiscal:gusu"]).toBe("-110000.00");
    expect(sim.balances["fiscal:snd"]).toBe("-110000.00");
    expect(sim.balances["fiscal:municipal"]).toBeUndefined();
    expect(sim.balances["fiscal:city"]).toBe("220000.00");
    expect(sim.conservation.ok).toBe(true);
    expect(noSelfTransfers(sim.journal)).toEqual([]);
  });
});
