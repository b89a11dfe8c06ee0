/**
 * `wi-pooling levy`: premiums for a CSV or JSON file of employer records,
 * streamed, validated in full before anything is written. Bad records are
 * reported on stderr as they are found; the output (a temporary file, renamed
 * or copied to stdout at the end) is written only when every record is good.
 *
 * @module
 */
import { closeSync, constants, createReadStream, openSync, statSync, writeSync } from "node:fs";
import { access, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { type Levy, type LevyInput, LevyInputSchema, type LevyTotals, type Policy, PoolingError, streamLevies } from "../index.js";
import { csvCell, csvRowToLevyInput, LEVY_COLUMNS, LEVY_TOTAL_COLUMNS, levyClauses } from "../report.js";
import { type FastCsvPlan, fastCsvEligible, fastCsvHeaderOk, fastCsvInputs } from "./csvFast.js";
import { CliError, describeError, EXIT } from "./io.js";
import { JsonArrayError, jsonArrayItems } from "./jsonArray.js";

export { LEVY_COLUMNS };

const TOTAL_COLUMNS = new Set<string>(LEVY_TOTAL_COLUMNS);
const INPUT_KEYS = new Set(Object.keys(LevyInputSchema.shape));

const rowToInput = csvRowToLevyInput;

/** Yields each CSV record with its line in the file (the header is line 1). */
async function* csvRecords(path: string, headerErrors: string[]): AsyncIterable<{ input: unknown; where: string }> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, info: true, relax_column_count: false }),
  );
  let checked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked) {
        checked = true;
        const unknown = Object.keys(record).filter((k) => !INPUT_KEYS.has(k));
        if (unknown.length > 0) {
          headerErrors.push(
            `line 1: unknown column(s) ${unknown.join(", ")}; columns are computeLevy's input fields: ${[...INPUT_KEYS].join(", ")}\n        第 1 行：未定义的列 ${unknown.join("、")}`,
          );
          return;
        }
      }
      yield { input: rowToInput(record), where: `line ${info.lines}` };
    }
  } catch (e) {
    throw new CliError(EXIT.invalidInput, `${path}: ${(e as Error).message}\n${path}：CSV 格式错误`);
  }
}

/** Yields each item of a JSON array with its index, read as a stream (the file is never held whole). */
async function* jsonRecords(path: string): AsyncIterable<{ input: unknown; where: string }> {
  let i = 0;
  try {
    for await (const input of jsonArrayItems(createReadStream(path, { highWaterMark: 1 << 20 }))) yield { input, where: `item ${i++}` };
  } catch (e) {
    if (!(e instanceof JsonArrayError)) throw e;
    if (e.message === "not an array") throw new CliError(EXIT.invalidInput, `${path}: expected a JSON array of levy inputs\n${path}：应为缴费记录的 JSON 数组`);
    throw new CliError(EXIT.invalidInput, `${path} is not valid JSON: ${e.message}\n${path} 不是有效的 JSON`);
  }
}

/** The clauses cell of a result, CSV-quoted when needed (cached per shared citations array). */
const clausesCellCache = new WeakMap<object, string>();
function clausesCell(levy: Levy): string {
  let cell = clausesCellCache.get(levy.citations);
  if (cell === undefined) {
    cell = csvCell(levyClauses(levy));
    clausesCellCache.set(levy.citations, cell);
  }
  return cell;
}

/**
 * One output row, in the order of LEVY_COLUMNS. Only the employer id and the
 * clauses can hold a comma, quote or line break: every other cell is a
 * validated period, number, rate or enum.
 */
function csvRow(l: Levy): string {
  const id = l.employerId === undefined ? "" : csvCell(l.employerId);
  return `${id},${l.period},${l.industryClass},${l.payroll},${l.baseRate},${l.floatMultiplier},${l.floatedRate},${l.cutFraction},${l.cutSource},${l.ownCutFraction ?? ""},${l.ownCutSource},${l.effectiveRate},${l.premiumBeforeCut},${l.premium},${l.cutRelief},${l.syncInducedRelief},${l.reliefFraction},${l.reliefWaived},${l.premiumDue},${clausesCell(l)}\n`;
}

/** The message of a header with unknown columns. */
function headerErrorText(unknown: string[]): string {
  return `line 1: unknown column(s) ${unknown.join(", ")}; columns are computeLevy's input fields: ${[...INPUT_KEYS].join(", ")}\n        第 1 行：未定义的列 ${unknown.join("、")}`;
}

/** A batch error as the record's own (its path without the batch index: the record is named by its line or item). */
function recordError(e: PoolingError): PoolingError {
  return new PoolingError(e.code, e.path.slice(1), e.detail);
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
  private readonly progress = process.stderr.isTTY === true;
  private readonly started = performance.now();
  /** Bytes of the input read so far and its size, when known (for the ETA). */
  readonly input = { bytes: 0, size: 0 };

  constructor(
    private readonly fd: number,
    private readonly json: boolean,
  ) {
    this.put(json ? '{"items":[' : `${LEVY_COLUMNS.join(",")}\n`);
  }

  good(levy: Levy): void {
    this.count++;
    if (this.progress && this.count % 10_000 === 0) this.showProgress();
    if (this.bad > 0) return; // nothing will be written: validate the rest only
    this.put(this.json ? `${this.count > 1 ? "," : ""}\n${JSON.stringify(levy)}` : csvRow(levy));
  }

  private put(text: string): void {
    // at most 3 bytes per UTF-16 unit
    if (this.used + text.length * 3 > this.bytes.length) {
      this.flush();
      if (text.length * 3 > this.bytes.length) {
        writeSync(this.fd, text);
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

  error(text: string): void {
    this.bad++;
    if (this.progress) process.stderr.write("\r\x1b[K");
    this.errors += `${text}\n`;
    if (this.progress || this.errors.length > 1 << 16) this.flushErrors();
  }

  flush(): void {
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.bytes, at, this.used - at);
    this.used = 0;
  }

  flushErrors(): void {
    if (this.errors) process.stderr.write(this.errors);
    this.errors = "";
  }

  /** Ends the output with the totals (call only when no record was bad). */
  finish(totals: LevyTotals): void {
    if (this.progress && this.count >= 10_000) process.stderr.write(`\r${this.count} records.\n`);
    if (this.json) this.put(`\n],"totals":${JSON.stringify(totals)}}\n`);
    else {
      const t: Record<string, unknown> = { ...totals };
      const row = LEVY_COLUMNS.map((c) => (c === "employerId" ? "TOTAL 合计" : TOTAL_COLUMNS.has(c) ? String(t[c]) : ""));
      this.put(`${row.map(csvCell).join(",")}\n`);
    }
    this.flush();
  }
}

/** The fast path: an eligible CSV file read synchronously, its records through the library's stream. */
function levyFast(file: string, plan: FastCsvPlan, policy: Policy, out: LevyOutput): LevyTotals {
  const at = { line: 0, bytes: 0 };
  out.input.size = statSync(file).size;
  const inputs = fastCsvInputs(file, plan, INPUT_KEYS, at, (unknown) => out.error(headerErrorText(unknown)));
  const stream = streamLevies(inputs, { errors: "collect" }, policy);
  for (let next = stream.next(); ; next = stream.next()) {
    if (next.done) return next.value;
    const o = next.value;
    out.input.bytes = at.bytes;
    if (o.ok) out.good(o.levy);
    else out.error(describeError(recordError(o.error), `line ${at.line}`));
  }
}

/** The general path: csv-parse (quoted fields, other line endings) or a JSON array, records through the library's async stream. */
async function levyStreamed(file: string, policy: Policy, out: LevyOutput): Promise<LevyTotals> {
  const headerErrors: string[] = [];
  const records = /\.json$/i.test(file) ? jsonRecords(file) : csvRecords(file, headerErrors);
  // The records pass through the library's stream one at a time, so the outcome of a record is that of the last one read.
  let where = "";
  async function* inputs(): AsyncIterable<LevyInput> {
    for await (const record of records) {
      where = record.where;
      yield record.input as LevyInput;
    }
    for (const e of headerErrors) out.error(e);
  }
  const stream = streamLevies(inputs(), { errors: "collect" }, policy);
  for (let next = await stream.next(); ; next = await stream.next()) {
    if (next.done) return next.value;
    const o = next.value;
    if (o.ok) out.good(o.levy);
    else out.error(describeError(recordError(o.error), where));
  }
}

/** Runs the levy command. Returns the exit code. */
export async function runLevy(opts: { file: string; json: boolean; out?: string | undefined; policy: Policy }): Promise<number> {
  const { file, json, out, policy } = opts;
  let plan: FastCsvPlan | null = null;
  try {
    await access(file, constants.R_OK);
    if (!/\.json$/i.test(file)) {
      plan = fastCsvEligible(file);
      if (plan && !fastCsvHeaderOk(file, plan)) plan = null;
    }
  } catch {
    throw new CliError(EXIT.io, `cannot read ${file}\n无法读取 ${file}`);
  }
  const outDir = out ? dirname(out) : tmpdir();
  let tmpDir: string;
  try {
    tmpDir = await mkdtemp(join(outDir, ".wi-pooling-"));
  } catch (e) {
    throw new CliError(EXIT.io, `cannot write ${out ?? outDir}: ${(e as Error).message}\n无法写入 ${out ?? outDir}`);
  }
  const tmpPath = join(tmpDir, out ? basename(out) : "levies.out");
  let fd: number | null = openSync(tmpPath, "w");
  try {
    const output = new LevyOutput(fd, json);
    let totals: LevyTotals;
    try {
      totals = plan ? levyFast(file, plan, policy, output) : await levyStreamed(file, policy, output);
    } finally {
      output.flushErrors();
    }
    if (output.bad > 0) {
      process.stderr.write(`${output.bad} invalid record(s); nothing was written. / ${output.bad} 条记录有误，未输出任何结果。\n`);
      return EXIT.invalidInput;
    }
    output.finish(totals);
    closeSync(fd);
    fd = null;
    if (out) await rename(tmpPath, out);
    else await pipeline(createReadStream(tmpPath), process.stdout, { end: false });
    return EXIT.ok;
  } finally {
    if (fd !== null) closeSync(fd);
    await rm(tmpDir, { recursive: true, force: true });
  }
}
