/**
 * What both CSV readers of `wi-pooling levy` (the fast one and csv-parse) do
 * with a row once its cells are read: the header (the library's
 * `levyCsvHeader`: Chinese aliases, unknown and duplicate columns), rows
 * whose cells are all empty (skipped and counted), rows with the wrong number
 * of cells (reported, reading goes on), and a row's cells as a levy input.
 *
 * @module
 */
import type { LevyInput } from "../index.js";
import { levyCsvHeader } from "../report.js";

/** A message about a line, in English then Chinese (the Chinese aligned under the English). */
export function lineMessage(line: number, en: string, zh: string): string {
  const where = `line ${line}`;
  return `${where}: ${en}\n${" ".repeat(where.length + 2)}第 ${line} 行：${zh}`;
}

/** The message of a row whose number of cells is not the header's. */
export function rowLengthMessage(line: number, columns: number, got: number): string {
  return lineMessage(
    line,
    `Invalid Record Length: the header has ${columns} column(s), this row has ${got} cell(s)`,
    `列数与表头不符（表头 ${columns} 列，本行 ${got} 列）`,
  );
}

/** The rows of a levy CSV after the header: the header's fields, and the all-empty rows skipped. */
export class CsvRows {
  /** The input field of each column, once the header is read. */
  fields: string[] | null = null;
  /** Rows skipped because every cell is empty (blank lines, Excel's `,,,`). */
  skipped = 0;
  /** Rows after the header, good or bad, not counting the skipped ones. */
  rows = 0;

  /** Called with the header's cells as read, once it is read and good. */
  onHeader?: (cells: readonly string[]) => void;
  /** Called with a structurally bad row (its cells as read) as well as the report: `levy --errors-out` writes it. */
  onStructural?: (line: number, cells: readonly string[], en: string, zh: string) => void;

  /** @param report - reports a bad row or header (one call per bad record) */
  constructor(private readonly report: (text: string) => void) {}

  /**
   * The header (trimmed cells) at `line`: false when it has problems, each
   * reported (reading stops: no row can be read against a wrong header).
   */
  header(cells: readonly string[], line: number): boolean {
    const h = levyCsvHeader(cells);
    for (const p of h.problems) this.report(lineMessage(line, p.message, p.messageZh));
    if (h.problems.length > 0) return false;
    this.fields = h.fields;
    return true;
  }

  /**
   * A row of trimmed cells (from csv-parse) at `line`: the header when none
   * was read yet (`"stop"` when it is bad), else the levy input (empty cells
   * absent, `employees` split on `;`), or `undefined` when the row is empty
   * (counted) or has the wrong number of cells (reported).
   */
  take(cells: readonly string[], line: number): LevyInput | undefined | "stop" {
    if (cells.every((c) => c === "")) {
      this.skipped++;
      return undefined;
    }
    const fields = this.fields;
    if (fields === null) return this.header(cells, line) ? undefined : "stop";
    this.rows++;
    if (cells.length !== fields.length) {
      this.report(rowLengthMessage(line, fields.length, cells.length));
      this.onStructural?.(
        line,
        cells,
        `the header has ${fields.length} column(s), this row has ${cells.length} cell(s)`,
        `列数与表头不符（表头 ${fields.length} 列，本行 ${cells.length} 列）`,
      );
      return undefined;
    }
    const input: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const v = cells[i]!;
      if (v === "") continue;
      const k = fields[i]!;
      input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
    }
    return input as LevyInput;
  }

  /** A structural problem of a row (csv-parse's quote errors) at `line`: counted as a row and reported. */
  problem(text: string): void {
    this.rows++;
    this.report(text);
  }
}
