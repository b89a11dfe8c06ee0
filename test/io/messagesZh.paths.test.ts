/**
 * messageZh names the field a path points at, whatever its depth: each key by
 * its glossary term (the policy's keys included), each item by its position
 * (a scenario's period as 第 N 个结算期), each member by its Chinese name from
 * the policy data; a key without a term by itself, never an ancestor.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, isPoolingError, PoolingError, SUZHOU_2020, simulate } from "../../src/index.js";
import { inputProblems, toJSONSchema } from "../../src/schemas.js";

function caughtZh(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (isPoolingError(e)) return e.messageZh;
    throw e;
  }
  throw new Error("expected a PoolingError");
}

describe("messageZh names the field, the period and the member", () => {
  it("a member's income in a period: the period, the member (市本级 from the policy data), the field", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: { members: Record<string, Record<string, unknown>> }[] };
    s.periods[0]!.members.municipal!.income = "-1";
    const municipal = SUZHOU_2020.members[0]!.value.find((m) => m.id === "municipal")!.nameZh;
    expect(municipal).toBe("市本级（含姑苏区、苏州高新区）");
    expect(caughtZh(() => simulate(s as never))).toBe(`第 1 个结算期的${municipal}的基金收入：金额不得为负数（收到 -1）`);
    const memberNames = { sip: "苏州工业园区", wujiang: "吴江区" };
    expect(new PoolingError("NEGATIVE_AMOUNT", ["periods", 5, "provincialRemittances", "sip"], undefined, { memberNames }).messageZh).toBe(
      "第 6 个结算期的苏州工业园区的省级储备金上解额：金额不得为负数",
    );
    // without the policy's names, a member is named by its id
    expect(new PoolingError("NEGATIVE_AMOUNT", ["periods", 5, "provincialRemittances", "sip"]).messageZh).toBe(
      "第 6 个结算期的地区 sip的省级储备金上解额：金额不得为负数",
    );
    expect(new PoolingError("INVALID_CLASS", ["periods", 7, "members", "wujiang", "levies", 1, "industryClass"], undefined, { memberNames }).messageZh).toBe(
      "第 8 个结算期的吴江区的单位缴费记录第 2 项的行业类别：行业类别须为 1 至 8 的整数",
    );
  });
  it("a custom policy's members are named as that policy names them, not as SUZHOU_2020 does", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.id = "custom-names";
    json.members[0].value[4].nameZh = "园区（自定义）";
    const custom = definePolicy(json);
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: { members: Record<string, Record<string, unknown>> }[] };
    s.periods[1]!.members.sip!.income = "-1";
    expect(caughtZh(() => simulate(s as never, custom))).toBe("第 2 个结算期的园区（自定义）的基金收入：金额不得为负数（收到 -1）");
    expect(caughtZh(() => simulate(s as never))).toBe("第 2 个结算期的苏州工业园区的基金收入：金额不得为负数（收到 -1）");
    expect(inputProblems("Scenario", s, { policy: custom }).problems.map((p) => p.messageZh)).toEqual([
      "第 2 个结算期的园区（自定义）的基金收入：金额不得为负数（收到 -1）",
    ]);
  });
  it("a policy's member name: the field itself, not its parent", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.members[0].value[0].nameZh = "";
    expect(caughtZh(() => definePolicy(json))).toBe("各地第 1 项的取值第 1 项的中文名称：取值类型错误");
  });
  it("a policy file missing its fields: each named", () => {
    expect(inputProblems("Policy", {}).problems.map((p) => p.messageZh)).toEqual(
      [
        "政策编号",
        "版本",
        "标题",
        "文件",
        "施行期",
        "数据核对截至日期",
        "各地",
        "行业基准费率",
        "浮动费率档次表",
        "阶段性降费",
        "国家降费档次表",
        "减免政策",
        "省级储备金",
        "期初数据",
        "统筹基金下限",
        "补助额20%上解",
        "风险等级表",
        "赤字弥补",
        "统筹基金补足",
        "统筹基金",
        "条款依据",
      ].map((field) => `${field}：缺少必填字段`),
    );
  });
  it("a key without a glossary term, by itself; an unknown member id, by itself", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: Record<string, unknown>[] };
    s.periods[3]!.bogus = 1;
    expect(inputProblems("Scenario", s).problems.map((p) => p.messageZh)).toEqual(["第 4 个结算期的字段 bogus：存在未定义的字段（未定义的字段：bogus）"]);
    expect(new PoolingError("UNKNOWN_MEMBER", ["periods", 2, "members", "gusu"]).messageZh).toBe(
      "第 3 个结算期的地区 gusu：该地区不在政策规定的纳入市区统筹的各地之列",
    );
  });
  it("the same words in the same places: a list's items, a journal entry's accounts, the policy's id, times", () => {
    expect(new PoolingError("NEGATIVE_AMOUNT", [2, "payroll"]).messageZh).toBe("第 3 项的缴费工资总额：金额不得为负数");
    expect(new PoolingError("NEGATIVE_AMOUNT", ["employees", 3]).messageZh).toBe("职工个人缴费基数第 4 项：金额不得为负数");
    expect(new PoolingError("MISSING_FIELD", ["from"]).messageZh).toBe("转出账户：缺少必填字段");
    expect(new PoolingError("MISSING_FIELD", ["id"]).messageZh).toBe("政策编号：缺少必填字段");
    expect(new PoolingError("MISSING_FIELD", ["members", 0, "value", 0, "id"]).messageZh).toBe("各地第 1 项的取值第 1 项的地区：缺少必填字段");
    expect(new PoolingError("MISSING_FIELD", ["rateCut", 1, "to"]).messageZh).toBe("阶段性降费第 2 项的截止时间：缺少必填字段");
    expect(new PoolingError("MISSING_FIELD", ["beforePooling", "from"]).messageZh).toBe("统筹前各月的起始时间：缺少必填字段");
    expect(new PoolingError("NOT_AN_OBJECT", []).messageZh).toBe("输入必须是对象");
  });
  it("every property of the Policy's JSON Schema has its Chinese term", () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (node === null || typeof node !== "object") return;
      const props = (node as { properties?: Record<string, { description?: string }> }).properties;
      if (props) for (const [k, v] of Object.entries(props)) if (!/[\u4e00-\u9fff]/.test(v.description ?? "")) missing.push(`${where}.${k}`);
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
    };
    walk(toJSONSchema("Policy"), "Policy");
    expect(missing).toEqual([]);
  });
});
