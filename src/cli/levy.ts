/**
 * `wi-pooling levy`: premiums for a CSV or JSON file of employer records,
 * streamed, validated in full before anything is written. Bad records are
 * reported on stderr as they are found; the output (a temporary file, renamed
 * or copied to stdout at the end) is written only when every record is good.
 *
 * @module
 */

import { once } from "node:events";
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { isPoolingError, type Levy, type LevyInput, type LevyTotals, type Policy, PoolingError, streamLevies } from "../index.js";
import { StrayQuoteFilter } from "../present/csvLines.js";
import { encodeGb18030, LEVY_COLUMNS, levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn } from "../report.js";
import { type FastCsvPlan, type FastCsvPosition, fastCsvEligible, fastCsvInputs } from "./csvFast.js";
import { CsvRows, lineMessage } from "./csvRows.js";
import { decodeStream, type Encoding } from "./decode.js";
import { ErrorsFile } from "./errorsOut.js";
import { CliError, describeError, EXIT, everyProblem, problemList } from "./io.js";
import { JsonArrayError, jsonArrayItems } from "./jsonArray.js";
import { type LevyExtras, needsGeneralReader, normalizeHint, RowNormalizer, withCutDefaults } from "./levyOptions.js";
import { PendingOutput } from "./output.js";

export { LEVY_COLUMNS };

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
async function* csvRecords(path: string, encoding: Encoding, rows: CsvRows, norm: RowNormalizer): AsyncIterable<Record_> {
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
async function* jsonRecords(path: string, encoding: Encoding): AsyncIterable<Record_> {
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

/**
 * Every problem of a bad record, as reported. The errors built here only give
 * their messages (none is thrown on), so they are built without a stack trace:
 * capturing one per problem was most of the time of a file of bad rows.
 */
function problemsOf(error: PoolingError, input: unknown, where: string): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return everyProblem(recordError(error), "LevyInput", input, where, false);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A record read: its input, where it is (`line 3`, `item 2`), its line or index, and its cells as read (CSV). */
interface Record_ {
  input: unknown;
  where: string;
  line: number;
  cells: string[] | null;
}

/** A batch error as the record's own (its path without the batch index: the record is named by its line or item). */
function recordError(e: PoolingError): PoolingError {
  return new PoolingError(e.code, e.path.slice(1), e.detail);
}

/** What the output looks like: JSON or CSV, a BOM before CSV, a totals row or not, text cells as they are (`--raw-cells`) or made safe. */
export interface LevyOutputOptions {
  json: boolean;
  bom: boolean;
  totals: boolean;
  rawCells?: boolean;
  /** The clerk's options: language, output encoding, errors file, normalising, cut defaults. */
  extras?: LevyExtras;
}

/**
 * Where the results go: the output file, written in large synchronous
 * chunks, and stderr, where each bad record is reported as it is found. Once
 * a record is bad nothing more is written to the output (it will be
 * discarded), but every record is still validated.
 */
class LevyOutput {
  /** The output's next bytes: rows are encoded straight into it (no long strings to flatten). */
  private readonly bytes = Buffer.allocUnsafe(1 << 22);
  private used = 0;
  private errors = "";
  /** Good records seen. */
  count = 0;
  /** Bad records (and header problems) seen. */
  bad = 0;
  /** Good records with a warning (a period after the policy's review date), and the first such warning. */
  private warned = 0;
  private firstWarning: NonNullable<Levy["warnings"]>[number] | undefined;
  private readonly progress = process.stderr.isTTY === true;
  private readonly started = performance.now();
  /** Bytes of the input read so far and its size, when known (for the ETA). */
  readonly input = { bytes: 0, size: 0 };
  private readonly json: boolean;
  private readonly lang: "en" | "zh";
  /** The output is GB18030 (`--out-encoding gb18030`). */
  private readonly gb: boolean;
  /** Good rows are written whatever bad rows there are (`--errors-out`). */
  private readonly keepGoing: boolean;

  constructor(
    /** The output's temporary file (every write checked: exit 4 on failure). */
    private readonly sink: PendingOutput,
    private readonly options: LevyOutputOptions,
  ) {
    this.json = options.json;
    this.lang = options.extras?.lang ?? "en";
    this.gb = options.extras?.outEncoding === "gb18030";
    this.keepGoing = options.extras?.errorsOut !== undefined;
    this.put(options.json ? '{"items":[' : `${options.bom ? "\uFEFF" : ""}${levyCsvHeaderIn(this.lang)}`);
  }

  good(levy: Levy): void {
    this.count++;
    if (levy.warnings !== undefined) {
      this.warned++;
      this.firstWarning ??= levy.warnings[0];
    }
    if (this.progress && this.count % 10_000 === 0) this.showProgress();
    if (this.bad > 0 && !this.keepGoing) return; // nothing will be written: validate the rest only
    this.put(this.json ? `${this.count > 1 ? "," : ""}\n${JSON.stringify(levy)}` : levyCsvRowIn(levy, this.lang, this.options));
  }

  private put(text: string): void {
    if (this.gb) {
      const bytes = encodeGb18030(text);
      if (this.used + bytes.length > this.bytes.length) this.flush();
      if (bytes.length > this.bytes.length) this.sink.write(bytes);
      else {
        this.bytes.set(bytes, this.used);
        this.used += bytes.length;
      }
      return;
    }
    // at most 3 bytes per UTF-16 unit
    if (this.used + text.length * 3 > this.bytes.length) {
      this.flush();
      if (text.length * 3 > this.bytes.length) {
        this.sink.write(text);
        return;
      }
    }
    this.used += this.bytes.write(text, this.used);
  }

  /** The progress line (stderr is a terminal): rows, rows/s and, when the input's size is known, the time left. */
  private showProgress(): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rows = this.count + this.bad;
    const rate = rows / Math.max(seconds, 1e-3);
    const { bytes, size } = this.input;
    const eta = size > 0 && bytes > 0 ? ` ETA ${Math.max(0, (seconds * (size - bytes)) / bytes).toFixed(0)} s` : "";
    process.stderr.write(`\r${rows} records, ${Math.round(rate)} rows/s${eta}…\x1b[K`);
  }

  /** A bad record (or header): its message, one or more lines. */
  error(text: string): void {
    this.bad++;
    if (this.progress) process.stderr.write("\r\x1b[K");
    this.errors += `${text}\n`;
    if (this.progress || this.errors.length > 1 << 16) this.flushErrors();
  }

  flush(): void {
    this.sink.write(this.bytes, 0, this.used);
    this.used = 0;
  }

  flushErrors(): void {
    if (this.errors) process.stderr.write(this.errors);
    this.errors = "";
  }

  /** Ends the output with the totals, unless left out (call only when no record was bad). */
  finish(totals: LevyTotals): void {
    if (this.progress && this.count >= 10_000) process.stderr.write(`\r${this.count} records.\n`);
    if (this.json) this.put(this.options.totals ? `\n],"totals":${JSON.stringify(totals)}}\n` : "\n]}\n");
    else if (this.options.totals) this.put(levyCsvTotalsIn(totals, this.lang));
    this.flush();
    const w = this.firstWarning;
    if (w !== undefined) {
      process.stderr.write(
        `warning ${w.code}: ${this.warned} record(s), from ${w.period}: ${w.message}\n注意：${this.warned} 条记录（自 ${w.period} 起）：${w.messageZh}\n`,
      );
    }
  }
}

/** A read error (a directory, a file gone) as exit 4; anything else as is. */
function readError(e: unknown, file: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof CliError || typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return e;
  return new CliError(EXIT.io, `cannot read ${file}: ${(e as Error).message}\n无法读取 ${file}`);
}

/**
 * Waits while stderr holds a backlog (a reader slower than the errors come:
 * a pipe's writes are queued in memory, not blocked), so that a file full of
 * bad rows never piles its messages up in memory.
 */
async function stderrDrained(): Promise<void> {
  if (process.stderr.writableNeedDrain) await once(process.stderr, "drain");
}

/** The fast path: an eligible CSV file read synchronously, its records through the library's stream. */
async function levyFast(file: string, plan: FastCsvPlan, encoding: Encoding, policy: Policy, out: LevyOutput, rows: CsvRows): Promise<LevyTotals> {
  const at: FastCsvPosition = { line: 0, bytes: 0, input: undefined };
  out.input.size = statSync(file).size;
  const inputs = fastCsvInputs(file, plan, encoding, at, rows);
  const stream = streamLevies(inputs, { errors: "collect" }, policy);
  for (let next = stream.next(), n = 1; ; next = stream.next(), n++) {
    if (next.done) return next.value;
    const o = next.value;
    out.input.bytes = at.bytes;
    // the loop is synchronous: it lets the event loop turn now and then, so that a signal (SIGINT, SIGTERM) is handled
    if (n % 8192 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (o.ok) out.good(o.levy);
    else out.error(problemsOf(o.error, at.input, `line ${at.line}`));
    if (out.bad > 0) await stderrDrained();
  }
}

/** The general path: csv-parse (quoted fields, other line endings) or a JSON array, records through the library's async stream. */
async function levyStreamed(file: string, encoding: Encoding, policy: Policy, out: LevyOutput, rows: CsvRows, clerk: Clerk): Promise<LevyTotals> {
  const { norm, errors, defaults } = clerk;
  const records = /\.json$/i.test(file) ? jsonRecords(file, encoding) : csvRecords(file, encoding, rows, norm);
  // The records pass through the library's stream one at a time, so the outcome of a record is that of the last one read.
  let current: Record_ = { input: undefined, where: "", line: 0, cells: null };
  async function* inputs(): AsyncIterable<LevyInput> {
    for await (const record of records) {
      const input = withCutDefaults(record.cells === null ? norm.record(record.input, record.line) : record.input, defaults);
      current = { ...record, input };
      yield input as LevyInput;
    }
  }
  const stream = streamLevies(inputs(), { errors: "collect" }, policy);
  for (let next = await stream.next(); ; next = await stream.next()) {
    if (next.done) return next.value;
    const o = next.value;
    if (o.ok) out.good(o.levy);
    else {
      const error = recordError(o.error);
      let text = problemsOf(o.error, current.input, current.where);
      const hint = norm.on || current.cells === null ? null : normalizeHint(current.cells, current.line, rows.fields);
      if (hint !== null) text += `\n${" ".repeat(current.where.length + 2)}${hint}`;
      out.error(text);
      if (errors !== null) {
        const { listed } = problemList(error, "LevyInput", current.input);
        errors.add(
          current.line,
          listed.map((p) => errors.problemOf(p, rows.fields)),
          current.cells ?? { json: current.input },
        );
      }
    }
    if (out.bad > 0) await stderrDrained();
  }
}

/** The clerk's options at work: the normaliser, the errors file (or null), the cut defaults. */
interface Clerk {
  norm: RowNormalizer;
  errors: ErrorsFile | null;
  defaults: LevyExtras["defaults"];
}

/** The options of `wi-pooling levy`. */
export interface LevyOptions extends LevyOutputOptions {
  file: string;
  out?: string | undefined;
  encoding: Encoding;
  policy: Policy;
}

/** Runs the levy command. Returns the exit code. */
export async function runLevy(opts: LevyOptions): Promise<number> {
  const { file, out, encoding, policy } = opts;
  const isJson = /\.json$/i.test(file);
  const extras = opts.extras;
  let plan: FastCsvPlan | null = null;
  try {
    if (!statSync(file).isFile()) throw new CliError(EXIT.io, `cannot read ${file}: not a file\n无法读取 ${file}：不是文件`);
    if (!isJson && (extras === undefined || !needsGeneralReader(extras))) plan = fastCsvEligible(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(EXIT.io, `cannot read ${file}: ${(e as { code?: string }).code ?? (e as Error).message}\n无法读取 ${file}`);
  }
  // the output is opened before the input is read: an existing directory as --out is refused at once
  const output = await PendingOutput.open(out, out ? basename(out) : "levies.out");
  const errorsOut = extras?.errorsOut;
  const errorsSink = errorsOut === undefined ? null : await PendingOutput.open(errorsOut, basename(errorsOut));
  try {
    const levyOut = new LevyOutput(output, opts);
    const rows = new CsvRows((text) => levyOut.error(text));
    const errors =
      errorsSink === null ? null : new ErrorsFile(errorsSink, extras?.lang ?? "en", extras?.outEncoding ?? "utf-8", opts.bom, opts.rawCells === true);
    if (errors !== null) {
      rows.onHeader = (cells) => errors.setInputHeader(cells);
      rows.onStructural = (line, cells, en, zh) => errors.add(line, [{ field: "", code: "INVALID_CSV", message: en, messageZh: zh }], cells);
    }
    const clerk: Clerk = { norm: new RowNormalizer(extras?.normalize === true), errors, defaults: extras?.defaults ?? {} };
    let totals: LevyTotals;
    try {
      totals = plan ? await levyFast(file, plan, encoding, policy, levyOut, rows) : await levyStreamed(file, encoding, policy, levyOut, rows, clerk);
    } catch (e) {
      throw readError(e, file);
    } finally {
      levyOut.flushErrors();
      if (clerk.norm.headerHint !== null) process.stderr.write(`${clerk.norm.headerHint}\n`);
      if (rows.skipped > 0) process.stderr.write(`${rows.skipped} empty row(s) skipped / 跳过 ${rows.skipped} 个空行\n`);
      for (const line of clerk.norm.summary()) process.stderr.write(`${line}\n`);
    }
    if (errors !== null && errorsSink !== null && levyOut.bad > 0 && (isJson || rows.fields !== null)) {
      levyOut.finish(totals);
      await output.commit();
      await errorsSink.commit();
      const good = levyOut.count;
      process.stderr.write(
        `${good} good record(s) written; ${errors.count} bad record(s) written to ${errorsOut}. / ${good} 条记录已输出；${errors.count} 条有误的记录已写入 ${errorsOut}。\n`,
      );
      return EXIT.someRowsBad;
    }
    if (levyOut.bad > 0) {
      process.stderr.write(`${levyOut.bad} invalid record(s); nothing was written. / ${levyOut.bad} 条记录有误，未输出任何结果。\n`);
      return EXIT.invalidInput;
    }
    if (levyOut.count === 0) {
      const what = isJson ? "the array is empty" : rows.fields === null ? "the file is empty" : "the file has a header and no data row";
      const whatZh = isJson ? "数组为空" : rows.fields === null ? "文件为空" : "文件只有表头，没有数据行";
      throw new CliError(EXIT.invalidInput, `${file}: no rows: ${what}; nothing was written.\n${file}：没有数据行（no rows）：${whatZh}，未输出任何结果。`);
    }
    levyOut.finish(totals);
    await output.commit();
    if (errors !== null && errorsSink !== null) {
      errors.finish();
      await errorsSink.commit();
    }
    return EXIT.ok;
  } finally {
    await output.discard();
    await errorsSink?.discard();
  }
}
