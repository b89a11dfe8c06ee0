/**
 * Every Chinese message the page can show names the members by their Chinese
 * names from the policy in use and carries no English ids or media types:
 * the page's own words (i18n), a refused scenario's problems, a bad row of a
 * batch, a CSV the reader cannot read, a file in another encoding, a scenario
 * that is not JSON. The rendering functions run here without a browser.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevy, type PoolingError, SUZHOU_2020, simulate } from "../../src/index.js";
import { errorTextIn, problemLines, rowProblemText } from "../../src/playground/clerk.js";
import { simulationCsv } from "../../src/playground/export.js";
import { TEXT } from "../../src/playground/i18n.js";
import { YEAR_CSV_FIELDS_ZH } from "../../src/present/yearCsvFields.js";
import { CsvFormatError, parseLevyCsv } from "../../src/service/csv.js";
import { InvalidEncodingError } from "../../src/service/decode.js";

const IDS = SUZHOU_2020.members.flatMap((v) => v.value.map((m) => m.id));
/** An English member id, or a media type, inside a Chinese text. */
const FOREIGN = new RegExp(`\\b(?:${IDS.join("|")}|application/json|text/csv)\\b`);

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
};

describe("the page's Chinese messages", () => {
  it("the page's own words: no member id, no media type, no English word but names of formats and the CLI's field names", () => {
    const allowed = new Set(
      "CSV JSON UTF GB18030 GBK YYYY MM YYYYMM Excel Windows HTML Web Worker wi pooling levy employerId period industryClass payroll floatMultiplier cutFraction".split(
        " ",
      ),
    );
    for (const [key, text] of Object.entries(TEXT.zh)) {
      if (typeof text !== "string") continue;
      expect(text, key).not.toMatch(FOREIGN);
      expect(
        (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !allowed.has(w)),
        key,
      ).toEqual([]);
    }
    expect(TEXT.zh.line).toBe("行号");
    expect(TEXT.zh.exampleBanner).toBe("示例数据：示例情景的数字为虚构，仅作演示，不是任何地区的实际数据。");
  });

  it("a refused scenario: every problem, the members by their Chinese names (the list of members too)", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as {
      opening: { members: Record<string, unknown> };
      periods: { members: Record<string, unknown> }[];
    };
    delete s.opening.members.wuzhong;
    s.periods[0]!.members.nowhere = s.periods[0]!.members.wujiang;
    const e = thrown(() => simulate(s as never, { policy: SUZHOU_2020 })) as PoolingError;
    const text = problemLines(e, s, "zh");
    expect(text.split("\n")).toEqual([
      "期初数据的各地：缺少政策规定的纳入市区统筹的某一地区（吴中区）",
      "第 1 个结算期的地区 nowhere：该地区不在政策规定的纳入市区统筹的各地之列（nowhere；纳入市区统筹的各地为 市本级（含姑苏区、苏州高新区）、吴江区、吴中区、相城区、苏州工业园区）",
    ]);
    expect(text).not.toMatch(FOREIGN);
    // the English text keeps the ids (they are the input's words)
    expect(problemLines(e, s, "en")).toContain("MISSING_MEMBER at opening.members: ");
  });

  it("a member's figure: the member by its Chinese name", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: { members: Record<string, { income?: string }> }[] };
    s.periods[2]!.members.sip!.income = "-1";
    const e = thrown(() => simulate(s as never, { policy: SUZHOU_2020 })) as PoolingError;
    expect(errorTextIn(e, "zh")).toBe("第 3 个结算期的苏州工业园区的基金收入：金额不得为负数（收到 -1）");
  });

  it("a bad row of a batch: 第 N 行, its field in Chinese; a levy error as the library says it", () => {
    expect(
      rowProblemText(
        {
          name: "PoolingError",
          code: "INVALID_CLASS",
          path: [1, "industryClass"],
          message: "INVALID_CLASS at [1].industryClass: x",
          messageZh: "第 2 项的行业类别：行业类别须为 1 至 8 的整数",
          index: 1,
          line: 3,
        } as never,
        "zh",
      ),
    ).toBe("第 3 行：INVALID_CLASS — 行业类别：行业类别须为 1 至 8 的整数");
    const e = thrown(() => computeLevy({ period: "2020-09", industryClass: 3, payroll: "1.00" }));
    expect(errorTextIn(e, "zh")).toMatch(/^降费比例/);
    expect(errorTextIn(e, "zh")).not.toMatch(FOREIGN);
  });

  it("a CSV the reader cannot read: Chinese words only, at its line; the reader's English in the English text", () => {
    const e = thrown(() => parseLevyCsv('period,payroll\n2021-07,"1"0\n')) as CsvFormatError;
    expect(e).toBeInstanceOf(CsvFormatError);
    expect(errorTextIn(e, "zh")).toBe("CSV 格式错误（第 2 行：引号闭合后还有其他字符）");
    expect(errorTextIn(e, "en")).toMatch(/^malformed CSV: Invalid Closing Quote/);
    const unknown = thrown(() => parseLevyCsv("period,bogus\n2021-07,1\n")) as CsvFormatError;
    expect(errorTextIn(unknown, "zh")).toMatch(/^第 1 行：未定义的列 bogus；列名须为：单位编号、/);
  });

  it("another encoding, a scenario that is not JSON: in Chinese", () => {
    expect(errorTextIn(new InvalidEncodingError("utf-8"), "zh")).toBe(TEXT.zh.notUtf8);
    expect(errorTextIn(new InvalidEncodingError("gb18030"), "zh")).toBe(TEXT.zh.notGb18030);
    const json = thrown(() => JSON.parse("{ nope"));
    expect(errorTextIn(json, "zh")).toBe("情景不是有效的 JSON");
    expect(errorTextIn(json, "en")).toMatch(/^The scenario is not valid JSON: /);
  });
});

describe("the simulation's yearly CSV in Chinese", () => {
  it("Chinese headers with units from one table (every column in it), members by their Chinese names, 统筹基金, warning levels in Chinese; the same figures", () => {
    const sim = simulate(EXAMPLE_SCENARIO, { policy: SUZHOU_2020 });
    const zh = simulationCsv(sim, "zh", SUZHOU_2020).split("\n");
    const en = simulationCsv(sim).split("\n");
    expect(zh[0]).toBe(
      "年度,起始期,截止期,地区,基金收入（元）,基金支出（元）,降费减收额（元）,统筹基金计提上解（元）,省级储备金上解额（元）,统筹基金补足（元）,收到降费缺口弥补（元）,收到统筹基金补助（元）,收到赤字弥补（元）,收到重大工伤事故待遇（元）,补助额20%上解结算额（元）,补助额20%上解应计额（元）,年终清算退回（元）,年终清算转为降费缺口弥补（元）,年末累计结余（元）,可支付月数（月）,风险等级,严重或预警的结算期,统筹基金下限（元）,计提上解收入（元）,未能补足的金额（元）,支付重大工伤事故待遇（元）,支付降费缺口弥补（元）,支付统筹基金补助（元）,支付记录在案的赤字（元）,待支付申请（元）,补助额20%上解合计（元）",
    );
    expect(en[0]!.split(",").every((c) => Object.hasOwn(YEAR_CSV_FIELDS_ZH, c))).toBe(true);
    expect(zh[2]).toBe(
      "2020,2020-05,2020-12,吴江区,64160000.00,120000000.00,64160000.00,21000000.00,3840000.00,27793835.62,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,113526164.38,7.56,预警,2020-11;2020-12,,,,,,,,,",
    );
    expect(zh[6]).toBe(
      "2020,2020-05,2020-12,统筹基金,,,,,,289850000.00,,,,,,,0.00,,251250000.00,3.00,预警,,251250000.00,219000000.00,0.00,120000000.00,28200000.00,109400000.00,0.00,0.00,4320000.00",
    );
    expect(zh.join("\n")).not.toMatch(FOREIGN);
    // the same figures as the English file, row by row
    const figures = (l: string) =>
      l
        .split(",")
        .slice(4)
        .filter((c) => /^-?\d/.test(c));
    expect(zh.slice(1).map(figures)).toEqual(en.slice(1).map(figures));
  });
});
