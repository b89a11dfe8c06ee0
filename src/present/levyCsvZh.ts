/**
 * The levy CSV for a clerk (`--lang zh`, the service's `?lang=zh`, the
 * playground in Chinese): the same columns, rows and totals as the English
 * CSV, written by the same row writer, with Chinese headers (the output field
 * table's terms and units) and every code value by its Chinese label.
 *
 * @module
 */
import type { Levy, LevyTotals } from "../levy/schema.js";
import { csvCell, LEVY_COLUMNS, type LevyCsvOptions, levyCsvRow, levyTotalsRow } from "./levyCsv.js";
import { LEVY_CODE_LABELS_ZH, LEVY_OUTPUT_FIELDS, levyHeaderZh } from "./levyFields.js";

/** The language of a CSV's headers and code values. */
export type CsvLang = "en" | "zh";

/**
 * The header line of a levy CSV, with its line break.
 *
 * @param lang - `"zh"` for the Chinese headers (with units), `"en"` for the field names
 * @returns the header line
 * @throws never
 * @example
 * ```ts
 * levyCsvHeaderIn("zh").startsWith("单位编号,费款所属期,行业类别,缴费工资总额（元）"); // true
 * ```
 */
export function levyCsvHeaderIn(lang: CsvLang): string {
  return `${(lang === "zh" ? LEVY_OUTPUT_FIELDS.map(levyHeaderZh) : LEVY_COLUMNS).join(",")}\n`;
}

/**
 * One row of a levy CSV in a language: the shared row writer's row, with the
 * code values (`cutSource`, `ownCutSource`) by their Chinese labels for `"zh"`.
 *
 * @param levy - a levy result
 * @param lang - the language
 * @param options - `rawCells` as for the shared writer
 * @returns the row, ending in `\n`
 * @throws PoolingError `INVALID_TYPE` for a malformed citation
 * @example
 * ```ts
 * levyCsvRowIn(computeLevy({ period: "2021-07", industryClass: 2, payroll: "5.00" }), "zh").includes("降费期外"); // true
 * ```
 */
export function levyCsvRowIn(levy: Levy, lang: CsvLang, options?: LevyCsvOptions): string {
  if (lang === "en") return levyCsvRow(levy, options);
  const labelled = {
    ...levy,
    cutSource: LEVY_CODE_LABELS_ZH.cutSource[levy.cutSource],
    ownCutSource: LEVY_CODE_LABELS_ZH.ownCutSource[levy.ownCutSource],
  } as unknown as Levy;
  return levyCsvRow(labelled, options);
}

/**
 * The totals line of a levy CSV in a language (`合计` for `"zh"`).
 *
 * @param totals - the batch's totals
 * @param lang - the language
 * @returns the line, ending in `\n`
 * @throws never
 * @example
 * ```ts
 * levyCsvTotalsIn(computeLevies([{ period: "2021-07", industryClass: 2, payroll: "5" }]).totals, "zh").startsWith("合计,"); // true
 * ```
 */
export function levyCsvTotalsIn(totals: LevyTotals, lang: CsvLang): string {
  const cells = levyTotalsRow(totals);
  if (lang === "zh") cells[0] = "合计";
  return `${cells.map(csvCell).join(",")}\n`;
}
