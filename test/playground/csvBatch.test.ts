/**
 * What the page computes of a CSV file (no browser): a line with stray
 * quotes is one bad row at its line, the other rows computed, as the CLI and
 * the service's `?errors=collect` do; a bad header still refuses the file.
 */
import { describe, expect, it } from "vitest";
import { SUZHOU_2020 } from "../../src/index.js";
import { errorTextIn, levyCsvBatch, rowProblemText } from "../../src/playground/clerk.js";
import { CsvFormatError, parseLevyCsv } from "../../src/service/csv.js";

const CSV = 'employerId,period,industryClass,payroll\nA,2021-07,2,100.00\nB,2021-07,2,"1"00.00\nC,2021-07,2,200.00\n';

describe("the page's batch of a CSV with a stray quote", () => {
  it("3 rows, one with a stray quote: that row one bad row at line 3, the other two computed", () => {
    const batch = levyCsvBatch(CSV, SUZHOU_2020);
    expect(batch.items.map((l) => [l.employerId, l.premiumDue])).toEqual([
      ["A", "0.30"],
      ["C", "0.60"],
    ]);
    expect(batch.totals.premiumDue).toBe("0.90");
    expect(batch.totals.payroll).toBe("300.00");
    expect(batch.errorsOmitted).toBe(0);
    expect(batch.errors).toEqual([
      {
        name: "ServiceError",
        code: "INVALID_CSV",
        path: [1],
        message: "malformed CSV: text after a closing quote",
        messageZh: "CSV 格式错误：引号闭合后还有其他字符",
        index: 1,
        line: 3,
      },
    ]);
    expect(rowProblemText(batch.errors[0]!, "zh")).toBe("第 3 行：INVALID_CSV — CSV 格式错误：引号闭合后还有其他字符");
  });

  it("a stray quote in the last row and a bad amount: both listed by line, in order", () => {
    const csv = 'employerId,period,industryClass,payroll\nA,2021-07,2,abc\nB,2021-07,2,100.00\nC,2021-07,"2,200.00';
    const batch = levyCsvBatch(csv, SUZHOU_2020);
    expect(batch.items.map((l) => l.employerId)).toEqual(["B"]);
    expect(batch.errors.map((e) => [e.line, e.index, e.code, e.messageZh])).toEqual([
      [2, 0, "INVALID_AMOUNT", expect.stringContaining("abc")],
      [4, 2, "INVALID_CSV", "CSV 格式错误：本行的引号未闭合"],
    ]);
  });

  it("every row a stray quote: all bad, no NO_ROWS; a header with a stray quote refuses the file in Chinese", () => {
    const all = levyCsvBatch('period,industryClass,payroll\n2021-07,"2,1.00\n', SUZHOU_2020);
    expect([all.items.length, all.errors.map((e) => e.line)]).toEqual([0, [2]]);
    let e: unknown;
    try {
      levyCsvBatch('period,"industryClass"x,payroll\n2021-07,2,1.00\n', SUZHOU_2020);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(CsvFormatError);
    expect(errorTextIn(e, "zh")).toBe("CSV 格式错误（第 1 行：引号闭合后还有其他字符）");
  });

  it("parseLevyCsv without a list of stray lines still refuses the file, as before", () => {
    expect(() => parseLevyCsv(CSV)).toThrow(CsvFormatError);
    const strays: unknown[] = [];
    expect(parseLevyCsv(CSV, undefined, strays as never).map((r) => r.line)).toEqual([2, 4]);
    expect(strays).toEqual([
      { line: 3, message: "malformed CSV: text after a closing quote", messageZh: "CSV 格式错误：引号闭合后还有其他字符", text: 'B,2021-07,2,"1"00.00' },
    ]);
  });
});
