/**
 * The statements an auditor asks for, on EXAMPLE_SCENARIO: the unified budget and final-account lines (二（四）),
 * the pool's budget, the fiscal settlement statement (二（三）) and the top-up working papers (二（二）), exact figures.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { type PeriodFlows, type Scenario, simulate } from "../../src/index.js";
import { fiscalSettlementStatement } from "../../src/statements/fiscalSettlement.js";
import { topUpWorkingPapers } from "../../src/statements/topUpPapers.js";
import { poolBudgetExecution, unifiedBudgetExecution } from "../../src/statements/unifiedBudget.js";
import { UNIFIED_LINES, unifiedStatements } from "../../src/statements/unifiedLines.js";

const sim = simulate(EXAMPLE_SCENARIO);
const amounts = (lines: readonly { code: string; amount: string | null }[]) => Object.fromEntries(lines.map((l) => [l.code, l.amount]));

describe("unified lines (二（四）)", () => {
  it("the table: twelve lines, six a side, each citing 二（四）; the kinds of a side never on two lines", () => {
    expect(UNIFIED_LINES.map((l) => l.zh)).toEqual([
      "缴费收入",
      "利息收入",
      "财政补贴收入",
      "上级补助收入",
      "下级上解收入",
      "其他收入",
      "工伤保险待遇支出",
      "劳动能力鉴定费",
      "工伤预防费",
      "补助下级支出",
      "上解上级支出",
      "其他支出",
    ]);
    for (const l of UNIFIED_LINES) expect(l.clauses[0]).toBe("二（四）");
    for (const side of ["income", "expenditure"]) {
      const kinds = UNIFIED_LINES.filter((l) => l.side === side).flatMap((l) => l.kinds ?? []);
      expect(new Set(kinds).size).toBe(kinds.length);
    }
  });

  it("2020 as a full year: xiangcheng, the pool and the city-district; lines not carried are null, transfers eliminated", () => {
    const u = unifiedStatements(sim.journal, 2020, EXAMPLE_SCENARIO.opening);
    const x = u.entities.find((s) => s.entity === "member:xiangcheng")!;
    expect([x.opening, x.closing]).toEqual(["-80000000.00", "0.00"]);
    expect(amounts(x.income)).toEqual({
      contributions: "56400000.00",
      interest: null,
      fiscalSubsidy: null,
      fromHigherLevel: "137600000.00",
      otherIncome: "3000000.00",
    });
    expect(x.income[0]!.beforePooling).toBe("28200000.00");
    expect(amounts(x.expenditure)).toEqual({ benefits: "117000000.00", appraisalFees: null, prevention: null });
    const pool = u.entities.find((s) => s.entity === "pool")!;
    expect(amounts(pool.income)).toEqual({ interest: null, fiscalSubsidy: null, fromLowerLevel: "508850000.00" });
    expect(amounts(pool.expenditure)).toEqual({ benefits: "120000000.00", appraisalFees: null, prevention: null, toLowerLevel: "137600000.00" });
    const c = u.consolidated;
    expect([c.opening, c.closing]).toEqual(["2162000000.00", "1718885000.00"]);
    expect(amounts(c.income)).toEqual({ contributions: "701205000.00", interest: null, fiscalSubsidy: null });
    expect(amounts(c.expenditure)).toEqual({ benefits: "1125000000.00", appraisalFees: null, prevention: null, toHigherLevel: "19320000.00" });
    expect(u.eliminations.length).toBe(55);
    expect(u.eliminations.find((e) => e.kind === "subsidy")).toMatchObject({ expenditureLine: "toLowerLevel", incomeLine: "fromHigherLevel" });
    expect(u.eliminations.find((e) => e.kind === "legacyFoldIn")).toMatchObject({ expenditureLine: "otherExpenditure", incomeLine: "otherIncome" });
  });

  it("unified budgets executed; the pool's budgeted transfers eliminated in the consolidation; a line not given has no actual", () => {
    const u = unifiedStatements(sim.journal, 2021);
    const e = unifiedBudgetExecution(u, [
      { member: "pool", year: 2021, lines: { toLowerLevel: "80000000.00", fromLowerLevel: "100000000.00" } },
      { member: "xiangcheng", year: 2021, lines: { contributions: "70000000.00", fromHigherLevel: "80000000.00", interest: "100000.00" } },
    ]);
    expect(e.funds[0]!.lines.find((l) => l.code === "toLowerLevel")).toMatchObject({ actual: "76754366.94", variance: "-3245633.06", executionRate: "0.9594" });
    expect(e.funds[1]!.lines.find((l) => l.code === "interest")).toMatchObject({ budget: "100000.00", actual: null, variance: null, executionRate: null });
    expect(e.eliminations).toEqual([
      { expenditureLine: "toLowerLevel", incomeLine: "fromHigherLevel", amount: "80000000.00" },
      { expenditureLine: "toHigherLevel", incomeLine: "fromLowerLevel", amount: "100000000.00" },
    ]);
    // the members' 上级补助收入 and the pool's 补助下级支出 as budgeted agree: nothing left of them consolidated
    expect(e.consolidated.find((l) => l.code === "fromHigherLevel")).toBeUndefined();
    expect(e.consolidated.find((l) => l.code === "toLowerLevel")).toBeUndefined();
    expect(() => unifiedBudgetExecution(u, [{ member: "pool", year: 2021, lines: { grants: "1.00" } } as never])).toThrow(
      expect.objectContaining({ code: "UNKNOWN_KEY" }),
    );
  });

  it("the pool's budget executed against the simulation (二（二）, 二（三）)", () => {
    const e = poolBudgetExecution(sim, { year: 2020, lines: { majorAccidentBenefits: "100000000.00", topUps: "300000000.00", subsidies: "20000000.00" } });
    const byCode = Object.fromEntries(e.lines.map((l) => [l.category, [l.budget, l.actual, l.variance, l.executionRate, l.clause]]));
    expect(byCode).toEqual({
      openingExtraction: ["0.00", "219000000.00", "219000000.00", null, "二（二）"],
      topUps: ["300000000.00", "289850000.00", "-10150000.00", "0.9662", "二（二）"],
      majorAccidentBenefits: ["100000000.00", "120000000.00", "20000000.00", "1.2000", "二（二）"],
      cutGapGrants: ["0.00", "28200000.00", "28200000.00", null, "二（三）"],
      subsidies: ["20000000.00", "21600000.00", "1600000.00", "1.0800", "二（三）"],
      deficitCoverage: ["0.00", "87800000.00", "87800000.00", null, "二（二）"],
    });
    expect(e.balance).toEqual({ opening: "0.00", budgetedClosing: "180000000.00", closing: "251250000.00" });
  });
});

describe("fiscalSettlementStatement (二（三）)", () => {
  it("2021: wuzhong's two subsidies at 20%, settled in 2021-12; xiangcheng's twelve; totals equal the journal's", () => {
    const s = fiscalSettlementStatement(sim, 2021);
    const wz = s.districts.find((d) => d.member === "wuzhong")!;
    expect(wz.subsidies).toEqual([
      { period: "2021-03", subsidy: "22329366.94", rate: "0.2", accrued: "4465873.39" },
      { period: "2021-04", subsidy: "5585000.00", rate: "0.2", accrued: "1117000.00" },
    ]);
    expect([wz.subsidyTotal, wz.accrued, wz.settled, wz.unsettled]).toEqual(["27914366.94", "5582873.39", "5582873.39", "0.00"]);
    expect(wz.settlements).toEqual([{ period: "2021-12", from: "fiscal:wuzhong", to: "fiscal:city", amount: "5582873.39" }]);
    expect(s.districts.find((d) => d.member === "xiangcheng")!.subsidies.length).toBe(12);
    expect(s.districts.find((d) => d.member === "municipal")!.charged).toBe(false);
    expect(s.totals).toEqual({ subsidies: "62654366.94", accrued: "12530873.39", settled: "12530873.39", unsettled: "0.00" });
    expect(s.citation.clause).toBe("二（三）");
    // the journal summed here, independently
    const journal = sim.journal.filter((e) => e.period.startsWith("2021"));
    const fen = (a: string) => BigInt(a.replace(".", ""));
    const sum = (kind: string) => journal.filter((e) => e.kind === kind).reduce((a, e) => a + fen(e.amount), 0n);
    expect(fen(s.totals.subsidies)).toBe(sum("subsidy"));
    expect(fen(s.totals.settled)).toBe(sum("clawback"));
  });

  it("2020: the opening deficit's coverage carries no 20% (xiangcheng: 21,600,000.00 of subsidies, 4,320,000.00 settled)", () => {
    const s = fiscalSettlementStatement(sim, 2020);
    expect(s.totals).toEqual({ subsidies: "21600000.00", accrued: "4320000.00", settled: "4320000.00", unsettled: "0.00" });
    expect(() => fiscalSettlementStatement(sim, 2019)).toThrow(expect.objectContaining({ code: "YEAR_NOT_IN_SIMULATION" }));
  });
});

describe("topUpWorkingPapers (二（二）)", () => {
  it("2020-06: the floor, the pool before, the weights by prior-year balance; 相城 (in deficit) has no share", () => {
    const w = topUpWorkingPapers(sim, 2020);
    expect(w.papers.length).toBe(7);
    const p = w.papers[0]!;
    expect([p.period, p.floor, p.poolBefore, p.asked, p.raised, p.shortfall, p.poolAfter]).toEqual([
      "2020-06",
      "251250000.00",
      "219000000.00",
      "132500000.00",
      "132500000.00",
      "0.00",
      "351500000.00",
    ]);
    expect(p.members.map((m) => [m.member, m.priorYearBalance, m.weight, m.share, m.paid, m.owed])).toEqual([
      ["municipal", "900000000.00", "0.410959", "54452054.80", "54452054.80", "0.00"],
      ["wujiang", "210000000.00", "0.095890", "12705479.45", "12705479.45", "0.00"],
      ["wuzhong", "300000000.00", "0.136986", "18150684.93", "18150684.93", "0.00"],
      ["xiangcheng", "-80000000.00", "0.000000", "0.00", "0.00", "0.00"],
      ["sip", "780000000.00", "0.356164", "47191780.82", "47191780.82", "0.00"],
    ]);
    expect(w.citation.clause).toBe("二（二）");
  });

  it("2022-01: the weights are the 2021 year-end balances; a member paying from both parts of its fund", () => {
    const p = topUpWorkingPapers(sim, 2022).papers[0]!;
    expect([p.period, p.poolBefore, p.raised]).toEqual(["2022-01", "281250000.00", "29001400.00"]);
    expect(p.members.find((m) => m.member === "wuzhong")).toMatchObject({ priorYearBalance: "4950534.75", share: "129331.92", paid: "129331.92" });
  });
});

describe("topUpWorkingPapers: what members cannot pay they owe", () => {
  const IDS = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];
  /** Five quiet members from 2020-06 (floor 15,000,000.00), each holding little. */
  const thin: Scenario = {
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
    periods: (["2020-06", "2020-07"] as const).map((period) => ({
      period,
      members: Object.fromEntries(IDS.map((id) => [id, { income: "0.00", expenditure: "0.00" }])),
      ...(period === "2020-06" ? { provincialRemittances: Object.fromEntries(IDS.map((id) => [id, "0.00"])) } : {}),
    })) as PeriodFlows[],
  };

  it("2020-06: asked 14,400,000.00, raised 5,400,000.00; each share = what it paid + what it owes", () => {
    const p = topUpWorkingPapers(simulate(thin), 2020).papers[0]!;
    expect([p.period, p.floor, p.poolBefore, p.asked, p.raised, p.shortfall]).toEqual([
      "2020-06",
      "15000000.00",
      "600000.00",
      "14400000.00",
      "5400000.00",
      "9000000.00",
    ]);
    expect(p.members.map((m) => [m.member, m.weight, m.share, m.available, m.paid, m.coveredByOthers, m.owed])).toEqual([
      ["municipal", "0.333333", "4800000.00", "1800000.00", "1800000.00", "0.00", "3000000.00"],
      ["wujiang", "0.166667", "2400000.00", "900000.00", "900000.00", "0.00", "1500000.00"],
      ["wuzhong", "0.166667", "2400000.00", "900000.00", "900000.00", "0.00", "1500000.00"],
      ["xiangcheng", "0.166667", "2400000.00", "900000.00", "900000.00", "0.00", "1500000.00"],
      ["sip", "0.166667", "2400000.00", "900000.00", "900000.00", "0.00", "1500000.00"],
    ]);
  });
});

describe("the statements refuse what is not their input with a PoolingError", () => {
  it("arbitrary inputs: a result or a code, never a TypeError", async () => {
    const { PoolingError } = await import("../../src/index.js");
    const { explainSettlementLine } = await import("../../src/report.js");
    const bad: unknown[] = [null, undefined, 1, "x", [], {}, { periods: [] }, { years: [], periods: [], journal: "x" }];
    for (const b of bad) {
      for (const call of [
        () => fiscalSettlementStatement(b as never, 2020),
        () => topUpWorkingPapers(b as never, 2020),
        () => unifiedStatements(b as never, 2020),
        () => unifiedBudgetExecution(b as never, []),
        () => poolBudgetExecution(b as never, { year: 2020, lines: {} }),
        () => explainSettlementLine(b as never, "sip"),
      ]) {
        // a result (an empty journal is a journal) or a PoolingError, never a TypeError
        try {
          call();
        } catch (e) {
          expect(e, JSON.stringify(b)).toBeInstanceOf(PoolingError);
        }
      }
    }
    expect(() => fiscalSettlementStatement(sim, "2020" as never)).toThrow(PoolingError);
    expect(() => topUpWorkingPapers({} as never, 2020)).toThrow(PoolingError);
  });
});
