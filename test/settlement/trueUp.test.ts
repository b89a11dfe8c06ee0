/**
 * R8, option `deficitCoverage.yearEndTrueUp` (issue 9): the year's grants and
 * subsidies settled at year end on the year's net gap (预拨 then 清算), by the
 * public rule `yearEndTrueUp` and in the settlement.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  definePolicy,
  explain,
  initialState,
  type Policy,
  type Scenario,
  type SettlementState,
  SUZHOU_2020,
  simulate,
  yearEndTrueUp,
} from "../../src/index.js";
import { toJSONSchema } from "../../src/schemas.js";
import { settlePeriodTraced } from "../../src/settlement/settlePeriod.js";
import { newEngineTrace } from "../../src/settlement/steps/trace.js";
import { expectPoolingError, noSelfTransfers, periodsFrom, readings06 } from "../helpers.js";
import { runs } from "../support/fc.js";
import { IDS, scenarioArb, trioPolicyJson } from "./arbitraries.js";

const d = (s: string) => new Decimal(s);

/** A policy with the true-up on (under the 0.6 readings, which these figures were written for). */
function withTrueUp(json: ReturnType<typeof trioPolicyJson>, id: string): Policy {
  json.id = id;
  json.deficitCoverage[0].value.yearEndTrueUp = true;
  return readings06(definePolicy(json));
}
const SUZHOU_TRUE_UP = withTrueUp({ ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" }, "suzhou-true-up");
/** A second clawback version from 2021-07-01 at 30%. */
function rateChange(json: ReturnType<typeof trioPolicyJson>): ReturnType<typeof trioPolicyJson> {
  const first = json.clawback[0];
  json.clawback = [
    { ...first, to: "2021-06-30" },
    { ...first, from: "2021-07-01", value: { ...first.value, rate: "0.3" } },
  ];
  return json;
}
const RATE_CHANGE = withTrueUp(rateChange({ ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" }), "rate-change");
/** Three members, the true-up on, the clawback rate 0.2 then 0.3 from 2021-07 (the engine and the rule must agree across it). */
const TRIO_TRUE_UP = withTrueUp(rateChange(trioPolicyJson("trio-true-up")), "trio-true-up");

describe("yearEndTrueUp (the rule)", () => {
  it("returns what the member still holds, subsidies first; kept subsidies become grants within the unused relief", () => {
    const t = yearEndTrueUp({
      grantsPaid: "0.00",
      subsidiesPaid: "300.00",
      yearEndBalance: "120.00",
      syncInducedRelief: "50.00",
      grantableSubsidies: "300.00",
      grantsWaiting: "0.00",
    });
    expect(t).toMatchObject({
      returned: "120.00",
      subsidiesReturned: "120.00",
      grantsReturned: "0.00",
      reclassified: "50.00",
      grantsSettled: "50.00",
      subsidiesSettled: "130.00",
      clawback: "26.00",
      clawbackRate: "0.2",
      policy: { id: "suzhou-2020", version: "2.0" },
    });
    expect(t.citations.map((c) => c.clause)).toEqual(["二（三）", "二（三）", "二（三）"]);
  });

  it("a member that holds more than every subsidy returns grants too; nothing is left to claw back", () => {
    const t = yearEndTrueUp({
      grantsPaid: "100.00",
      subsidiesPaid: "300.00",
      yearEndBalance: "350.00",
      syncInducedRelief: "500.00",
      grantableSubsidies: "300.00",
      grantsWaiting: "0.00",
    });
    expect(t).toMatchObject({ returned: "350.00", subsidiesReturned: "300.00", grantsReturned: "50.00", reclassified: "0.00" });
    expect(t).toMatchObject({ grantsSettled: "50.00", subsidiesSettled: "0.00", clawback: "0.00" });
  });

  it("a member in deficit at year end returns nothing; a grant never becomes a subsidy", () => {
    const t = yearEndTrueUp({
      grantsPaid: "100.00",
      subsidiesPaid: "40.00",
      yearEndBalance: "-5.00",
      syncInducedRelief: "0.00",
      grantableSubsidies: "40.00",
      grantsWaiting: "0.00",
    });
    expect(t).toMatchObject({ returned: "0.00", reclassified: "0.00", grantsSettled: "100.00", subsidiesSettled: "40.00", clawback: "8.00" });
  });

  it("the clawback is rounded once, half-up, on the settled subsidies", () => {
    // 0.2 × 0.03 = 0.006 → 0.01
    expect(
      yearEndTrueUp({
        grantsPaid: "0.00",
        subsidiesPaid: "0.05",
        yearEndBalance: "0.02",
        syncInducedRelief: "0.00",
        grantableSubsidies: "0.05",
        grantsWaiting: "0.00",
      }).clawback,
    ).toBe("0.01");
  });

  it("only subsidies the cut could have caused become grants: an opening deficit's subsidy keeps its clawback", () => {
    // 5,000,000.00 of opening-deficit subsidy, 1,000,000.00 of unused relief: nothing of it is grantable
    const t = yearEndTrueUp({
      grantsPaid: "0.00",
      subsidiesPaid: "5000000.00",
      yearEndBalance: "0.00",
      syncInducedRelief: "1000000.00",
      grantableSubsidies: "0.00",
      grantsWaiting: "0.00",
    });
    expect(t).toMatchObject({ reclassified: "0.00", subsidiesSettled: "5000000.00", clawback: "1000000.00" });
  });

  it("grant claims still waiting keep their part of the relief", () => {
    const t = yearEndTrueUp({
      grantsPaid: "1000000.00",
      subsidiesPaid: "7000000.00",
      yearEndBalance: "0.00",
      syncInducedRelief: "8000000.00",
      grantableSubsidies: "7000000.00",
      grantsWaiting: "1000000.00",
    });
    expect(t).toMatchObject({ reclassified: "6000000.00", grantsSettled: "7000000.00", subsidiesSettled: "1000000.00", clawback: "200000.00" });
  });

  it("subsidies by period: each at its period's rate, the last periods settled first", () => {
    const t = yearEndTrueUp(
      {
        grantsPaid: "0.00",
        subsidiesPaid: { "2021-03": "100.00", "2021-08": "100.00" },
        yearEndBalance: "50.00",
        syncInducedRelief: "0.00",
        grantableSubsidies: "0.00",
        grantsWaiting: "0.00",
      },
      RATE_CHANGE,
    );
    // 50.00 returned off 2021-08; 100.00 × 0.2 + 50.00 × 0.3
    // one rate per line: the rate in force at the year end is `clawbackRate` (a well-formed rate, never "0.2, 0.3")
    expect(t).toMatchObject({
      returned: "50.00",
      subsidiesSettled: "150.00",
      clawback: "35.00",
      clawbackRate: "0.3",
      clawbackRates: [
        { rate: "0.2", subsidies: "100.00", clawback: "20.00" },
        { rate: "0.3", subsidies: "50.00", clawback: "15.00" },
      ],
    });
    // explain reads it back (0.6.0: a DecimalError on "0.2, 0.3")
    expect(explain(t, { lang: "en" }).steps.at(-1)!.text).toBe(
      "Clawback (on the settled subsidies, each at the rate of the period it was paid in): 100.00 × 0.2 = 20.00; 50.00 × 0.3 = 15.00; in all 35.00",
    );
    expect(explain(t).steps.at(-1)!.text).toBe("补助上解（按清算后的补助，各按支付所属期的比例）：100.00 × 0.2 = 20.00；50.00 × 0.3 = 15.00；合计 35.00");
  });

  it("validates its input", () => {
    expectPoolingError(
      () =>
        yearEndTrueUp({
          grantsPaid: "-1.00",
          subsidiesPaid: "0.00",
          yearEndBalance: "0.00",
          syncInducedRelief: "0.00",
          grantableSubsidies: "0.00",
          grantsWaiting: "0.00",
        }),
      "NEGATIVE_AMOUNT",
      ["grantsPaid"],
    );
    expectPoolingError(
      () =>
        yearEndTrueUp({
          grantsPaid: "0.00",
          subsidiesPaid: "0.001",
          yearEndBalance: "0.00",
          syncInducedRelief: "0.00",
          grantableSubsidies: "0.001",
          grantsWaiting: "0.00",
        }),
      "AMOUNT_NOT_IN_FEN",
      ["subsidiesPaid"],
    );
    expectPoolingError(
      () =>
        yearEndTrueUp({
          grantsPaid: "0.00",
          subsidiesPaid: "0.00",
          yearEndBalance: "0.00",
          syncInducedRelief: "0.00",
          grantableSubsidies: "0.00",
          grantsWaiting: "0.00",
          extra: 1,
        } as never),
      "UNKNOWN_KEY",
    );
    const en = explain(
      yearEndTrueUp({
        grantsPaid: "0.00",
        subsidiesPaid: "300.00",
        yearEndBalance: "120.00",
        syncInducedRelief: "50.00",
        grantableSubsidies: "300.00",
        grantsWaiting: "0.00",
      }),
      { lang: "en" },
    );
    expect(en.kind).toBe("yearEndTrueUp");
    expect(en.text).toContain("Step 1: what the member still holds at year end goes back to the pool: 120.00 (subsidies 120.00 first, then grants 0.00)");
    expect(en.text).toContain("Clawback (rate 0.2, on the settled subsidies): 130.00 × 0.2 = 26.00");
    expect(en.steps.every((s) => s.citation?.clause === "二（三）")).toBe(true);
    expect(
      explain(
        yearEndTrueUp({
          grantsPaid: "1.00",
          subsidiesPaid: "0.00",
          yearEndBalance: "0.00",
          syncInducedRelief: "0.00",
          grantableSubsidies: "0.00",
          grantsWaiting: "0.00",
        }),
      ).title,
    ).toBe("年终清算（预拨后清算）");
    const zero = { grantsPaid: "0.00", yearEndBalance: "0.00", syncInducedRelief: "0.00", grantableSubsidies: "0.00", grantsWaiting: "0.00" };
    expectPoolingError(() => yearEndTrueUp({ ...zero, subsidiesPaid: { "2020-07": "1.001" } }), "AMOUNT_NOT_IN_FEN", ["subsidiesPaid", "2020-07"]);
    expectPoolingError(() => yearEndTrueUp({ ...zero, subsidiesPaid: { "2020-07": "-1.00" } }), "NEGATIVE_AMOUNT", ["subsidiesPaid", "2020-07"]);
    expectPoolingError(() => yearEndTrueUp({ ...zero, subsidiesPaid: { July: "1.00" } as never }), "INVALID_PERIOD", ["subsidiesPaid", "July"]);
    expectPoolingError(() => yearEndTrueUp({ ...zero, subsidiesPaid: { "2019-07": "1.00" } }), "POLICY_NOT_IN_FORCE", ["subsidiesPaid", "2019-07"]);
    expect(toJSONSchema("YearEndTrueUpInput")).toMatchObject({ additionalProperties: false, "x-io": "input" });
    expect(toJSONSchema("YearEndTrueUp")).toMatchObject({ "x-io": "output" });
  });
});

const RICH = { priorYearBalance: "1000000000.00", priorYearExpenditure: "120000000.00", currentSurplus: "0.00", yearToDateExpenditure: "40000000.00" };
const MEMBERS = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"] as const;

/**
 * 相城 opens with nothing of its own (eligible for the grant): in 2020-07 it spends 20,000,000.00 beyond its
 * income with 1,000,000.00 of sync-induced relief (grant 1,000,000.00, subsidy 19,000,000.00); in 2020-09 it
 * has 2,000,000.00 of relief and no gap; in 2020-10 a 15,000,000.00 surplus.
 */
function xiangchengYear(end = "2020-12"): Scenario {
  const periods = (["2020-05", "2020-06", "2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12"] as const).filter((p) => p <= end);
  const xiangcheng = (period: string) => {
    if (period === "2020-07") return { income: "10000000.00", expenditure: "30000000.00", syncInducedRelief: "1000000.00" };
    if (period === "2020-09") return { income: "10000000.00", expenditure: "10000000.00", syncInducedRelief: "2000000.00" };
    if (period === "2020-10") return { income: "25000000.00", expenditure: "10000000.00" };
    return { income: "10000000.00", expenditure: "10000000.00" };
  };
  return {
    opening: {
      start: "2020-05",
      members: Object.fromEntries(
        MEMBERS.map((id) => [id, id === "xiangcheng" ? { ...RICH, priorYearBalance: "0.00" } : RICH]),
      ) as Scenario["opening"]["members"],
    },
    periods: periods.map((period) => ({
      period,
      members: Object.fromEntries(MEMBERS.map((id) => [id, id === "xiangcheng" ? xiangcheng(period) : { income: "10000000.00", expenditure: "10000000.00" }])),
      ...(period === "2020-06" ? { provincialRemittances: Object.fromEntries(MEMBERS.map((id) => [id, "0.00"])) } : {}),
    })),
  };
}

describe("the settlement with deficitCoverage.yearEndTrueUp", () => {
  it("相城 returns the 15,000,000.00 it still holds in December; 2,000,000.00 of subsidy becomes grant; the clawback is 400,000.00", () => {
    const sim = simulate(xiangchengYear(), SUZHOU_TRUE_UP);
    const july = sim.periods.find((p) => p.period === "2020-07")!.members.xiangcheng!;
    expect(july).toMatchObject({ eligibleForCutGapGrant: true, grantPaid: "1000000.00", subsidyPaid: "19000000.00", clawbackAccrued: "3800000.00" });
    const dec = sim.periods.at(-1)!;
    expect(dec.parameters.yearEndTrueUp).toBe(true);
    expect(dec.members.xiangcheng).toMatchObject({
      trueUpReturned: "15000000.00",
      trueUpReclassified: "2000000.00",
      clawback: "400000.00",
      balance: "0.00",
    });
    expect(dec.pool.trueUpReturned).toBe("15000000.00");
    for (const id of MEMBERS.filter((m) => m !== "xiangcheng")) expect(dec.members[id]!.trueUpReturned).toBe("0.00");
    const year = sim.years[0]!;
    expect(year.members.xiangcheng).toMatchObject({
      clawbackAccrued: "3800000.00",
      clawback: "400000.00",
      trueUpReturned: "15000000.00",
      trueUpReclassified: "2000000.00",
    });
    expect(year.pool.trueUpReturned).toBe("15000000.00");
    const returns = sim.journal.filter((e) => e.kind === "trueUpReturn");
    expect(returns.every((e) => e.to === "pool" && e.from.startsWith("member:xiangcheng:") && e.period === "2020-12")).toBe(true);
    expect(returns.reduce((s, e) => s.plus(e.amount), d("0")).toFixed(2)).toBe("15000000.00");
    expect(sim.balances["fiscal:xiangcheng"]).toBe("-400000.00");
    expect(sim.conservation.ok).toBe(true);
    noSelfTransfers(sim.journal);
    // explain says what the true-up did, with its clause
    const text = explain(dec, { lang: "en" }).steps.map((s) => s.text);
    expect(text.some((t) => t.includes("true-up") && t.includes("15000000.00") && t.includes("2000000.00"))).toBe(true);
  });

  it("off (the default): 相城 keeps the 15,000,000.00 and its clawback is 3,800,000.00; the pool holds exactly 15,000,000.00 less", () => {
    const on = simulate(xiangchengYear(), SUZHOU_TRUE_UP).periods.at(-1)!;
    const off = simulate(xiangchengYear(), readings06()).periods.at(-1)!;
    expect(off.parameters.yearEndTrueUp).toBe(false);
    expect(off.members.xiangcheng).toMatchObject({ trueUpReturned: "0.00", trueUpReclassified: "0.00", clawback: "3800000.00", balance: "15000000.00" });
    expect(d(on.pool.balance).minus(off.pool.balance).toFixed(2)).toBe("15000000.00");
  });

  it("a simulation that ends before December trues up in its last period, as the clawback settles then", () => {
    const sim = simulate(xiangchengYear("2020-10"), SUZHOU_TRUE_UP);
    expect(sim.periods.at(-1)!.members.xiangcheng).toMatchObject({ trueUpReturned: "15000000.00", clawback: "400000.00" });
  });

  it("over generated scenarios: the engine's true-up is yearEndTrueUp on the same inputs; no member goes negative by it; funds conserved", () => {
    fc.assert(
      fc.property(scenarioArb(24), (scenario) => {
        let previous: SettlementState = initialState(scenario.opening, scenario.options, TRIO_TRUE_UP).state;
        for (const flows of scenario.periods) {
          const trace = newEngineTrace();
          const settled = settlePeriodTraced(previous, flows, TRIO_TRUE_UP, trace);
          const report = settled.report;
          expect(report.conservationOk).toBe(true);
          const yearEnd = flows.period.endsWith("-12");
          expect(trace.trueUps.length).toBe(yearEnd ? IDS.length : 0);
          for (const { member, input } of trace.trueUps) {
            const m = report.members[member]!;
            const before = previous.members[member]!;
            // the inputs, recomputed from the previous state and the report
            const advancesBefore = Object.values(before.yearSubsidies).reduce((s, v) => s.plus(v), d(before.yearGrants));
            const advances = advancesBefore.plus(m.grantPaid).plus(m.subsidyPaid).plus(m.deficitPaid);
            const subsidies = Object.values(input.subsidiesPaid as Record<string, string>).reduce((s, v) => s.plus(v), d("0"));
            expect(d(String(input.grantsPaid)).plus(subsidies).toFixed(2)).toBe(advances.toFixed(2));
            // the grantable subsidies are at most the year's subsidies claimed, the waiting grants at most those pending
            expect(d(String(input.grantableSubsidies)).lte(d(before.yearGrantableSubsidies).plus(m.subsidyClaimed))).toBe(true);
            expect(d(String(input.grantsWaiting)).lte(m.pendingClaims)).toBe(true);
            expect(input.yearEndBalance).toBe(d(m.balance).plus(m.trueUpReturned).toFixed(2));
            expect(input.syncInducedRelief).toBe(d(before.yearSyncInducedRelief).plus(m.syncInducedRelief).toFixed(2));
            const rule = yearEndTrueUp(input, TRIO_TRUE_UP);
            expect(rule.returned).toBe(m.trueUpReturned);
            expect(rule.reclassified).toBe(m.trueUpReclassified);
            expect(rule.clawback).toBe(m.clawback);
            if (d(m.trueUpReturned).gt(0)) expect(d(m.balance).gte(0)).toBe(true);
          }
          // the year's advances are settled: the next year starts afresh
          if (yearEnd) {
            for (const id of IDS) expect(settled.state.members[id]).toMatchObject({ yearGrants: "0.00", yearSyncInducedRelief: "0.00", yearSubsidies: {} });
          }
          previous = settled.state;
        }
      }),
      runs(100),
    );
  }, 60_000);
});

describe("the state carries the year's grants and relief", () => {
  it("a state without them (saved by 0.5.0) is refused, never trued up on a guessed zero", () => {
    const { state } = initialState(xiangchengYear().opening);
    const { yearGrants: _g, ...old } = state.members.xiangcheng!;
    const saved = { ...state, members: { ...state.members, xiangcheng: old } } as unknown as SettlementState;
    expectPoolingError(() => settlePeriodTraced(saved, xiangchengYear().periods[0]!), "MISSING_FIELD", ["state", "members", "xiangcheng", "yearGrants"]);
  });
});

describe("the true-up never grants beyond the relief, nor turns what the cut did not cause into grants", () => {
  const periods = periodsFrom("2020-05", "2021-12");
  /** 相城 (eligible, nothing of its own) with 1,000,000.00 of relief every month of the window; `gaps` by period. */
  function scenario(opening: string, gaps: Record<string, string>, accident?: { period: string; amount: string }): Scenario {
    return {
      opening: {
        start: "2020-05",
        members: Object.fromEntries(
          MEMBERS.map((id) => [id, id === "xiangcheng" ? { ...RICH, priorYearBalance: opening } : RICH]),
        ) as Scenario["opening"]["members"],
      },
      periods: periods.map((period) => ({
        period,
        members: Object.fromEntries(
          MEMBERS.map((id) => {
            if (id !== "xiangcheng") return [id, { income: "10000000.00", expenditure: "10000000.00" }];
            const relief = period <= "2021-04" ? { syncInducedRelief: "1000000.00" } : {};
            return [
              id,
              {
                income: "10000000.00",
                expenditure: d("10000000.00")
                  .plus(gaps[period] ?? "0")
                  .toFixed(2),
                ...relief,
              },
            ];
          }),
        ),
        ...(period.endsWith("-06") ? { provincialRemittances: Object.fromEntries(MEMBERS.map((id) => [id, "0.00"])) } : {}),
        ...(accident && period === accident.period ? { majorAccidentClaims: [{ member: "sip", amount: accident.amount }] } : {}),
      })) as Scenario["periods"],
    };
  }

  it("a December grant the pool cannot pay keeps its relief: 6,000,000.00 reclassified, not 7,000,000.00; grants never exceed the relief", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.topUp[0].value.whenShort = false;
    const policy = withTrueUp(json, "no-when-short");
    // the pool opens with 400,000,000.00, pays 8,000,000.00 in July; a 392,000,000.00 accident empties it in December
    const sim = simulate(scenario("0.00", { "2020-07": "8000000.00", "2020-12": "1000000.00" }, { period: "2020-12", amount: "392000000.00" }), policy);
    const dec = sim.periods.find((p) => p.period === "2020-12")!;
    expect(dec.pool.balance).toBe("0.00");
    expect(dec.members.xiangcheng).toMatchObject({ grantClaimed: "1000000.00", grantPaid: "0.00", pendingClaims: "1000000.00" });
    expect(dec.members.xiangcheng).toMatchObject({ trueUpReturned: "0.00", trueUpReclassified: "6000000.00", clawback: "200000.00" });
    const jan = sim.periods.find((p) => p.period === "2021-01")!;
    expect(jan.members.xiangcheng!.deficitPaid).toBe("1000000.00");
    // grants over the window: 1,000,000.00 + 6,000,000.00 (2020) + 1,000,000.00 (2021) ≤ 12 months × 1,000,000.00 of relief
    const grants = sim.periods.reduce((s, p) => s.plus(p.members.xiangcheng!.grantPaid).plus(p.members.xiangcheng!.trueUpReclassified), d("0"));
    expect(grants.plus(jan.members.xiangcheng!.deficitPaid).toFixed(2)).toBe("8000000.00");
    expect(sim.conservation.ok).toBe(true);
  });

  it("an opening deficit's subsidy is never turned into a grant: its clawback stays", () => {
    const sim = simulate(scenario("-5000000.00", {}), SUZHOU_TRUE_UP);
    const june = sim.periods.find((p) => p.period === "2020-06")!;
    expect(june.members.xiangcheng).toMatchObject({ openingDeficitClaimed: "5000000.00", subsidyPaid: "5000000.00" });
    const dec = sim.periods.find((p) => p.period === "2020-12")!;
    expect(dec.members.xiangcheng).toMatchObject({ trueUpReturned: "0.00", trueUpReclassified: "0.00", clawback: "1000000.00" });
  });
});
