/**
 * `wi-pooling levy`: premiums for a CSV or JSON file of employer records,
 * streamed, validated in full before anything is written. Bad records are
 * reported on stderr as they are found; the output (a temporary file, renamed
 * or copied to stdout at the end) is written only when every record is good.
 *
 * @module
 */

import { once } from "node:events";
import { statSync } from "node:fs";
import { basename } from "node:path";
import { type LevyInput, type LevyTotals, type Policy, streamLevies } from "../index.js";
import { LEVY_COLUMNS } from "../report.js";
import { type FastCsvPlan, type FastCsvPosition, fastCsvEligible, fastCsvInputs } from "./csvFast.js";
import { CsvRows } from "./csvRows.js";
import type { Encoding } from "./decode.js";
import { ErrorsFile } from "./errorsOut.js";
import { CliError, EXIT, problemList } from "./io.js";
import { type LevyExtras, needsGeneralReader, normalizeHint, RowNormalizer, withCutDefaults } from "./levyOptions.js";
import { LevyOutput, type LevyOutputOptions } from "./levyOutput.js";
import { problemsOf, recordError } from "./levyProblems.js";
import { csvRecords, jsonRecords, type Record_ } from "./levyRecords.js";
import { PendingOutput } from "./output.js";

export type { LevyOutputOptions };
export { LEVY_COLUMNS };

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
    // only when stderr holds a backlog: not an await (a promise and a turn of the microtask queue) for every row after the first bad one
    if (out.bad > 0 && process.stderr.writableNeedDrain) await stderrDrained();
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
    // only when stderr holds a backlog: not an await (a promise and a turn of the microtask queue) for every row after the first bad one
    if (out.bad > 0 && process.stderr.writableNeedDrain) await stderrDrained();
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
