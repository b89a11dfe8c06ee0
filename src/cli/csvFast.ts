/**
 * A fast reader for the common shape of levy CSV files: no quoted fields,
 * one kind of line ending (LF or CRLF), distinct header names. It reads the
 * file synchronously in large chunks and yields each record as a levy input,
 * exactly as the csv-parse path does (`bom`, `trim`, `skip_empty_lines`,
 * strict column count, the same line numbers and the same structural error
 * messages). Any other file goes through csv-parse: {@link fastCsvEligible}
 * decides, before anything is read for computing.
 *
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { LevyInput } from "../index.js";
import { CliError, EXIT } from "./io.js";

const CHUNK = 1 << 16;

/** csv-parse's trimmable characters (`trim: true`): \r, \n, \f, space, tab. */
function trimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12;
}

/** A field trimmed as csv-parse trims an unquoted one. */
function csvTrim(s: string): string {
  const n = s.length;
  if (n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32)) return s;
  let a = 0;
  let b = n;
  while (a < b && trimmable(s.charCodeAt(a))) a++;
  while (b > a && trimmable(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** True when a line is empty for csv-parse (`skip_empty_lines` with `trim`): only trimmable characters. */
function blank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!trimmable(line.charCodeAt(i))) return false;
  return true;
}

/** Reads a file in chunks, yielding its text (UTF-8, split characters carried over). */
function* chunks(path: string, at?: { bytes: number }): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = new StringDecoder("utf8");
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      if (at) at.bytes += n;
      const text = decoder.write(buf.subarray(0, n));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Yields the lines of a file (the BOM removed, CRs of CRLF endings removed), numbered from 1. */
function* lines(path: string, crlf: boolean, at?: { bytes: number }): Generator<string> {
  let carry = "";
  let first = true;
  for (let text of chunks(path, at)) {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (carry) text = carry + text;
    let pos = 0;
    for (let nl = text.indexOf("\n", pos); nl >= 0; nl = text.indexOf("\n", pos)) {
      yield crlf ? text.slice(pos, nl - 1) : text.slice(pos, nl);
      pos = nl + 1;
    }
    carry = text.slice(pos);
  }
  if (carry) yield crlf && carry.endsWith("\r") ? carry.slice(0, -1) : carry;
}

/** How the fast reader may read a file, or `null` when only csv-parse can. */
export interface FastCsvPlan {
  crlf: boolean;
}

/**
 * Whether the fast reader reads this file exactly as csv-parse would: no `"`
 * anywhere, line endings all LF or all CRLF (no other CR), and a header of
 * distinct names. Reads the file once (a byte scan).
 */
export function fastCsvEligible(path: string): FastCsvPlan | null {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let mode: "lf" | "crlf" | undefined;
    let prevCr = false;
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      const b = buf.subarray(0, n);
      if (b.indexOf(0x22) >= 0) return null;
      // CRs: none at all (LF), or exactly one before each LF (CRLF)
      const hasCr = b.indexOf(0x0d) >= 0;
      if (!hasCr && !prevCr) {
        if (mode === "crlf" && b.indexOf(0x0a) >= 0) return null;
        if (mode === undefined && b.indexOf(0x0a) >= 0) mode = "lf";
        continue;
      }
      if (mode === "lf") return null;
      for (let i = 0; i < n; i++) {
        const c = b[i]!;
        if (prevCr && c !== 0x0a) return null;
        if (c === 0x0a && !prevCr) return null;
        if (c === 0x0a) mode = "crlf";
        prevCr = c === 0x0d;
      }
    }
    if (prevCr) return null;
    return { crlf: mode === "crlf" };
  } finally {
    closeSync(fd);
  }
}

/**
 * The records of an eligible file as levy inputs (empty cells absent,
 * `employees` split on `;`), with the line of each in `at.line`. A header
 * with unknown columns is reported (as csv-parse's path does, at the first
 * record) through `headerError`, and ends the records. `at.bytes` counts the
 * bytes read so far (for a progress line).
 */
export function* fastCsvInputs(
  path: string,
  plan: FastCsvPlan,
  inputKeys: ReadonlySet<string>,
  at: { line: number; bytes: number },
  headerError: (unknown: string[]) => void,
): Generator<LevyInput> {
  let lineNo = 0;
  let columns: string[] | null = null;
  let checked = false;
  for (const line of lines(path, plan.crlf, at)) {
    lineNo++;
    if (blank(line)) continue;
    const fields = line.split(",");
    if (columns === null) {
      columns = fields.map((h) => csvTrim(h).trim());
      if (new Set(columns).size !== columns.length) throw new Error("duplicate columns: not eligible"); // fastCsvHeaderOk refuses these first
      continue;
    }
    if (fields.length !== columns.length) {
      throw new CliError(
        EXIT.invalidInput,
        `${path}: Invalid Record Length: columns length is ${columns.length}, got ${fields.length} on line ${lineNo}\n${path}：CSV 格式错误`,
      );
    }
    if (!checked) {
      checked = true;
      const unknown = columns.filter((k) => !inputKeys.has(k));
      if (unknown.length > 0) {
        headerError(unknown);
        return;
      }
    }
    const input: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const v = csvTrim(fields[i]!);
      if (v === "") continue;
      const k = columns[i]!;
      input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
    }
    at.line = lineNo;
    yield input as LevyInput;
  }
}

/** True when the file's header names are distinct (csv-parse keeps the last of duplicates: the fast reader does not try). */
export function fastCsvHeaderOk(path: string, plan: FastCsvPlan): boolean {
  for (const line of lines(path, plan.crlf)) {
    if (blank(line)) continue;
    const columns = line.split(",").map((h) => csvTrim(h).trim());
    return new Set(columns).size === columns.length;
  }
  return true;
}
