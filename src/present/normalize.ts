/**
 * Reading the common forms of 社保 exports (`--normalize`, the service's
 * `?normalize=1`, the playground's checkbox): off by default, and every
 * change reported. What it changes, and only in the fields it applies to:
 * - a header with its unit in brackets, `缴费工资总额（元）` or
 *   `payroll (元)`: the unit is dropped when it is the field's own (元 for
 *   the amounts, 月 or 个月 for reserve months); any other unit (万元 above
 *   all) is left, and the column stays unknown;
 * - full-width digits, point, comma and sign (`１２３．５０`) in the numeric
 *   fields and the period;
 * - thousands separators in the numeric fields (`12,345.00`; only commas
 *   that group by three, never a decimal comma);
 * - a period written `YYYYMM` (`202107`) as `YYYY-MM`.
 * Nothing is computed here: the normalised text is read by the library as
 * any other input.
 *
 * @module
 */

import { GLOSSARY_ZH } from "../glossary.js";
import { levyCsvHeader } from "./levyCsv.js";

/** A kind of change. */
export type NormalizeKind = "headerUnit" | "fullWidth" | "thousands" | "periodYyyymm";

/** One change: where (line, and the field or the header's column), what kind, the text before and after. */
export interface NormalizeChange {
  line: number;
  field: string;
  kind: NormalizeKind;
  from: string;
  to: string;
}

/** The fields read as numbers (amounts, fractions, months, multipliers, the class). */
const NUMERIC = new Set([
  "industryClass",
  "payroll",
  "employees",
  "baseFloor",
  "baseCeiling",
  "floatMultiplier",
  "cutFraction",
  "cityReserveMonths",
  "ownCutFraction",
  "ownReserveMonths",
]);
/** The fields in yuan, and those in months: the unit a header of each may carry. */
const UNIT_OF: Readonly<Record<string, readonly string[]>> = {
  payroll: ["元"],
  employees: ["元"],
  baseFloor: ["元"],
  baseCeiling: ["元"],
  cityReserveMonths: ["月", "个月"],
  ownReserveMonths: ["月", "个月"],
};

const HEADER_UNIT = /^(.*?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/;

/**
 * A header cell without its unit, when the unit is the field's own: `field`
 * names the field the bare name reads as (from the caller's header reader).
 *
 * @param cell - the header cell as read
 * @param fieldOf - the field a bare name reads as (`""` for none)
 * @returns the bare name, or `null` when the cell has no unit to drop
 * @throws never
 * @example
 * ```ts
 * headerWithoutUnit("缴费工资总额（元）", (n) => (n === "缴费工资总额" ? "payroll" : "")); // "缴费工资总额"
 * headerWithoutUnit("缴费工资总额（万元）", (n) => (n === "缴费工资总额" ? "payroll" : "")); // null
 * ```
 */
export function headerWithoutUnit(cell: string, fieldOf: (name: string) => string): string | null {
  const m = HEADER_UNIT.exec(cell.trim());
  if (m === null) return null;
  const name = m[1] as string;
  const units = UNIT_OF[fieldOf(name)];
  return units?.includes(m[2] as string) ? name : null;
}

const FULL_WIDTH = /[０-９．，－＋]/g;
const THOUSANDS = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const YYYYMM = /^(\d{4})(0[1-9]|1[0-2])$/;

/** A value's full-width characters as ASCII. */
function halfWidth(value: string): string {
  return value.replace(FULL_WIDTH, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19
      ? String.fromCharCode(code - 0xff10 + 48)
      : ({ "．": ".", "，": ",", "－": "-", "＋": "+" } as Record<string, string>)[c]!;
  });
}

/**
 * A cell of a field, normalised: the changes are pushed to `changes`.
 *
 * @param field - the input field the cell is read as
 * @param value - the cell (trimmed)
 * @param line - its line, for the record of changes
 * @param changes - where each change is recorded
 * @returns the cell, normalised
 * @throws never
 * @example
 * ```ts
 * const changes: NormalizeChange[] = [];
 * normalizeCell("payroll", "12,345.00", 2, changes); // "12345.00"
 * normalizeCell("period", "202107", 2, changes);     // "2021-07"
 * ```
 */
export function normalizeCell(field: string, value: string, line: number, changes: NormalizeChange[]): string {
  const numeric = NUMERIC.has(field);
  if (!numeric && field !== "period") return value;
  let v = value;
  const wide = halfWidth(v);
  if (wide !== v) {
    changes.push({ line, field, kind: "fullWidth", from: v, to: wide });
    v = wide;
  }
  if (field === "period") {
    const m = YYYYMM.exec(v);
    if (m !== null) {
      const to = `${m[1]}-${m[2]}`;
      changes.push({ line, field, kind: "periodYyyymm", from: v, to });
      v = to;
    }
    return v;
  }
  const parts = field === "employees" ? v.split(";") : [v];
  let changed = false;
  const out = parts.map((p) => {
    const m = THOUSANDS.exec(p.trim());
    if (m === null) return p;
    changed = true;
    return `${m[1]}${(m[2] as string).replace(/,/g, "")}${m[3] ?? ""}`;
  });
  if (changed) {
    const to = out.join(";");
    changes.push({ line, field, kind: "thousands", from: v, to });
    v = to;
  }
  return v;
}

/** What a kind of change is, in English and Chinese. */
export const NORMALIZE_KINDS: Readonly<Record<NormalizeKind, readonly [en: string, zh: string]>> = Object.freeze({
  headerUnit: ["unit dropped from a header", "表头去掉单位"],
  fullWidth: ["full-width characters as ASCII", "全角字符改为半角"],
  thousands: ["thousands separators removed", "去掉千位分隔符"],
  periodYyyymm: ["period YYYYMM as YYYY-MM", "所属期 YYYYMM 改为 YYYY-MM"],
});

/**
 * The summary of a run's changes: one line per kind and field, with its
 * count, its first line and an example, in English and Chinese.
 *
 * @param changes - the run's changes
 * @returns the lines (empty when nothing changed)
 * @throws never
 * @example
 * ```ts
 * normalizeSummary([{ line: 2, field: "period", kind: "periodYyyymm", from: "202107", to: "2021-07" }]);
 * // ["normalized 1 × period YYYYMM as YYYY-MM in period (first at line 2: 202107 → 2021-07) / 规范化 1 处：所属期 YYYYMM 改为 YYYY-MM（费款所属期，首见第 2 行：202107 → 2021-07）"]
 * ```
 */
export function normalizeSummary(changes: readonly NormalizeChange[]): string[] {
  const groups = new Map<string, { first: NormalizeChange; count: number }>();
  for (const c of changes) {
    const key = `${c.kind}\u0000${c.field}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { first: c, count: 1 });
    else g.count++;
  }
  return [...groups.values()].map(({ first: c, count }) => {
    const [en, zh] = NORMALIZE_KINDS[c.kind];
    const fieldZh = GLOSSARY_ZH[c.field] ?? c.field;
    return `normalized ${count} × ${en} in ${c.field} (first at line ${c.line}: ${c.from} → ${c.to}) / 规范化 ${count} 处：${zh}（${fieldZh}，首见第 ${c.line} 行：${c.from} → ${c.to}）`;
  });
}

/** A header cell's input field as the library reads it (`""` for none). */
function fieldOfName(name: string): string {
  return levyCsvHeader([name]).fields[0] ?? "";
}

/**
 * A levy CSV record normalised: the header's units (`fields` null: the record
 * is the header), else each cell of its field; every change pushed to `changes`.
 *
 * @param cells - the record's cells, as read
 * @param line - its line
 * @param fields - the input field of each column, or null for the header itself
 * @param changes - where each change is recorded
 * @returns the cells, normalised
 * @throws never
 * @example
 * ```ts
 * normalizeRecord(["缴费工资总额（元）"], 1, null, []); // ["缴费工资总额"]
 * normalizeRecord(["202107", "1,000.00"], 2, ["period", "payroll"], []); // ["2021-07", "1000.00"]
 * ```
 */
export function normalizeRecord(cells: readonly string[], line: number, fields: readonly string[] | null, changes: NormalizeChange[]): string[] {
  if (fields === null) {
    return cells.map((c) => {
      const bare = headerWithoutUnit(c, fieldOfName);
      if (bare === null) return c;
      changes.push({ line, field: fieldOfName(bare), kind: "headerUnit", from: c, to: bare });
      return bare;
    });
  }
  return cells.map((c, i) => (c === "" || fields[i] === undefined ? c : normalizeCell(fields[i] as string, c, line, changes)));
}
