/**
 * Reading a levy CSV, one definition for the CLI, the service and the
 * playground: the header's columns (input fields or their Chinese aliases,
 * unknown and duplicate columns) and a record as a levy input.
 *
 * @module
 */
import { GLOSSARY_ZH } from "../glossary.js";
import { type LevyInput, LevyInputSchema } from "../levy/schema.js";

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
