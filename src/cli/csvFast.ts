/**
 * A fast reader for the common shape of levy CSV files: no quoted fields,
 * one kind of line ending (LF or CRLF), distinct header names. It reads the
 * file synchronously in large chunks and yields each record as a levy input,
 * exactly as the csv-parse path does (the BOM dropped, cells trimmed, empty
 * rows skipped and counted, rows of the wrong length reported, the same line
 * numbers and the same messages). Any other file goes through csv-parse: {@link fastCsvEligible}
 * decides, before anything is read for computing.
 *
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { LevyInput } from "../index.js";
import { type CsvRows, rowLengthMessage } from "./csvRows.js";
import { createDecoder, type Encoding } from "./decode.js";

const CHUNK = 1 << 16;

/** csv-parse's trimmable characters (`trim: true`): \r, \n, \f, space, tab. */
function trimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12;
}

/** A field trimmed as csv-parse trims an unquoted one. */
export function csvTrim(s: string): string {
  const n = s.length;
  if (n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32)) return s;
  let a = 0;
  let b = n;
  while (a < b && trimmable(s.charCodeAt(a))) a++;
  while (b > a && trimmable(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** True when a line is empty for csv-parse (`skip_empty_lines` with `trim`): only trimmable characters. */
export function blank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!trimmable(line.charCodeAt(i))) return false;
  return true;
}

/** Reads a file in chunks, yielding its text (decoded, split characters carried over; invalid bytes fail). */
function* chunks(path: string, encoding: Encoding, at?: { bytes: number }): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = createDecoder(path, encoding);
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

/** How the fast reader may read a file, or `null` when only csv-parse can. */
export interface FastCsvPlan {
  crlf: boolean;
}

/**
 * Whether the fast reader reads this file exactly as csv-parse would: no `"`
 * anywhere and line endings all LF or all CRLF (no other CR). Reads the file
 * once (a byte scan).
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

/** The input being read: its line, the bytes read so far (for a progress line) and the input itself. */
export interface FastCsvPosition {
  line: number;
  bytes: number;
  input: LevyInput | undefined;
}

/**
 * The records of an eligible file as levy inputs (empty cells absent,
 * `employees` split on `;`), with the line and input of each in `at`. The
 * header, all-empty rows and rows of the wrong length go through `rows`, as
 * in the csv-parse reader (a bad header ends the records; a bad row is
 * reported and reading goes on). The file is decoded from `encoding`: in
 * GB18030 as in UTF-8, the bytes of `"`, `,`, CR and LF never occur inside a
 * character, so the byte scan of {@link fastCsvEligible} holds for both.
 */
export function* fastCsvInputs(path: string, plan: FastCsvPlan, encoding: Encoding, at: FastCsvPosition, rows: CsvRows): Generator<LevyInput> {
  let lineNo = 0;
  let fields: string[] | null = null;
  let carry = "";
  const cut = plan.crlf ? 1 : 0;
  // one loop over the lines of each chunk (a line split between chunks carried over), no generator per line
  for (let text of chunks(path, encoding, at)) {
    if (carry) text = carry + text;
    let pos = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", pos)) {
      const line = text.slice(pos, nl - cut);
      pos = nl + 1;
      lineNo++;
      if (fields === null) {
        if (blank(line)) {
          rows.skipped++;
          continue;
        }
        const names = line.split(",").map(csvTrim);
        if (names.every((c) => c === "")) {
          rows.skipped++;
          continue;
        }
        if (!rows.header(names, lineNo)) return;
        fields = rows.fields!;
        continue;
      }
      const input = record(line, lineNo, fields, rows);
      if (input === undefined) continue;
      at.line = lineNo;
      at.input = input;
      yield input;
    }
    carry = text.slice(pos);
  }
  if (carry && fields !== null) {
    const line = plan.crlf && carry.endsWith("\r") ? carry.slice(0, -1) : carry;
    lineNo++;
    const input = record(line, lineNo, fields, rows);
    if (input !== undefined) {
      at.line = lineNo;
      at.input = input;
      yield input;
    }
  } else if (carry && !blank(carry)) {
    // a header alone on the last line, without a line break
    const names = (plan.crlf && carry.endsWith("\r") ? carry.slice(0, -1) : carry).split(",").map(csvTrim);
    if (names.every((c) => c === "")) rows.skipped++;
    else rows.header(names, lineNo + 1);
  } else if (carry) rows.skipped++;
}

/** One data line as a levy input (empty cells absent, `employees` split on `;`); `undefined` for a row skipped (empty) or reported (wrong length). */
export function record(line: string, lineNo: number, fields: readonly string[], rows: CsvRows): LevyInput | undefined {
  const cells = line.split(",");
  if (cells.length !== fields.length) {
    if (cells.every((c) => csvTrim(c) === "")) rows.skipped++;
    else rows.problem(rowLengthMessage(lineNo, fields.length, cells.length));
    return undefined;
  }
  const input: Record<string, unknown> = {};
  let given = 0;
  for (let i = 0; i < fields.length; i++) {
    const v = csvTrim(cells[i]!);
    if (v === "") continue;
    given++;
    const k = fields[i]!;
    input[k] = k === "employees" ? v.split(";").map((s) => s.trim()) : v;
  }
  if (given === 0) {
    rows.skipped++;
    return undefined;
  }
  rows.rows++;
  return input as LevyInput;
}

/**
 * The header of an eligible file, read from its first MB as
 * {@link fastCsvInputs} reads it (blank rows before it skipped and counted, a
 * bad header reported through `rows`): the byte offset and the line after it
 * (`{ offset, line }`), `"stop"` when the header is bad, or `null` when it is
 * not found in the first MB followed by a line break (the caller then reads
 * the file with {@link fastCsvInputs}; `rows` is left as it was).
 */
export function fastCsvHeader(path: string, plan: FastCsvPlan, encoding: Encoding, rows: CsvRows): { offset: number; line: number } | "stop" | null {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const decoder = createDecoder(path, encoding);
  let skipped = 0;
  for (let pos = 0, lineNo = 1, nl = buf.indexOf(10, 0); nl >= 0 && nl < n; pos = nl + 1, lineNo++, nl = buf.indexOf(10, pos)) {
    const text = decoder.write(buf.subarray(pos, nl + 1));
    const line = text.slice(0, text.length - 1 - (plan.crlf ? 1 : 0));
    if (blank(line)) {
      skipped++;
      continue;
    }
    const names = line.split(",").map(csvTrim);
    if (names.every((c) => c === "")) {
      skipped++;
      continue;
    }
    rows.skipped += skipped;
    return rows.header(names, lineNo) ? { offset: nl + 1, line: lineNo } : "stop";
  }
  return null;
}
