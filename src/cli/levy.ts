/**
 * `wi-pooling levy`: premiums for a CSV or JSON file of employer records,
 * streamed, validated in full before anything is written.
 *
 * @module
 */
import { once } from "node:events";
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { type Citation, type Levy, type LevyInput, LevyInputSchema, type LevyTotals, type Policy, PoolingError, streamLevies } from "../index.js";
import { CliError, describeError, EXIT, parseJson, readText } from "./io.js";

/** The columns of the output, in order. */
export const LEVY_COLUMNS = [
  "employerId",
  "period",
  "industryClass",
  "payroll",
  "baseRate",
  "floatMultiplier",
  "floatedRate",
  "cutFraction",
  "cutSource",
  "ownCutFraction",
  "effectiveRate",
  "premiumBeforeCut",
  "premium",
  "cutRelief",
  "syncInducedRelief",
  "reliefFraction",
  "reliefWaived",
  "premiumDue",
  "clauses",
] as const;

const TOTAL_COLUMNS = new Set<string>(["payroll", "premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"]);
const INPUT_KEYS = new Set(Object.keys(LevyInputSchema.shape));

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV row → a levy input: empty cells are absent; `employees` is a `;`-separated list. */
function rowToInput(row: Record<string, string>): LevyInput {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === "") continue;
    input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
  }
  return input as LevyInput;
}

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

/** Yields each item of a JSON array with its index. */
async function* jsonRecords(path: string): AsyncIterable<{ input: unknown; where: string }> {
  const data = parseJson(await readText(path), path);
  const items = Array.isArray(data) ? data : null;
  if (!items) throw new CliError(EXIT.invalidInput, `${path}: expected a JSON array of levy inputs\n${path}：应为缴费记录的 JSON 数组`);
  for (const [i, input] of items.entries()) yield { input, where: `item ${i}` };
}

/** A citation as text, e.g. "苏府办〔2020〕86号 二（一）" (the library's own citations: already valid). */
function citationText(c: Citation): string {
  return c.clause ? `${c.doc} ${c.clause}` : c.doc;
}

const clausesCache = new WeakMap<object, string>();

/** The distinct clauses of a result, e.g. "苏府办〔2020〕86号 二（一）; 苏府办〔2020〕86号 二（三）" (cached: batches share citation arrays). */
function clauses(levy: Levy): string {
  let text = clausesCache.get(levy.citations);
  if (text === undefined) {
    text = [...new Set(levy.citations.map(citationText))].join("; ");
    clausesCache.set(levy.citations, text);
  }
  return text;
}

/** One output row, in the order of LEVY_COLUMNS. */
function csvRow(l: Levy): string {
  return `${LEVY_COLUMNS.map((c) => csvCell(c === "clauses" ? clauses(l) : String(l[c] ?? ""))).join(",")}\n`;
}

/** Writes to a stream, waiting when it asks to. */
async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

/** Runs the levy command. Returns the exit code. */
export async function runLevy(opts: { file: string; json: boolean; out?: string | undefined; policy: Policy }): Promise<number> {
  const { file, json, out, policy } = opts;
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new CliError(EXIT.io, `cannot read ${file}\n无法读取 ${file}`);
  }
  const headerErrors: string[] = [];
  const records = /\.json$/i.test(file) ? jsonRecords(file) : csvRecords(file, headerErrors);
  const tmpDir = await mkdtemp(join(out ? dirname(out) : tmpdir(), ".wi-pooling-"));
  const tmpPath = join(tmpDir, out ? basename(out) : "levies.out");
  const tmp = createWriteStream(tmpPath);
  const errors: string[] = [];
  let count = 0;
  let buffer = "";
  const progress = process.stderr.isTTY;
  // The source records pass through the library's stream one at a time, so the outcome of a record is that of the last one read.
  let where = "";
  async function* inputs(): AsyncIterable<LevyInput> {
    for await (const record of records) {
      where = record.where;
      yield record.input as LevyInput;
    }
  }
  const stream = streamLevies(inputs(), { errors: "collect" }, policy);
  let totals: LevyTotals;
  try {
    await write(tmp, json ? '{"items":[' : `${LEVY_COLUMNS.join(",")}\n`);
    for (let next = await stream.next(); ; next = await stream.next()) {
      if (next.done) {
        totals = next.value;
        break;
      }
      const outcome = next.value;
      if (!outcome.ok) {
        // the record's own error, its path without the batch index, as the record is named by its line
        const e = outcome.error;
        errors.push(describeError(new PoolingError(e.code, e.path.slice(1), e.detail), where));
        continue;
      }
      const levy = outcome.levy;
      count++;
      if (progress && count % 10_000 === 0) process.stderr.write(`\r${count} records…`);
      if (errors.length > 0) continue; // nothing will be written: validate the rest only
      if (json) buffer += `${count > 1 ? "," : ""}\n${JSON.stringify(levy)}`;
      else buffer += csvRow(levy);
      if (buffer.length > 1 << 16) {
        await write(tmp, buffer);
        buffer = "";
      }
    }
    if (buffer) await write(tmp, buffer);
    if (progress && count >= 10_000) process.stderr.write(`\r${count} records.\n`);
    const allErrors = [...headerErrors, ...errors];
    if (allErrors.length > 0) {
      tmp.end();
      await once(tmp, "close");
      process.stderr.write(
        `${allErrors.length} invalid record(s); nothing was written. / ${allErrors.length} 条记录有误，未输出任何结果。\n${allErrors.join("\n")}\n`,
      );
      return EXIT.invalidInput;
    }
    const t: Record<string, unknown> = { ...totals };
    if (json) await write(tmp, `\n],"totals":${JSON.stringify(totals)}}\n`);
    else {
      const row = LEVY_COLUMNS.map((c) => (c === "employerId" ? "TOTAL 合计" : TOTAL_COLUMNS.has(c) ? String(t[c]) : ""));
      await write(tmp, `${row.map(csvCell).join(",")}\n`);
    }
    tmp.end();
    await once(tmp, "close");
    if (out) await rename(tmpPath, out);
    else await pipeline(createReadStream(tmpPath), process.stdout, { end: false });
    return EXIT.ok;
  } finally {
    if (!tmp.closed) tmp.destroy();
    await rm(tmpDir, { recursive: true, force: true });
  }
}
