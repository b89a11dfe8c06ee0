/**
 * The document's readings, third pass (issue 17): each finding as an
 * exact-figure test that fails on 0.6.0, and the 0.6 reading where it is kept
 * as an option (`readings06()`: the yearly top-up, 20% on covering an opening
 * deficit, unpaid transfers as subsidies).
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { termZh } from "../../src/glossary.js";
import {
  type BudgetAdjustment,
  budgetExecution,
  consolidate,
  cutGapGrantEligibility,
  definePolicy,
  explain,
  fundStatements,
  type PeriodFlows,
  reserveMonths,
  type Scenario,
  SUZHOU_2020,
  simulate,
} from "../../src/index.js";
import { expectPoolingError, readings06 } from "../helpers.js";

const sim = simulate(EXAMPLE_SCENARIO);
const at = (period: string) => sim.periods.find((p) => p.period === period)!;
const old = simulate(EXAMPLE_SCENARIO, readings06());
const oldAt = (period: string) => old.periods.find((p) => p.period === period)!;
const clone = (): Scenario => JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
const IDS = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];

describe("finding 1: the pool never closes a month below its floor unless a shortfall is owed (R7, monthEnd)", () => {
  it("EXAMPLE_SCENARIO: 2020-06 closes on its floor, 251,250,000.00 (3.00 months); no open month below it (0.6: 149,300,000.00, 30 of 31 critical)", () => {
    expect(at("2020-06").pool).toMatchObject({
      balance: "251250000.00",
      floor: "251250000.00",
      reserveMonths: "3.00",
      risk: "warning",
      topUpReason: "scheduled",
    });
    expect(at("2020-06").parameters.topUpSchedule).toBe("monthEnd");
    expect(sim.periods.filter((p) => p.pool.open && p.pool.balance !== p.pool.floor)).toEqual([]);
    // the 0.6 reading, yearly, kept as an option
    expect(oldAt("2020-06").pool).toMatchObject({ balance: "149300000.00", reserveMonths: "1.78", risk: "critical" });
    expect(old.periods.filter((p) => p.pool.open && p.pool.risk === "critical").length).toBe(30);
  });

  /** Five quiet members from 2020-06 (E = 5,000,000.00, floor 15,000,000.00); 市本级 earns 20,000,000.00 in July. */
  function thin(): Scenario {
    return {
      opening: {
        start: "2020-06",
        members: Object.fromEntries(
          IDS.map((id) => [
            id,
            {
              priorYearBalance: id === "municipal" ? "2000000.00" : "1000000.00",
              priorYearExpenditure: "12000000.00",
              currentSurplus: "0.00",
              yearToDateExpenditure: "0.00",
            },
          ]),
        ),
      },
      periods: (["2020-06", "2020-07", "2020-08"] as const).map((period) => ({
        period,
        members: Object.fromEntries(
          IDS.map((id) => [id, { income: period === "2020-07" && id === "municipal" ? "20000000.00" : "0.00", expenditure: "0.00" }]),
        ),
        ...(period === "2020-06" ? { provincialRemittances: Object.fromEntries(IDS.map((id) => [id, "0.00"])) } : {}),
      })) as PeriodFlows[],
    };
  }

  it("what members cannot pay of a top-up they owe, by their shares; it is paid first from their next surplus", () => {
    const r = simulate(thin());
    const [june, july, aug] = r.periods as [(typeof r.periods)[0], (typeof r.periods)[0], (typeof r.periods)[0]];
    // extractions 600,000.00; the top-up to the floor needs 14,400,000.00: the members pay all they have, 5,400,000.00
    expect(june.pool).toMatchObject({
      extractions: "600000.00",
      topUp: "5400000.00",
      shortfall: "9000000.00",
      owedToPool: "9000000.00",
      balance: "6000000.00",
    });
    expect(june.members.municipal).toMatchObject({ topUp: "1800000.00", topUpOwed: "3000000.00", owed: "3000000.00", balance: "0.00" });
    expect(june.members.sip).toMatchObject({ topUp: "900000.00", topUpOwed: "1500000.00", owed: "1500000.00" });
    // July: 市本级's surplus pays its 3,000,000.00 first; the others still owe theirs, so nobody is asked twice
    expect(july.members.municipal).toMatchObject({ owedSettled: "3000000.00", owed: "0.00", topUp: "0.00", balance: "17000000.00" });
    expect(july.pool).toMatchObject({ balance: "9000000.00", topUp: "0.00", owedToPool: "6000000.00" });
    // below the floor only while a shortfall is owed and reported
    expect(aug.pool).toMatchObject({ balance: "9000000.00", owedToPool: "6000000.00" });
    expect(r.conservation.ok).toBe(true);
  });

  it("topUp.targetMonths: a city that wants headroom tops up to 4 months: 11 postings in 3 periods (to the floor: 124 in 31)", () => {
    const json = JSON.parse(JSON.stringify(SUZHOU_2020));
    json.id = "target-4";
    json.topUp[0].value.targetMonths = "4";
    const target = simulate(EXAMPLE_SCENARIO, definePolicy(json));
    const topUps = target.journal.filter((e) => e.kind === "topUp");
    expect([topUps.length, new Set(topUps.map((e) => e.period)).size]).toEqual([11, 3]);
    expect(target.periods.find((p) => p.period === "2020-06")!.pool.balance).toBe("335000000.00");
    expect(target.periods.filter((p) => p.pool.open && Number(p.pool.balance) < Number(p.pool.floor))).toEqual([]);
    expect(target.periods[1]!.parameters.topUpTargetMonths).toBe("4");
    const defaults = sim.journal.filter((e) => e.kind === "topUp");
    expect([defaults.length, new Set(defaults.map((e) => e.period)).size]).toEqual([124, 31]);
    // a target below the floor is refused
    json.topUp[0].value.targetMonths = "2";
    expectPoolingError(() => definePolicy(json), "INVALID_POLICY", ["topUp", 0, "value", "targetMonths"]);
  });
});

describe("finding 2: an extraction or remittance a district cannot pay is owed (应上解未上解), never a subsidy", () => {
  const scenario = clone();
  Object.assign(scenario.opening.members.wujiang!, { priorYearBalance: "100000000.00", currentSurplus: "-100000000.00" });

  it("吴江 (2019 balance 100,000,000.00, current −100,000,000.00): the 10,000,000.00 extraction is owed; no subsidy, no 20%", () => {
    const r = simulate(scenario);
    const june = r.periods.find((p) => p.period === "2020-06")!;
    expect(june.members.wujiang).toMatchObject({
      extraction: "10000000.00",
      extractionOwed: "10000000.00",
      provincialRemittanceOwed: "3840000.00",
      owed: "13840000.00",
      subsidyPaid: "0.00",
    });
    expect(june.pool.owedToPool).toBe("10000000.00");
    expect(r.journal.filter((e) => e.kind === "clawback" && e.from === "fiscal:wujiang")).toEqual([]);
    // paid first from its later surpluses
    expect(r.periods.find((p) => p.period === "2021-05")!.members.wujiang).toMatchObject({ owedSettled: "1204000.00", owed: "12636000.00" });
    expect(r.conservation.ok).toBe(true);
  });

  it("the 0.6 reading (deficitCoverage.unpaidTransfers: subsidy): paid by a pool subsidy, and 2,768,000.00 of 20% in 2020-12", () => {
    const r = simulate(scenario, readings06());
    expect(r.periods.find((p) => p.period === "2020-06")!.members.wujiang).toMatchObject({ extractionOwed: "0.00", subsidyPaid: "13840000.00" });
    expect(r.journal.filter((e) => e.kind === "clawback" && e.from === "fiscal:wujiang").map((e) => [e.period, e.amount])).toEqual([
      ["2020-12", "2768000.00"],
      ["2021-12", "156160.00"],
    ]);
  });
});

describe("finding 3: covering an opening (accumulated) deficit carries no 20% (opening.deficitCoverageCharged: false)", () => {
  it("相城区's 2020 charge: 4,320,000.00 (0.6: 22,220,000.00, of which 17,560,000.00 on its 87,800,000.00 opening deficit)", () => {
    expect(at("2020-06").members.xiangcheng).toMatchObject({ openingDeficitClaimed: "87800000.00", deficitPaid: "87800000.00", clawbackAccrued: "1080000.00" });
    expect(sim.years[0]!.members.xiangcheng!.clawback).toBe("4320000.00");
    expect(old.years[0]!.members.xiangcheng!.clawback).toBe("22220000.00");
    // the opening cover alone (the remittance still a subsidy): 22,220,000.00 − 17,560,000.00
    const json = JSON.parse(JSON.stringify(readings06()));
    json.opening[0].value.deficitCoverageCharged = false;
    expect(simulate(EXAMPLE_SCENARIO, definePolicy(json)).years[0]!.members.xiangcheng!.clawback).toBe("4660000.00");
    // journaled as the cover of a deficit (二（二）), not as a subsidy: 13,402,500.00 into its current part, 74,397,500.00 into carried
    const cover = sim.journal.filter((e) => e.kind === "deficitCover" && e.period === "2020-06" && e.member === "xiangcheng").map((e) => e.amount);
    expect(cover).toEqual(["13402500.00", "74397500.00"]);
  });
});

describe("finding 4: a provincial reserve may be paid on any date up to 06-20; a late one is flagged overdue", () => {
  it("2021's remittances paid in May: accepted, none again in June, the same total (0.6: REMITTANCE_NOT_DUE)", () => {
    const scenario = clone();
    const june = scenario.periods.find((p) => p.period === "2021-06")!;
    scenario.periods.find((p) => p.period === "2021-05")!.provincialRemittances = june.provincialRemittances!;
    delete june.provincialRemittances;
    const r = simulate(scenario);
    expect(r.periods.find((p) => p.period === "2021-05")!.members.municipal).toMatchObject({ provincialRemittance: "6480000.00", remittanceOverdue: false });
    expect(r.periods.find((p) => p.period === "2021-06")!.members.municipal!.provincialRemittance).toBe("0.00");
    expect(r.conservation.provincialOut).toBe(sim.conservation.provincialOut);
  });

  it("one given in July is accepted and flagged overdue", () => {
    const scenario = clone();
    const june = scenario.periods.find((p) => p.period === "2021-06")!;
    scenario.periods.find((p) => p.period === "2021-07")!.provincialRemittances = { sip: "100.00" };
    expect(june.provincialRemittances).toBeDefined();
    const july = simulate(scenario).periods.find((p) => p.period === "2021-07")!;
    expect(july.members.sip).toMatchObject({ provincialRemittance: "100.00", remittanceOverdue: true });
    expect(july.members.municipal!.remittanceOverdue).toBe(false);
  });
});

describe("finding 5: eligibility gives its true reason", () => {
  it("cutGapGrantEligibility for 2021-05, outside the window: not eligible, outsideWindow (0.6: eligible true)", () => {
    expect(
      cutGapGrantEligibility({ period: "2021-05", cutFraction: "0.5", priorYearBalance: "-80000000.00", priorYearExpenditure: "117000000.00" }),
    ).toMatchObject({
      ownReserveMonths: "-8.21",
      eligibleForCutGapGrant: false,
      reason: "outsideWindow",
    });
    expect(cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", ownReserveMonths: "20" })).toMatchObject({
      eligibleForCutGapGrant: true,
      reason: "reservesShort",
    });
    expect(cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", ownReserveMonths: "24" })).toMatchObject({
      eligibleForCutGapGrant: false,
      reason: "reservesSufficient",
    });
  });

  it("the explanation of 相城区 in 2021-05 says the window ended, in Chinese and in English (0.6: not short of the requirement)", () => {
    const may = at("2021-05");
    expect(may.members.xiangcheng).toMatchObject({ eligibleForCutGapGrant: false, eligibilityReason: "outsideWindow" });
    const zh = explain(may, { lang: "zh" }).text;
    expect(zh).toContain("本期不在阶段性降费期内，无同步降费造成的缺口：无降费缺口弥补");
    expect(zh).not.toContain("不属于备付期未达到降费要求的地区");
    expect(explain(may, { lang: "en" }).text).toContain("the period is outside the rate-cut window: no cut, no cut-gap grant");
  });
});

describe("finding 6: the document's terms", () => {
  it("补助额20%上解, 降费缺口弥补, 原储备金和调剂金; members are 各地 (the 统筹地区 is the city-district as a whole)", () => {
    expect(termZh("clawback", "")).toBe("补助额20%上解");
    expect(termZh("cutGapGrant", "")).toBe("降费缺口弥补");
    expect(termZh("legacyFunds", "")).toBe("原储备金和调剂金");
    expect(termZh("members", "")).toBe("各地");
    expect(termZh("member", "")).toBe("地区");
    const zh = explain(at("2020-06"), { lang: "zh" }).text;
    expect(zh).toContain("申请降费缺口弥补");
    expect(zh).not.toContain("降费补缺");
  });
});

describe("finding 7: a budget adjustment is approved within its budget year", () => {
  it("an adjustment of the 2020 budget dated 2021-09-15: BUDGET_ADJUSTMENT_OUT_OF_YEAR (0.6: accepted)", () => {
    const statements = fundStatements(sim.journal, 2020, EXAMPLE_SCENARIO.opening);
    const budget = [{ member: "wujiang", year: 2020, income: { contributions: "130000000.00" }, expenditure: { benefits: "170000000.00" } }];
    const adjustment: BudgetAdjustment = {
      member: "wujiang",
      year: 2020,
      changes: { expenditure: { benefits: "1.00" } },
      approval: { ref: "吴财社〔2021〕9号", date: "2021-09-15" },
    };
    expectPoolingError(() => budgetExecution(budget, [adjustment], { year: 2020, statements }), "BUDGET_ADJUSTMENT_OUT_OF_YEAR", [
      "adjustments",
      0,
      "approval",
      "date",
    ]);
    expect(() => budgetExecution(budget, [{ ...adjustment, approval: { ref: "x", date: "2020-12-31" } }], { year: 2020, statements })).not.toThrow();
  });
});

describe("finding 8: risk-band sources per entity", () => {
  it("the pool's critical band is the document's floor; a member's bands are all library defaults (0.6: document for both)", () => {
    const p = at("2020-09").parameters;
    expect(p.riskBandsSource).toBe(
      "critical from 0 months: document; warning from 3 months: library default; normal from 9 months: library default; surplus from 24 months: library default",
    );
    expect(p.memberRiskBandsSource).toBe(
      "critical from 0 months: library default; warning from 3 months: library default; normal from 9 months: library default; surplus from 24 months: library default",
    );
  });
});

describe("finding 9: the old 储备金 and 调剂金 are fund money", () => {
  it("the consolidated 2020 opening includes their 52,000,000.00; they are folded in by an internal transfer (0.6: from external:legacy-funds)", () => {
    const city = consolidate(fundStatements(sim.journal, 2020, EXAMPLE_SCENARIO.opening));
    expect(city.opening).toBe("2162000000.00");
    expect(consolidate(fundStatements(old.journal, 2020, EXAMPLE_SCENARIO.opening)).opening).toBe("2162000000.00");
    expect(sim.journal.filter((e) => e.from.startsWith("external:legacy") || e.to.startsWith("external:legacy"))).toEqual([]);
    expect(city.eliminations.filter((e) => e.kind === "legacyFoldIn").length).toBe(5);
  });
});

describe("finding 10: reserve months are never rounded up, negatives included", () => {
  it('reserveMonths("-100.00", "1201.00") is "-1.00" (exact −0.9992; 0.6: "-0.99"); positives are truncated as before', () => {
    expect(reserveMonths("-100.00", "1201.00")).toBe("-1.00");
    expect(reserveMonths("100.00", "1201.00")).toBe("0.99");
    expect(reserveMonths("-1200.00", "1200.00")).toBe("-12.00");
    expect(reserveMonths("-0.01", "1200000.00")).toBe("-0.01");
    expect(at("2020-09").members.xiangcheng!.ownReserveMonths).toBe("-8.21");
  });
});
