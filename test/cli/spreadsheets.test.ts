/**
 * `wi-pooling levy` with the files spreadsheets write (issue 10): GB18030,
 * byte order marks, Chinese headers, Excel's empty rows, every problem of
 * every row, structural CSV errors that hide nothing, and the output options
 * (`--bom`, `--no-totals`). Each case runs the fast CSV reader and, with one
 * cell quoted, the csv-parse reader: both must answer the same.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020 } from "../../src/index.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "wi-sheets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, ...env } });
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};

const HEADER =
  "employerId,period,industryClass,payroll,baseRate,floatMultiplier,floatedRate,cutFraction,cutSource,ownCutFraction,ownCutSource,effectiveRate,premiumBeforeCut,premium,cutRelief,syncInducedRelief,reliefFraction,reliefWaived,premiumDue,clauses";
const E1 = "E1 精密机械,2021-07,2,1000.10,0.003,1,0.003,0,outsideWindow,,notGiven,0.003,3.00,3.00,0.00,0.00,0,0.00,3.00,苏府办〔2020〕86号 二（一）";
const E1_TOTAL = "TOTAL 合计,,,1000.10,,,,,,,,,3.00,3.00,0.00,0.00,,0.00,3.00,";

/** `单位编号,费款所属期,行业类别,缴费工资总额,浮动费率\nE1 精密机械,2021-07,2,1000.10,1\n` in GB18030 (as Excel on Chinese Windows saves it). */
const GB18030_CSV = Buffer.from(
  "b5a5cebbb1e0bac52cb7d1bfeecbf9caf4c6da2cd0d0d2b5c0e0b1f02cbdc9b7d1b9a4d7cad7dcb6ee2cb8a1b6afb7d1c2ca0a453120beabc3dcbbfad0b52c323032312d30372c322c313030302e31302c310a",
  "hex",
);
const ZH_CSV = "单位编号,费款所属期,行业类别,缴费工资总额,浮动费率\nE1 精密机械,2021-07,2,1000.10,1\n";

/** The same file with its first data cell quoted (to the same value): read by csv-parse instead of the fast reader. */
function quoted(text: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l, n) => n > 0 && l.trim() !== "" && !/^[,\s]*$/.test(l));
  const [cell, ...rest] = lines[i]!.split(",");
  lines[i] = [`"${cell!.trim()}"`, ...rest].join(",");
  return lines.join("\n");
}

/** Runs the CLI on the text as given (fast reader) and quoted (csv-parse); expects the same answer from both and returns it. */
function both(name: string, text: string, args: string[] = []) {
  const fast = run(["levy", file(`${name}.csv`, text), ...args]);
  const slow = run(["levy", file(`${name}-q.csv`, quoted(text)), ...args]);
  expect(slow.status, "csv-parse reader: exit code").toBe(fast.status);
  expect(slow.stdout, "csv-parse reader: stdout").toBe(fast.stdout);
  expect(slow.stderr.replaceAll(`${name}-q.csv`, `${name}.csv`), "csv-parse reader: stderr").toBe(fast.stderr);
  return fast;
}

describe("--encoding", () => {
  it("a GB18030 file read as UTF-8 (the default) is an error naming --encoding gb18030, never garbled output", () => {
    expect(new TextDecoder("gb18030").decode(GB18030_CSV)).toBe(ZH_CSV);
    const gbk = file("gbk.csv", GB18030_CSV);
    const r = run(["levy", gbk]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "gbk.csv: not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: run again with --encoding gb18030\n" +
        "gbk.csv：不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的文件是 GBK/GB18030 编码：请加上 --encoding gb18030 重新运行\n",
    );
    const json = run(["levy", file("gbk.json", Buffer.concat([Buffer.from('[{"employerId":"'), GB18030_CSV.subarray(0, 8), Buffer.from('"}]')]))]);
    expect(json.status).toBe(2);
    expect(json.stderr).toContain("run again with --encoding gb18030");
  });

  it("--encoding gb18030 reads it: the same output as the UTF-8 file, by either reader", () => {
    const r = run(["levy", file("gbk.csv", GB18030_CSV), "--encoding", "gb18030"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${HEADER}\n${E1}\n${E1_TOTAL}\n`);
    expect(r.stdout).toBe(run(["levy", file("zh.csv", ZH_CSV)]).stdout);
    const nl = GB18030_CSV.indexOf(0x0a) + 1;
    const comma = GB18030_CSV.indexOf(0x2c, nl);
    const gbkQuoted = Buffer.concat([
      GB18030_CSV.subarray(0, nl),
      Buffer.from('"'),
      GB18030_CSV.subarray(nl, comma),
      Buffer.from('"'),
      GB18030_CSV.subarray(comma),
    ]);
    const q = run(["levy", file("gbk-q.csv", gbkQuoted), "--encoding", "gb18030"]);
    expect(q.status).toBe(0);
    expect(q.stdout).toBe(r.stdout);
    const q8 = run(["levy", "gbk-q.csv"]); // the csv-parse reader checks the encoding too
    expect(q8.status).toBe(2);
    expect(q8.stdout).toBe("");
    expect(q8.stderr).toContain("gbk-q.csv: not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: run again with --encoding gb18030\n");
    expect(run(["levy", "zh.csv", "--encoding", "latin1"]).status).toBe(3);
  });

  it("a UTF-8 character split across the reader's 64 KiB chunks is read whole", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `公司${i} 精密机械,2021-07,2,1000.10`);
    const r = run(["levy", file("chunks.csv", `employerId,period,industryClass,payroll\n${rows.join("\n")}\n`)]);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l.startsWith("公司"))
        .map((l) => l.split(",")[0]),
    ).toEqual(rows.map((l) => l.split(",")[0]));
  });
});

describe("--bom and a BOM in the input", () => {
  it("--bom writes a UTF-8 BOM before the CSV (for Excel); the rest is unchanged", () => {
    const plain = run(["levy", file("zh.csv", ZH_CSV)]);
    const bom = run(["levy", "zh.csv", "--bom"]);
    expect(bom.status).toBe(0);
    expect(bom.stdout).toBe(`\uFEFF${plain.stdout}`);
    const out = join(dir, "bom-out.csv");
    expect(run(["levy", "zh.csv", "--bom", "--out", out]).status).toBe(0);
    expect(spawnSync("head", ["-c", "3", out]).stdout).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(run(["levy", "zh.csv", "--bom", "--json"]).status).toBe(3);
  });
  it("a BOM before a Chinese header is dropped", () => {
    expect(both("bom-in", `\uFEFF${ZH_CSV}`).stdout).toBe(`${HEADER}\n${E1}\n${E1_TOTAL}\n`);
  });
});

describe("Chinese column headers", () => {
  it("every input field has its Chinese name (the glossary's term), giving the same output as the field names", () => {
    const en =
      "employerId,period,industryClass,employees,baseFloor,baseCeiling,floatMultiplier,cutFraction,ownCutFraction,enterpriseSize\nE2,2020-09,3,3000;9000,4000,8000,0.8,0.2,0.2,small\n";
    const zh =
      "单位编号,费款所属期,行业类别,职工个人缴费基数,缴费基数下限,缴费基数上限,浮动费率档次,降费比例,本地区降费比例,企业规模\nE2,2020-09,3,3000;9000,4000,8000,0.8,0.2,0.2,small\n";
    const r = both("zh-all", zh);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(run(["levy", file("en-all.csv", en)]).stdout);
    const months = both("zh-months", "费款所属期,行业类别,缴费工资总额,市区可支付月数,本地区可支付月数\n2020-09,3,1000.00,10,20\n");
    expect(months.status).toBe(0);
    expect(months.stdout).toBe(
      run(["levy", file("en-months.csv", "period,industryClass,payroll,cityReserveMonths,ownReserveMonths\n2020-09,3,1000.00,10,20\n")]).stdout,
    );
  });
  it("a field named twice (by alias and name, or twice by name) is an error, not last-wins", () => {
    const r = both("dup-alias", "payroll,period,industryClass,缴费工资总额\n5.00,2021-07,2,6.00\n");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "line 1: duplicate column(s) 缴费工资总额 (= payroll): each field may be given once\n" +
        "        第 1 行：重复的列 缴费工资总额（即 payroll）：每个字段只能出现一次\n" +
        "1 invalid record(s); nothing was written. / 1 条记录有误，未输出任何结果。\n",
    );
    const twice = both("dup", "period,industryClass,payroll,period\n2021-07,2,5.00,2021-08\n");
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("line 1: duplicate column(s) period: each field may be given once\n");
  });
});

describe("every problem of every row", () => {
  it("lists each field's problem of a row, and every bad row, with its line", () => {
    const r = both("every", "employerId,period,industryClass,payroll,cutFraction\nA,2020-4,9,-5,1.5\nB,2021-07,2,5.00,\nC,2020-04,2,5.00,\n");
    // a row whose fields are valid breaks a rule: the first one the library finds (the rules build on each other)
    const [rule, ruleZh] = r.stderr.split("\n").slice(8, 10);
    expect(rule).toMatch(/^line 4: POLICY_NOT_IN_FORCE at period: the policy is not in force/);
    expect(ruleZh).toMatch(/^ {8}费款所属期：该日期或所属期不在政策施行期内/);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.replace(`${rule}\n${ruleZh}\n`, "")).toBe(
      [
        'line 2: INVALID_PERIOD at period: a period must be a month written YYYY-MM (got "2020-4")',
        '        费款所属期：费款所属期须为 YYYY-MM 格式的月份（收到 "2020-4"）',
        'line 2: INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8 (got "9")',
        '        行业类别：行业类别须为 1 至 8 的整数（收到 "9"）',
        "line 2: NEGATIVE_AMOUNT at payroll: the amount must not be negative (got -5)",
        "        缴费工资总额：金额不得为负数（收到 -5）",
        "line 2: INVALID_FRACTION at cutFraction: the fraction must be a decimal in [0, 1) (got 1.5)",
        "        降费比例：比例须为 [0, 1) 区间内的小数（收到 1.5）",
        "2 invalid record(s); nothing was written. / 2 条记录有误，未输出任何结果。",
        "",
      ].join("\n"),
    );
  });
  it("a JSON item too", () => {
    const r = run(["levy", file("every.json", JSON.stringify([{ period: "2021-07", industryClass: 0, payroll: "1.001", floatMultiplier: "-1" }]))]);
    expect(r.status).toBe(2);
    expect(r.stderr.match(/^item 0: [A-Z_]+ at \w+/gm)).toEqual([
      "item 0: INVALID_CLASS at industryClass",
      "item 0: AMOUNT_NOT_IN_FEN at payroll",
      "item 0: INVALID_MULTIPLIER at floatMultiplier",
    ]);
  });
});

describe("totals", () => {
  it("--no-totals leaves the TOTAL row out (and totals out of --json)", () => {
    const r = run(["levy", "zh.csv", "--no-totals"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${HEADER}\n${E1}\n`);
    const json = JSON.parse(run(["levy", "zh.csv", "--no-totals", "--json"]).stdout);
    expect(Object.keys(json)).toEqual(["items"]);
    expect(json.items).toHaveLength(1);
  });
  it("every total has two decimals, the payroll total too", () => {
    const r = run(["levy", file("two.csv", "period,industryClass,payroll\n2021-07,2,5\n2021-07,2,5.1\n")]);
    expect(r.stdout.trim().split("\n").at(-1)).toBe("TOTAL 合计,,,10.10,,,,,,,,,0.04,0.04,0.00,0.00,,0.00,0.04,");
  });
});

describe("empty rows and empty files", () => {
  it("all-empty rows (Excel's ,,, and blank lines) are skipped and counted on stderr", () => {
    const r = both("empties", `\n${ZH_CSV},,,,\n\n , ,,,\n,,,,\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${HEADER}\n${E1}\n${E1_TOTAL}\n`);
    expect(r.stderr).toBe("5 empty row(s) skipped / 跳过 5 个空行\n");
  });
  it("an empty file, a header only, a header and empty rows, an empty JSON array: exit 2, no rows", () => {
    const empty = run(["levy", file("empty.csv", "")]);
    expect(empty.status).toBe(2);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe("empty.csv: no rows: the file is empty; nothing was written.\nempty.csv：没有数据行（no rows）：文件为空，未输出任何结果。\n");
    const header = run(["levy", file("header.csv", "employerId,period,industryClass,payroll\n")]);
    expect(header.status).toBe(2);
    expect(header.stderr).toBe(
      "header.csv: no rows: the file has a header and no data row; nothing was written.\nheader.csv：没有数据行（no rows）：文件只有表头，没有数据行，未输出任何结果。\n",
    );
    const commas = run(["levy", file("commas.csv", "employerId,period,industryClass,payroll\n,,,\n,,,\n")]);
    expect(commas.status).toBe(2);
    expect(commas.stderr).toBe(
      "2 empty row(s) skipped / 跳过 2 个空行\ncommas.csv: no rows: the file has a header and no data row; nothing was written.\ncommas.csv：没有数据行（no rows）：文件只有表头，没有数据行，未输出任何结果。\n",
    );
    const json = run(["levy", file("empty.json", "[]")]);
    expect(json.status).toBe(2);
    expect(json.stderr).toBe("empty.json: no rows: the array is empty; nothing was written.\nempty.json：没有数据行（no rows）：数组为空，未输出任何结果。\n");
  });
});

describe("structural CSV errors hide nothing", () => {
  it("a short row and a long row are reported, and so is every bad row after them", () => {
    const r = both("short", "employerId,period,industryClass,payroll\nA,2021-07,2\nB,2021-07,9,5.00\nC,2021-07,2,5.00,x\nD,2021-07,2,-1\nE,2021-07,2,5.00\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      [
        "line 2: Invalid Record Length: the header has 4 column(s), this row has 3 cell(s)",
        "        第 2 行：列数与表头不符（表头 4 列，本行 3 列）",
        'line 3: INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8 (got "9")',
        '        行业类别：行业类别须为 1 至 8 的整数（收到 "9"）',
        "line 4: Invalid Record Length: the header has 4 column(s), this row has 5 cell(s)",
        "        第 4 行：列数与表头不符（表头 4 列，本行 5 列）",
        "line 5: NEGATIVE_AMOUNT at payroll: the amount must not be negative (got -1)",
        "        缴费工资总额：金额不得为负数（收到 -1）",
        "4 invalid record(s); nothing was written. / 4 条记录有误，未输出任何结果。",
        "",
      ].join("\n"),
    );
  });
  it("a quote never closed is reported at its row, and reading resumes on the next line", () => {
    const r = run([
      "levy",
      file("quote.csv", 'employerId,period,industryClass,payroll\nA,2021-07,9,5.00\n"B,2021-07,2,5.00\nC,2021-07,2,-1\nD,2021-07,2,5.00\n'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      [
        'line 2: INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8 (got "9")',
        '        行业类别：行业类别须为 1 至 8 的整数（收到 "9"）',
        "line 3: malformed CSV: a quote opened in this row is never closed",
        "        第 3 行：CSV 格式错误：本行的引号未闭合",
        "line 4: NEGATIVE_AMOUNT at payroll: the amount must not be negative (got -1)",
        "        缴费工资总额：金额不得为负数（收到 -1）",
        "3 invalid record(s); nothing was written. / 3 条记录有误，未输出任何结果。",
        "",
      ].join("\n"),
    );
  });
  it("a stray quote is reported at its row, and reading goes on", () => {
    const r = run([
      "levy",
      file("stray.csv", 'employerId,period,industryClass,payroll\nA x"y,2021-07,2,5.00\n"B"c,2021-07,2,5.00\nC,2021-07,2,-1\nD,2021-07,2,5.00\n'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.match(/^line \d+: [^\n]*/gm)).toEqual([
      "line 2: malformed CSV: a quote inside an unquoted cell",
      "line 3: malformed CSV: text after a closing quote",
      "line 4: NEGATIVE_AMOUNT at payroll: the amount must not be negative (got -1)",
    ]);
    expect(r.stderr).toContain("第 2 行：CSV 格式错误：未加引号的单元格中含有引号");
    expect(r.stderr).toContain("3 invalid record(s); nothing was written.");
  });
  it("a malformed header is an error of its own (its next row is never taken for the header)", () => {
    const stray = run(["levy", file("stray-header.csv", 'employer"Id,period,industryClass,payroll\nA,2021-07,2,5.00\n')]);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toBe(
      'stray-header.csv: malformed CSV header: Invalid Opening Quote: a quote is found on field 0, value is "employer" (line 1)\n' +
        "stray-header.csv：表头 CSV 格式错误（引号使用有误）\n",
    );
    const unclosed = run(["levy", file("unclosed-header.csv", '"employerId,period,industryClass,payroll\nA,2021-07,2,5.00\n')]);
    expect(unclosed.status).toBe(2);
    expect(unclosed.stderr).toBe(
      "unclosed-header.csv: malformed CSV header: a quote is never closed\nunclosed-header.csv：表头 CSV 格式错误（引号使用有误）\n",
    );
  });
  it("__proto__ and constructor columns are unknown columns, even in a header-only file", () => {
    const r = both("proto", "employerId,period,industryClass,payroll,__proto__,constructor\nE1,2021-07,2,5.00,x,y\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^line 1: unknown column\(s\) __proto__, constructor; columns are computeLevy's input fields: employerId, period, /);
    expect(r.stderr).toContain("第 1 行：未定义的列 __proto__、constructor；");
    const headerOnly = run(["levy", file("unknown-only.csv", "employerId,salary\n")]);
    expect(headerOnly.status).toBe(2);
    expect(headerOnly.stderr).toContain("line 1: unknown column(s) salary;");
    expect(headerOnly.stderr).not.toContain("no rows");
  });
  it("a directory as input: exit 4 with its path, no stack, no temporary file left behind", () => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    mkdirSync(join(dir, "adir.csv"), { recursive: true });
    mkdirSync(join(dir, "adir.json"), { recursive: true });
    for (const input of ["adir.csv", "adir.json"]) {
      const r = run(["levy", input], { TMPDIR: tmp });
      expect(r.status).toBe(4);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`cannot read ${input}: not a file\n无法读取 ${input}：不是文件\n`);
      const out = run(["levy", input, "--out", join(tmp, "o.csv")], { TMPDIR: tmp });
      expect(out.status).toBe(4);
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("simulate lists every problem of a scenario", () => {
  it("each problem with its path, then their count", () => {
    const s = JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
    s.periods[3].members.sip.income = "-1.00";
    s.periods[4].members.wujiang.expenditure = "x";
    s.periods[5].period = "2020-13";
    const r = run(["simulate", file("three.json", JSON.stringify(s))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.match(/^three\.json: [A-Z_]+ at [^\s:]+/gm)).toEqual([
      "three.json: NEGATIVE_AMOUNT at periods[3].members.sip.income",
      "three.json: INVALID_AMOUNT at periods[4].members.wujiang.expenditure",
      "three.json: INVALID_PERIOD at periods[5].period",
    ]);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("3 problem(s) in three.json / three.json 共有 3 个问题");
  });
  it("at most 1,000 are listed, then how many more", () => {
    const s = JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
    const bad = { ...s.periods[0], members: { ...s.periods[0].members, sip: { ...s.periods[0].members.sip, income: "-1", expenditure: "x", levies: "y" } } };
    s.periods = Array.from({ length: 500 }, () => bad);
    const r = run(["simulate", file("many.json", JSON.stringify(s))]);
    expect(r.status).toBe(2);
    expect(r.stderr.match(/^many\.json: [A-Z_]+ at /gm)).toHaveLength(1000);
    const last = r.stderr.trimEnd().split("\n").slice(-2);
    expect(last).toEqual(["… and 500 more problem(s) / 另有 500 个问题未列出", "1500 problem(s) in many.json / many.json 共有 1500 个问题"]);
  });
  it("with --policy, the members are that policy's: an unknown and a missing member are listed beside the amounts", () => {
    const policy = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    policy.id = "trio";
    policy.members[0].value = ["a", "b", "c"].map((id) => ({ id, nameZh: id, nameEn: id }));
    const zero = { priorYearBalance: "0.00", priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" };
    const quiet = { income: "0.00", expenditure: "0.00" };
    const scenario = {
      opening: { start: "2020-05", members: { a: zero, b: zero, c: zero } },
      periods: [
        { period: "2020-05", members: { a: { income: "-1.00", expenditure: "0.00" }, b: quiet, c: quiet } },
        { period: "2020-06", members: { a: quiet, b: quiet, d: quiet }, provincialRemittances: { a: "0.00", b: "0.00", c: "0.00" } },
      ],
    };
    const r = run(["simulate", file("trio.json", JSON.stringify(scenario)), "--policy", file("trio-policy.json", JSON.stringify(policy))]);
    expect(r.status).toBe(2);
    expect(r.stderr.match(/^trio\.json: [A-Z_]+ at [^\s:]+/gm)).toEqual([
      "trio.json: NEGATIVE_AMOUNT at periods[0].members.a.income",
      "trio.json: UNKNOWN_MEMBER at periods[1].members.d",
      "trio.json: MISSING_MEMBER at periods[1].members",
    ]);
  });
  it("a scenario whose shape is valid reports the rule it breaks", () => {
    const s = JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
    s.periods[2].period = s.periods[1].period;
    const r = run(["simulate", file("order.json", JSON.stringify(s))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^order\.json: PERIOD_OUT_OF_ORDER at periods\[2\]\.period: /);
    expect(r.stderr).not.toContain("problem(s) in");
  });
});
