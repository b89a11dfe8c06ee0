/**
 * CSV in and out for the service and the playground, in the CLI's format
 * (docs/cli.md): the header names `computeLevy`'s input fields, empty cells
 * are absent fields, `employees` is a `;`-separated list; the output has the
 * CLI's columns and a totals row. No figure is computed here: every number
 * printed is a string the library returned. Runs in Node and in a browser.
 *
 * @module
 */
import { parse } from "csv-parse/browser/esm/sync";
import type { LevyBatch, LevyInput, LevyTotals } from "../index.js";
import {
  csvCell,
  LEVY_COLUMNS,
  type LevyCsvOptions,
  levyCsvHeader,
  levyCsvRow,
  levyTotalsRow,
  type NormalizeChange,
  normalizeRecord,
  StrayQuoteFilter,
  type StrayQuoteLine,
} from "../report.js";

/**
 * The columns of the levy CSV output, in order: the same as `wi-pooling levy`
 * (a test checks them against the CLI's `LEVY_COLUMNS` and its output).
 */
export const LEVY_CSV_COLUMNS = LEVY_COLUMNS;

/** One CSV record as a levy input, with its line in the file (the header is line 1). */
export interface CsvRecord {
  input: LevyInput;
  line: number;
}

/** A CSV file that cannot be read as records: its line, the message in English and Chinese. */
export class CsvFormatError extends Error {
  constructor(
    readonly code: "INVALID_CSV" | "UNKNOWN_KEY" | "DUPLICATE_COLUMN" | "NO_ROWS",
    readonly line: number,
    message: string,
    readonly messageZh: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = "CsvFormatError";
  }
}

/** The message of a batch with no records, in English and Chinese (the CLI says the same). */
export const NO_ROWS = ["no rows: the batch has no records", "没有数据行（no rows）：批量数据中没有任何记录"] as const;

/**
 * Reads a levy CSV (as `wi-pooling levy` does) into records with their
 * lines: the header names input fields or their Chinese aliases (the library's
 * `levyCsvHeader`), rows whose cells are all empty (Excel's `,,,`) are
 * skipped. With `normalize`, the common 社保 export forms are read (see
 * present/normalize.ts) and each change is pushed to it. With `strays`, a
 * line whose quotes cannot be read (the header excepted) is taken out and
 * pushed to it with its line, as `wi-pooling levy` lists it as one bad row;
 * without, it refuses the file. Throws a {@link CsvFormatError} for malformed CSV, a row of the
 * wrong length, an unknown or duplicate column, or no record at all (`NO_ROWS`; a line in `strays` is a record).
 *
 * @example
 * ```ts
 * const records = parseLevyCsv("employerId,period,industryClass,payroll,cutFraction\nE1,2020-09,3,1000.00,0.2\n");
 * records[0]; // { input: { employerId: "E1", period: "2020-09", industryClass: "3", payroll: "1000.00", cutFraction: "0.2" }, line: 2 }
 * ```
 */
export function parseLevyCsv(text: string, normalize?: NormalizeChange[], strays?: StrayQuoteLine[]): CsvRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  let read = text;
  if (strays !== undefined) {
    // a line with stray quotes is taken out (left empty: the other lines keep their numbers) and listed
    const quotes = new StrayQuoteFilter();
    read = quotes.push(text) + quotes.end();
    strays.push(...quotes.taken);
  }
  try {
    rows = parse(read, LEVY_CSV_PARSE_OPTIONS) as unknown as typeof rows;
  } catch (e) {
    throw csvParseError(e);
  }
  const reader = new LevyCsvReader();
  const out: CsvRecord[] = [];
  let fields: string[] | null = null;
  for (const { record: read, info } of rows) {
    let record = read;
    if (normalize !== undefined && !read.every((c) => c === "")) {
      // the common 社保 export forms read (`normalize`), each change recorded
      record = normalizeRecord(read, info.lines, fields, normalize);
      fields ??= levyCsvHeader(record).fields;
    }
    const input = reader.take(record, info.lines);
    if (input !== undefined) out.push({ input, line: info.lines });
  }
  if (out.length === 0 && (strays === undefined || strays.length === 0)) throw new CsvFormatError("NO_ROWS", 0, NO_ROWS[0], NO_ROWS[1]);
  return out;
}

/** csv-parse's options for a levy CSV: the same for the whole text and for a stream of it. */
export const LEVY_CSV_PARSE_OPTIONS = { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true } as const;

/** What is wrong, in Chinese, by csv-parse's error code: the words of the stray-quote filter (present/csvLines.ts). */
const CSV_PARSE_ZH: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "引号未闭合，直至文件末尾",
  CSV_INVALID_CLOSING_QUOTE: "引号闭合后还有其他字符",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "引号闭合后还有其他字符",
  INVALID_OPENING_QUOTE: "未加引号的单元格中含有引号",
};

/**
 * csv-parse's error as a {@link CsvFormatError} (`INVALID_CSV` at its line):
 * its English words in `message`, a Chinese `messageZh` by the kind of error
 * (`CSV 格式错误（第 2 行：引号闭合后还有其他字符）`; any other kind: 无法按 CSV 读取).
 */
export function csvParseError(e: unknown): CsvFormatError {
  const err = e as Error & { lines?: number; code?: string };
  const line = err.lines ?? 0;
  const what = CSV_PARSE_ZH[err.code ?? ""] ?? "无法按 CSV 读取";
  return new CsvFormatError("INVALID_CSV", line, `malformed CSV: ${err.message}`, `CSV 格式错误（${line > 0 ? `第 ${line} 行：` : ""}${what}）`);
}

/**
 * Reads a levy CSV one record at a time, as csv-parse yields them: the first
 * record that is not all empty is the header, each later one a levy input.
 *
 * @example
 * ```ts
 * const reader = new LevyCsvReader();
 * reader.take(["period", "industryClass", "payroll"], 1); // undefined: the header
 * reader.take(["2021-07", "2", "5.00"], 2); // { period: "2021-07", industryClass: "2", payroll: "5.00" }
 * ```
 */
export class LevyCsvReader {
  private fields: string[] | null = null;

  /**
   * One record at its line: `undefined` for the header and for a record whose
   * cells are all empty, else the levy input. Throws a {@link CsvFormatError}
   * for a bad header or a row of the wrong length.
   */
  take(record: string[], line: number): LevyInput | undefined {
    if (record.every((c) => c === "")) return undefined;
    if (this.fields === null) {
      const header = levyCsvHeader(record);
      const problem = header.problems[0];
      if (problem) {
        const code = problem.code === "UNKNOWN_COLUMN" ? "UNKNOWN_KEY" : problem.code;
        throw new CsvFormatError(code, line, `line ${line}: ${problem.message}`, `第 ${line} 行：${problem.messageZh}`, problem.columns[0]);
      }
      this.fields = header.fields;
      return undefined;
    }
    const fields = this.fields;
    if (record.length !== fields.length) {
      throw new CsvFormatError(
        "INVALID_CSV",
        line,
        `malformed CSV: line ${line} has ${record.length} cell(s), the header ${fields.length} column(s)`,
        `CSV 格式错误：第 ${line} 行有 ${record.length} 列，表头为 ${fields.length} 列`,
      );
    }
    const input: Record<string, unknown> = {};
    record.forEach((v, i) => {
      if (v === "") return;
      const k = fields[i]!;
      input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
    });
    return input as LevyInput;
  }
}

/**
 * A batch as the CLI's CSV: a header, one row per levy (the shared row
 * writer `levyCsvRow`: a text cell a spreadsheet would run as a formula gets
 * a `'` before it, unless `rawCells`), a totals row.
 *
 * @example
 * ```ts
 * const csv = levyBatchCsv(computeLevies([{ period: "2021-07", industryClass: 2, payroll: "5.00" }]));
 * csv.split("\n")[0].startsWith("employerId,period,industryClass"); // true
 * ```
 */
export function levyBatchCsv(batch: LevyBatch, options?: LevyCsvOptions): string {
  let out = levyCsvHeaderLine();
  for (const l of batch.items) out += levyCsvRow(l, options);
  out += levyCsvTotalsLine(batch.totals);
  return out;
}

/** The header line of the levy CSV output. */
export const levyCsvHeaderLine = (): string => `${LEVY_CSV_COLUMNS.join(",")}\n`;

/** The totals line of the CSV output. */
export const levyCsvTotalsLine = (totals: LevyTotals): string => `${levyTotalsRow(totals).map(csvCell).join(",")}\n`;
