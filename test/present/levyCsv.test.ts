/**
 * Formula cells in every CSV the project writes (OWASP CSV injection): the
 * shared cell and row writers (`csvTextCell`, `levyCsvRow`), the service's
 * and the page's levy CSV (`levyBatchCsv`) and the page's simulation CSV
 * (`simulationCsv`). A text cell starting with = + - @, a tab or a carriage
 * return gets a `'`; a figure never does.
 */
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevies, computeLevy, type Levy, type Simulation } from "../../src/index.js";
import { simulationCsv } from "../../src/playground/export.js";
import { csvCell, csvTextCell, LEVY_COLUMNS, LEVY_TEXT_COLUMNS, levyCsvRow } from "../../src/report.js";
import { levyBatchCsv } from "../../src/service/csv.js";
import { runs } from "../support/fc.js";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

describe("csvTextCell", () => {
  it("prefixes a text starting with = + - @ tab CR, then quotes as csvCell does", () => {
    expect(TRIGGERS.map((t) => csvTextCell(`${t}1+1`))).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@1+1", "'\t1+1", `"'\r1+1"`]);
    expect(csvTextCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvTextCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvTextCell("E001, 一公司")).toBe('"E001, 一公司"');
    expect(csvTextCell("")).toBe("");
    expect(csvTextCell(" =1")).toBe(" =1");
  });
  it("rawCells: only quoted", () => {
    for (const t of TRIGGERS) expect(csvTextCell(`${t}1+1`, { rawCells: true })).toBe(csvCell(`${t}1+1`));
  });
  it("property: read back, the cell is the text, with a ' before it exactly when it starts with a trigger", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "a", "1", " ", "'", "税") }), (s) => {
        const back = parse(`${csvTextCell(s)}\n`, { relax_column_count: true })[0]?.[0] ?? "";
        expect(back).toBe(TRIGGERS.some((t) => s.startsWith(t)) ? `'${s}` : s);
        expect(TRIGGERS.some((t) => back.startsWith(t))).toBe(false);
      }),
      runs(2000),
    );
  });
});

describe("levyCsvRow: text columns made safe, figures as they are", () => {
  const levy = computeLevy({ employerId: "-2+3", period: "2021-07", industryClass: 2, payroll: "100.00" });
  it("the employer id is prefixed; the row is otherwise the figures", () => {
    expect(levyCsvRow(levy)).toBe(
      "'-2+3,2021-07,2,100.00,0.003,1,0.003,0,outsideWindow,,notGiven,0.003,0.30,0.30,0.00,0.00,0,0.00,0.30,苏府办〔2020〕86号 二（一）\n",
    );
    expect(levyCsvRow(levy, { rawCells: true }).startsWith("-2+3,2021-07,")).toBe(true);
  });
  it("a negative figure in an amount column is never prefixed (only the text columns are)", () => {
    const negative = { ...levy, employerId: "-0.01", payroll: "-0.01", premium: "-0.01", premiumDue: "-0.01", cutRelief: "-0.01" } as unknown as Levy;
    const cells = levyCsvRow(negative).trimEnd().split(",");
    const cell = (c: string) => cells[LEVY_COLUMNS.indexOf(c as (typeof LEVY_COLUMNS)[number])];
    expect([cell("employerId"), cell("payroll"), cell("premium"), cell("premiumDue"), cell("cutRelief")]).toEqual([
      "'-0.01",
      "-0.01",
      "-0.01",
      "-0.01",
      "-0.01",
    ]);
    expect(LEVY_TEXT_COLUMNS.filter((c) => !LEVY_COLUMNS.includes(c as (typeof LEVY_COLUMNS)[number]))).toEqual([]);
  });
  it("clauses from a policy's citations are text too", () => {
    const cited = { ...levy, citations: [{ doc: "=1+1", clause: "x" }] } as unknown as Levy;
    expect(levyCsvRow(cited).trimEnd().split(",").at(-1)).toBe("'=1+1 x");
  });
});

describe("levyBatchCsv (the service's text/csv and the page's download)", () => {
  const batch = computeLevies(["=1+1", "@SUM(A1)", "E1"].map((employerId) => ({ employerId, period: "2021-07", industryClass: 2, payroll: "100.00" })));
  it("prefixes formula ids by default; rawCells writes them as they are; the totals row as it was", () => {
    const ids = (csv: string) =>
      csv
        .split("\n")
        .slice(1, -1)
        .map((l) => l.split(",")[0]);
    expect(ids(levyBatchCsv(batch))).toEqual(["'=1+1", "'@SUM(A1)", "E1", "TOTAL 合计"]);
    expect(ids(levyBatchCsv(batch, { rawCells: true }))).toEqual(["=1+1", "@SUM(A1)", "E1", "TOTAL 合计"]);
  });
});

describe("simulationCsv (the page's yearly download)", () => {
  it("a member id that is a formula is prefixed; negative figures are not", () => {
    const sim = {
      years: [
        { year: 2021, from: "2021-01", to: "2021-12", members: { "=1+1": { balance: "-5.00", income: "+3" } }, pool: { balance: "-1.00" }, clawbacks: "0.00" },
      ],
    } as unknown as Simulation;
    expect(simulationCsv(sim)).toBe("year,from,to,who,balance,income,clawbacks\n2021,2021-01,2021-12,'=1+1,-5.00,+3,\n2021,2021-01,2021-12,pool,-1.00,,0.00\n");
  });
});
