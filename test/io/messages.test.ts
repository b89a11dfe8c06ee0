/**
 * Errors for end users (issue 10, item 4): `messageZh` is plain Chinese with
 * the field's Chinese name; the code and the path stay in their own fields.
 * `explain` in Chinese names the members by their Chinese names.
 */
import { describe, expect, it } from "vitest";
import * as analysisEntry from "../../src/analysis.js";
import * as examplesEntry from "../../src/examples.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import * as main from "../../src/index.js";
import * as schemasEntry from "../../src/schemas.js";

/** The public entries but the presentation (`/report`, tested on its own): the main one, `/schemas`, `/analysis` and `/examples`. */
const lib = { ...main, ...schemasEntry, ...analysisEntry, ...examplesEntry };

function caught(call: () => unknown): main.PoolingError {
  try {
    call();
  } catch (e) {
    if (lib.isPoolingError(e)) return e;
    throw e;
  }
  throw new Error("expected a PoolingError");
}

describe("messageZh: plain Chinese, with the field's Chinese name", () => {
  const cases: [() => unknown, string, RegExp][] = [
    [() => lib.computeLevy({ period: "2020-09", industryClass: 1, payroll: "-1000" }), "NEGATIVE_AMOUNT", /^缴费工资总额：金额不得为负数/],
    [() => lib.computeLevy({ period: "September", industryClass: 1, payroll: "1" } as never), "INVALID_PERIOD", /^费款所属期：/],
    [() => lib.computeLevy({ period: "2021-07", industryClass: "three" as never, payroll: "1" }), "INVALID_CLASS", /^行业类别：/],
    [() => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1", floatMultiplier: "-1" }), "INVALID_MULTIPLIER", /^浮动费率档次：/],
    [() => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1", cutFraction: "1.5" }), "INVALID_FRACTION", /^降费比例：/],
    [
      () => lib.computeLevy({ employerId: 7 as never, period: "2021-07", industryClass: 1, payroll: "1" }),
      "INVALID_TYPE",
      /^单位编号：取值类型错误（应为文本）/,
    ],
    [
      () => lib.computeLevies([{ period: "2020-09", industryClass: 1, payroll: "1" }]),
      "CUT_FRACTION_REQUIRED",
      /^第 1 项的降费比例：.*请提供降费比例或市区统筹基金可支付月数/,
    ],
    [() => lib.computeLevy({ period: "2021-07", industryClass: 1 }), "PAYROLL_REQUIRED", /须提供缴费工资总额或职工个人缴费基数/],
    [
      () => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1", employees: ["1"] }),
      "PAYROLL_CONFLICT",
      /缴费工资总额与职工个人缴费基数只能提供其一/,
    ],
    [() => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1".repeat(70) as never }), "AMOUNT_OUT_OF_RANGE", /^缴费工资总额：数值超出范围/],
    [() => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1.001" }), "AMOUNT_NOT_IN_FEN", /^缴费工资总额：金额须精确到分/],
  ];
  for (const [call, code, zh] of cases) {
    it(code, () => {
      const e = caught(call);
      expect(e.code).toBe(code);
      expect(e.messageZh).toMatch(zh);
      // neither the code nor an English field name nor the rendered path in the Chinese message
      expect(e.messageZh).not.toContain(code);
      expect(e.messageZh).not.toMatch(/payroll|cutFraction|cityReserveMonths|employees|enterpriseSize|industryClass|floatMultiplier|employerId|period/);
      // the English message keeps the code and the path, for developers and logs
      expect(e.message.startsWith(`${code} at `)).toBe(true);
      expect(e.toJSON()).toMatchObject({ code, path: e.path, messageZh: e.messageZh });
    });
  }

  it("the Chinese names of the fields come from one glossary, the same one that describes the JSON Schemas", () => {
    const js = lib.toJSONSchema("LevyInput") as { properties: Record<string, { description: string }> };
    expect(js.properties.payroll!.description).toContain("缴费工资总额");
    expect(js.properties.cutFraction!.description).toContain("降费比例");
    expect(js.properties.floatMultiplier!.description).toContain("浮动费率档次");
    expect(js.properties.employerId!.description).toContain("单位编号");
  });
});

describe("explain in Chinese names the members in Chinese", () => {
  const sim = lib.simulate(EXAMPLE_SCENARIO);
  it("a settlement's steps name 市本级, 吴江区, 吴中区, 相城区, 苏州工业园区, not the ids", () => {
    const zh = lib.explain(sim.periods[0]!).text;
    for (const name of ["市本级", "吴江区", "吴中区", "相城区", "苏州工业园区"]) expect(zh).toContain(`${name}`);
    expect(zh).not.toMatch(/\b(municipal|wujiang|wuzhong|xiangcheng|sip)\b/);
    // in English, the ids
    expect(lib.explain(sim.periods[0]!, { lang: "en" }).text).toMatch(/^\d+\. municipal: /m);
  });
  it("the names come from the policy given", () => {
    const json = { ...JSON.parse(JSON.stringify(lib.SUZHOU_2020)), version: "1.0-test" };
    json.members[0].value[1].nameZh = "吴江（测试）";
    const policy = lib.definePolicy(json);
    expect(lib.explain(sim.periods[0]!, { policy }).text).toContain("吴江（测试）：");
  });
});
