/**
 * Stray quotes in a levy CSV read with the bad rows collected: each line
 * whose quotes cannot be read is taken out (its number kept) and reported
 * with its text; every other line passes unchanged, however the text is cut
 * into pieces.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteProblem, StrayQuoteFilter } from "../../src/present/csvLines.js";
import { runs } from "../support/fc.js";

describe("quoteProblem", () => {
  it("reads RFC 4180 cells and names each kind of stray quote", () => {
    expect(quoteProblem('A,2021-07,2,"1,000.00"')).toBeNull();
    expect(quoteProblem('"say ""hi""", x ,  "y"  ')).toBeNull();
    expect(quoteProblem("no quotes, at all")).toBeNull();
    expect(quoteProblem('D,2021-07,"2,300.00')).toEqual(["a quote opened in this row is never closed", "本行的引号未闭合"]);
    expect(quoteProblem('B,2021-07,2,"1"00.00')).toEqual(["text after a closing quote", "引号闭合后还有其他字符"]);
    expect(quoteProblem('F,x"y,2,1')).toEqual(["a quote inside an unquoted cell", "未加引号的单元格中含有引号"]);
  });
});

const TEXT =
  'employerId,period,industryClass,payroll\r\nA,2021-07,2,100.00\r\nB,2021-07,2,"1"00.00\r\nC,2021-07,2,200.00\r\nD,2021-07,"2,300.00\r\nE,2021-07,2,"4,000.00"';

describe("StrayQuoteFilter", () => {
  it("empties the bad lines (their numbers kept) and lists them with their text", () => {
    const f = new StrayQuoteFilter();
    const out = f.push(TEXT) + f.end();
    expect(out).toBe('employerId,period,industryClass,payroll\r\nA,2021-07,2,100.00\r\n\nC,2021-07,2,200.00\r\n\nE,2021-07,2,"4,000.00"');
    expect(f.taken).toEqual([
      { line: 3, message: "malformed CSV: text after a closing quote", messageZh: "CSV 格式错误：引号闭合后还有其他字符", text: 'B,2021-07,2,"1"00.00' },
      {
        line: 5,
        message: "malformed CSV: a quote opened in this row is never closed",
        messageZh: "CSV 格式错误：本行的引号未闭合",
        text: 'D,2021-07,"2,300.00',
      },
    ]);
  });
  it("never takes out the header (a bad header refuses the file as before), blank lines before it counted", () => {
    const f = new StrayQuoteFilter();
    expect(f.push('\n"a,b\nx"y\n') + f.end()).toBe('\n"a,b\n\n');
    expect(f.taken.map((t) => t.line)).toEqual([3]);
  });
  it("gives the same text and the same lines whatever the pieces", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: TEXT.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const f = new StrayQuoteFilter();
        let out = "";
        let from = 0;
        for (const p of [...points, TEXT.length]) {
          out += f.push(TEXT.slice(from, p));
          from = p;
        }
        out += f.end();
        const whole = new StrayQuoteFilter();
        expect(out).toBe(whole.push(TEXT) + whole.end());
        expect(f.taken).toEqual(whole.taken);
      }),
      runs(200),
    );
  });
});
