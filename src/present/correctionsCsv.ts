/**
 * The CSV of a batch of levy corrections (`wi-pooling levy --corrections`, the
 * service's `POST /levy-corrections` answered as `text/csv`): one table of its
 * columns, each with its Chinese header (and unit) and an English
 * description, the Chinese label of each kind of correction, and the writer of
 * the header, the rows and the totals row in either language. The figures are
 * the library's own strings.
 *
 * @module
 */
import type { LevyCorrection } from "../levy/correction.js";
import type { LevyCorrectionBatch } from "../levy/corrections.js";
import { csvCell, csvTextCell } from "./levyCsv.js";
import type { CsvLang } from "./levyCsvZh.js";

/** One column of the corrections CSV: its name, Chinese term, unit and English description. */
export interface CorrectionColumn {
  name: string;
  zh: string;
  unit: "元" | "天" | null;
  en: string;
}

/**
 * The columns of the corrections CSV, in order.
 *
 * @example
 * ```ts
 * CORRECTION_OUTPUT_FIELDS.map((c) => c.name)[2]; // "kind"
 * ```
 */
export const CORRECTION_OUTPUT_FIELDS: readonly CorrectionColumn[] = Object.freeze(
  (
    [
      ["employerId", "单位编号", null, "The employer's identifier, as given"],
      ["period", "费款所属期", null, "The month corrected, YYYY-MM"],
      ["kind", "更正类型", null, "arrears (补缴), refund (退费) or none: the sign of the difference of premiumDue"],
      ["originalPremiumDue", "原应缴金额", "元", "The original record's premiumDue"],
      ["correctedPremiumDue", "更正后应缴金额", "元", "The corrected record's premiumDue"],
      ["arrears", "补缴金额", "元", "What the employer owes on top: the positive difference"],
      ["refund", "退费金额", "元", "What the fund returns: the negative difference, as a positive amount"],
      ["dueDate", "缴费截止日期", null, "The original due date of the period's premium (empty without a late fee)"],
      ["lateFeeDays", "滞纳天数", "天", "The days the late fee runs (empty without a late fee)"],
      ["lateFee", "滞纳金", "元", "The late fee on the arrears"],
      ["totalDue", "合计应缴", "元", "Arrears plus late fee: what the employer pays"],
    ] as const
  ).map(([name, zh, unit, en]) => Object.freeze({ name, zh, unit, en })),
);

/**
 * The Chinese label of each kind of correction.
 *
 * @example
 * ```ts
 * CORRECTION_KIND_LABELS_ZH.arrears; // "补缴"
 * ```
 */
export const CORRECTION_KIND_LABELS_ZH: Readonly<Record<LevyCorrection["kind"], string>> = Object.freeze({
  arrears: "补缴",
  refund: "退费",
  none: "无差额",
});

/** A column's header in a language: its name, or its Chinese term with its unit (`补缴金额（元）`). */
const headerOf = (c: CorrectionColumn, lang: CsvLang): string => (lang === "en" ? c.name : c.unit === null ? c.zh : `${c.zh}（${c.unit}）`);

/**
 * A batch of corrections as CSV: the header, one row per correction, the
 * totals row (`total` / `合计`); with `"zh"`, Chinese headers and kinds.
 *
 * @param batch - the result of `levyCorrections`
 * @param lang - the language of the headers and the kinds
 * @returns the CSV text, each line ending in `\n`
 * @throws never
 * @example
 * ```ts
 * correctionsCsv(batch, "zh").split("\n")[0]; // "单位编号,费款所属期,更正类型,原应缴金额（元）,…"
 * ```
 */
export function correctionsCsv(batch: Pick<LevyCorrectionBatch, "items" | "totals">, lang: CsvLang): string {
  const kind = (k: LevyCorrection["kind"]) => (lang === "zh" ? CORRECTION_KIND_LABELS_ZH[k] : k);
  const rows = batch.items.map((c) =>
    [
      csvTextCell(c.employerId ?? ""),
      csvTextCell(c.period),
      csvCell(kind(c.kind)),
      ...[c.original.premiumDue, c.corrected.premiumDue, c.arrears, c.refund, c.lateFee?.dueDate ?? ""].map(csvCell),
      c.lateFee === null ? "" : String(c.lateFee.days),
      ...[c.lateFee?.lateFee ?? "0.00", c.totalDue].map(csvCell),
    ].join(","),
  );
  const t = batch.totals;
  const totals = ["", "", lang === "zh" ? "合计" : "total", "", "", t.arrears, t.refund, "", "", t.lateFee, t.totalDue].map(csvCell).join(",");
  return `${[CORRECTION_OUTPUT_FIELDS.map((c) => headerOf(c, lang)).join(","), ...rows, totals].join("\n")}\n`;
}
