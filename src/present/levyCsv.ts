/**
 * The CSV form of levy results, one definition for the CLI, the service and
 * the playground: the columns in order, which of them the totals row fills,
 * and how a cell is quoted.
 *
 * @module
 */
import { formatCitation, type Levy, type LevyInput } from "../index.js";

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
