/**
 * Issue 9, finding 10 (R12, 0.5): budgets, approved adjustments and their
 * execution; the 2020 final accounts as a full year (January to April from
 * the opening data, its own column) and the legacy fold-in as a transfer.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { type Budget, type BudgetAdjustment, budgetExecution, consolidate, fundStatements, simulate } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

const sim = simulate(EXAMPLE_SCENARIO);
const statements2020 = fundStatements(sim.journal, 2020, EXAMPLE_SCENARIO.opening);
const BUDGET: Budget[] = [
  { member: "wujiang", year: 2020, income: { contributions: "130000000.00" }, expenditure: { benefits: "170000000.00" } },
  { member: "pool", year: 2020, income: {}, expenditure: { majorAccidentBenefits: "0.00" } },
  { member: "wujiang", year: 2021, income: { contributions: "1.00" }, expenditure: {} },
];
const ADJUSTMENT: BudgetAdjustment = {
  member: "wujiang",
  year: 2020,
  changes: { expenditure: { benefits: "12000000.00" } },
  approval: { ref: "吴财社〔2020〕58号", date: "2020-10-20" },
};

describe("issue 9 finding 10: the 2020 final accounts are a full year", () => {
  it("January to April come from the opening data as their own column; the opening is 2019's year end (0.4: 214,000,000.00, Jan–Apr left out)", () => {
    const wujiang = statements2020.find((s) => s.entity === "member:wujiang")!;
    expect(wujiang.opening).toBe("210000000.00");
    expect(wujiang.beforePooling).toEqual({
      from: "2020-01",
      to: "2020-04",
      income: { contributions: "64000000.00" },
      expenditure: { benefits: "60000000.00" },
    });
    expect(wujiang.income).toEqual({ contributions: "64160000.00" });
    // the simulation's own year-end balance (with the month-end top-ups of I-65; 0.6, yearly: 113,363,150.69)
    expect(wujiang.closing).toBe("113526164.38");
    expect(wujiang.closing).toBe(sim.periods.find((p) => p.period === "2020-12")!.members.wujiang!.balance);
  });

  it("the legacy fold-in is a transfer in, not income (0.4: income legacyFunds 8,000,000.00), from fund money (0.7)", () => {
    const wujiang = statements2020.find((s) => s.entity === "member:wujiang")!;
    expect(Object.keys(wujiang.income)).toEqual(["contributions"]);
    expect(wujiang.transfersIn).toContainEqual({ from: "legacy-funds", amount: "8000000.00", kind: "legacyFoldIn" });
    const city = consolidate(statements2020);
    // 2019's year end: 相城区 entered pooling in deficit (−80,000,000.00); the old reserve and adjustment funds
    // (52,000,000.00) are work-injury fund money and open with the rest (0.6: 2,110,000,000.00, without them)
    expect(city.opening).toBe("2162000000.00");
    expect(statements2020.find((s) => s.entity === "legacy-funds")).toMatchObject({ opening: "52000000.00", closing: "0.00" });
    expect(city.beforePooling).toEqual({
      from: "2020-01",
      to: "2020-04",
      income: { contributions: "350200000.00" },
      expenditure: { benefits: "335000000.00" },
    });
    expect(city.income).toEqual({ contributions: "351005000.00" });
    // an internal transfer: eliminated, nothing comes in from outside
    expect(city.transfersIn.filter((t) => t.kind === "legacyFoldIn")).toEqual([]);
    expect(city.eliminations.filter((t) => t.kind === "legacyFoldIn").map((t) => t.amount)).toEqual([
      "25000000.00",
      "8000000.00",
      "6000000.00",
      "3000000.00",
      "10000000.00",
    ]);
    // 0.7: 相城区's 1,700,000.00 provincial remittance is owed, not paid out of the city-district funds (0.6: 1,717,185,000.00)
    expect(city.closing).toBe("1718885000.00");
  });

  it("opening data whose year-to-date figures do not give the current surplus is refused", () => {
    const opening = structuredClone(EXAMPLE_SCENARIO.opening) as { start: string; members: Record<string, Record<string, string>> };
    opening.members.wujiang!.currentSurplus = "4000000.01";
    expectPoolingError(() => fundStatements(sim.journal, 2020, opening as never), "STATEMENT_UNBALANCED", ["opening", "members", "wujiang", "currentSurplus"]);
  });
});

describe("issue 9 finding 10: budget execution (预算执行)", () => {
  it("per member and category: budget, adjusted, actual (full year), variance, execution rate; consolidated", () => {
    const exec = budgetExecution(BUDGET, [ADJUSTMENT], { year: 2020, statements: statements2020 });
    expect(exec.year).toBe(2020);
    const wujiang = exec.members.find((m) => m.member === "wujiang")!;
    // contributions: 64,000,000.00 (Jan–Apr) + 64,160,000.00 (May–Dec) = 128,160,000.00; 128.16 / 130 = 0.98584… → 0.9858
    expect(wujiang.income).toEqual([
      { category: "contributions", budget: "130000000.00", adjusted: "130000000.00", actual: "128160000.00", variance: "-1840000.00", executionRate: "0.9858" },
    ]);
    // benefits: 60,000,000.00 + 120,000,000.00 = 180,000,000.00 against 170,000,000.00 + 12,000,000.00; 180 / 182 = 0.98901… → 0.9890
    expect(wujiang.expenditure).toEqual([
      { category: "benefits", budget: "170000000.00", adjusted: "182000000.00", actual: "180000000.00", variance: "-2000000.00", executionRate: "0.9890" },
    ]);
    expect(wujiang.adjustments).toEqual([{ ref: "吴财社〔2020〕58号", date: "2020-10-20" }]);
    const pool = exec.members.find((m) => m.member === "pool")!;
    // the 2020-12 accident (120,000,000.00) against a budget of 0: no execution rate
    expect(pool.expenditure).toEqual([
      { category: "majorAccidentBenefits", budget: "0.00", adjusted: "0.00", actual: "120000000.00", variance: "120000000.00", executionRate: null },
    ]);
    expect(exec.consolidated.expenditure).toEqual([
      { category: "benefits", budget: "170000000.00", adjusted: "182000000.00", actual: "180000000.00", variance: "-2000000.00", executionRate: "0.9890" },
      { category: "majorAccidentBenefits", budget: "0.00", adjusted: "0.00", actual: "120000000.00", variance: "120000000.00", executionRate: null },
    ]);
    expect(exec.withoutBudget).toEqual(["member:municipal", "member:sip", "member:wuzhong", "member:xiangcheng"]);
    expect(exec.rounding).toContain("half-up to 4 decimals");
    expect(exec.citations.map((c) => c.clause)).toEqual(["二（四）", "二（四）"]);
  });

  it("an adjustment without an approval reference is BUDGET_ADJUSTMENT_UNAPPROVED", () => {
    const accounts = { year: 2020, statements: statements2020 };
    const { approval: _omit, ...unapproved } = ADJUSTMENT;
    expectPoolingError(() => budgetExecution(BUDGET, [unapproved], accounts), "BUDGET_ADJUSTMENT_UNAPPROVED", ["adjustments", 0, "approval"]);
    expectPoolingError(
      () => budgetExecution(BUDGET, [{ ...ADJUSTMENT, approval: { ref: " ", date: "2020-10-20" } }], accounts),
      "BUDGET_ADJUSTMENT_UNAPPROVED",
      ["adjustments", 0, "approval", "ref"],
    );
    expectPoolingError(() => budgetExecution(BUDGET, [{ ...ADJUSTMENT, member: "sip" }], accounts), "MISSING_FIELD", ["adjustments", 0, "member"]);
    expectPoolingError(
      () => budgetExecution(BUDGET, [{ ...ADJUSTMENT, changes: { expenditure: { benefits: "-170000000.01" } } }], accounts),
      "NEGATIVE_AMOUNT",
      ["adjustments", 0, "changes", "expenditure", "benefits"],
    );
    expectPoolingError(
      () => budgetExecution([{ member: "wujiang", year: 2020, income: { interest: "1.00" } as never, expenditure: {} }], [], accounts),
      "UNKNOWN_KEY",
      ["budget", 0, "income", "interest"],
    );
    expectPoolingError(() => budgetExecution([BUDGET[0]!, BUDGET[0]!], [], accounts), "DUPLICATE_ENTRY", ["budget", 1, "member"]);
  });
});
