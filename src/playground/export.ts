/**
 * The simulation's yearly figures as CSV (one row per year and member, and
 * one per year for the pool): the library's exact strings, nothing computed.
 *
 * @module
 */
import type { Simulation } from "../index.js";
import { csvTextCell } from "../report.js";

/** The text columns: the year and its dates, and who (a member's id, the caller's text). */
const TEXT_COLUMNS = new Set(["year", "from", "to", "who"]);

/** A cell: a text column's value made safe for spreadsheets (`csvTextCell`), a figure as the library wrote it. */
const cell = (v: unknown, column: string) => {
  const s = v === null || v === undefined ? "" : Array.isArray(v) ? v.join(";") : String(v);
  if (TEXT_COLUMNS.has(column)) return csvTextCell(s);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Flattens `{ a: { b: 1 } }` to `{ "a.b": 1 }`. */
function flat(o: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) Object.assign(out, flat(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/**
 * The yearly summary of a simulation as CSV: `year,from,to,who,<figures…>`,
 * a row per member per year, then the pool's row (`who` = `pool`). A text
 * cell that a spreadsheet would run as a formula (a member id `=1+1`) gets a
 * `'` before it; the figures are written as they are.
 *
 * @example
 * ```ts
 * simulationCsv(simulate(EXAMPLE_SCENARIO)).split("\n")[0]; // "year,from,to,who,income,expenditure,…"
 * ```
 */
export function simulationCsv(sim: Simulation): string {
  const rows: Record<string, unknown>[] = [];
  for (const y of sim.years) {
    for (const [id, m] of Object.entries(y.members))
      rows.push({ year: y.year, from: y.from, to: y.to, who: id, ...flat(m as unknown as Record<string, unknown>) });
    rows.push({ year: y.year, from: y.from, to: y.to, who: "pool", ...flat(y.pool as unknown as Record<string, unknown>), clawbacks: y.clawbacks });
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c], c)).join(","))].join("\n")}\n`;
}
