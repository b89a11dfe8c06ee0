/**
 * `wi-pooling levy --corrections FILE`: levy corrections (arrears, refunds,
 * late fees) for a CSV or JSON file of original/corrected pairs, one pair a
 * row. The file is read whole (correction files are audit findings, not
 * payrolls); every bad row is listed on stderr and nothing is written unless
 * every row is good. Output goes to a temporary file renamed at the end.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { type LevyCorrectionBatch, type LevyCorrectionInput, levyCorrections, type Policy } from "../index.js";
import { type CsvLang, correctionsCsv, encodeText, type OutputEncoding } from "../report.js";
import { decodeStream, type Encoding } from "./decode.js";
import { CliError, describeError, EXIT, parseJson } from "./io.js";
import { writeFileWhole, writeStdout } from "./output.js";

/**
 * The columns of a corrections CSV: the fields both records share, the two payrolls, the dates, and
 * the fields a correction may change; each with its Chinese header. Empty cells are absent.
 */
export const CORRECTION_COLUMNS = Object.freeze([
  ["employerId", "单位编号"],
  ["period", "费款所属期"],
  ["industryClass", "行业类别"],
  ["floatMultiplier", "浮动费率档次"],
  ["cutFraction", "降费比例"],
  ["cityReserveMonths", "市区可支付月数"],
  ["ownCutFraction", "本地区降费比例"],
  ["enterpriseSize", "企业规模"],
  ["originalPayroll", "原缴费工资总额"],
  ["correctedPayroll", "更正后缴费工资总额"],
  ["correctedIndustryClass", "更正后行业类别"],
  ["correctedFloatMultiplier", "更正后浮动费率档次"],
  ["knownOn", "发现日期"],
  ["paidOn", "补缴日期"],
] as const);

const SHARED = ["employerId", "period", "industryClass", "floatMultiplier", "cutFraction", "cityReserveMonths", "ownCutFraction", "enterpriseSize"] as const;
const HEADER = new Map<string, string>(CORRECTION_COLUMNS.flatMap(([en, zh]) => [[en, en] as [string, string], [zh, en] as [string, string]]));

/** A CSV row (by English column name) as a correction pair. */
function pairOf(row: Record<string, string>): LevyCorrectionInput {
  const shared: Record<string, unknown> = {};
  for (const k of SHARED) if (row[k]) shared[k] = k === "industryClass" ? Number(row[k]) : row[k];
  const original: Record<string, unknown> = { ...shared, ...(row.originalPayroll ? { payroll: row.originalPayroll } : {}) };
  const corrected: Record<string, unknown> = { ...shared, ...(row.correctedPayroll ? { payroll: row.correctedPayroll } : {}) };
  if (row.correctedIndustryClass) corrected.industryClass = Number(row.correctedIndustryClass);
  if (row.correctedFloatMultiplier) corrected.floatMultiplier = row.correctedFloatMultiplier;
  const pair: Record<string, unknown> = { original, corrected };
  if (row.knownOn) pair.knownOn = row.knownOn;
  if (row.paidOn) pair.paidOn = row.paidOn;
  return pair as LevyCorrectionInput;
}

/** The pairs of a file with where each is (a CSV line, a JSON index). */
async function readPairs(file: string, encoding: Encoding): Promise<{ pair: unknown; where: string }[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(EXIT.io, `cannot read ${file}: ${(e as Error).message}\n无法读取 ${file}`);
  }
  let text = "";
  for await (const chunk of decodeStream(
    (async function* () {
      yield bytes;
    })(),
    file,
    encoding,
  ))
    text += chunk;
  if (file.toLowerCase().endsWith(".json")) {
    const items = parseJson(text, file);
    if (!Array.isArray(items)) throw new CliError(EXIT.invalidInput, `${file}: expected a JSON array of pairs\n${file}：应为更正记录数组`);
    return items.map((pair, i) => ({ pair, where: `item ${i}` }));
  }
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new CliError(EXIT.invalidInput, `${file}: ${(e as Error).message}\n${file}：CSV 格式错误`);
  }
  const [header, ...data] = rows;
  if (header === undefined || data.length === 0) throw new CliError(EXIT.invalidInput, `${file}: no data row\n${file}：没有数据行`);
  const names = header.map((h) => HEADER.get(h));
  const unknown = header.filter((_, i) => names[i] === undefined);
  if (unknown.length > 0) {
    throw new CliError(EXIT.invalidInput, `${file}: unknown column(s) ${unknown.join(", ")}\n${file}：未知的列 ${unknown.join("、")}`);
  }
  return data.map((cells, i) => ({
    pair: pairOf(Object.fromEntries(cells.map((c, j) => [names[j]!, c]))),
    where: `line ${i + 2}`,
  }));
}

/** The output of a batch: JSON, or CSV with a totals row in the language asked for, in the encoding asked for (a BOM when asked). */
function render(batch: LevyCorrectionBatch, o: CorrectionsRun): string | Uint8Array {
  if (o.json) return `${JSON.stringify({ items: batch.items, totals: batch.totals }, null, 2)}\n`;
  const csv = correctionsCsv(batch, o.lang ?? "en");
  const encoding = o.outEncoding ?? "utf-8";
  return encodeText(o.bom && encoding === "utf-8" ? `\uFEFF${csv}` : csv, encoding);
}

/** What `levy --corrections` was asked to do. */
export interface CorrectionsRun {
  file: string;
  json: boolean;
  out: string | undefined;
  encoding: Encoding;
  policy: Policy;
  /** The CSV's headers and kinds: English (default) or Chinese. */
  lang?: CsvLang;
  /** The CSV's encoding (default UTF-8). */
  outEncoding?: OutputEncoding;
  /** A UTF-8 byte order mark before the CSV. */
  bom?: boolean;
}

/**
 * Runs `levy --corrections`: reads the pairs, computes them all (bad rows collected), and writes the
 * result only when every row is good.
 * @returns the exit code
 */
export async function runCorrections(o: CorrectionsRun): Promise<number> {
  const read = await readPairs(o.file, o.encoding);
  const batch = levyCorrections(
    read.map((r) => r.pair as LevyCorrectionInput),
    { errors: "collect" },
    o.policy,
  );
  const errors = batch.errors ?? [];
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${describeError(e.error, `${o.file} ${read[e.index]!.where}`)}\n`);
    const more = batch.errorsOmitted ?? 0;
    process.stderr.write(`${errors.length + more} bad row(s); nothing written / ${errors.length + more} 行有误，未输出任何内容\n`);
    return EXIT.invalidInput;
  }
  const text = render(batch, o);
  if (o.out === undefined) await writeStdout(text);
  else await writeFileWhole(o.out, text);
  return EXIT.ok;
}
