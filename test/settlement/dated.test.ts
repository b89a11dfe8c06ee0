import { describe, expect, it } from "vitest";
import {
  apportionTopUp,
  clawback,
  coverDeficit,
  definePolicy,
  explain,
  openPooling,
  type PeriodFlows,
  payByPriority,
  policyRef,
  poolFloor,
  type Scenario,
  SUZHOU_2020,
  simulate,
} from "../../src/index.js";
import { expectPoolingError, periodsFrom } from "../helpers.js";
import { trioPolicyJson } from "./arbitraries.js";

/** SUZHOU_2020 with three members, a clawback of 20% to 2022-12-31 and 30% from 2023-01-01, and a floor of 3 months to 2021-12-31 and 4 from 2022-01-01. */
const DATED = (() => {
  const json = trioPolicyJson("dated");
  const [clawbackVersion] = json.clawback;
  json.clawback = [
    { ...clawbackVersion, to: "2022-12-31" },
    { ...clawbackVersion, from: "2023-01-01", value: { rate: "0.3", municipal: "none" } },
  ];
  const [floorVersion] = json.poolFloor;
  json.poolFloor = [
    { ...floorVersion, to: "2021-12-31" },
    { ...floorVersion, from: "2022-01-01", value: { months: "4" } },
  ];
  return definePolicy(json);
})();

/** a has nothing of its own and a 250.00 gap in 2020-09 and in 2023-01; b pays 1,000.00 a month and earns as much. */
function datedScenario(): Scenario {
  const member = (priorYearBalance: string) => ({ priorYearBalance, priorYearExpenditure: "12000.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" });
  const periods: PeriodFlows[] = periodsFrom("2020-05", "2023-01").map((period) => {
    const flows: PeriodFlows = {
      period,
      members: {
        a: { income: "0.00", expenditure: period === "2020-09" || period === "2023-01" ? "250.00" : "0.00" },
        b: { income: "1000.00", expenditure: "1000.00" },
        c: { income: "0.00", expenditure: "0.00" },
      },
    };
    if (period.endsWith("-06")) flows.provincialRemittances = { a: "0.00", b: "0.00", c: "0.00" };
    return flows;
  });
  return { opening: { start: "2020-05", members: { a: member("0.00"), b: member("1000000.00"), c: member("1000000.00") } }, periods };
}

const RISK_BANDS_SOURCE =
  "critical from 0 months: document; warning from 3 months: library default; normal from 9 months: library default; surplus from 24 months: library default";

describe("dated parameters: each period uses the version in force", () => {
  it("the clawback: 50.00 on a 250.00 subsidy in 2020 (20%), 75.00 in 2023 (30%), through the public rules", () => {
    expect(clawback("250.00", "2020-09", DATED)).toBe("50.00");
    expect(clawback("250.00", "2023-01", DATED)).toBe("75.00");
    expectPoolingError(() => clawback("250.00", DATED), "PERIOD_REQUIRED");
    const input = { gap: "250.00", currentSurplus: "0.00", cumulativeBalance: "0.00", syncInducedRelief: "0.00", poolAvailable: "1000.00" };
    expect(coverDeficit({ ...input, period: "2020-09" }, DATED)).toMatchObject({ poolSubsidy: "250.00", clawback: "50.00", clawbackRate: "0.2" });
    expect(coverDeficit({ ...input, period: "2023-01" }, DATED)).toMatchObject({ poolSubsidy: "250.00", clawback: "75.00", clawbackRate: "0.3" });
  });

  it("the fund rules' results carry the policy and the rate they used", () => {
    const claims = { poolAvailable: "1000.00", subsidy: [{ member: "a", amount: "250.00" }] };
    expect(payByPriority({ ...claims, period: "2020-09" }, DATED)).toMatchObject({ clawbackRate: "0.2", policy: policyRef(DATED) });
    const in2023 = payByPriority({ ...claims, period: "2023-01" }, DATED);
    expect(in2023.clawbackRate).toBe("0.3");
    expect(in2023.classes.subsidy[0]!.clawback).toBe("75.00");
    const opening = openPooling({ members: ["a", "b", "c"].map((id) => ({ id, priorYearBalance: "1000.00" })) }, DATED);
    expect(opening).toMatchObject({ extractionRate: "0.1", policy: { id: "dated", version: DATED.version } });
    expect(apportionTopUp({ amount: "1.00", members: [{ id: "a", priorYearBalance: "1", available: "5" }] }).policy).toEqual(policyRef(SUZHOU_2020));
  });

  it("the floor: 3 months to 2021, 4 from 2022, through the public rule", () => {
    expect(poolFloor(["12000.00"], "2021-06", DATED)).toBe("3000.00");
    expect(poolFloor(["12000.00"], "2022-01", DATED)).toBe("4000.00");
  });

  it("the settlement uses the rate and the months in force, and its reports say which", () => {
    const sim = simulate(datedScenario(), DATED);
    expect(sim.conservation.ok).toBe(true);
    expect(sim.policy).toEqual({ id: "dated", version: DATED.version, hash: policyRef(DATED).hash });
    const at = (period: string) => sim.periods.find((p) => p.period === period)!;
    for (const p of sim.periods) expect(p.policy).toEqual(sim.policy);

    const sept2020 = at("2020-09");
    expect(sept2020.members.a!.subsidyPaid).toBe("250.00");
    // 0.5: accrued in September, settled with the year in December
    expect(sept2020.members.a!.clawbackAccrued).toBe("50.00");
    expect(sept2020.members.a!.clawback).toBe("0.00");
    expect(at("2020-12").members.a!.clawback).toBe("50.00");
    const readings = {
      clawbackMunicipal: "none",
      topUpSchedule: "monthEnd",
      topUpWhenShort: true,
      priority: ["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"],
      coverOpeningDeficits: true,
      deficitCoverageCharged: false,
      unpaidTransfers: "owed",
      yearEndTrueUp: false,
      memberRiskBandsSource: RISK_BANDS_SOURCE.replace("critical from 0 months: document", "critical from 0 months: library default"),
    };
    expect(sept2020.parameters).toEqual({
      clawbackRate: "0.2",
      poolFloorMonths: "3",
      topUpTargetMonths: "3",
      openingExtractionRate: "0.1",
      openingBalanceYear: 2019,
      riskBandsSource: RISK_BANDS_SOURCE,
      ...readings,
    });

    const jan2023 = at("2023-01");
    expect(jan2023.members.a!.subsidyPaid).toBe("250.00");
    // the last simulated period: the year's clawback settles in it
    expect(jan2023.members.a!.clawbackAccrued).toBe("75.00");
    expect(jan2023.members.a!.clawback).toBe("75.00");
    expect(jan2023.parameters).toEqual({
      clawbackRate: "0.3",
      poolFloorMonths: "4",
      topUpTargetMonths: "4",
      openingExtractionRate: "0.1",
      openingBalanceYear: 2019,
      riskBandsSource: RISK_BANDS_SOURCE,
      ...readings,
    });
    expect(explain(jan2023, { lang: "en" }).text).toContain("clawbacks accrued 75.00 (rate 0.3), settled 75.00");
    expect(explain(at("2022-01"), { lang: "en" }).text).toContain("Floor (4 months) 4000.00");
    expect(explain(sept2020, { lang: "zh" }).text).toContain("备付下限（3 个月）");

    // The floor: 2020's payouts (a 250.00, b 8 × 1,000.00) at 3 months in 2021; 2021's (b 12,000.00) at 4 months in 2022.
    expect(at("2021-06").pool.floor).toBe("2062.50");
    expect(at("2021-06").parameters.poolFloorMonths).toBe("3");
    expect(at("2022-01").pool.floor).toBe("4000.00");
    expect(at("2022-01").parameters.poolFloorMonths).toBe("4");
    expect(at("2022-12").parameters.clawbackRate).toBe("0.2");
    expect(sim.balances["fiscal:a"]).toBe("-125.00");
    expect(sim.balances["fiscal:city"]).toBe("125.00");
  });
});
