/**
 * The CSV form of levy results, one definition for the CLI, the service and
 * the playground: the columns in order, which of them the totals row fills,
 * and how a cell is quoted (reading a levy CSV's header and records:
 * levyCsvInput.ts).
 *
 * @module
 */
import { formatCitation } from "../explain/explain.js";
import type { Levy, LevyTotals } from "../levy/schema.js";

// the reading side (a header's columns and aliases, a record as an input) has a file of its own
export { csvRowToLevyInput, LEVY_CSV_ALIASES, type LevyCsvHeader, type LevyCsvHeaderProblem, levyCsvHeader } from "./levyCsvInput.js";

/**
 * The columns of a levy CSV, in order: the result fields, then the clauses.
 *
 * @example
 * ```ts
 * LEVY_COLUMNS[0]; // "employerId"
 * ```
 */
export const LEVY_COLUMNS = Object.freeze([
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
  "ownCutSource",
  "effectiveRate",
  "premiumBeforeCut",
  "premium",
  "cutRelief",
  "syncInducedRelief",
  "reliefFraction",
  "reliefWaived",
  "premiumDue",
  "clauses",
] as const);

/**
 * The columns the totals row (`TOTAL 合计`) fills with the batch's totals.
 *
 * @example
 * ```ts
 * LEVY_TOTAL_COLUMNS.includes("premium"); // true
 * ```
 */
export const LEVY_TOTAL_COLUMNS: readonly string[] = Object.freeze([
  "payroll",
  "premiumBeforeCut",
  "premium",
  "cutRelief",
  "syncInducedRelief",
  "reliefWaived",
  "premiumDue",
]);

/**
 * A CSV cell: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
 *
 * @param value - the cell's text
 * @returns the cell as it is written
 * @throws never
 * @example
 * ```ts
 * csvCell('a,"b"'); // '"a,""b"""'
 * ```
 */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The options of the levy CSV writer.
 *
 * @example
 * ```ts
 * const options: LevyCsvOptions = { rawCells: true }; // text cells as they are, formulas included
 * ```
 */
export interface LevyCsvOptions {
  /**
   * Write text cells as they are, even those a spreadsheet would run as a
   * formula (default `false`: such cells are prefixed with `'`).
   */
  rawCells?: boolean;
}

/**
 * The text columns of a levy CSV: the caller's employer id and the codes and
 * clauses. A cell of one of them that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is written with a `'` before it ({@link csvTextCell}).
 * The other columns are figures the library wrote (amounts, rates, multipliers,
 * the class): written as they are, a negative amount too.
 *
 * @example
 * ```ts
 * LEVY_TEXT_COLUMNS.includes("employerId"); // true
 * LEVY_TEXT_COLUMNS.includes("premium");    // false
 * ```
 */
export const LEVY_TEXT_COLUMNS: readonly string[] = Object.freeze(["employerId", "period", "cutSource", "ownCutSource", "clauses"]);

/**
 * A text cell of a CSV, safe to open in a spreadsheet: a value that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (what Excel, LibreOffice
 * and Google Sheets take for a formula) gets a `'` before it, so that it is
 * shown as text and never run; then the cell is quoted as {@link csvCell}
 * quotes. With `rawCells` the value is only quoted. Use it for text, not for
 * the figures the library writes (a negative amount stays a number).
 *
 * @param value - the cell's text
 * @param options - `rawCells: true` to write the value as it is
 * @returns the cell as it is written
 * @throws never
 * @example
 * ```ts
 * csvTextCell("=cmd|' /C calc'!A0");        // "'=cmd|' /C calc'!A0"
 * csvTextCell("-2+3");                      // "'-2+3"
 * csvTextCell("E001");                      // "E001"
 * csvTextCell("@SUM(A1)", { rawCells: true }); // "@SUM(A1)"
 * ```
 */
export function csvTextCell(value: string, options?: LevyCsvOptions): string {
  const c = value.charCodeAt(0);
  // = + - @ tab CR
  const formula = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
  return csvCell(formula && options?.rawCells !== true ? `'${value}` : value);
}

/** The clauses cell of a levy's citations, per citations array (results share them): written safe, and raw. */
const clausesCells = [new WeakMap<object, string>(), new WeakMap<object, string>()] as const;

/**
 * One row of a levy CSV, in the order of {@link LEVY_COLUMNS}, with its line
 * break: the figures as the library wrote them, the text columns
 * ({@link LEVY_TEXT_COLUMNS}) through {@link csvTextCell}. The one row writer
 * of the CLI, the service and the playground.
 *
 * @param levy - a result of `computeLevy`, `computeLevies` or `streamLevies`
 * @param options - `rawCells: true` to write text cells as they are
 * @returns the row, ending in `\n`
 * @throws PoolingError `INVALID_TYPE` for a malformed citation
 * @example
 * ```ts
 * levyCsvRow(computeLevy({ employerId: "=1+1", period: "2021-07", industryClass: 2, payroll: "5.00" })).split(",")[0]; // "'=1+1"
 * ```
 */
export function levyCsvRow(levy: Levy, options?: LevyCsvOptions): string {
  const l = levy;
  const cache = clausesCells[options?.rawCells === true ? 1 : 0];
  let clauses = cache.get(l.citations);
  if (clauses === undefined) {
    clauses = csvTextCell(levyClauses(l), options);
    cache.set(l.citations, clauses);
  }
  const id = l.employerId === undefined ? "" : csvTextCell(l.employerId, options);
  const own = csvTextCell(l.ownCutSource, options);
  return `${id},${csvTextCell(l.period, options)},${l.industryClass},${l.payroll},${l.baseRate},${l.floatMultiplier},${l.floatedRate},${l.cutFraction},${csvTextCell(l.cutSource, options)},${l.ownCutFraction ?? ""},${own},${l.effectiveRate},${l.premiumBeforeCut},${l.premium},${l.cutRelief},${l.syncInducedRelief},${l.reliefFraction},${l.reliefWaived},${l.premiumDue},${clauses}\n`;
}

/**
 * The clauses cell of a levy: its distinct citations, `doc clause`, joined by `; `.
 *
 * @param levy - a result of `computeLevy` or `computeLevies`
 * @returns the clauses as text (not yet CSV-quoted)
 * @throws PoolingError `INVALID_TYPE` for a malformed citation
 * @example
 * ```ts
 * levyClauses(computeLevy({ period: "2021-07", industryClass: 2, payroll: "5.00" })); // "苏府办〔2020〕86号 二（一）"
 * ```
 */
export function levyClauses(levy: Levy): string {
  return [...new Set(levy.citations.map(formatCitation))].join("; ");
}

/**
 * The cells of a levy CSV's totals row (`TOTAL 合计`), in the order of
 * {@link LEVY_COLUMNS}: the batch's totals in their columns, each with two
 * decimals (every amount is in whole fen, every payroll too: an input with
 * more decimals is refused with `AMOUNT_NOT_IN_FEN`), the others empty.
 *
 * @param totals - the totals of `computeLevies` or `streamLevies`
 * @returns the row's cells (not yet CSV-quoted)
 * @throws never
 * @example
 * ```ts
 * const { totals } = computeLevies([{ period: "2021-07", industryClass: 2, payroll: "5" }, { period: "2021-07", industryClass: 2, payroll: "5.1" }]);
 * levyTotalsRow(totals).slice(0, 4); // ["TOTAL 合计", "", "", "10.10"]
 * ```
 */
export function levyTotalsRow(totals: LevyTotals): string[] {
  const t = totals as unknown as Record<string, string>;
  return LEVY_COLUMNS.map((c) => (c === "employerId" ? "TOTAL 合计" : LEVY_TOTAL_COLUMNS.includes(c) ? (t[c] as string) : ""));
}
