import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { GLOSSARY_ZH } from "../../src/glossary.js";
import { computeLevy, isPoolingError, PoolingError, simulate } from "../../src/index.js";
import { csvCell, LEVY_COLUMNS, LEVY_CSV_ALIASES, levyCsvHeader, levyTotalsRow } from "../../src/report.js";
import { inputProblems, schemas } from "../../src/schemas.js";

describe("inputProblems: every shape problem, as the library reports each", () => {
  it("lists each field's problem, each the PoolingError the function throws for it alone", () => {
    const input = { period: "2020-4", industryClass: 9, payroll: "-5", cutFraction: "1.5", bogus: 1, other: 2 };
    const { problems, more } = inputProblems("LevyInput", input);
    expect(more).toBe(0);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["INVALID_PERIOD", ["period"]],
      ["INVALID_CLASS", ["industryClass"]],
      ["NEGATIVE_AMOUNT", ["payroll"]],
      ["INVALID_FRACTION", ["cutFraction"]],
      ["UNKNOWN_KEY", ["bogus"]],
      ["UNKNOWN_KEY", ["other"]],
    ]);
    expect(problems.every((p) => p instanceof PoolingError && p.messageZh.length > 0)).toBe(true);
    // the function's own (first) error is the first problem listed, message for message
    let thrown: unknown;
    try {
      computeLevy(input as never);
    } catch (e) {
      thrown = e;
    }
    expect(isPoolingError(thrown) && thrown.toJSON()).toEqual(problems[0]!.toJSON());
  });
  it("is empty for a valid shape, even when a rule is broken (the function reports it)", () => {
    expect(inputProblems("LevyInput", { period: "2020-04", industryClass: 2, payroll: "5.00" })).toEqual({ problems: [], more: 0 });
    expect(inputProblems("Scenario", EXAMPLE_SCENARIO)).toEqual({ problems: [], more: 0 });
    expect(() => simulate(EXAMPLE_SCENARIO)).not.toThrow();
  });
  it("stops listing at max, and counts the rest", () => {
    const s = JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
    for (const p of s.periods) p.members.sip.income = "-1";
    const all = inputProblems("Scenario", s);
    expect(all.problems).toHaveLength(s.periods.length);
    expect(all.more).toBe(0);
    const some = inputProblems("Scenario", s, { max: 5 });
    expect(some.problems.map((p) => p.path)).toEqual(all.problems.slice(0, 5).map((p) => p.path));
    expect(some.more).toBe(s.periods.length - 5);
  });
  it("refuses an unknown schema name and a bad max", () => {
    expect(() => inputProblems("Nope" as never, {})).toThrow(PoolingError);
    expect(() => inputProblems("__proto__" as never, {})).toThrow(PoolingError);
    expect(() => inputProblems("LevyInput", {}, { max: 0 })).toThrow(PoolingError);
    expect(() => inputProblems("LevyInput", {}, { max: 1.5 })).toThrow(PoolingError);
    for (const name of Object.keys(schemas)) expect(() => inputProblems(name as never, null)).not.toThrow();
  });
});

describe("the levy CSV header: Chinese aliases from the glossary, unknown and duplicate columns", () => {
  it("every input field has its glossary term as an alias, and 浮动费率 names floatMultiplier", () => {
    const fields = Object.keys(schemas.LevyInput.shape);
    for (const f of fields) expect(LEVY_CSV_ALIASES[GLOSSARY_ZH[f]!]).toBe(f);
    expect(LEVY_CSV_ALIASES.浮动费率).toBe("floatMultiplier");
    expect(Object.keys(LEVY_CSV_ALIASES)).toHaveLength(fields.length + 1);
    expect(Object.getPrototypeOf(LEVY_CSV_ALIASES)).toBeNull();
    expect(Object.isFrozen(LEVY_CSV_ALIASES)).toBe(true);
  });
  it("reads names and aliases; refuses unknown (__proto__, constructor) and duplicate columns", () => {
    expect(levyCsvHeader([" 单位编号 ", "period", "行业类别", "缴费工资总额"])).toEqual({
      fields: ["employerId", "period", "industryClass", "payroll"],
      problems: [],
    });
    const bad = levyCsvHeader(["payroll", "__proto__", "缴费工资总额", "constructor", "payroll"]);
    expect(bad.fields).toEqual(["payroll", "", "payroll", "", "payroll"]);
    expect(bad.problems.map((p) => [p.code, p.columns])).toEqual([
      ["UNKNOWN_COLUMN", ["__proto__", "constructor"]],
      ["DUPLICATE_COLUMN", ["缴费工资总额", "payroll"]],
    ]);
    expect(bad.problems[1]!.message).toBe("duplicate column(s) 缴费工资总额 (= payroll), payroll: each field may be given once");
    expect(bad.problems[1]!.messageZh).toBe("重复的列 缴费工资总额（即 payroll）、payroll：每个字段只能出现一次");
  });
  it("the totals row: TOTAL 合计 and the totals in their columns", () => {
    const row = levyTotalsRow({
      payroll: "10.10",
      premiumBeforeCut: "0.04",
      premium: "0.04",
      cutRelief: "0.00",
      syncInducedRelief: "0.00",
      reliefWaived: "0.00",
      premiumDue: "0.04",
      policy: { id: "x", version: "1", hash: "0".repeat(64) },
      library: { name: "suzhou-wi-pooling", version: "0" },
    });
    expect(row).toHaveLength(LEVY_COLUMNS.length);
    expect(row.map(csvCell).join(",")).toBe("TOTAL 合计,,,10.10,,,,,,,,,0.04,0.04,0.00,0.00,,0.00,0.04,");
  });
});
