/**
 * Issue 9, finding 1 (R4, R8 0.5): the pool's cut-gap grant goes only to a
 * member whose own reserves fall short of the city's cut, decided from its
 * own data; finding 8: opening data is required, never defaulted to 0.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutGapGrantEligibility, explain, type Scenario, simulate } from "../../src/index.js";
import { runs } from "../support/fc.js";
import { IDS, openingArb, periodFlowsArb, TRIO, withPeriods } from "./arbitraries.js";

const RICH = { priorYearBalance: "1000000000.00", priorYearExpenditure: "120000000.00", currentSurplus: "0.00", yearToDateExpenditure: "40000000.00" };
const MEMBERS = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"] as const;
const PERIODS = ["2020-05", "2020-06", "2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12"] as const;

/** 相城 with 24 months of its own reserves (2019: 240,000,000.00 balance, 120,000,000.00 spent), a 300,000,000.00 spend in 2020-07. */
function xiangchengScenario(xiangcheng: Record<string, string> = {}): Scenario {
  return {
    opening: {
      start: "2020-05",
      members: Object.fromEntries(
        MEMBERS.map((id) => [
          id,
          id === "xiangcheng"
            ? {
                priorYearBalance: "240000000.00",
                priorYearExpenditure: "120000000.00",
                currentSurplus: "0.00",
                yearToDateExpenditure: "40000000.00",
                ...xiangcheng,
              }
            : RICH,
        ]),
      ),
    },
    periods: PERIODS.map((period) => ({
      period,
      members: Object.fromEntries(
        MEMBERS.map((id) => [
          id,
          {
            income: "10000000.00",
            expenditure: id === "xiangcheng" && period === "2020-07" ? "300000000.00" : "10000000.00",
            ...(id === "xiangcheng" && period === "2020-07" ? { syncInducedRelief: "3000000.00" } : {}),
          },
        ]),
      ),
      ...(period === "2020-06" ? { provincialRemittances: Object.fromEntries(MEMBERS.map((id) => [id, "0.00"])) } : {}),
    })),
  };
}

describe("issue 9 finding 1: the cut-gap grant only for a member whose own reserves fall short", () => {
  it("相城 with 24 months of its own reserves gets no grant: its gap is a subsidy, with its clawback (0.4: a 3,000,000.00 grant)", () => {
    const sim = simulate(xiangchengScenario());
    const july = sim.periods.find((p) => p.period === "2020-07")!;
    const x = july.members.xiangcheng!;
    expect(x).toMatchObject({ ownReserveMonths: "24.00", ownCutFraction: "0.5", eligibleForCutGapGrant: false, syncInducedRelief: "0.00" });
    // 2020-07: gap 290,000,000.00; the carried 216,000,000.00 (after the 24,000,000.00 extraction) pays first.
    expect(x.gap).toBe("290000000.00");
    expect(x.grantClaimed).toBe("0.00");
    expect(x.subsidyClaimed).toBe("74000000.00");
    expect(july.pool.claimed.cutGapGrant).toBe("0.00");
    const year = sim.years.find((y) => y.year === 2020)!;
    expect(year.members.xiangcheng!.clawback).toBe("14800000.00");
    // Every period says so, the window's whole length (the 2019 year-end figures).
    for (const p of sim.periods) expect(p.members.xiangcheng!.eligibleForCutGapGrant).toBe(false);
    const step = explain(july, { lang: "en" }).steps.find((s) => s.text.startsWith("xiangcheng:"))!;
    expect(step.text).toContain("own reserves 24.00 months qualify for a cut of 0.5: not eligible for the cut-gap grant");
    expect(step.citation?.clause).toBe("二（三）");
  });

  it("the same 相城 with 17.99 months (scenario override) is eligible: grant 3,000,000.00, subsidy 71,000,000.00", () => {
    const sim = simulate(xiangchengScenario({ ownReserveMonths: "17.99" }));
    const x = sim.periods.find((p) => p.period === "2020-07")!.members.xiangcheng!;
    expect(x).toMatchObject({ ownReserveMonths: "17.99", ownCutFraction: "0", eligibleForCutGapGrant: true, syncInducedRelief: "3000000.00" });
    expect(x.grantClaimed).toBe("3000000.00");
    expect(x.subsidyClaimed).toBe("71000000.00");
  });

  it("the public rule agrees", () => {
    expect(
      cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", priorYearBalance: "240000000.00", priorYearExpenditure: "120000000.00" }),
    ).toMatchObject({
      ownReserveMonths: "24.00",
      ownCutFraction: "0.5",
      eligibleForCutGapGrant: false,
    });
    expect(
      cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.5", priorYearBalance: "200000000.00", priorYearExpenditure: "120000000.00" }),
    ).toMatchObject({
      ownReserveMonths: "20.00",
      ownCutFraction: "0.2",
      eligibleForCutGapGrant: true,
    });
    expect(cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.2", ownReserveMonths: "20" }).eligibleForCutGapGrant).toBe(false);
    expect(cutGapGrantEligibility({ period: "2021-07", cutFraction: "0", ownReserveMonths: "0" }).eligibleForCutGapGrant).toBe(false);
    expect(() => cutGapGrantEligibility({ period: "2020-07", cutFraction: "0.3", ownReserveMonths: "0" })).toThrow(
      expect.objectContaining({ code: "INVALID_CUT_FRACTION" }),
    );
  });

  it("property: grants only to eligible members, never above their sync-induced relief", () => {
    fc.assert(
      fc.property(openingArb, fc.array(periodFlowsArb, { minLength: 1, maxLength: 14 }), (opening, gs) => {
        const periods = withPeriods(opening.start, gs);
        const sim = simulate({ opening, periods }, TRIO);
        for (const p of sim.periods) {
          for (const id of IDS) {
            const m = p.members[id]!;
            if (new Decimal(m.grantClaimed).gt(0)) {
              expect(m.eligibleForCutGapGrant).toBe(true);
              expect(new Decimal(m.grantClaimed).lte(m.syncInducedRelief)).toBe(true);
            }
            if (!m.eligibleForCutGapGrant) expect(m.syncInducedRelief).toBe("0.00");
          }
        }
      }),
      runs(60),
    );
  });
});

describe("issue 9 finding 8: opening data is required, null is never a value", () => {
  it("a missing yearToDateExpenditure is MISSING_FIELD (0.4 took it as 0)", () => {
    const s = xiangchengScenario();
    const { yearToDateExpenditure: _omit, ...rest } = RICH;
    const scenario = { ...s, opening: { ...s.opening, members: { ...s.opening.members, wujiang: rest } } } as unknown as Scenario;
    expect(() => simulate(scenario)).toThrow(
      expect.objectContaining({ code: "MISSING_FIELD", path: ["opening", "members", "wujiang", "yearToDateExpenditure"] }),
    );
  });
  it("an optional field given as null is INVALID_TYPE", () => {
    const s = xiangchengScenario();
    const scenario = { ...s, opening: { ...s.opening, members: { ...s.opening.members, wujiang: { ...RICH, legacyFunds: null } } } } as unknown as Scenario;
    expect(() => simulate(scenario)).toThrow(expect.objectContaining({ code: "INVALID_TYPE", path: ["opening", "members", "wujiang", "legacyFunds"] }));
  });
});
