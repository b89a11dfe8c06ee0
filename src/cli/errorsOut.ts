/**
 * `levy --errors-out FILE`: every bad row of the input, one line each, with
 * its line in the input, the fields, codes and messages of its problems
 * (Chinese first), and the row as it was read (its cells under the input's
 * own header; a JSON item as JSON). Written like every output (a temporary
 * renamed at the end), in the output's encoding and language.
 *
 * @module
 */
import type { PoolingError } from "../index.js";
import type { CsvLang } from "../report.js";
import { csvCell, csvTextCell, encodeText, type OutputEncoding } from "../report.js";
import type { PendingOutput } from "./output.js";

/** A problem of a bad row: its field (empty for a structural one), code and messages. */
export interface RowProblem {
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

const HEAD = { en: ["line", "field", "code", "messageZh", "message"], zh: ["行号", "字段", "代码", "中文说明", "英文说明"] } as const;

/** The file of bad rows. */
export class ErrorsFile {
  /** Bad rows written. */
  count = 0;
  private headerWritten = false;
  private inputHeader: readonly string[] | null = null;

  constructor(
    private readonly sink: PendingOutput,
    private readonly lang: CsvLang,
    private readonly encoding: OutputEncoding,
    private readonly bom: boolean,
    private readonly rawCells: boolean,
  ) {}

  /** The input's header, as read (a CSV input): the columns of the row as read. */
  setInputHeader(cells: readonly string[]): void {
    this.inputHeader = cells;
  }

  /** A problem as a row problem, its field by the input's header name when it has one. */
  problemOf(e: PoolingError, fields: readonly string[] | null): RowProblem {
    const key = e.path[0];
    const column = typeof key === "string" && fields !== null && this.inputHeader !== null ? this.inputHeader[fields.indexOf(key)] : undefined;
    const rest = e.path.slice(1).map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`));
    const field = column !== undefined ? `${column}${rest.join("")}` : e.path.map(String).join(".");
    return { field, code: e.code, message: e.message, messageZh: e.messageZh };
  }

  /** The file's header (once): its own columns, then the input's. */
  private header(): void {
    if (this.headerWritten) return;
    this.headerWritten = true;
    const tail = this.inputHeader ?? [this.lang === "zh" ? "记录" : "record"];
    this.put(`${this.bom && this.encoding === "utf-8" ? "\uFEFF" : ""}${[...HEAD[this.lang], ...tail].map(csvCell).join(",")}\n`);
  }

  /** Ends a file with no bad row: its header only (an old file of the same name never stays). */
  finish(): void {
    this.header();
  }

  /** One bad row: its line, its problems, its cells as read (or a JSON item). */
  add(line: number, problems: readonly RowProblem[], row: readonly string[] | { json: unknown }): void {
    this.header();
    this.count++;
    const cells = Array.isArray(row) ? (row as readonly string[]) : [JSON.stringify((row as { json: unknown }).json) ?? ""];
    const join = (f: (p: RowProblem) => string, sep: string) => problems.map(f).join(sep);
    const head = [String(line), join((p) => p.field, "; "), join((p) => p.code, "; "), join((p) => p.messageZh, "；"), join((p) => p.message, "; ")];
    const raw = { rawCells: this.rawCells };
    this.put(`${[...head.map(csvCell), ...cells.map((c) => csvTextCell(c, raw))].join(",")}\n`);
  }

  private put(text: string): void {
    this.sink.write(encodeText(text, this.encoding));
  }
}
