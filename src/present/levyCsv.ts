/**
 * The CSV form of levy results, one definition for the CLI, the service and
 * the playground: the columns in order, which of them the totals row fills,
 * and how a cell is quoted.
 *
 * @module
 */
import { formatCitation } from "../explain/explain.js";
import { GLOSSARY_ZH } from "../glossary.js";
import { type Levy, type LevyInput, LevyInputSchema, type LevyTotals } from "../levy/schema.js";

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
 * A CSV record (header → cell) as a levy input: empty cells are absent;
 * `employees` is a `;`-separated list of wage bases.
 *
 * @param row - the record, keyed by the header's column names
 * @returns the levy input (validated later by `computeLevy` / `computeLevies`)
 * @throws never
 * @example
 * ```ts
 * csvRowToLevyInput({ period: "2021-07", industryClass: "2", payroll: "5.00", cutFraction: "" });
 * // { period: "2021-07", industryClass: "2", payroll: "5.00" }
 * ```
 */
export function csvRowToLevyInput(row: Readonly<Record<string, string>>): LevyInput {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === "") continue;
    input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
  }
  return input as LevyInput;
}

/** The input fields a levy CSV header may name, in the schema's order. */
const INPUT_FIELDS: readonly string[] = Object.freeze(Object.keys(LevyInputSchema.shape));

/**
 * Chinese header names a levy CSV may use instead of the field names: each
 * input field's Chinese term from the library's glossary (the same term the
 * Chinese error messages and the JSON Schemas use), and `浮动费率` for
 * `floatMultiplier` (the document's own word for the floating rate). A
 * null-prototype record: only these names are keys.
 *
 * @example
 * ```ts
 * LEVY_CSV_ALIASES["缴费工资总额"]; // "payroll"
 * LEVY_CSV_ALIASES["浮动费率"];     // "floatMultiplier"
 * ```
 */
export const LEVY_CSV_ALIASES: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = Object.create(null);
  for (const field of INPUT_FIELDS) {
    const zh = GLOSSARY_ZH[field];
    if (zh !== undefined) out[zh] = field;
  }
  out.浮动费率 = "floatMultiplier";
  return Object.freeze(out);
})();

/** A problem of a levy CSV header: columns that name no input field, or name one twice. */
export interface LevyCsvHeaderProblem {
  /** `UNKNOWN_COLUMN`: names no input field (nor a Chinese alias); `DUPLICATE_COLUMN`: a field named twice (by name or alias). */
  code: "UNKNOWN_COLUMN" | "DUPLICATE_COLUMN";
  /** The columns at fault, as the header spells them (of a duplicate, its second and later columns). */
  columns: string[];
  /** The problem in English. */
  message: string;
  /** The problem in Chinese. */
  messageZh: string;
}

/** A levy CSV header read: the input field of each column (in order) and its problems. */
export interface LevyCsvHeader {
  /** The input field each column names (`""` for an unknown column). */
  fields: string[];
  /** Unknown and duplicate columns (empty when the header is good). */
  problems: LevyCsvHeaderProblem[];
}

/**
 * Reads a levy CSV header: each name (trimmed) is an input field of
 * `computeLevy` or one of its Chinese aliases ({@link LEVY_CSV_ALIASES}).
 * A name that is neither (`__proto__`, `constructor` and the like included)
 * is an unknown column; a field named twice (by the same name, or by its name
 * and its alias) is a duplicate column. Both are problems: never dropped,
 * never last-wins.
 *
 * @param names - the header's cells, in order
 * @returns the field of each column and the header's problems
 * @throws never
 * @example
 * ```ts
 * levyCsvHeader(["单位编号", "period", "行业类别", "缴费工资总额"]).fields; // ["employerId", "period", "industryClass", "payroll"]
 * levyCsvHeader(["payroll", "缴费工资总额"]).problems[0]?.code;            // "DUPLICATE_COLUMN"
 * ```
 */
export function levyCsvHeader(names: readonly string[]): LevyCsvHeader {
  const fields: string[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  const duplicate: string[] = [];
  const shown: string[] = [];
  const shownZh: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const field = INPUT_FIELDS.includes(name) ? name : Object.hasOwn(LEVY_CSV_ALIASES, name) ? (LEVY_CSV_ALIASES[name] as string) : "";
    fields.push(field);
    if (field === "") {
      unknown.push(name);
      continue;
    }
    const first = seen.get(field);
    if (first === undefined) seen.set(field, name);
    else {
      duplicate.push(name);
      shown.push(first === name ? name : `${name} (= ${first})`);
      shownZh.push(first === name ? name : `${name}（即 ${first}）`);
    }
  }
  const problems: LevyCsvHeaderProblem[] = [];
  if (unknown.length > 0) {
    problems.push({
      code: "UNKNOWN_COLUMN",
      columns: unknown,
      message: `unknown column(s) ${unknown.join(", ")}; columns are computeLevy's input fields: ${INPUT_FIELDS.join(", ")} (or their Chinese names)`,
      messageZh: `未定义的列 ${unknown.join("、")}；列名须为：${INPUT_FIELDS.map((f) => GLOSSARY_ZH[f] ?? f).join("、")}（或其英文字段名）`,
    });
  }
  if (duplicate.length > 0) {
    problems.push({
      code: "DUPLICATE_COLUMN",
      columns: duplicate,
      message: `duplicate column(s) ${shown.join(", ")}: each field may be given once`,
      messageZh: `重复的列 ${shownZh.join("、")}：每个字段只能出现一次`,
    });
  }
  return { fields, problems };
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
