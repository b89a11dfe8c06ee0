/**
 * Strict JSON input, shared by the CLI (its JSON files: levies, a scenario, a
 * policy, budgets) and the HTTP service (every JSON body): what `JSON.parse`
 * accepts, less two things it lets through without a word.
 *
 * - A number literal whose value a double does not hold exactly (more than 15
 *   significant digits, and the double it becomes is another number:
 *   `100000000000000.01` becomes 100000000000000.02, `999999999999999.99`
 *   becomes 10^15) is `AMOUNT_NOT_EXACT`: the same figure sent as a string
 *   (`"100000000000000.01"`) is exact.
 * - An object that gives a key twice (`JSON.parse` keeps the last) is
 *   `DUPLICATE_KEY`, at the object's path (the key in the message), as a CSV
 *   with a column twice is refused.
 *
 * Pure: no Node module, no I/O (the playground may bundle it).
 *
 * @module
 */
import { PoolingError } from "../index.js";

/** A path into the input: object keys and array indices. */
type Path = ReadonlyArray<string | number>;

/** Significant digits a double always holds exactly (any decimal of at most 15 of them round-trips). */
const EXACT_DIGITS = 15;

/** Whether the number literal `literal` (valid JSON) is the value of the double it parses to. */
export function isExactJsonNumber(literal: string): boolean {
  const e = literal.search(/[eE]/);
  const mantissa = e < 0 ? literal : literal.slice(0, e);
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < mantissa.length; i++) {
    const c = mantissa.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (first < 0 && c === 0x30) continue;
    if (first < 0) first = i;
    count++;
    if (c !== 0x30) last = count;
  }
  const n = Number(literal);
  if (!Number.isFinite(n)) return false;
  // zero, or at most 15 significant digits (trailing zeros aside) without an exponent that could under- or overflow
  if (first < 0) return true;
  if (last <= EXACT_DIGITS && e < 0 && Math.abs(n) >= 1e-300) return true;
  return decimalKey(literal) === decimalKey(String(n));
}

/**
 * A canonical form of a decimal literal (`-1.50e2`, `150`, `1.5e+2` all give
 * `"+15e1"`): sign, significant digits, exponent. Exact, on the text alone.
 */
function decimalKey(literal: string): string {
  const negative = literal.startsWith("-");
  const body = negative || literal.startsWith("+") ? literal.slice(1) : literal;
  const e = body.search(/[eE]/);
  const mantissa = e < 0 ? body : body.slice(0, e);
  let exponent = e < 0 ? 0 : Number(body.slice(e + 1));
  const dot = mantissa.indexOf(".");
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  if (dot >= 0) exponent -= mantissa.length - dot - 1;
  digits = digits.replace(/^0+/, "");
  const trimmed = digits.replace(/0+$/, "");
  exponent += digits.length - trimmed.length;
  if (trimmed === "") return "0";
  return `${negative ? "-" : "+"}${trimmed}e${exponent}`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

interface Frame {
  /** An array (its current index) or an object (its keys so far and the current one). */
  array: boolean;
  index: number;
  keys: Set<string> | null;
  key: string | null;
  expectKey: boolean;
}

/** The path of the value being read: each frame's key or index (the top's only with `withTop`). */
function pathOf(stack: readonly Frame[], prefix: Path, withTop: boolean): (string | number)[] {
  const path: (string | number)[] = [...prefix];
  const n = withTop ? stack.length : stack.length - 1;
  for (let i = 0; i < n; i++) {
    const f = stack[i]!;
    if (f.array) path.push(f.index);
    else if (f.key !== null) path.push(f.key);
  }
  return path;
}

/** The index of the quote closing the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q;
    from = q + 1;
  }
}

/**
 * Checks JSON text that `JSON.parse` accepted for numbers a double changes and
 * keys given twice; `prefix` starts every path (e.g. an item's index).
 * @throws PoolingError `AMOUNT_NOT_EXACT` (at the number's path), `DUPLICATE_KEY` (at the object's path)
 */
export function checkJsonText(text: string, prefix: Path = []): void {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3a) {
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      stack.push({ array: c === 0x5b, index: 0, keys: c === 0x7b ? new Set() : null, key: null, expectKey: c === 0x7b });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys!.has(key)) {
          const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
          throw new PoolingError("DUPLICATE_KEY", pathOf(stack, prefix, false), {
            en: `the key ${shown} is given twice`,
            zh: `键 ${shown} 出现了两次`,
          });
        }
        top.keys!.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) j++;
        else break;
      }
      const literal = text.slice(i, j);
      if (!isExactJsonNumber(literal)) {
        const shown = literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
        throw new PoolingError("AMOUNT_NOT_EXACT", pathOf(stack, prefix, true), {
          en: `the number ${shown} would be read as ${String(Number(literal))}; send it as the string "${shown}"`,
          zh: `数值 ${shown} 会被读作 ${String(Number(literal))}；请以字符串 "${shown}" 发送`,
        });
      }
      i = j;
    } else {
      // true, false, null
      i++;
    }
  }
}

/**
 * `JSON.parse`, strict: a number a double does not hold exactly and a key
 * given twice are refused (see the module). A leading byte order mark is the
 * caller's to drop.
 *
 * @param text - JSON text
 * @param prefix - the path every error starts with (default none)
 * @returns the parsed value
 * @throws SyntaxError for text that is not JSON (as `JSON.parse`); PoolingError `AMOUNT_NOT_EXACT`, `DUPLICATE_KEY`
 * @example
 * ```ts
 * parseJsonStrict('{"payroll": "100000000000000.01"}'); // { payroll: "100000000000000.01" }
 * parseJsonStrict('{"payroll": 100000000000000.01}');   // throws AMOUNT_NOT_EXACT at ["payroll"]
 * parseJsonStrict('{"a": 1, "a": 2}');                  // throws DUPLICATE_KEY at []
 * ```
 */
export function parseJsonStrict(text: string, prefix: Path = []): unknown {
  const value: unknown = JSON.parse(text);
  checkJsonText(text, prefix);
  return value;
}
