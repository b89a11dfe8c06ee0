/**
 * The story of `EXAMPLE_SCENARIO` (illustrative figures): each rule happens,
 * to the fen. An ineligible member whose gap is a subsidy (吴中区), an eligible
 * one that receives the cut-gap grant (相城区), an opening deficit covered by the
 * pool (相城区, with no 20%), a top-up at each month's end that keeps the pool
 * on its floor, a provincial remittance 相城区 cannot pay (owed, 应上解未上解,
 * overdue) and one 吴中区 pays late from its next surplus, clawbacks accrued
 * month by month and settled each December, the opening extraction, a
 * major-accident claim paid by the pool, and `EXAMPLE_BUDGET`'s execution.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020, simulate, simulationBudgetExecution } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

const sim = simulate(EXAMPLE_SCENARIO);
const at = (period: string) => sim.periods.find((p) => p.period === period)!;
const year = (y: number) => sim.years.find((s) => s.year === y)!;
const WINDOW = sim.periods.filter((p) => p.period >= "2020-05" && p.period <= "2021-04");
const AFTER = sim.periods.filter((p) => p.period > "2021-04");

describe("EXAMPLE_SCENARIO: each rule once", () => {
  it("eligibility for the cut-gap grant (R8): decided from each member's own 2019 reserves, the whole window", () => {
    const eligibility = (period: string) =>
      Object.fromEntries(Object.entries(at(period).members).map(([id, m]) => [id, [m.ownReserveMonths, m.ownCutFraction, m.eligibleForCutGapGrant]]));
    const inWindow = {
      municipal: ["36.00", "0.5", false],
      wujiang: ["14.00", "0", true],
      // 24.00 months: exactly the 50% band's threshold, the city's cut: not eligible
      wuzhong: ["24.00", "0.5", false],
      // in deficit: below every national band; −80,000,000.00 ÷ (117,000,000.00 ÷ 12) = −8.2051…, rounded down (0.6: −8.20, toward zero)
      xiangcheng: ["-8.21", "0", true],
      sip: ["36.27", "0.5", false],
    };
    for (const p of WINDOW) expect(eligibility(p.period), p.period).toEqual(inWindow);
    // after the window the city cuts nothing: nobody is eligible, and the reason says so (0.7, issue 17 finding 5)
    for (const p of AFTER) for (const m of Object.values(p.members)) expect([m.eligibleForCutGapGrant, m.eligibilityReason]).toEqual([false, "outsideWindow"]);
    expect(Object.values(at("2020-09").members).map((m) => m.eligibilityReason)).toEqual([
      "reservesSufficient",
      "reservesShort",
      "reservesSufficient",
      "reservesShort",
      "reservesSufficient",
    ]);
  });

  it("the grant goes to 相城区 only, each month of the window, up to its levy records' sync-induced relief", () => {
    const grants = sim.periods.flatMap((p) => Object.entries(p.members).flatMap(([id, m]) => (m.grantPaid === "0.00" ? [] : [[p.period, id, m.grantPaid]])));
    expect(grants).toEqual([
      // 2020-05's grant waits for the pool and is paid with June's
      ["2020-06", "xiangcheng", "7050000.00"],
      ...["2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12", "2021-01", "2021-02", "2021-03", "2021-04"].map((p) => [
        p,
        "xiangcheng",
        "3525000.00",
      ]),
    ]);
    expect(at("2020-09").members.xiangcheng).toMatchObject({ cutRelief: "3525000.00", syncInducedRelief: "3525000.00", grantClaimed: "3525000.00" });
    expect([year(2020).members.xiangcheng.grantPaid, year(2021).members.xiangcheng.grantPaid]).toEqual(["28200000.00", "14100000.00"]);
    // 吴江区 is eligible but its own balance pays its gaps first (“在累计结余用完后”)
    expect(sim.years.map((y) => y.members.wujiang.grantPaid)).toEqual(["0.00", "0.00", "0.00"]);
    expect(at("2020-09").members.wujiang).toMatchObject({ syncInducedRelief: "7920000.00", fromCumulativeBalance: "7380000.00", grantClaimed: "0.00" });
  });

  it("吴中区, not eligible, gets no grant: after its 2021-03 one-off its whole gap is a subsidy", () => {
    expect(at("2021-03").members.wuzhong).toMatchObject({
      expenditure: "203260000.00",
      gap: "196176550.00",
      fromCumulativeBalance: "173847183.06",
      syncInducedRelief: "0.00",
      grantClaimed: "0.00",
      subsidyClaimed: "22329366.94",
      subsidyPaid: "22329366.94",
      clawbackAccrued: "4465873.39",
      clawback: "0.00",
      balance: "0.00",
    });
    // April, still in the window: its ordinary gap (cut relief 7,155,000.00) is a subsidy too
    expect(at("2021-04").members.wuzhong).toMatchObject({
      cutRelief: "7155000.00",
      syncInducedRelief: "0.00",
      grantClaimed: "0.00",
      subsidyPaid: "5585000.00",
    });
    expect(year(2021).members.wuzhong).toMatchObject({ grantPaid: "0.00", subsidyPaid: "27914366.94", clawbackAccrued: "5582873.39", clawback: "5582873.39" });
  });

  it("相城区's opening deficit is covered by the pool, with no 20% (R5, opening.coverOpeningDeficits true, deficitCoverageCharged false)", () => {
    expect(SUZHOU_2020.opening[0]!.value.coverOpeningDeficits).toBe(true);
    expect(at("2020-06").parameters.coverOpeningDeficits).toBe(true);
    // before the opening: 2019's −80,000,000.00, 2020's −10,800,000.00 and May's gap, 3,000,000.00 of legacy funds folded in
    expect(at("2020-05").members.xiangcheng.balance).toBe("-97122500.00");
    const june = at("2020-06").members.xiangcheng;
    // 97,122,500.00 − 3,000,000.00 (legacy) − 6,322,500.00 (May's claims, still waiting) = 87,800,000.00
    // covered as 弥补基金累计结余赤字 (deficitPaid, no 20%); May's and June's gaps beyond the grant are subsidies (0.6: 94,900,000.00 subsidies)
    expect(june).toMatchObject({
      openingDeficitClaimed: "87800000.00",
      extraction: "0.00",
      deficitPaid: "87800000.00",
      subsidyPaid: "5400000.00",
      clawbackAccrued: "1080000.00",
      balance: "0.00",
      deficit: "0.00",
    });
    expect(at("2020-06").parameters.deficitCoverageCharged).toBe(false);
    const others = Object.entries(at("2020-06").members).filter(([id]) => id !== "xiangcheng");
    for (const [, m] of others) expect(m.openingDeficitClaimed).toBe("0.00");
  });

  it("the opening extraction (R5) after the 06-20 provincial remittance (R6), and a remittance every June", () => {
    const june = at("2020-06");
    expect(june.pool.extractions).toBe("219000000.00");
    const entries = sim.journal.filter((e) => e.period === "2020-06" && (e.kind === "provincialRemittance" || e.kind === "openingExtraction"));
    // each member pays its remittance (06-20) before its extraction (06-30), after the month's own flows (0.7)
    for (const id of ["municipal", "wujiang", "wuzhong", "sip"]) {
      const kinds = entries.filter((e) => e.member === id).map((e) => e.kind);
      expect(kinds.lastIndexOf("provincialRemittance"), id).toBeLessThan(kinds.indexOf("openingExtraction"));
    }
    const remittances = sim.periods.filter((p) => p.members.municipal.provincialRemittance !== "0.00").map((p) => p.period);
    expect(remittances).toEqual(["2020-06", "2021-06", "2022-06"]);
    // 相城区 cannot pay its 1,700,000.00 a year: owed (应上解未上解), never a subsidy, flagged overdue after June
    expect(sim.conservation.provincialOut).toBe("59119200.00");
    expect(at("2020-06").members.xiangcheng).toMatchObject({
      provincialRemittance: "1700000.00",
      provincialRemittanceOwed: "1700000.00",
      owed: "1700000.00",
      remittanceOverdue: false,
    });
    expect(at("2020-07").members.xiangcheng).toMatchObject({ owed: "1700000.00", remittanceOverdue: true });
    expect(at("2022-12").members.xiangcheng.owed).toBe("5100000.00");
    // 吴中区, emptied by its 2021-03 one-off, pays part of its 2021 remittance in June and the rest from July's surplus
    expect(at("2021-06").members.wuzhong).toMatchObject({ provincialRemittance: "3240000.00", provincialRemittanceOwed: "723888.45", owed: "723888.45" });
    expect(at("2021-07").members.wuzhong).toMatchObject({ owedSettled: "723888.45", owed: "0.00", remittanceOverdue: true });
  });

  it("top-ups (R7, monthEnd): at each month's end after the claims, the pool back on its floor in every open month", () => {
    const topUps = sim.periods.filter((p) => p.pool.topUp !== "0.00").map((p) => p.period);
    expect(topUps.length).toBe(31);
    expect([at("2020-06").pool.topUp, at("2020-12").pool.topUp, at("2021-01").pool.topUp, at("2022-01").pool.topUp]).toEqual([
      "132500000.00",
      "126127500.00",
      "36420000.00",
      "29001400.00",
    ]);
    expect(sim.years.map((y) => y.pool.topUp)).toEqual(["289850000.00", "106754366.94", "51401800.00"]);
    // 2020-12: 苏州工业园区's 120,000,000.00 accident first; the members restore the floor after it
    expect(at("2020-12").pool.claimed).toEqual({ majorAccident: "120000000.00", cutGapGrant: "3525000.00", subsidy: "2602500.00", recordedDeficit: "0.00" });
    // 0.6 (yearly): the pool below its floor in 30 of 31 open months; now in none, never critical
    expect(sim.periods.filter((p) => p.pool.open && p.pool.balance !== p.pool.floor)).toEqual([]);
    expect(sim.periods.filter((p) => p.pool.risk === "critical")).toEqual([]);
    // the members could always pay; from the opening on, nothing waits (2020-05's claims waited for the opening)
    expect(at("2020-05").pool.pendingClaims).toBe("6322500.00");
    expect(sim.periods.slice(1).every((p) => p.pool.shortfall === "0.00" && p.pool.pendingClaims === "0.00" && p.pool.owedToPool === "0.00")).toBe(true);
  });

  it("the major-accident claim (R10 (a)) is paid by the pool, first, and joins the 2021 floor's base (R7)", () => {
    expect(at("2020-12").members.sip).toMatchObject({ majorAccidentPaid: "120000000.00" });
    expect(sim.years.map((y) => y.pool.paid.majorAccident)).toEqual(["120000000.00", "0.00", "0.00"]);
    // (1,005,000,000.00 of the members' 2020 benefits + 120,000,000.00) × 3 / 12
    expect(at("2021-01").pool.floor).toBe("281250000.00");
  });

  it("clawbacks (R9): accrued each month a subsidy is paid, settled once a year in December", () => {
    const settled = sim.journal.filter((e) => e.kind === "clawback").map((e) => [e.period, e.from, e.to, e.amount]);
    expect(settled).toEqual([
      ["2020-12", "fiscal:xiangcheng", "fiscal:city", "4320000.00"],
      ["2021-12", "fiscal:wuzhong", "fiscal:city", "5582873.39"],
      ["2021-12", "fiscal:xiangcheng", "fiscal:city", "6948000.00"],
      ["2022-12", "fiscal:xiangcheng", "fiscal:city", "4887360.00"],
    ]);
    expect(sim.years.map((y) => [y.members.xiangcheng.subsidyPaid, y.members.xiangcheng.clawbackAccrued, y.members.xiangcheng.clawback])).toEqual([
      ["21600000.00", "4320000.00", "4320000.00"],
      ["34740000.00", "6948000.00", "6948000.00"],
      ["24436800.00", "4887360.00", "4887360.00"],
    ]);
    expect(sim.years.map((y) => y.clawbacks)).toEqual(["4320000.00", "12530873.39", "4887360.00"]);
    // accrued month by month: 2020-07's 2,700,000.00 subsidy accrues 540,000.00, settled in December
    expect(at("2020-07")).toMatchObject({ clawbacksAccrued: "540000.00", clawbacks: "0.00" });
    expect(at("2020-12")).toMatchObject({ clawbacksAccrued: "520500.00", clawbacks: "4320000.00" });
    for (const p of sim.periods) if (!p.period.endsWith("-12")) expect(p.clawbacks).toBe("0.00");
  });

  it("EXAMPLE_BUDGET: executed against the simulation, with 吴江区's approved 2020 adjustment", () => {
    const [e2020, e2021, e2022] = simulationBudgetExecution(sim, EXAMPLE_BUDGET, EXAMPLE_SCENARIO.opening);
    expect([e2020!.year, e2021!.year, e2022!.year]).toEqual([2020, 2021, 2022]);
    const wujiang = e2020!.members.find((m) => m.member === "wujiang")!;
    expect(wujiang.expenditure).toEqual([
      { category: "benefits", budget: "172000000.00", adjusted: "180000000.00", actual: "180000000.00", variance: "0.00", executionRate: "1.0000" },
    ]);
    expect(wujiang.adjustments).toEqual([{ ref: "吴财社〔2020〕18号 (illustrative)", date: "2020-09-15" }]);
    expect(e2020!.consolidated).toEqual({
      income: [
        {
          category: "contributions",
          budget: "713000000.00",
          adjusted: "713000000.00",
          actual: "701205000.00",
          variance: "-11795000.00",
          executionRate: "0.9835",
        },
      ],
      expenditure: [
        { category: "benefits", budget: "990000000.00", adjusted: "998000000.00", actual: "1005000000.00", variance: "7000000.00", executionRate: "1.0070" },
        // the accident was not budgeted for
        {
          category: "majorAccidentBenefits",
          budget: "20000000.00",
          adjusted: "20000000.00",
          actual: "120000000.00",
          variance: "100000000.00",
          executionRate: "6.0000",
        },
      ],
    });
    // 吴中区's one-off: 346,000,000.00 spent against 160,000,000.00
    expect(e2021!.members.find((m) => m.member === "wuzhong")!.expenditure[0]).toMatchObject({ actual: "346000000.00", executionRate: "2.1625" });
    expect(e2022!.consolidated.expenditure[0]).toMatchObject({ actual: "1082187600.00", executionRate: "1.0020" });
    expect(e2021!.withoutBudget).toEqual([]);
  });

  it("EXAMPLE_BUDGET is frozen; simulationBudgetExecution refuses a malformed budget file", () => {
    expect(Object.isFrozen(EXAMPLE_BUDGET.budget[0]!.expenditure)).toBe(true);
    expectPoolingError(() => simulationBudgetExecution(sim, { budget: [], adjustments: [], extra: 1 } as never), "UNKNOWN_KEY", ["budgets", "extra"]);
    const { approval: _omit, ...unapproved } = EXAMPLE_BUDGET.adjustments[0]!;
    expectPoolingError(() => simulationBudgetExecution(sim, { budget: EXAMPLE_BUDGET.budget, adjustments: [unapproved] }), "BUDGET_ADJUSTMENT_UNAPPROVED", [
      "adjustments",
      0,
      "approval",
    ]);
  });
});
