import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import {
  computeLevy,
  coverDeficit,
  definePolicy,
  explain,
  initialState,
  RELIEF_2020,
  SUZHOU_2020,
  settlePeriod,
  simulate,
  withReliefOverlays,
} from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

describe("explain", () => {
  const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2", ownCutFraction: "0" });

  it("walks a levy through every figure and clause, in Chinese by default", () => {
    const e = explain(levy);
    expect(e.kind).toBe("levy");
    expect(e.lang).toBe("zh");
    expect(e.text.split("\n")).toEqual([
      "工伤保险费计算（所属期 2020-09）",
      "1. 行业基准费率：第 3 类 0.005 — 苏府办〔2020〕86号 二（一）",
      "2. 浮动费率：0.005 × 0.8 = 0.004（费率不作舍入） — 苏府办〔2020〕86号 二（一）",
      "3. 所属期 2020-09 在降费期内，降费比例 0.2 由调用方提供 — 苏府办〔2020〕86号 二（一）",
      "4. 实际费率：0.004 × (1 − 0.2) = 0.0032",
      "5. 降费前应缴费额：2000000.00 × 0.004 = 8000.00",
      "6. 应缴费额：2000000.00 × 0.0032 = 6400.00",
      "7. 降费额：8000.00 − 6400.00 = 1600.00",
      "8. 因市区整体同步降费造成的缺口：按本地自身降费比例 0 应缴 2000000.00 × 0.004 = 8000.00，减去应缴 6400.00，得 1600.00 — 苏府办〔2020〕86号 二（三）",
    ]);
  });
  it("shows each rounding point, in English", () => {
    const e = explain(computeLevy({ period: "2021-07", industryClass: 2, payroll: "5.00" }), { lang: "en" });
    expect(e.text).toContain("Premium: 5.00 × 0.003 = 0.015 → 0.02 (rounded half-up to the fen)");
    expect(e.text).toContain("2021-07 is outside the rate-cut window: no cut");
    const relief = computeLevy(
      { period: "2020-05", industryClass: 1, floatMultiplier: "1.5", payroll: "10000", cutFraction: "0.5", enterpriseSize: "large" },
      withReliefOverlays(SUZHOU_2020, RELIEF_2020),
    );
    expect(explain(relief, { lang: "en" }).text).toContain(
      "Relief programme: 11.25 × 0.5 = 5.625 → 5.63 (rounded half-up to the fen); due 11.25 − 5.63 = 5.62 — 人社部发〔2020〕11号 一",
    );
  });
  it("walks a deficit through the coverage order (R8/R9 worked example)", () => {
    const e = explain(
      coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" }),
      { lang: "en" },
    );
    expect(e.kind).toBe("deficitCoverage");
    // Nothing is left uncovered, so the last step cites no clause.
    expect(e.steps.map((s) => s.citation?.clause)).toEqual(["二（三）", "二（三）", "二（三）", "二（三）", "二（三）", "二（三）", undefined]);
    expect(e.text).toContain("Step 3: the pool grants 150.00");
    expect(e.text).toContain("Clawback (rate 0.2): 250.00 × 0.2 = 50.00");
    const short = explain(
      coverDeficit({ gap: "500.00", currentSurplus: "0.00", cumulativeBalance: "0.00", syncInducedRelief: "0.00", poolAvailable: "100.00" }),
      { lang: "en" },
    );
    expect(short.steps.at(-1)).toEqual({ text: "Left uncovered (a recorded deficit): 400.00", citation: expect.objectContaining({ clause: "二（二）" }) });
  });
  it("cites the clauses the levy carries: a later version of the base rates cites its own document", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.baseRates = [
      { ...json.baseRates[0], to: "2022-12-31" },
      { ...json.baseRates[0], from: "2023-01-01", value: { ...json.baseRates[0].value, "3": "0.006" }, citation: { doc: "某省统一费率文件", clause: "一" } },
    ];
    const policy = definePolicy(json);
    const later = computeLevy({ period: "2023-03", industryClass: 3, payroll: "1000.00" }, policy);
    const earlier = computeLevy({ period: "2021-07", industryClass: 3, payroll: "1000.00" }, policy);
    expect([earlier.premium, later.premium]).toEqual(["5.00", "6.00"]);
    expect(explain(later, { lang: "en" }).steps[0]).toEqual({ text: "Base rate of class 3: 0.006", citation: { doc: "某省统一费率文件", clause: "一" } });
    expect(explain(earlier, { lang: "en" }).steps[0]!.citation).toMatchObject({ doc: "苏府办〔2020〕86号", clause: "二（一）" });
  });
  it("shows the clawback rate the result used, from a dated policy (20% to 2022, 30% from 2023)", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.clawback = [
      { ...json.clawback[0], to: "2022-12-31" },
      { ...json.clawback[0], from: "2023-01-01", value: { rate: "0.3", municipal: "none" } },
    ];
    const policy = definePolicy(json);
    const input = { gap: "250.00", currentSurplus: "0.00", cumulativeBalance: "0.00", syncInducedRelief: "0.00", poolAvailable: "1000.00" };
    const in2020 = coverDeficit({ ...input, period: "2020-09" }, policy);
    const in2023 = coverDeficit({ ...input, period: "2023-03" }, policy);
    expect([in2020.clawback, in2020.clawbackRate, in2023.clawback, in2023.clawbackRate]).toEqual(["50.00", "0.2", "75.00", "0.3"]);
    expect(explain(in2020, { lang: "en" }).text).toContain("Clawback (rate 0.2): 250.00 × 0.2 = 50.00");
    expect(explain(in2023, { lang: "en" }).text).toContain("Clawback (rate 0.3): 250.00 × 0.3 = 75.00");
    expect(explain(in2023, { lang: "zh" }).text).toContain("补助上解（比例 0.3）：250.00 × 0.3 = 75.00");
    expect(() => coverDeficit(input, policy)).toThrow(expect.objectContaining({ code: "PERIOD_REQUIRED" }));
  });
  it("explains a settlement and a simulated period", () => {
    const { state } = initialState(EXAMPLE_SCENARIO.opening);
    const first = settlePeriod(state, EXAMPLE_SCENARIO.periods[0]!);
    expect(explain(first).text).toContain("统筹基金尚未建立");
    const june = simulate(EXAMPLE_SCENARIO).periods[1]!;
    const e = explain(june, { lang: "en" });
    expect(e.kind).toBe("settlement");
    expect(e.text).toContain("Opening: each member transfers 10% of its 2019 year-end balance, 219000000.00 in all — 苏府办〔2020〕86号 二（二）");
    expect(e.text).toContain("members' top-up 132500000.00 (the month-end floor test, to the target months)");
    // the subsidy class pays the opening deficit too (87,800,000.00, covered with no 20%) and 5,400,000.00 of subsidies
    expect(e.text).toContain(
      "The pool pays in order (the library's default order; the document ranks none): major accidents 0.00, grants 7050000.00, subsidies 93200000.00",
    );
    // the opening deficit of 相城区 (R5), what it owes (R6) and its eligibility (R8) are explained
    expect(e.text).toContain("opening deficit 87800000.00 covered by the pool (an accumulated deficit, not a subsidy: no 20%)");
    expect(e.text).toContain("provincial reserve owed 1700000.00; still owes 1700000.00");
    expect(e.text).toContain("xiangcheng: income 3525000.00");
  });
  it("refuses what it cannot explain", () => {
    expectPoolingError(() => explain(null as never), "INVALID_TYPE", ["result"]);
    expectPoolingError(() => explain("levy" as never), "INVALID_TYPE", ["result"]);
    expectPoolingError(() => explain(levy, { lang: "fr" as never }), "INVALID_TYPE", ["options", "lang"]);
    // explain reads the result's kind, never which properties it has
    expectPoolingError(() => explain({} as never), "MISSING_FIELD", ["result", "kind"]);
    expectPoolingError(() => explain({ ...levy, kind: undefined } as never), "MISSING_FIELD", ["result", "kind"]);
    expectPoolingError(() => explain({ ...levy, kind: "stress" } as never), "INVALID_TYPE", ["result", "kind"]);
    expectPoolingError(() => explain({ ...levy, kind: 7 } as never), "INVALID_TYPE", ["result", "kind"]);
    expectPoolingError(() => explain({ kind: "levy", premiumBeforeCut: "1.00" } as never), "MISSING_FIELD", ["result", "period"]);
    // a report given as a settlement is checked as a settlement
    expectPoolingError(() => explain({ ...simulate(EXAMPLE_SCENARIO).periods[0]!, kind: "settlement" } as never), "MISSING_FIELD", ["result", "state"]);
  });
});
