/**
 * A custom policy whose members and 市本级 split use ids of its own: the engine
 * posts the split to the fiscal accounts the policy names (no Suzhou id in the
 * code), the split is validated, and messages name members as the policy does.
 */
import { describe, expect, it } from "vitest";
import { checkConservation, definePolicy, PoolingError, type Scenario, SUZHOU_2020, simulate } from "../../src/index.js";

const MEMBERS = [
  { id: "municipal", nameZh: "市直", nameEn: "City proper" },
  { id: "east", nameZh: "东区", nameEn: "East" },
  { id: "sip", nameZh: "某新区", nameEn: "New district" },
];

function customPolicy(split: unknown, version = "custom-1"): ReturnType<typeof definePolicy> {
  const json = JSON.parse(JSON.stringify(SUZHOU_2020));
  json.id = "custom-members-test";
  json.version = version;
  json.members = [{ ...json.members[0], value: MEMBERS }];
  json.clawback[0].value.municipal = split;
  return definePolicy(json);
}

/** A subsidy to 市本级 in July (the scenario of test/settlement/fiscal.test.ts, on the custom members). */
function scenario(): Scenario {
  const ids = MEMBERS.map((m) => m.id);
  const opening: Scenario["opening"] = { start: "2020-05", members: {} };
  for (const id of ids) {
    opening.members[id] = {
      priorYearBalance: id === "municipal" ? "1000000.00" : "1000000000.00",
      priorYearExpenditure: "1000000.00",
      currentSurplus: "0.00",
      yearToDateExpenditure: "0.00",
    };
  }
  const quiet = () => Object.fromEntries(ids.map((id) => [id, { income: "0.00", expenditure: "0.00" }]));
  const july = quiet();
  july.municipal = { income: "10000000.00", expenditure: "12000000.00" };
  return {
    opening,
    periods: [
      { period: "2020-05", members: quiet() },
      { period: "2020-06", members: quiet(), provincialRemittances: Object.fromEntries(ids.map((id) => [id, "0.00"])) },
      { period: "2020-07", members: july },
    ],
  };
}

function thrown(work: () => unknown): PoolingError {
  try {
    work();
  } catch (error) {
    if (error instanceof PoolingError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("clawback.municipal.split: fiscal account names of the policy's own", () => {
  it("splits 市本级's 220,000.00 by weight 2 : 1 over fiscal:old-town and fiscal:hi_tech, in the split's order", () => {
    const policy = customPolicy({ split: { "old-town": "2", hi_tech: "1" } });
    const sim = simulate(scenario(), { policy });
    const july = sim.periods[2]!;
    expect(july.parameters.clawbackMunicipal).toEqual({ split: { "old-town": "2", hi_tech: "1" } });
    expect(july.members.municipal!.clawback).toBe("220000.00");
    expect(sim.balances["fiscal:old-town"]).toBe("-146666.67");
    expect(sim.balances["fiscal:hi_tech"]).toBe("-73333.33");
    expect(sim.balances["fiscal:gusu"]).toBeUndefined();
    expect(sim.balances["fiscal:snd"]).toBeUndefined();
    expect(sim.balances["fiscal:city"]).toBe("220000.00");
    const clawbacks = sim.journal.filter((e) => e.kind === "clawback").map((e) => [e.from, e.amount]);
    expect(clawbacks).toEqual([
      ["fiscal:old-town", "146666.67"],
      ["fiscal:hi_tech", "73333.33"],
    ]);
    expect(checkConservation(sim.journal, sim.balances).ok).toBe(true);
  });

  it("a split over one government charges it the whole clawback", () => {
    const sim = simulate(scenario(), { policy: customPolicy({ split: { east: "1" } }, "custom-2") });
    expect(sim.balances["fiscal:east"]).toBe("-220000.00");
  });

  it("refuses an empty split, all-zero weights, a reserved name, `city`, a bad name and a negative weight (INVALID_POLICY at the split or its key)", () => {
    const at = ["clawback", 0, "value", "municipal", "split"];
    for (const split of [{}, { a: "0", b: "0" }, JSON.parse('{"constructor":"1"}'), { city: "1" }, { "a b": "1" }, { a: "-1" }]) {
      const error = thrown(() => customPolicy({ split }, "custom-bad"));
      expect(error.path.slice(0, at.length)).toEqual(at);
      expect(error.code).toBe("INVALID_POLICY");
    }
  });
});

describe("messages name a custom policy's members by its names, never Suzhou's", () => {
  it("a missing member of the custom policy is named 东区; a reused id `sip` is 某新区, not 苏州工业园区", () => {
    const policy = customPolicy("none", "custom-3");
    const missing = scenario();
    delete missing.opening.members.east;
    const error = thrown(() => simulate(missing, { policy }));
    expect(error.code).toBe("MISSING_MEMBER");
    expect(error.messageZh).toBe("期初数据的各地：缺少政策规定的纳入市区统筹的某一地区（东区）");
    const bad = scenario();
    bad.periods[0]!.members.sip = { income: "x", expenditure: "0.00" };
    const sipError = thrown(() => simulate(bad, { policy }));
    expect(sipError.path).toEqual(["periods", 0, "members", "sip", "income"]);
    expect(sipError.messageZh).toContain("某新区");
    expect(sipError.messageZh).not.toContain("苏州工业园区");
  });
});
