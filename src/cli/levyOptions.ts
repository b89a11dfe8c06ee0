/**
 * The clerk's options of `wi-pooling levy`: the output's language
 * (`--lang zh`) and encoding (`--out-encoding gb18030`), a file of the bad
 * rows (`--errors-out FILE`), the common 社保 formats read (`--normalize`),
 * and the cut figures of a whole file for the rows that lack them
 * (`--cut-fraction`, `--city-reserve-months`, `--own-cut-fraction`,
 * `--own-reserve-months`).
 *
 * @module
 */

import type { CsvLang, OutputEncoding } from "../report.js";
import { type NormalizeChange, normalizeCell, normalizeRecord, normalizeSummary } from "../report.js";

/** The cut fields a file may give a default for: the city's pair and the own district's pair. */
export const CUT_DEFAULTS = [
  ["cutFraction", "cut-fraction", "cityReserveMonths"],
  ["cityReserveMonths", "city-reserve-months", "cutFraction"],
  ["ownCutFraction", "own-cut-fraction", "ownReserveMonths"],
  ["ownReserveMonths", "own-reserve-months", "ownCutFraction"],
] as const;

/** A cut field with a file default. */
export type CutDefaultField = (typeof CUT_DEFAULTS)[number][0];

/** The clerk's options, as read from the command line. */
export interface LevyExtras {
  lang: CsvLang;
  outEncoding: OutputEncoding;
  errorsOut?: string | undefined;
  normalize: boolean;
  defaults: Partial<Record<CutDefaultField, string>>;
}

/** Whether any of them asks for more than the fast reader does (every one of them reads through csv-parse). */
export function needsGeneralReader(x: LevyExtras): boolean {
  return x.lang !== "en" || x.outEncoding !== "utf-8" || x.errorsOut !== undefined || x.normalize || Object.keys(x.defaults).length > 0;
}

/** The options' declarations for parseArgs. */
export const LEVY_EXTRA_OPTIONS = {
  lang: { type: "string" },
  "out-encoding": { type: "string" },
  "errors-out": { type: "string" },
  normalize: { type: "boolean" },
  "cut-fraction": { type: "string" },
  "city-reserve-months": { type: "string" },
  "own-cut-fraction": { type: "string" },
  "own-reserve-months": { type: "string" },
} as const;

const PLAIN = /^\d+(\.\d+)?$/;

/**
 * The clerk's options from parseArgs' values; `usage` ends the command (exit 3)
 * on a bad one.
 */
export function readLevyExtras(values: Record<string, string | boolean | undefined>, usage: (message: string) => never): LevyExtras {
  const lang = (values.lang as string | undefined) ?? "en";
  if (lang !== "en" && lang !== "zh") usage(`--lang takes en or zh, not ${lang} / --lang 只能为 en 或 zh`);
  const enc = ((values["out-encoding"] as string | undefined) ?? "utf-8").toLowerCase();
  const outEncoding = enc === "utf8" ? "utf-8" : enc === "gbk" ? "gb18030" : enc;
  if (outEncoding !== "utf-8" && outEncoding !== "gb18030") usage(`--out-encoding takes utf-8 or gb18030, not ${enc} / --out-encoding 只能为 utf-8 或 gb18030`);
  const defaults: Partial<Record<CutDefaultField, string>> = {};
  for (const [field, option] of CUT_DEFAULTS) {
    const v = values[option];
    if (v === undefined) continue;
    if (typeof v !== "string" || !PLAIN.test(v)) usage(`--${option} takes a plain decimal, not ${String(v)} / --${option} 须为十进制数`);
    defaults[field] = v;
  }
  if (defaults.cutFraction !== undefined && defaults.cityReserveMonths !== undefined) {
    usage("give --cut-fraction or --city-reserve-months, not both / --cut-fraction 与 --city-reserve-months 只能提供其一");
  }
  return {
    lang,
    outEncoding,
    errorsOut: values["errors-out"] as string | undefined,
    normalize: Boolean(values.normalize),
    defaults,
  };
}

/**
 * A record with the file's cut defaults: each default fills its field in a
 * record that gives neither that field nor the other of its pair (a record's
 * own figures always win, and never meet a default that would contradict
 * them).
 */
export function withCutDefaults(input: unknown, defaults: LevyExtras["defaults"]): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const [field, , other] of CUT_DEFAULTS) {
    const v = defaults[field];
    if (v === undefined || record[field] !== undefined || record[other] !== undefined) continue;
    out ??= { ...record };
    out[field] = v;
  }
  return out ?? input;
}

/**
 * The reading of each CSV row under `--normalize`: its cells normalised and
 * every change recorded; without it, the cells as they are, and a hint for a
 * bad row that `--normalize` would have read.
 */
export class RowNormalizer {
  readonly changes: NormalizeChange[] = [];
  /** Without `--normalize`: what it would have changed in a refused header. */
  headerHint: string | null = null;

  constructor(readonly on: boolean) {}

  /** The cells of a row at `line` (`fields` null: the header). */
  cells(cells: string[], line: number, fields: readonly string[] | null): string[] {
    if (!this.on) return cells;
    return normalizeRecord(cells, line, fields, this.changes);
  }

  /** The values of a JSON record, normalised. */
  record(input: unknown, line: number): unknown {
    if (!this.on || typeof input !== "object" || input === null || Array.isArray(input)) return input;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) out[k] = typeof v === "string" ? normalizeCell(k, v, line, this.changes) : v;
    return out;
  }

  /** The run's summary lines (stderr). */
  summary(): string[] {
    return normalizeSummary(this.changes);
  }
}

/**
 * The hint for a bad row or header that `--normalize` would have read
 * differently (`null` when it would not): what it would change.
 */
export function normalizeHint(cells: string[], line: number, fields: readonly string[] | null): string | null {
  const changes: NormalizeChange[] = [];
  normalizeRecord(cells, line, fields, changes);
  if (changes.length === 0) return null;
  const shown = changes
    .slice(0, 3)
    .map((c) => `${c.from} → ${c.to}`)
    .join(", ");
  return `hint: --normalize would read ${shown} / 提示：加上 --normalize 可读作 ${shown}`;
}
