/**
 * The document's readings revised in 0.5 (issue 9, findings 2, 3, 4, 5, 7),
 * each as an exact-figure test of the new reading and, where the 0.4 reading
 * is kept as an option value, of that value too.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, type PeriodFlows, type PeriodInput, type Policy, type Scenario, SUZHOU_2020, simulate } from "../../src/index.js";
import { noSelfTransfers, periodsFrom, readings06 } from "../helpers.js";
import { trioPolicyJson } from "./arbitraries.js";

const MEMBERS = SUZHOU_2020.members[0]!.value.map((m) => m.id);

/** SUZHOU_2020 with one parameter's value changed. */
function variant(id: string, change: (json: ReturnType<typeof trioPolicyJson>) => void): Policy {
  const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
  json.id = id;
  change(json);
  return definePolicy(json);
}

/** Five quiet members (no income, no benefits) from 2020-05 to `end`; `opening` and `flows` override. */
function quietScenario(
  end: PeriodInput,
  balances: Record<string, string>,
  flows: (period: string) => Partial<PeriodFlows> = () => ({}),
  priorYearExpenditure = "12000000.00",
): Scenario {
  const opening: Scenario["opening"] = { start: "2020-05", members: {} };
  for (const id of MEMBERS) {
    opening.members[id] = { priorYearBalance: balances[id]!, priorYearExpenditure, currentSurplus: "0.00", yearToDateExpenditure: "0.00" };
  }
  const periods = periodsFrom("2020-05", end).map((period) => {
    const base: PeriodFlows = { period, members: Object.fromEntries(MEMBERS.map((id) => [id, { income: "0.00", expenditure: "0.00" }])) };
    if (period.endsWith("-06")) base.provincialRemittances = Object.fromEntries(MEMBERS.map((id) => [id, "0.00"]));
    return { ...base, ...flows(period) } as PeriodFlows;
  });
  return { opening, periods };
}

describe("finding 2: the pool covers accumulated deficits, the opening ones included (R5)", () => {
  const scenario = quietScenario("2021-12", {
    municipal: "1000000000.00",
    wujiang: "1000000000.00",
    wuzhong: "1000000000.00",
    xiangcheng: "-10000000.00",
    sip: "1000000000.00",
  });

  it("a member opening with −10,000,000.00 has it claimed as a subsidy at the opening, with its clawback settled in December (the 0.6 reading, opening.deficitCoverageCharged true)", () => {
    const sim = simulate(scenario, readings06());
    const june = sim.periods.find((p) => p.period === "2020-06")!;
    expect(june.pool.extractions).toBe("400000000.00");
    expect(june.members.xiangcheng).toMatchObject({
      openingDeficitClaimed: "10000000.00",
      subsidyClaimed: "0.00",
      subsidyPaid: "10000000.00",
      clawbackAccrued: "2000000.00",
      clawback: "0.00",
      balance: "0.00",
      deficit: "0.00",
    });
    expect(june.pool.paid.subsidy).toBe("10000000.00");
    expect(sim.periods.find((p) => p.period === "2020-12")!.members.xiangcheng!.clawback).toBe("2000000.00");
    const dec2021 = sim.periods.at(-1)!;
    expect(dec2021.period).toBe("2021-12");
    expect(dec2021.members.xiangcheng!.balance).toBe("0.00");
    expect(dec2021.pool.balance).toBe("390000000.00");
    expect(sim.balances["fiscal:xiangcheng"]).toBe("-2000000.00");
    expect(sim.balances["fiscal:city"]).toBe("2000000.00");
    expect(sim.conservation.ok).toBe(true);
  });

  it("opening.coverOpeningDeficits false keeps the 0.4 reading: the deficit stays while the pool holds 400,000,000.00", () => {
    const sim = simulate(
      scenario,
      variant("no-opening-cover", (json) => {
        json.opening[0].value.coverOpeningDeficits = false;
      }),
    );
    const dec2021 = sim.periods.at(-1)!;
    expect(dec2021.members.xiangcheng!.balance).toBe("-10000000.00");
    expect(dec2021.pool.balance).toBe("400000000.00");
    expect(dec2021.parameters.coverOpeningDeficits).toBe(false);
  });
});

describe("finding 3: the top-up follows a schedule (R7)", () => {
  /** Five members of 1,000,000.00 each (E = 500,000.00, T = 1,500,000.00); accidents of 2,000,000.00 in 2020-09 and 100,000.00 in 2020-10. */
  const scenario = quietScenario(
    "2020-10",
    Object.fromEntries(MEMBERS.map((id) => [id, "1000000.00"])),
    (period) =>
      period === "2020-09"
        ? { majorAccidentClaims: [{ member: "wuzhong", amount: "2000000.00" }] }
        : period === "2020-10"
          ? { majorAccidentClaims: [{ member: "wuzhong", amount: "100000.00" }] }
          : {},
    "1200000.00",
  );

  it('"yearly" (the 0.6 default): to the floor at the opening; when the pool cannot pay its claims, to the floor after them; no sliver after', () => {
    const sim = simulate(scenario, readings06());
    const at = (period: string) => sim.periods.find((p) => p.period === period)!;
    expect(at("2020-06").pool).toMatchObject({ floor: "1500000.00", extractions: "500000.00", topUp: "1000000.00", topUpReason: "scheduled" });
    expect(at("2020-06").members.wujiang!.topUp).toBe("200000.00");
    expect(at("2020-07").pool.topUp).toBe("0.00");
    expect(at("2020-09").pool).toMatchObject({ topUp: "2000000.00", topUpReason: "whenShort", balance: "1500000.00" });
    expect(at("2020-09").members.wujiang!.topUp).toBe("400000.00");
    expect(at("2020-10").pool).toMatchObject({ topUp: "0.00", topUpReason: null, balance: "1400000.00" });
    expect(sim.journal.filter((e) => e.kind === "topUp").map((e) => e.period)).toEqual([...Array(5).fill("2020-06"), ...Array(5).fill("2020-09")]);
  });

  it('"monthly" keeps the 0.4 reading: the floor is tested after the claims every period', () => {
    const sim = simulate(
      scenario,
      variant("monthly", (json) => {
        json.topUp[0].value.schedule = "monthly";
      }),
    );
    const at = (period: string) => sim.periods.find((p) => p.period === period)!;
    expect(at("2020-09").pool).toMatchObject({ topUp: "2000000.00", topUpReason: "scheduled", balance: "1500000.00" });
    expect(at("2020-10").pool).toMatchObject({ topUp: "100000.00", topUpReason: "scheduled", balance: "1500000.00" });
    expect(at("2020-10").parameters.topUpSchedule).toBe("monthly");
  });

  it("EXAMPLE_SCENARIO, yearly (the 0.6 reading): 19 top-up postings in 4 periods (monthly, the 0.4 reading: 124 in 31), the pool a buffer below its floor within the year", () => {
    const sim = simulate(EXAMPLE_SCENARIO, readings06());
    const topUps = sim.journal.filter((e) => e.kind === "topUp");
    expect(topUps.length).toBe(19);
    // the opening and each January (scheduled), and 2020-12, when the pool could not pay a 120,000,000.00 accident (whenShort)
    expect([...new Set(topUps.map((e) => e.period))]).toEqual(["2020-06", "2020-12", "2021-01", "2022-01"]);
    expect(sim.periods.filter((p) => p.pool.topUp !== "0.00").map((p) => p.pool.topUpReason)).toEqual(["scheduled", "whenShort", "scheduled", "scheduled"]);
    expect(sim.years.map((y) => y.pool.topUp)).toEqual(["291550000.00", "30000000.00", "104313137.01"]);
    expect(sim.years.map((y) => [y.pool.balance, y.pool.floor])).toEqual([
      ["251250000.00", "251250000.00"],
      ["203901862.99", "281250000.00"],
      ["282078200.00", "308215000.00"],
    ]);
    const monthly = simulate(
      EXAMPLE_SCENARIO,
      variant("monthly-top-up", (json) => (json.topUp[0].value.schedule = "monthly")),
    );
    const monthlyTopUps = monthly.journal.filter((e) => e.kind === "topUp");
    expect([monthlyTopUps.length, new Set(monthlyTopUps.map((e) => e.period)).size]).toEqual([124, 31]);
    // monthly, the pool sits on its floor in every open month
    expect(monthly.periods.filter((p) => p.pool.open && p.pool.balance !== p.pool.floor)).toEqual([]);
  });
});

describe("finding 4: June in due-date order; payments out of a fund take its current surplus first (R6, R8)", () => {
  function juneScenario(member: { priorYearBalance: string; currentSurplus: string }, remittance: string, syncInducedRelief = "0.00"): Scenario {
    const opening: Scenario["opening"] = { start: "2020-06", members: {} };
    for (const id of MEMBERS) {
      opening.members[id] =
        id === "wujiang"
          ? { ...member, priorYearExpenditure: "0.00", yearToDateExpenditure: "0.00" }
          : { priorYearBalance: "1000000000.00", priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" };
    }
    const members = Object.fromEntries(MEMBERS.map((id) => [id, { income: "0.00", expenditure: "0.00" }]));
    members.wujiang = { income: "0.00", expenditure: "0.00", syncInducedRelief } as (typeof members)[string];
    const provincialRemittances = Object.fromEntries(MEMBERS.map((id) => [id, id === "wujiang" ? remittance : "0.00"]));
    return { opening, periods: [{ period: "2020-06", members, provincialRemittances }] };
  }

  it("吴江: 1,000,000.00 carried, 500,000.00 current surplus, remits 300,000.00: the report and the journal both take current (0.6 reading)", () => {
    const sim = simulate(juneScenario({ priorYearBalance: "1000000.00", currentSurplus: "500000.00" }, "300000.00"), readings06());
    const june = sim.periods[0]!;
    expect(june.members.wujiang).toMatchObject({
      provincialRemittance: "300000.00",
      gap: "300000.00",
      fromCurrentSurplus: "300000.00",
      fromCumulativeBalance: "0.00",
    });
    const remittance = sim.journal.filter((e) => e.kind === "provincialRemittance" && e.member === "wujiang");
    expect(remittance.map((e) => [e.from, e.amount])).toEqual([["member:wujiang:current", "300000.00"]]);
    // the extraction (06-30) comes after the remittance (06-20), out of the current surplus left, then the carried balance
    const seqOf = (kind: string) => sim.journal.find((e) => e.kind === kind && e.member === "wujiang")!.seq;
    expect(seqOf("provincialRemittance")).toBeLessThan(seqOf("openingExtraction"));
    expect(sim.journal.filter((e) => e.kind === "openingExtraction" && e.member === "wujiang").map((e) => [e.from, e.amount])).toEqual([
      ["member:wujiang:current", "100000.00"],
    ]);
  });

  it("a member with 1,000,000.00 remits 950,000.00 in full before the extraction; what it cannot pay is a subsidy, never a grant (the 0.6 reading, unpaidTransfers subsidy)", () => {
    const sim = simulate(juneScenario({ priorYearBalance: "1000000.00", currentSurplus: "0.00" }, "950000.00", "100000.00"), readings06());
    const june = sim.periods[0]!;
    expect(june.members.wujiang).toMatchObject({
      provincialRemittance: "950000.00",
      extraction: "100000.00",
      grantClaimed: "0.00",
      subsidyClaimed: "50000.00",
      subsidyPaid: "50000.00",
      balance: "0.00",
    });
    const remitted = sim.journal.filter((e) => e.kind === "provincialRemittance" && e.member === "wujiang");
    expect(remitted.map((e) => [e.from, e.amount])).toEqual([["member:wujiang:carried", "950000.00"]]);
    expect(noSelfTransfers(sim.journal)).toEqual([]);
  });
});

describe("finding 5: clawbacks accrue per period and settle once a year through the fiscal settlement (R9)", () => {
  it("EXAMPLE_SCENARIO under the 0.6 readings: one transfer per member and year, in December: 相城区 22,220,000.00 (2020), 7,288,000.00 (2021), 5,227,360.00 (2022); 吴中区 5,361,627.40 (2021)", () => {
    const sim = simulate(EXAMPLE_SCENARIO, readings06());
    const clawbacks = sim.journal.filter((e) => e.kind === "clawback");
    expect(clawbacks.map((e) => [e.period, e.from, e.to, e.amount])).toEqual([
      ["2020-12", "fiscal:xiangcheng", "fiscal:city", "22220000.00"],
      ["2021-12", "fiscal:wuzhong", "fiscal:city", "5361627.40"],
      ["2021-12", "fiscal:xiangcheng", "fiscal:city", "7288000.00"],
      ["2022-12", "fiscal:xiangcheng", "fiscal:city", "5227360.00"],
    ]);
    expect(sim.years.map((y) => y.clawbacks)).toEqual(["22220000.00", "12649627.40", "5227360.00"]);
    expect(sim.years.map((y) => y.members.xiangcheng!.clawbackAccrued)).toEqual(["22220000.00", "7288000.00", "5227360.00"]);
    expect(sim.years.map((y) => y.members.municipal!.clawback)).toEqual(["0.00", "0.00", "0.00"]);
    expect(sim.periods.find((p) => p.period === "2021-08")!.members.xiangcheng!).toMatchObject({ clawbackAccrued: "579000.00", clawback: "0.00" });
  });

  it("a year whose rate changes rounds once per rate: 0.03 + 0.03 at 20% and 0.05 at 30% settle 0.03 (per subsidy: 0.04)", () => {
    const json = trioPolicyJson("rate-change");
    const [version] = json.clawback;
    json.clawback = [
      { ...version, to: "2020-09-30" },
      { ...version, from: "2020-10-01", value: { rate: "0.3", municipal: "none" } },
    ];
    const policy = definePolicy(json);
    const gaps: Record<string, string> = { "2020-08": "0.03", "2020-09": "0.03", "2020-11": "0.05" };
    const member = (priorYearBalance: string) => ({ priorYearBalance, priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" });
    const scenario: Scenario = {
      opening: { start: "2020-06", members: { a: member("0.00"), b: member("1000000.00"), c: member("1000000.00") } },
      periods: periodsFrom("2020-06", "2020-12").map((period) => ({
        period,
        members: {
          a: { income: "0.00", expenditure: gaps[period] ?? "0.00" },
          b: { income: "0.00", expenditure: "0.00" },
          c: { income: "0.00", expenditure: "0.00" },
        },
        ...(period === "2020-06" ? { provincialRemittances: { a: "0.00", b: "0.00", c: "0.00" } } : {}),
      })),
    };
    const sim = simulate(scenario, policy);
    expect(sim.periods.map((p) => p.members.a!.subsidyPaid)).toEqual(["0.00", "0.00", "0.03", "0.03", "0.00", "0.05", "0.00"]);
    expect(sim.journal.filter((e) => e.kind === "clawback").map((e) => [e.period, e.from, e.amount])).toEqual([["2020-12", "fiscal:a", "0.03"]]);
  });
});

describe("finding 7: the floor's base includes the benefits the pool itself paid (R7)", () => {
  it("EXAMPLE_SCENARIO: the 120,000,000.00 accident benefit of 2020 adds 30,000,000.00 to the 2021 floor (281,250,000.00; 0.4: 251,250,000.00)", () => {
    const sim = simulate(EXAMPLE_SCENARIO);
    expect(sim.years[0]!.pool.paid.majorAccident).toBe("120000000.00");
    expect(sim.periods.find((p) => p.period === "2021-01")!.pool.floor).toBe("281250000.00");
    expect(sim.periods.find((p) => p.period === "2020-12")!.pool.floor).toBe("251250000.00");
  });
});

describe("pool.priority: the order is policy data, the library's default", () => {
  it("a policy paying subsidies before major accidents pays them first (SUZHOU_2020's order is marked as the library's default)", () => {
    expect(SUZHOU_2020.pool[0]!.note).toBe("library default");
    const scenario = quietScenario(
      "2020-07",
      Object.fromEntries(MEMBERS.map((id) => [id, id === "xiangcheng" ? "0.00" : "1000.00"])),
      (period) =>
        period === "2020-07"
          ? {
              majorAccidentClaims: [{ member: "wuzhong", amount: "400.00" }],
              members: {
                ...Object.fromEntries(MEMBERS.map((id) => [id, { income: "0.00", expenditure: "0.00" }])),
                xiangcheng: { income: "0.00", expenditure: "300.00" },
              },
            }
          : {},
      "0.00",
    );
    // whenShort off, so that the pool (400.00 of extractions) cannot pay both classes
    const notWhenShort = (json: ReturnType<typeof trioPolicyJson>) => {
      json.topUp[0].value.schedule = "yearly";
      json.topUp[0].value.whenShort = false;
    };
    const byDefault = simulate(scenario, variant("not-when-short", notWhenShort)).periods.at(-1)!;
    expect(byDefault.parameters.priority).toEqual(["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"]);
    expect(byDefault.pool.paid).toMatchObject({ majorAccident: "400.00", subsidy: "0.00" });
    const reordered = simulate(
      scenario,
      variant("subsidy-first", (json) => {
        notWhenShort(json);
        json.pool[0].value.priority = ["subsidy", "majorAccident", "cutGapGrant", "recordedDeficit"];
      }),
    ).periods.at(-1)!;
    expect(reordered.pool.paid).toMatchObject({ majorAccident: "100.00", subsidy: "300.00" });
  });
});

describe("deficit.yearEndTrueUp", () => {
  it("is policy data, false by default; true is accepted (its figures: test/settlement/trueUp.test.ts)", () => {
    expect(SUZHOU_2020.deficitCoverage[0]!.value.yearEndTrueUp).toBe(false);
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.id = "true-up";
    json.deficitCoverage[0].value.yearEndTrueUp = true;
    expect(definePolicy(json).deficitCoverage[0]!.value.yearEndTrueUp).toBe(true);
  });
});
