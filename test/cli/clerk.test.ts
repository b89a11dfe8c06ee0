/**
 * The clerk's run of `wi-pooling levy` (the built CLI): a GB18030 sheet from
 * Excel on Chinese Windows with Chinese headers (one with its unit), periods
 * written YYYYMM, thousands separators and three bad rows goes through
 * `--encoding gb18030 --normalize --lang zh --out-encoding gb18030
 * --errors-out bad.csv` to two GB18030 files; without `--normalize` the same
 * sheet is refused with a message that names it; the file's cut defaults;
 * good rows + bad rows = the input's rows, whatever the rows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runs } from "../support/fc.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "wi-clerk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir });
const gb = new TextDecoder("gb18030", { fatal: true });
const read = (name: string) => readFileSync(join(dir, name));

/** The clerk's sheet: Chinese headers, 缴费工资总额 with its unit, YYYYMM periods, thousands separators, CRLF; rows 4, 5 and 6 are bad. */
const SHEET = [
  "单位编号,费款所属期,行业类别,缴费工资总额（元）,浮动费率,降费比例",
  'E01 精密机械,202107,2,"12,345.00",1,',
  'E02 纺织,202009,3,"1,000,000.00",1,0.5',
  "E03 物流,202009,9,800.00,1,0.2",
  "E04 建材,202113,2,100.00,1,",
  'E05 食品,202108,2,"12,34.00",1,',
  'E06 电子,202010,1,"2,000.50",1,0.2',
  "",
].join("\r\n");

/** GB18030 bytes of a text, from the platform's own decoder's point of view: written by Excel (iconv's table, checked by round trip below). */
function gbBytes(text: string): Buffer {
  // built from the two-byte codes the decoder knows: every character of the sheet is GBK
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) {
      out.push(c.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let lead = 0x81; lead <= 0xfe && !found; lead++) {
      for (let trail = 0x40; trail <= 0xfe && !found; trail++) {
        if (trail === 0x7f) continue;
        if (gb.decode(Uint8Array.of(lead, trail)) === c) {
          out.push(lead, trail);
          found = true;
        }
      }
    }
    if (!found) throw new Error(`not GBK: ${c}`);
  }
  return Buffer.from(out);
}

const OUT_ZH = [
  "单位编号,费款所属期,行业类别,缴费工资总额（元）,基准费率,浮动费率档次,浮动后费率,降费比例,降费比例来源,本地区降费比例,本地区降费比例来源,实际费率,降费前缴费额（元）,降费后缴费额（元）,降费减收额（元）,同步降费减收额（元）,减免比例,减免金额（元）,应缴金额（元）,条款依据",
  "E01 精密机械,2021-07,2,12345.00,0.003,1,0.003,0,降费期外,,未提供,0.003,37.04,37.04,0.00,0.00,0,0.00,37.04,苏府办〔2020〕86号 二（一）",
  "E02 纺织,2020-09,3,1000000.00,0.005,1,0.005,0.5,按所给降费比例,,未提供,0.0025,5000.00,2500.00,2500.00,0.00,0,0.00,2500.00,苏府办〔2020〕86号 二（一）",
  "E06 电子,2020-10,1,2000.50,0.0015,1,0.0015,0.2,按所给降费比例,,未提供,0.0012,3.00,2.40,0.60,0.00,0,0.00,2.40,苏府办〔2020〕86号 二（一）",
  "合计,,,1014345.50,,,,,,,,,5040.04,2539.44,2500.60,0.00,,0.00,2539.44,",
  "",
].join("\n");

const BAD_ZH = [
  "行号,字段,代码,中文说明,英文说明,单位编号,费款所属期,行业类别,缴费工资总额（元）,浮动费率,降费比例",
  '4,行业类别,INVALID_CLASS,"行业类别：行业类别须为 1 至 8 的整数（收到 ""9""）","INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8 (got ""9"")",E03 物流,202009,9,800.00,1,0.2',
  '5,费款所属期,INVALID_PERIOD,"费款所属期：费款所属期须为 YYYY-MM 格式的月份（收到 ""202113""）","INVALID_PERIOD at period: a period must be a month written YYYY-MM (got ""202113"")",E04 建材,202113,2,100.00,1,',
  '6,缴费工资总额（元）,INVALID_AMOUNT,"缴费工资总额：金额须为有限的十进制数（如 1234.50）（收到 ""12,34.00""）","INVALID_AMOUNT at payroll: an amount must be a finite decimal number (a plain decimal string, a finite number or a Decimal) (got ""12,34.00"")",E05 食品,202108,2,"12,34.00",1,',
  "",
].join("\n");

describe("the clerk's GB18030 sheet", () => {
  const sheet = gbBytes(SHEET);
  writeFileSync(join(dir, "sheet.csv"), sheet);

  it("the sheet is GB18030 as Excel writes it (the test's own bytes decode back)", () => {
    expect(gb.decode(sheet)).toBe(SHEET);
  });

  it("--encoding gb18030 --normalize --lang zh --out-encoding gb18030 --errors-out: good rows and bad rows in two GB18030 files, exit 5", () => {
    const r = run([
      "levy",
      "sheet.csv",
      "--encoding",
      "gb18030",
      "--normalize",
      "--lang",
      "zh",
      "--out-encoding",
      "gb18030",
      "--errors-out",
      "bad.csv",
      "--out",
      "out.csv",
    ]);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stdout).toBe("");
    const out = read("out.csv");
    const bad = read("bad.csv");
    expect(gb.decode(out)).toBe(OUT_ZH);
    expect(gb.decode(bad)).toBe(BAD_ZH);
    // GB18030 bytes, no BOM: the header starts with 单位编号 in GBK (B5A5 CEBB B1E0 BAC5)
    expect(out.subarray(0, 8).toString("hex")).toBe("b5a5cebbb1e0bac5");
    expect(bad.subarray(0, 4).toString("hex")).toBe("d0d0bac5"); // 行号
    expect(out.equals(gbBytes(OUT_ZH))).toBe(true);
    expect(bad.equals(gbBytes(BAD_ZH))).toBe(true);
    // every change counted on stderr, and where the bad rows went
    expect(r.stderr).toContain("normalized 1 × unit dropped from a header in payroll (first at line 1: 缴费工资总额（元） → 缴费工资总额)");
    expect(r.stderr).toContain("normalized 5 × period YYYYMM as YYYY-MM in period (first at line 2: 202107 → 2021-07)");
    expect(r.stderr).toContain("normalized 3 × thousands separators removed in payroll (first at line 2: 12,345.00 → 12345.00)");
    expect(r.stderr).toContain("3 good record(s) written; 3 bad record(s) written to bad.csv. / 3 条记录已输出；3 条有误的记录已写入 bad.csv。");
  });

  it("without --normalize the same sheet is refused (exit 2, nothing written) with a message that names --normalize", () => {
    const r = run(["levy", "sheet.csv", "--encoding", "gb18030", "--out", "refused.csv"]);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, "refused.csv"))).toBe(false);
    expect(r.stderr).toContain("第 1 行：未定义的列 缴费工资总额（元）");
    expect(r.stderr).toContain(
      "hint: --normalize would read 缴费工资总额（元） → 缴费工资总额 / 提示：加上 --normalize 可读作 缴费工资总额（元） → 缴费工资总额",
    );
  });

  it("a row whose period is YYYYMM, without --normalize: the hint under its problem", () => {
    writeFileSync(join(dir, "yyyymm.csv"), 'period,industryClass,payroll\n202107,2,"1,000.00"\n');
    const r = run(["levy", "yyyymm.csv"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("hint: --normalize would read 202107 → 2021-07, 1,000.00 → 1000.00");
  });
});

describe("--errors-out", () => {
  it("no bad row: exit 0, the errors file holds its header only (an old one never stays)", () => {
    writeFileSync(join(dir, "good.csv"), "employerId,period,industryClass,payroll\nE1,2021-07,2,5.00\n");
    writeFileSync(join(dir, "old-bad.csv"), "stale\n");
    const r = run(["levy", "good.csv", "--errors-out", "old-bad.csv", "--out", "good-out.csv"]);
    expect(r.status, r.stderr).toBe(0);
    expect(read("old-bad.csv").toString()).toBe("line,field,code,messageZh,message,employerId,period,industryClass,payroll\n");
  });

  it("a JSON array: the bad item as JSON, its index as the line", () => {
    writeFileSync(
      join(dir, "items.json"),
      JSON.stringify([
        { period: "2021-07", industryClass: 2, payroll: "5.00" },
        { period: "2021-07", industryClass: 0, payroll: "5.00" },
      ]),
    );
    const r = run(["levy", "items.json", "--errors-out", "items-bad.csv", "--out", "items-out.csv"]);
    expect(r.status).toBe(5);
    expect(read("items-bad.csv").toString()).toBe(
      'line,field,code,messageZh,message,record\n1,industryClass,INVALID_CLASS,行业类别：行业类别须为 1 至 8 的整数（收到 0）,INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8 (got 0),"{""period"":""2021-07"",""industryClass"":0,""payroll"":""5.00""}"\n',
    );
  });

  it("nothing lost or duplicated: good rows + bad rows = the input's rows, each bad row once, structural ones included", () => {
    const row = fc.oneof(
      fc.constant("E,2021-07,2,5.00"), // good
      fc.constant("E,2021-07,9,5.00"), // bad class
      fc.constant("E,2021-13,2,5.00"), // bad period
      fc.constant("E,2021-07,2"), // too few cells
      fc.constant("E,2021-07,2,5.00,1"), // too many
      fc.constant("E,2021-07,2,-1"), // negative
      fc.constant('E,2021-07,"2,5.00'), // a quote never closed
      fc.constant('E,2021-07,2,"5"0.00'), // text after a closing quote
    );
    let n = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const name = `p${n++}`;
        writeFileSync(join(dir, `${name}.csv`), `employerId,period,industryClass,payroll\n${rows.join("\n")}\n`);
        const r = run(["levy", `${name}.csv`, "--errors-out", `${name}-bad.csv`, "--out", `${name}-out.csv`, "--no-totals"]);
        const good = rows.filter((x) => x === "E,2021-07,2,5.00").length;
        expect(r.status).toBe(good === rows.length ? 0 : 5);
        const outLines = read(`${name}-out.csv`).toString().trimEnd().split("\n").length - 1;
        const badLines = read(`${name}-bad.csv`).toString().trimEnd().split("\n").slice(1);
        expect(outLines).toBe(good);
        expect(outLines + badLines.length).toBe(rows.length);
        // each bad row once, at its own line
        const lines = badLines.map((l) => Number(l.split(",")[0]));
        expect(lines).toEqual(rows.flatMap((x, i) => (x === "E,2021-07,2,5.00" ? [] : [i + 2])));
      }),
      runs(8),
    );
  });
});

describe("stray quotes with --errors-out", () => {
  it("a row with a stray quote is one bad row at its line, with the row as read; the rows after it are computed", () => {
    writeFileSync(
      join(dir, "quotes.csv"),
      'employerId,period,industryClass,payroll\nA,2021-07,2,100.00\nB,2021-07,2,"1"00.00\nC,2021-07,2,200.00\nD,2021-07,"2,300.00\nE,2021-07,2,400.00\n',
    );
    const r = run(["levy", "quotes.csv", "--errors-out", "quotes-bad.csv", "--out", "quotes-out.csv", "--no-totals"]);
    expect(r.status).toBe(5);
    expect(
      read("quotes-out.csv")
        .toString()
        .split("\n")
        .map((l) => l.split(",").slice(0, 4).join(",")),
    ).toEqual(["employerId,period,industryClass,payroll", "A,2021-07,2,100.00", "C,2021-07,2,200.00", "E,2021-07,2,400.00", ""]);
    expect(read("quotes-bad.csv").toString()).toBe(
      [
        "line,field,code,messageZh,message,employerId,period,industryClass,payroll",
        '3,,INVALID_CSV,CSV 格式错误：引号闭合后还有其他字符,malformed CSV: text after a closing quote,"B,2021-07,2,""1""00.00"',
        '5,,INVALID_CSV,CSV 格式错误：本行的引号未闭合,malformed CSV: a quote opened in this row is never closed,"D,2021-07,""2,300.00"',
        "",
      ].join("\n"),
    );
    expect(r.stderr).toContain("第 3 行：CSV 格式错误：引号闭合后还有其他字符");
  });
});

describe("the file's cut defaults", () => {
  it("--cut-fraction and --own-reserve-months fill the rows that give neither of their pair; a row's own figures win", () => {
    writeFileSync(
      join(dir, "window.csv"),
      "employerId,period,industryClass,payroll,cutFraction,ownCutFraction\nA,2020-09,1,100.00,,\nB,2020-09,1,100.00,0.5,0\nC,2021-07,1,100.00,,\n",
    );
    const refused = run(["levy", "window.csv"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--cut-fraction or --city-reserve-months");
    const r = run(["levy", "window.csv", "--cut-fraction", "0.2", "--own-reserve-months", "30", "--no-totals"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").slice(1)).toEqual([
      "A,2020-09,1,100.00,0.0015,1,0.0015,0.2,caller,0.5,ownReserveMonths,0.0012,0.15,0.12,0.03,0.00,0,0.00,0.12,苏府办〔2020〕86号 二（一）",
      "B,2020-09,1,100.00,0.0015,1,0.0015,0.5,caller,0,ownCutFraction,0.00075,0.15,0.08,0.07,0.07,0,0.00,0.08,苏府办〔2020〕86号 二（一）; 苏府办〔2020〕86号 二（三）",
      "C,2021-07,1,100.00,0.0015,1,0.0015,0,outsideWindow,0.5,ownReserveMonths,0.0015,0.15,0.15,0.00,0.00,0,0.00,0.15,苏府办〔2020〕86号 二（一）",
      "",
    ]);
  });

  it("bad option values are usage errors (exit 3)", () => {
    expect(run(["levy", "window.csv", "--cut-fraction", "abc"]).status).toBe(3);
    expect(run(["levy", "window.csv", "--cut-fraction", "0.2", "--city-reserve-months", "3"]).status).toBe(3);
    expect(run(["levy", "window.csv", "--lang", "fr"]).status).toBe(3);
    expect(run(["levy", "window.csv", "--out-encoding", "latin1"]).status).toBe(3);
    expect(run(["levy", "window.csv", "--out-encoding", "gb18030", "--bom"]).status).toBe(3);
    expect(run(["levy", "window.csv", "--json", "--lang", "zh"]).status).toBe(3);
  });
});
