/**
 * The simulation's yearly figures as CSV (one row per year and member, and
 * one per year for the pool): the library's exact strings, nothing computed.
 *
 * @module
 */
import type { Policy, Simulation } from "../index.js";
import { csvTextCell, memberNamesZh, RISK_LABELS_ZH, yearCsvHeaderZh } from "../report.js";
import type { Lang } from "./i18n.js";

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
 * `'` before it; the figures are written as they are. In Chinese (`lang`
 * `"zh"`): the headers with their units (the table in
 * present/yearCsvFields.ts), each member by its Chinese name in `policy`,
 * the pool as 统筹基金 and the warning levels by their Chinese labels.
 *
 * @example
 * ```ts
 * simulationCsv(simulate(EXAMPLE_SCENARIO)).split("\n")[0]; // "year,from,to,who,income,expenditure,…"
 * simulationCsv(simulate(EXAMPLE_SCENARIO), "zh", SUZHOU_2020).split("\n")[0]; // "年度,起始期,截止期,地区,基金收入（元）,…"
 * ```
 */
export function simulationCsv(sim: Simulation, lang: Lang = "en", policy?: Policy): string {
  const rows: Record<string, unknown>[] = [];
  const zh = lang === "zh";
  const names = zh && policy !== undefined ? memberNamesZh(policy) : {};
  const risk = (r: unknown) => (zh && typeof r === "string" && Object.hasOwn(RISK_LABELS_ZH, r) ? RISK_LABELS_ZH[r as keyof typeof RISK_LABELS_ZH] : r);
  const labelled = (f: Record<string, unknown>) => (Object.hasOwn(f, "risk") ? { ...f, risk: risk(f.risk) } : f);
  for (const y of sim.years) {
    for (const [id, m] of Object.entries(y.members)) {
      const who = zh && Object.hasOwn(names, id) ? names[id] : id;
      rows.push({ year: y.year, from: y.from, to: y.to, who, ...labelled(flat(m as unknown as Record<string, unknown>)) });
    }
    const pool = labelled(flat(y.pool as unknown as Record<string, unknown>));
    rows.push({ year: y.year, from: y.from, to: y.to, who: zh ? "统筹基金" : "pool", ...pool, clawbacks: y.clawbacks });
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const header = zh ? columns.map(yearCsvHeaderZh) : columns;
  return `${[header.map((h) => cell(h, "who")).join(","), ...rows.map((r) => columns.map((c) => cell(r[c], c)).join(","))].join("\n")}\n`;
}
