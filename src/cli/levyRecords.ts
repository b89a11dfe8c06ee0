/**
 * The records of a levy input file for the general reader of `wi-pooling
 * levy`: CSV through csv-parse (quoted fields, any line ending; a stray quote
 * reported and reading resumed) or a JSON array read as a stream.
 *
 * @module
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { isPoolingError } from "../index.js";
import { StrayQuoteFilter } from "../report.js";
import type { CsvRows } from "./csvRows.js";
import { lineMessage } from "./csvRows.js";
import { decodeStream, type Encoding } from "./decode.js";
import { CliError, describeError, EXIT } from "./io.js";
import { JsonArrayError, jsonArrayItems } from "./jsonArray.js";
import { normalizeHint, type RowNormalizer } from "./levyOptions.js";

/** The decoded text of a file, without its first `skipLines` lines (a reader resuming after a quote never closed). */
async function* textFrom(path: string, encoding: Encoding, skipLines: number): AsyncGenerator<string> {
  let skip = skipLines;
  for await (let text of decodeStream(fileBytes(path), path, encoding)) {
    while (skip > 0 && text.length > 0) {
      const nl = text.indexOf("\n");
      if (nl < 0) {
        text = "";
        break;
      }
      text = text.slice(nl + 1);
      skip--;
    }
    if (text) yield text;
  }
}

/** A text's pieces through a stray-quote filter. */
async function* filtered(texts: AsyncIterable<string>, quotes: StrayQuoteFilter): AsyncGenerator<string> {
  for await (const text of texts) {
    const out = quotes.push(text);
    if (out) yield out;
  }
  const last = quotes.end();
  if (last) yield last;
}

/** csv-parse's error of a record it skipped (`skip_records_with_error`). */
type SkipError = Error & { code?: string; lines?: number };

/**
 * Yields each CSV record (csv-parse: quoted fields, any line ending) as a levy
 * input with its line in the file (the header is line 1). A record csv-parse
 * cannot read (a stray quote) is reported and reading goes on; a quote never
 * closed would make the rest of the file one field: it is reported at the line
 * where its record starts, and reading resumes on the next line.
 */
export async function* csvRecords(path: string, encoding: Encoding, rows: CsvRows, norm: RowNormalizer): AsyncIterable<Record_> {
  const headerError = (what: string) => new CliError(EXIT.invalidInput, `${path}: malformed CSV header: ${what}\n${path}：表头 CSV 格式错误（引号使用有误）`);
  let offset = 0; // lines of the file before the current parser's text
  for (;;) {
    const parser = parse({ relax_column_count: true, skip_empty_lines: false, trim: true, info: true, skip_records_with_error: true });
    // a line with stray quotes is one bad row (csv-parse would lose its way after it): taken out, reported where it stands
    const quotes = new StrayQuoteFilter();
    const source = Readable.from(filtered(textFrom(path, encoding, offset), quotes));
    source.on("error", (e) => parser.destroy(e));
    source.pipe(parser);
    const skips: SkipError[] = [];
    parser.on("skip", (e: SkipError) => skips.push(e));
    let end = offset; // the last line of the last record read or reported
    let lastWasSkip = false;
    const reportSkip = (e: SkipError) => {
      const line = offset + (e.lines ?? 0);
      if (rows.fields === null) throw headerError(`${e.message.replace(/ at line \d+/, "")} (line ${line})`);
      rows.problem(lineMessage(line, `malformed CSV: ${e.message.replace(/ at line \d+/, "")}`, "CSV 格式错误（引号使用有误）"));
      rows.onStructural?.(line, [], `malformed CSV: ${e.message.replace(/ at line \d+/, "")}`, "CSV 格式错误（引号使用有误）");
      end = line;
      lastWasSkip = true;
    };
    let unclosed = false;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = offset + info.lines;
        while (skips.length > 0 && offset + (skips[0]!.lines ?? 0) < line) reportSkip(skips.shift()!);
        end = line;
        lastWasSkip = false;
        const stray = quotes.taken[0];
        if (stray !== undefined && offset + stray.line === line) {
          quotes.taken.shift();
          rows.problem(lineMessage(line, stray.message, stray.messageZh));
          rows.onStructural?.(line, [stray.text], stray.message, stray.messageZh);
          continue;
        }
        const header = rows.fields === null;
        const input = rows.take(norm.cells(record, line, rows.fields), line);
        if (input === "stop") {
          if (!norm.on) norm.headerHint = normalizeHint(record, line, null);
          return;
        }
        if (header && rows.fields !== null) rows.onHeader?.(record);
        if (input !== undefined) yield { input, where: `line ${line}`, line, cells: record };
      }
    } catch (e) {
      throw e instanceof CliError ? e : new CliError(EXIT.invalidInput, `${path}: ${(e as Error).message}\n${path}：CSV 格式错误`);
    } finally {
      source.destroy();
    }
    for (const e of skips) {
      if (e.code === "CSV_QUOTE_NOT_CLOSED") unclosed = true;
      else reportSkip(e);
    }
    if (!unclosed) return;
    if (rows.fields === null) throw headerError("a quote is never closed");
    if (lastWasSkip) {
      // csv-parse lost its way after the stray quote it reported: resume on the line after it
      offset = end;
      continue;
    }
    // the record after the last one read opens a quote that never closes: report it, resume on its next line
    rows.problem(lineMessage(end + 1, "malformed CSV: a quote opened in this row is never closed", "CSV 格式错误：本行的引号未闭合"));
    rows.onStructural?.(end + 1, [], "malformed CSV: a quote opened in this row is never closed", "CSV 格式错误：本行的引号未闭合");
    offset = end + 1;
  }
}

/** A file's bytes as a stream, with read errors (a directory, a file gone) as exit 4. */
async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(EXIT.io, `cannot read ${path}: ${(e as Error).message}\n无法读取 ${path}`);
  } finally {
    stream.destroy();
  }
}

/** Yields each item of a JSON array with its index, read as a stream (the file is never held whole). */
export async function* jsonRecords(path: string, encoding: Encoding): AsyncIterable<Record_> {
  let i = 0;
  async function* utf8(): AsyncGenerator<Uint8Array> {
    for await (const text of decodeStream(fileBytes(path), path, encoding)) yield Buffer.from(text, "utf8");
  }
  try {
    for await (const input of jsonArrayItems(utf8())) {
      yield { input, where: `item ${i}`, line: i, cells: null };
      i++;
    }
  } catch (e) {
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, describeError(e, path));
    if (!(e instanceof JsonArrayError)) throw e;
    if (e.message === "not an array") throw new CliError(EXIT.invalidInput, `${path}: expected a JSON array of levy inputs\n${path}：应为缴费记录的 JSON 数组`);
    throw new CliError(EXIT.invalidInput, `${path} is not valid JSON: ${e.message}\n${path} 不是有效的 JSON`);
  }
}

/** A record read: its input, where it is (`line 3`, `item 2`), its line or index, and its cells as read (CSV). */
export interface Record_ {
  input: unknown;
  where: string;
  line: number;
  cells: string[] | null;
}
