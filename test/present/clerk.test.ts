/**
 * The clerk's output, at the library's presentation layer: the one table of
 * the levy output fields (Chinese headers with units), the Chinese labels of
 * every code value, the GB18030 encoder (checked against the platform's
 * decoder on every character), and the normalising of common 社保 formats.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors.js";
import { computeLevies, computeLevy, SUZHOU_2020 } from "../../src/index.js";
import { encodeGb18030 } from "../../src/present/gb18030.js";
import { LEVY_COLUMNS } from "../../src/present/levyCsv.js";
import { levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn } from "../../src/present/levyCsvZh.js";
import { LEVY_CODE_LABELS_ZH, LEVY_OUTPUT_FIELDS } from "../../src/present/levyFields.js";
import { headerWithoutUnit, type NormalizeChange, normalizeCell, normalizeSummary } from "../../src/present/normalize.js";
import { LevySchema } from "../../src/schemas.js";

const root = new URL("../..", import.meta.url).pathname;

describe("the levy output fields and their Chinese headers", () => {
  it("one entry per CSV column, in order, each with a Chinese term of its own and an English description", () => {
    expect(LEVY_OUTPUT_FIELDS.map((f) => f.name)).toEqual([...LEVY_COLUMNS]);
    for (const f of LEVY_OUTPUT_FIELDS) {
      expect(f.zh, f.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(f.en.length, f.name).toBeGreaterThan(5);
    }
    expect(new Set(LEVY_OUTPUT_FIELDS.map((f) => f.zh)).size).toBe(LEVY_OUTPUT_FIELDS.length);
  });
  it("the Chinese header line: the terms, money with its unit", () => {
    expect(levyCsvHeaderIn("zh")).toBe(
      "单位编号,费款所属期,行业类别,缴费工资总额（元）,基准费率,浮动费率档次,浮动后费率,降费比例,降费比例来源,本地区降费比例,本地区降费比例来源,实际费率,降费前缴费额（元）,降费后缴费额（元）,降费减收额（元）,同步降费减收额（元）,减免比例,减免金额（元）,应缴金额（元）,条款依据\n",
    );
    expect(levyCsvHeaderIn("en")).toBe(`${LEVY_COLUMNS.join(",")}\n`);
  });
  it("every code value has a Chinese label (the schema's enums, all of them)", () => {
    expect(Object.keys(LEVY_CODE_LABELS_ZH.cutSource).sort()).toEqual([...LevySchema.shape.cutSource.options].sort());
    expect(Object.keys(LEVY_CODE_LABELS_ZH.ownCutSource).sort()).toEqual([...LevySchema.shape.ownCutSource.options].sort());
  });
  it("a row in Chinese: the same figures, the codes by their labels; the totals row 合计", () => {
    const batch = computeLevies([
      { employerId: "E1", period: "2020-09", industryClass: 3, payroll: "1000.00", cutFraction: "0.5", ownCutFraction: "0" },
      { employerId: "E2", period: "2021-07", industryClass: 2, payroll: "5.00" },
    ]);
    expect(levyCsvRowIn(batch.items[0]!, "zh")).toBe(
      "E1,2020-09,3,1000.00,0.005,1,0.005,0.5,按所给降费比例,0,按所给本地区降费比例,0.0025,5.00,2.50,2.50,2.50,0,0.00,2.50,苏府办〔2020〕86号 二（一）; 苏府办〔2020〕86号 二（三）\n",
    );
    expect(levyCsvRowIn(batch.items[1]!, "zh")).toContain(",降费期外,,未提供,");
    expect(levyCsvRowIn(batch.items[1]!, "en")).toContain(",outsideWindow,,notGiven,");
    expect(levyCsvTotalsIn(batch.totals, "zh")).toBe("合计,,,1005.00,,,,,,,,,5.02,2.52,2.50,2.50,,0.00,2.52,\n");
  });
});

/** The code points no GB18030 code decodes to (private-use characters the decoder maps elsewhere, and U+FFFD): written `?`. */
const UNREACHABLE = [
  0xe5e5, 0xe78d, 0xe78e, 0xe78f, 0xe790, 0xe791, 0xe792, 0xe793, 0xe794, 0xe795, 0xe796, 0xe81e, 0xe826, 0xe82b, 0xe82c, 0xe832, 0xe843, 0xe854, 0xe864,
  0xfffd,
];

describe("the GB18030 encoder", () => {
  const decoder = new TextDecoder("gb18030", { fatal: true });
  it("known bytes: ASCII, GBK's two-byte codes, a four-byte code, beyond the BMP", () => {
    expect([...encodeGb18030("A合计")]).toEqual([0x41, 0xba, 0xcf, 0xbc, 0xc6]);
    expect([...encodeGb18030("€")]).toEqual([0xa2, 0xe3]);
    expect([...encodeGb18030("\u0080")]).toEqual([0x81, 0x30, 0x81, 0x30]);
    expect([...encodeGb18030("😀")]).toEqual([0x94, 0x39, 0xfc, 0x36]);
    expect([...encodeGb18030("\ud800x")]).toEqual([0x3f, 0x78]); // a lone surrogate
  });
  it("round trip through TextDecoder('gb18030') for every character of the BMP (but the unreachable ones) and samples beyond it", () => {
    const wrong: string[] = [];
    const unreachable: number[] = [];
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const c = String.fromCharCode(u);
      const bytes = encodeGb18030(c);
      if (bytes.length === 1 && bytes[0] === 0x3f && u !== 0x3f) {
        unreachable.push(u);
        continue;
      }
      if (decoder.decode(bytes) !== c) wrong.push(u.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(unreachable).toEqual(UNREACHABLE);
    for (const cp of [0x10000, 0x1f600, 0x20000, 0x2a6d6, 0x10ffff]) {
      const c = String.fromCodePoint(cp);
      expect(decoder.decode(encodeGb18030(c))).toBe(c);
    }
  });
  it("every character the library writes (its sources, the policy, the error messages) is one or two bytes: GBK, what Excel on Chinese Windows reads", () => {
    const chars = new Set<string>();
    const add = (text: string) => {
      for (const c of text) if (c.charCodeAt(0) >= 0x80) chars.add(c);
    };
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !p.includes("/playground/")) add(readFileSync(p, "utf8"));
      }
    };
    walk(join(root, "src"));
    add(JSON.stringify(SUZHOU_2020));
    for (const [en, zh] of Object.values(ERROR_CODES)) add(en + zh);
    // box-drawing, arrows and math signs of comments and English text are in GBK too; only the decoder's round trip matters for the rest
    const outsideGbk = [...chars].filter((c) => encodeGb18030(c).length > 2);
    for (const c of chars) expect(decoder.decode(encodeGb18030(c))).toBe(c);
    expect(chars.size).toBeGreaterThan(500);
    // the characters of the library's output (headers, labels, messages, clauses) are all GBK
    const output = new Set<string>();
    for (const f of LEVY_OUTPUT_FIELDS) for (const c of `${f.zh}（${f.unit ?? ""}）`) output.add(c);
    for (const labels of Object.values(LEVY_CODE_LABELS_ZH)) for (const l of Object.values(labels)) for (const c of l) output.add(c);
    for (const [, zh] of Object.values(ERROR_CODES)) for (const c of zh) output.add(c);
    for (const c of "合计苏府办〔2020〕86号 二（一）；、：“”") output.add(c);
    expect([...output].filter((c) => encodeGb18030(c).length > 2)).toEqual([]);
    expect(outsideGbk.every((c) => !output.has(c))).toBe(true);
  });
});

describe("normalising common 社保 formats", () => {
  const norm = (field: string, v: string) => {
    const changes: NormalizeChange[] = [];
    return { value: normalizeCell(field, v, 7, changes), changes };
  };
  it("YYYYMM periods, thousands separators, full-width digits; every change recorded", () => {
    expect(norm("period", "202107")).toEqual({
      value: "2021-07",
      changes: [{ line: 7, field: "period", kind: "periodYyyymm", from: "202107", to: "2021-07" }],
    });
    expect(norm("payroll", "12,345.00").value).toBe("12345.00");
    expect(norm("payroll", "1,234,567").value).toBe("1234567");
    expect(norm("employees", "1,000.00;2,500.50").value).toBe("1000.00;2500.50");
    const wide = norm("payroll", "１２,３４５．００");
    expect(wide.value).toBe("12345.00");
    expect(wide.changes.map((c) => c.kind)).toEqual(["fullWidth", "thousands"]);
    expect(norm("period", "２０２１０７").value).toBe("2021-07");
  });
  it("changes nothing else: canonical values, a decimal comma, a bad grouping, a month 13, text fields", () => {
    for (const [f, v] of [
      ["period", "2021-07"],
      ["period", "202113"],
      ["period", "20217"],
      ["payroll", "12345.00"],
      ["payroll", "12,34.00"],
      ["payroll", "1234,50"],
      ["payroll", "abc"],
      ["employerId", "１,２３４"],
      ["enterpriseSize", "small"],
    ] as const) {
      expect(norm(f, v), `${f} ${v}`).toEqual({ value: v, changes: [] });
    }
  });
  it("a header's unit is dropped only when it is the field's own: 元 for amounts, 月 for months; never 万元", () => {
    const fieldOf = (n: string) => ({ 缴费工资总额: "payroll", payroll: "payroll", 市区可支付月数: "cityReserveMonths", 单位编号: "employerId" })[n] ?? "";
    expect(headerWithoutUnit("缴费工资总额（元）", fieldOf)).toBe("缴费工资总额");
    expect(headerWithoutUnit("payroll (元)", fieldOf)).toBe("payroll");
    expect(headerWithoutUnit("市区可支付月数（个月）", fieldOf)).toBe("市区可支付月数");
    expect(headerWithoutUnit("缴费工资总额（万元）", fieldOf)).toBeNull();
    expect(headerWithoutUnit("单位编号（元）", fieldOf)).toBeNull();
    expect(headerWithoutUnit("缴费工资总额", fieldOf)).toBeNull();
  });
  it("the summary: one line per kind and field, with the count, the first line and an example", () => {
    const changes: NormalizeChange[] = [];
    normalizeCell("period", "202107", 2, changes);
    normalizeCell("period", "202108", 3, changes);
    normalizeCell("payroll", "1,000.00", 3, changes);
    expect(normalizeSummary(changes)).toEqual([
      "normalized 2 × period YYYYMM as YYYY-MM in period (first at line 2: 202107 → 2021-07) / 规范化 2 处：所属期 YYYYMM 改为 YYYY-MM（费款所属期，首见第 2 行：202107 → 2021-07）",
      "normalized 1 × thousands separators removed in payroll (first at line 3: 1,000.00 → 1000.00) / 规范化 1 处：去掉千位分隔符（缴费工资总额，首见第 3 行：1,000.00 → 1000.00）",
    ]);
  });
});

describe("the Chinese messages and the one term 降费比例", () => {
  it("no Chinese message names a programming type (Decimal), the cut is 降费比例 throughout", () => {
    for (const [code, [, zh]] of Object.entries(ERROR_CODES)) {
      expect(zh, code).not.toMatch(/Decimal/);
      expect(zh, code).not.toMatch(/降费幅度/);
    }
    let zh = "";
    try {
      computeLevy({ period: "2021-07", industryClass: 2, payroll: { d: 1 } as never });
    } catch (e) {
      zh = (e as { messageZh: string }).messageZh;
    }
    expect(zh).toMatch(/^缴费工资总额：金额须为有限的十进制数/);
    expect(zh).not.toMatch(/Decimal/);
  });
  it("CUT_FRACTION_REQUIRED names the CLI's options", () => {
    expect(ERROR_CODES.CUT_FRACTION_REQUIRED[0]).toContain("--cut-fraction or --city-reserve-months");
    expect(ERROR_CODES.CUT_FRACTION_REQUIRED[1]).toContain("--cut-fraction 或 --city-reserve-months");
  });
});
