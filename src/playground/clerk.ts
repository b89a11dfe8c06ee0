/**
 * The page's clerk output and its one error behaviour: the batch's CSV in
 * the page's language (Chinese headers and code labels from the library's
 * table), a bad row as `第 13 行：…` (its field named without the batch
 * index: the line says which row), and every problem of a refused input.
 *
 * @module
 */
import { isPoolingError, type Policy, type PoolingError, SUZHOU_2020 } from "../index.js";
import type { StrayQuoteLine } from "../report.js";
import { levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn, type NormalizeChange } from "../report.js";
import { inputProblems } from "../schemas.js";
import { type BatchError, type CollectedBatch, leviesWithErrors } from "../service/batch.js";
import { CsvFormatError, parseLevyCsv } from "../service/csv.js";
import { InvalidEncodingError } from "../service/decode.js";
import { type Lang, TEXT } from "./i18n.js";

/**
 * What the page says of an error, in its language: the library's message; a CSV the reader cannot
 * read in Chinese words only (the reader's own English words stay in the English text); a file in
 * another encoding, what to choose; a scenario that is not JSON (in English, the parser's words).
 */
export function errorTextIn(e: unknown, lang: Lang): string {
  const t = TEXT[lang];
  if (isPoolingError(e)) return lang === "zh" ? e.messageZh : e.message;
  if (e instanceof CsvFormatError) return lang === "en" ? e.message : e.messageZh;
  if (e instanceof InvalidEncodingError) return e.encoding === "utf-8" ? t.notUtf8 : t.notGb18030;
  if (e instanceof SyntaxError) return lang === "zh" ? t.badJson.replace(/：$/, "") : `${t.badJson} ${e.message}`;
  return String((e as Error)?.message ?? e);
}

/** The batch as CSV in a language (no BOM: the caller adds it). */
export function levyBatchCsvIn(batch: CollectedBatch, lang: Lang): string {
  let out = levyCsvHeaderIn(lang);
  for (const l of batch.items) out += levyCsvRowIn(l, lang);
  return out + levyCsvTotalsIn(batch.totals, lang);
}

/** A bad row of a batch: `第 13 行：CODE — 缴费工资总额：…` / `line 13: CODE at payroll: …`; the batch's own index (`第 12 项的`, `at 11.`) left out. */
export function rowProblemText(e: BatchError, lang: Lang): string {
  const line = e.line ?? e.index + 1;
  if (lang === "zh") return `第 ${line} 行：${e.code} — ${e.messageZh.replace(/^第 \d+ 项的?/, "")}`;
  return `line ${line}: ${e.message.replace(/ at \[\d+\]\./, " at ").replace(/ at \[\d+\](?=:)/, "")}`;
}

/**
 * Every problem of a refused scenario, one a line (the library's
 * `inputProblems`, as the CLI and the service list them); any other error,
 * or a scenario with one problem, by its own message.
 */
export function problemLines(e: PoolingError, input: unknown, lang: Lang): string {
  const own = lang === "zh" ? e.messageZh : e.message;
  if (input === undefined) return own;
  const { problems, more } = inputProblems("Scenario", input, { max: 100, policy: SUZHOU_2020 });
  if (problems.length + more <= 1) return own;
  const lines = problems.map((p) => (lang === "zh" ? p.messageZh : p.message));
  if (!problems.some((p) => p.code === e.code && JSON.stringify(p.path) === JSON.stringify(e.path))) lines.unshift(own);
  if (more > 0) lines.push(lang === "zh" ? `另有 ${more} 个问题未列出` : `… and ${more} more problem(s)`);
  return lines.join("\n");
}

/**
 * The page's batch of a CSV text: every record computed, the bad ones listed
 * (`leviesWithErrors`); a line with stray quotes is one bad record
 * (`INVALID_CSV`) at its line and its place in the batch, as `wi-pooling levy`
 * and the service's `?errors=collect` list it, the other rows computed.
 * Throws a {@link CsvFormatError} for what refuses the whole file (a bad
 * header, no record).
 */
export function levyCsvBatch(text: string, policy: Policy, normalize?: NormalizeChange[]): CollectedBatch {
  const strays: StrayQuoteLine[] = [];
  const records = parseLevyCsv(text, normalize, strays);
  const rows: { input: unknown; line: number; stray?: StrayQuoteLine }[] = [...records, ...strays.map((s) => ({ input: {}, line: s.line, stray: s }))];
  rows.sort((a, b) => a.line - b.line);
  const batch = leviesWithErrors(
    rows.map((r) => r.input),
    policy,
    rows.map((r) => r.line),
  );
  if (strays.length === 0) return batch;
  const errors = batch.errors.map((e): BatchError => {
    const stray = rows[e.index]?.stray;
    if (stray === undefined) return e;
    const { line, message, messageZh } = stray;
    return { name: "ServiceError", code: "INVALID_CSV", path: [e.index], message, messageZh, index: e.index, line } as unknown as BatchError;
  });
  return { ...batch, errors };
}
