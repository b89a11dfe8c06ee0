/**
 * The clerk's options of the service and one error behaviour: `?lang=zh` and
 * `Accept-Language: zh` (Chinese headers and code labels), `?bom=1`,
 * `?normalize=1` (its changes in `X-Normalized`), every problem of a refused
 * `/simulate` or `/levy` body listed, and `/levies?errors=collect` listing
 * the rows of the wrong length with the bad records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { startService } from "./helpers.js";

let base = "";
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
  const s = await startService();
  base = s.url;
  close = () => s.service.close();
}, 120_000);
afterAll(() => close());

const csvPost = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "text/csv", Accept: "text/csv", ...headers }, body });

const CSV = "employerId,period,industryClass,payroll\nE1,2021-07,2,5.00\n";

describe("the clerk's CSV from the service", () => {
  it("?lang=zh: Chinese headers with units, Chinese code labels, 合计", async () => {
    const r = await csvPost("/levies?lang=zh", CSV);
    expect(r.status).toBe(200);
    expect((await r.text()).split("\n")).toEqual([
      "单位编号,费款所属期,行业类别,缴费工资总额（元）,基准费率,浮动费率档次,浮动后费率,降费比例,降费比例来源,本地区降费比例,本地区降费比例来源,实际费率,降费前缴费额（元）,降费后缴费额（元）,降费减收额（元）,同步降费减收额（元）,减免比例,减免金额（元）,应缴金额（元）,条款依据",
      "E1,2021-07,2,5.00,0.003,1,0.003,0,降费期外,,未提供,0.003,0.02,0.02,0.00,0.00,0,0.00,0.02,苏府办〔2020〕86号 二（一）",
      "合计,,,5.00,,,,,,,,,0.02,0.02,0.00,0.00,,0.00,0.02,",
      "",
    ]);
  });
  it("Accept-Language: zh-CN does the same; English by default; ?bom=1 puts a UTF-8 BOM first", async () => {
    const zh = await (await csvPost("/levies", CSV, { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" })).text();
    expect(zh.startsWith("单位编号,")).toBe(true);
    const en = await (await csvPost("/levies", CSV, { "Accept-Language": "en-GB,zh;q=0.5" })).text();
    expect(en.startsWith("employerId,")).toBe(true);
    const bom = new Uint8Array(await (await csvPost("/levies?bom=1", CSV)).arrayBuffer());
    expect([...bom.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x65]);
    expect((await csvPost("/levies?bom=yes", CSV)).status).toBe(400);
  });
  it("?normalize=1 reads YYYYMM, thousands separators and a header with its unit; X-Normalized counts the changes; without it, refused", async () => {
    const sheet = '单位编号,费款所属期,行业类别,缴费工资总额（元）\nE1,202107,2,"1,000.00"\n';
    const r = await csvPost("/levies?normalize=1", sheet);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-normalized")).toBe(
      "3 change(s): unit dropped from a header in payroll x1 (first at line 1); period YYYYMM as YYYY-MM in period x1 (first at line 2); thousands separators removed in payroll x1 (first at line 2)",
    );
    expect((await r.text()).split("\n")[1]).toBe(
      "E1,2021-07,2,1000.00,0.003,1,0.003,0,outsideWindow,,notGiven,0.003,3.00,3.00,0.00,0.00,0,0.00,3.00,苏府办〔2020〕86号 二（一）",
    );
    expect((await csvPost("/levies", sheet)).status).toBe(400);
  });
});

describe("one error behaviour: every problem listed", () => {
  it("POST /simulate with 3 problems answers all 3, each with its path", async () => {
    const bad = structuredClone(EXAMPLE_SCENARIO) as unknown as { bogusTop?: number; periods: Record<string, unknown>[] };
    bad.bogusTop = 1;
    (bad.periods[0] as { period: string }).period = "x";
    (bad.periods[1] as Record<string, unknown>).bogus = 1;
    const r = await fetch(`${base}/simulate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(bad) });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { code: string; errors: { code: string; path: unknown[] }[] };
    expect(body.errors.map((e) => [e.code, e.path])).toEqual([
      ["INVALID_PERIOD", ["periods", 0, "period"]],
      ["UNKNOWN_KEY", ["periods", 1, "bogus"]],
      ["UNKNOWN_KEY", ["bogusTop"]],
    ]);
    // the body's own code and path are the library's first error, one of them
    expect(body.errors.map((e) => e.code)).toContain(body.code);
  });
  it("a body with one problem answers as before (no errors list)", async () => {
    const r = await fetch(`${base}/levy`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ period: "2021-07", industryClass: 9, payroll: "1" }),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body.code).toBe("INVALID_CLASS");
    expect(body.errors).toBeUndefined();
  });
  it("/levies?errors=collect with 2 rows of the wrong length and a bad amount: 3 problems, the structural ones included, by line", async () => {
    const csv = "employerId,period,industryClass,payroll\nE1,2021-07,2,5.00\nE2,2021-07,2\nE3,2021-07,2,abc\nE4,2021-07,2,5.00,9\nE5,2021-07,2,1.00\n";
    const r = await fetch(`${base}/levies?errors=collect`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { items: { employerId: string }[]; errors: { code: string; line: number; index: number }[] };
    expect(body.items.map((i) => i.employerId)).toEqual(["E1", "E5"]);
    expect(body.errors.map((e) => [e.line, e.code, e.index])).toEqual([
      [3, "INVALID_CSV", 1],
      [4, "INVALID_AMOUNT", 2],
      [5, "INVALID_CSV", 3],
    ]);
    // without errors=collect a row of the wrong length still refuses the batch
    expect((await fetch(`${base}/levies`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv })).status).toBe(400);
  });
  it("/levies?errors=collect with stray quotes: each such row one bad record at its line, the rows after it computed", async () => {
    const csv =
      'employerId,period,industryClass,payroll\nA,2021-07,2,100.00\nB,2021-07,2,"1"00.00\nC,2021-07,2,200.00\nD,2021-07,"2,300.00\nE,2021-07,2,"4,00.00"\n';
    const r = await fetch(`${base}/levies?errors=collect`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv });
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      items: { employerId: string }[];
      totals: { premiumDue: string };
      errors: { code: string; line: number; index: number; messageZh: string }[];
    };
    expect(body.items.map((i) => i.employerId)).toEqual(["A", "C"]);
    expect(body.totals.premiumDue).toBe("0.90");
    expect(body.errors.map((e) => [e.line, e.index, e.code, e.messageZh])).toEqual([
      [3, 1, "INVALID_CSV", "CSV 格式错误：引号闭合后还有其他字符"],
      [5, 3, "INVALID_CSV", "CSV 格式错误：本行的引号未闭合"],
      [6, 4, "INVALID_AMOUNT", expect.stringContaining("4,00.00")],
    ]);
    // without errors=collect the batch is refused, as before
    expect((await fetch(`${base}/levies`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv })).status).toBe(400);
  });
  it("/levies refusing a CSV the reader cannot read: messageZh in Chinese by the kind of error, the reader's English in message", async () => {
    const head = "employerId,period,industryClass,payroll\n";
    const cases = [
      [`${head}A,2021-07,2,"1"00.00\n`, 2, "CSV 格式错误（第 2 行：引号闭合后还有其他字符）", /^malformed CSV: Invalid Closing Quote/],
      [`${head}A,2021-07,2,1"00.00\n`, 2, "CSV 格式错误（第 2 行：未加引号的单元格中含有引号）", /^malformed CSV: Invalid Opening Quote/],
      [`${head}A,2021-07,"2,100.00\nB,2021-07,2,1.00\n`, 3, "CSV 格式错误（第 3 行：引号未闭合，直至文件末尾）", /^malformed CSV: Quote Not Closed/],
    ] as const;
    for (const [csv, line, messageZh, message] of cases) {
      const r = await fetch(`${base}/levies`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv });
      expect(r.status).toBe(400);
      const body = (await r.json()) as { code: string; line: number; message: string; messageZh: string };
      expect([body.code, body.line, body.messageZh]).toEqual(["INVALID_CSV", line, messageZh]);
      expect(body.message).toMatch(message);
    }
  });
});
