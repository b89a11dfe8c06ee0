/**
 * inputProblems runs the member checks the functions run (UNKNOWN_MEMBER,
 * MISSING_MEMBER, DUPLICATE_ENTRY), each problem once, against the policy given.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { apportionTopUp, definePolicy, isPoolingError, openPooling, SUZHOU_2020, simulate } from "../../src/index.js";
import { inputProblems } from "../../src/schemas.js";

function thrown(call: () => unknown) {
  try {
    call();
  } catch (e) {
    if (isPoolingError(e)) return e.toJSON();
    throw e;
  }
  throw new Error("expected a PoolingError");
}

const ALL = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];

describe("inputProblems: the member checks of the library", () => {
  it("a scenario: a member missing at the opening, one unknown and one missing in a period, an unknown claimant, a bad amount", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as {
      opening: { members: Record<string, unknown> };
      periods: { members: Record<string, unknown>; majorAccidentClaims?: unknown[] }[];
    };
    delete s.opening.members.wuzhong;
    s.periods[2]!.members.nowhere = { expenditure: "0.00" };
    delete s.periods[2]!.members.sip;
    (s.periods[5]!.members.sip as Record<string, unknown>).income = "-1";
    s.periods[13]!.majorAccidentClaims = [{ member: "gusu", amount: "1.00" }];
    const { problems, more } = inputProblems("Scenario", s);
    expect(more).toBe(0);
    expect(problems.map((p) => [p.code, p.path, p.messageZh])).toEqual([
      ["MISSING_MEMBER", ["opening", "members"], "期初数据的各地：缺少政策规定的纳入市区统筹的某一地区（吴中区 wuzhong）"],
      [
        "UNKNOWN_MEMBER",
        ["periods", 2, "members", "nowhere"],
        "第 3 个结算期的地区 nowhere：该地区不在政策规定的纳入市区统筹的各地之列（nowhere；纳入市区统筹的各地为 municipal、wujiang、wuzhong、xiangcheng、sip）",
      ],
      ["MISSING_MEMBER", ["periods", 2, "members"], "第 3 个结算期的各地：缺少政策规定的纳入市区统筹的某一地区（苏州工业园区 sip）"],
      ["NEGATIVE_AMOUNT", ["periods", 5, "members", "sip", "income"], "第 6 个结算期的苏州工业园区的基金收入：金额不得为负数（收到 -1）"],
      [
        "UNKNOWN_MEMBER",
        ["periods", 13, "majorAccidentClaims", 0, "member"],
        "第 14 个结算期的重大工伤事故待遇第 1 项的地区：该地区不在政策规定的纳入市区统筹的各地之列（gusu；纳入市区统筹的各地为 municipal、wujiang、wuzhong、xiangcheng、sip）",
      ],
    ]);
    expect(inputProblems("Scenario", s, { max: 2 }).more).toBe(3);
    // simulate throws the shape problem first (it parses the whole input), then the first member problem: each listed
    expect(thrown(() => simulate(s as never))).toEqual(problems[3]!.toJSON());
    (s.periods[5]!.members.sip as Record<string, unknown>).income = "1.00";
    expect(thrown(() => simulate(s as never))).toEqual(problems[0]!.toJSON());
  });
  it("a period's flows: every member missing, unknown remittances", () => {
    const flows = { period: "2021-06", members: {}, provincialRemittances: { sip: "1.00", gusu: "2.00" } };
    expect(inputProblems("PeriodFlows", flows).problems.map((p) => [p.code, p.path, p.detail?.en])).toEqual([
      ...ALL.map((id) => ["MISSING_MEMBER", ["members"], id]),
      ["UNKNOWN_MEMBER", ["provincialRemittances", "gusu"], "gusu; members are municipal, wujiang, wuzhong, xiangcheng, sip"],
    ]);
  });
  it("openPooling's members: unknown, twice, missing; the function throws the first", () => {
    const input = {
      members: [
        { id: "municipal", priorYearBalance: "1" },
        { id: "gusu", priorYearBalance: "1" },
        { id: "municipal", priorYearBalance: "1" },
        { id: "sip", priorYearBalance: "1" },
      ],
    };
    const { problems } = inputProblems("OpenPoolingInput", input);
    expect(problems.map((p) => [p.code, p.path, p.detail?.zh])).toEqual([
      ["UNKNOWN_MEMBER", ["members", 1, "id"], "gusu；纳入市区统筹的各地为 municipal、wujiang、wuzhong、xiangcheng、sip"],
      ["DUPLICATE_ENTRY", ["members", 2, "id"], "municipal"],
      ["MISSING_MEMBER", ["members"], "吴江区 wujiang"],
      ["MISSING_MEMBER", ["members"], "吴中区 wuzhong"],
      ["MISSING_MEMBER", ["members"], "相城区 xiangcheng"],
    ]);
    expect(thrown(() => openPooling(input))).toEqual(problems[0]!.toJSON());
  });
  it("apportionTopUp's ids are the caller's: only a duplicate, as the function reports it", () => {
    const input = {
      amount: "10.00",
      members: [
        { id: "A", priorYearBalance: "1", available: "5" },
        { id: "B", priorYearBalance: "1", available: "5" },
        { id: "A", priorYearBalance: "1", available: "5" },
      ],
    };
    const { problems } = inputProblems("TopUpInput", input);
    expect(problems.map((p) => [p.code, p.path])).toEqual([["DUPLICATE_ENTRY", ["members", 2, "id"]]]);
    expect(thrown(() => apportionTopUp(input))).toEqual(problems[0]!.toJSON());
  });
  it("checks against the policy given (default SUZHOU_2020)", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.members[0].value.push({ id: "gusu", nameZh: "姑苏区", nameEn: "Gusu District" });
    const policy = definePolicy(json);
    const opening = { start: "2020-05", members: structuredClone(EXAMPLE_SCENARIO.opening.members) };
    expect(inputProblems("ScenarioOpening", opening).problems).toEqual([]);
    expect(inputProblems("ScenarioOpening", opening, { policy }).problems.map((p) => [p.code, p.path, p.detail?.en])).toEqual([
      ["MISSING_MEMBER", ["members"], "gusu"],
    ]);
    // inputs that name no members are not checked
    expect(inputProblems("LevyInput", { period: "2021-07", industryClass: 2, payroll: "5.00" }, { policy }).problems).toEqual([]);
  });
});
