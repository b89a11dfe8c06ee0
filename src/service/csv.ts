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
import { type LevyBatch, type LevyInput, LevyInputSchema } from "../index.js";
import { csvCell, csvRowToLevyInput, LEVY_COLUMNS, LEVY_TOTAL_COLUMNS, levyClauses } from "../report.js";

/**
 * The columns of the levy CSV output, in order: the same as `wi-pooling levy`
 * (a test checks them against the CLI's `LEVY_COLUMNS` and its output).
 */
export const LEVY_CSV_COLUMNS = LEVY_COLUMNS;

const TOTAL_COLUMNS = new Set<string>(LEVY_TOTAL_COLUMNS);

/** The input fields a CSV header may name (`computeLevy`'s input fields). */
export const LEVY_INPUT_FIELDS: readonly string[] = Object.keys(LevyInputSchema.shape);

/** One CSV record as a levy input, with its line in the file (the header is line 1). */
export interface CsvRecord {
  input: LevyInput;
  line: number;
}

/** A CSV file that cannot be read as records: its line, the message in English and Chinese. */
export class CsvFormatError extends Error {
  constructor(
    readonly code: "INVALID_CSV" | "UNKNOWN_KEY",
    readonly line: number,
    message: string,
    readonly messageZh: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = "CsvFormatError";
  }
}

const rowToInput = csvRowToLevyInput;

/**
 * Reads a levy CSV (as `wi-pooling levy` does) into records with their
 * lines. Throws a {@link CsvFormatError} for malformed CSV or an unknown column.
 *
 * @example
 * ```ts
 * const records = parseLevyCsv("employerId,period,industryClass,payroll,cutFraction\nE1,2020-09,3,1000.00,0.2\n");
 * records[0]; // { input: { employerId: "E1", period: "2020-09", industryClass: "3", payroll: "1000.00", cutFraction: "0.2" }, line: 2 }
 * ```
 */
export function parseLevyCsv(text: string): CsvRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new CsvFormatError("INVALID_CSV", err.lines ?? 0, `malformed CSV: ${err.message}`, `CSV 格式错误：${err.message}`);
  }
  const first = rows[0];
  if (first) {
    const unknown = Object.keys(first.record).filter((k) => !LEVY_INPUT_FIELDS.includes(k));
    if (unknown.length > 0) {
      throw new CsvFormatError(
        "UNKNOWN_KEY",
        1,
        `line 1: unknown column(s) ${unknown.join(", ")}; columns are computeLevy's input fields: ${LEVY_INPUT_FIELDS.join(", ")}`,
        `第 1 行：未定义的列 ${unknown.join("、")}`,
        unknown[0],
      );
    }
  }
  return rows.map(({ record, info }) => ({ input: rowToInput(record), line: info.lines }));
}

/**
 * A batch as the CLI's CSV: a header, one row per levy, a totals row.
 *
 * @example
 * ```ts
 * const csv = levyBatchCsv(computeLevies([{ period: "2021-07", industryClass: 2, payroll: "5.00" }]));
 * csv.split("\n")[0].startsWith("employerId,period,industryClass"); // true
 * ```
 */
export function levyBatchCsv(batch: LevyBatch): string {
  let out = `${LEVY_CSV_COLUMNS.join(",")}\n`;
  for (const l of batch.items) {
    out += `${LEVY_CSV_COLUMNS.map((c) => csvCell(c === "clauses" ? levyClauses(l) : String(l[c] ?? ""))).join(",")}\n`;
  }
  const t = batch.totals as unknown as Record<string, string>;
  out += `${LEVY_CSV_COLUMNS.map((c) => csvCell(c === "employerId" ? "TOTAL 合计" : TOTAL_COLUMNS.has(c) ? t[c]! : "")).join(",")}\n`;
  return out;
}
