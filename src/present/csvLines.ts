/**
 * Stray quotes in a levy CSV read with the bad rows collected (`wi-pooling
 * levy`, the service's `?errors=collect`): a line whose quotes a CSV reader
 * cannot read (a quote never closed, text after a closing quote, a quote
 * inside an unquoted cell) would make the reader lose its way and swallow
 * the rows after it. Each such line is taken out of the text before it is
 * parsed (left as an empty line, so that every other line keeps its number)
 * and reported as one bad row with its line and the text as read. A levy
 * record is one line: a cell never holds a line break here.
 *
 * @module
 */

/** A line taken out: its number in the file (the first line is 1), what is wrong, in English and Chinese, and the line as read. */
export interface StrayQuoteLine {
  line: number;
  message: string;
  messageZh: string;
  text: string;
}

/** Why a line's quotes cannot be read, or null when they can (RFC 4180 cells, blanks around a cell allowed). */
export function quoteProblem(line: string): readonly [en: string, zh: string] | null {
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === " " || line[i] === "\t")) i++;
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return ["a quote opened in this row is never closed", "本行的引号未闭合"];
        if (line[q + 1] === '"') {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (i < n && (line[i] === " " || line[i] === "\t")) i++;
      if (i === n) return null;
      if (line[i] !== ",") return ["text after a closing quote", "引号闭合后还有其他字符"];
      i++;
      continue;
    }
    const comma = line.indexOf(",", i);
    const end = comma < 0 ? n : comma;
    if (line.slice(i, end).includes('"')) return ["a quote inside an unquoted cell", "未加引号的单元格中含有引号"];
    if (comma < 0) return null;
    i = comma + 1;
  }
}

/**
 * Takes the lines with stray quotes out of a text that arrives in pieces:
 * `push` each piece, then `end`; what they return is the text to parse. The
 * first line that is not empty (the header) is never taken out: a bad header
 * refuses the file as before.
 *
 * @example
 * ```ts
 * const f = new StrayQuoteFilter();
 * f.push('period,payroll\n2021-07,"1\n2021-08,2\n') + f.end(); // 'period,payroll\n\n2021-08,2\n'
 * f.taken; // [{ line: 2, message: "a quote opened in this row is never closed", messageZh: "本行的引号未闭合", text: '2021-07,"1' }]
 * ```
 */
export class StrayQuoteFilter {
  /** The lines taken out so far, in order. */
  readonly taken: StrayQuoteLine[] = [];
  private rest = "";
  private line = 0;
  private header = false;

  /** A piece of the text: returns the complete lines it ends, checked. */
  push(text: string): string {
    const all = this.rest + text;
    const last = all.lastIndexOf("\n");
    if (last < 0) {
      this.rest = all;
      return "";
    }
    this.rest = all.slice(last + 1);
    return this.lines(all.slice(0, last + 1));
  }

  /** The last line (the text after the last line break), checked. */
  end(): string {
    const rest = this.rest;
    this.rest = "";
    return rest === "" ? "" : this.lines(rest);
  }

  /** Lines (each ending with `\n`, but perhaps the last), the bad ones emptied. */
  private lines(text: string): string {
    if (!text.includes('"') && this.header) {
      let count = 0;
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
      this.line += count + (text.endsWith("\n") ? 0 : 1);
      return text;
    }
    let out = "";
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf("\n", start);
      const stop = nl < 0 ? text.length : nl + 1;
      const raw = text.slice(start, stop);
      start = stop;
      this.line++;
      const body = raw.replace(/\r?\n$/, "").replace(/\r$/, "");
      if (!this.header) {
        if (body.replace(/^\uFEFF/, "").trim() !== "") this.header = true;
        out += raw;
        continue;
      }
      const problem = body.includes('"') ? quoteProblem(body) : null;
      if (problem === null) {
        out += raw;
        continue;
      }
      this.taken.push({ line: this.line, message: `malformed CSV: ${problem[0]}`, messageZh: `CSV 格式错误：${problem[1]}`, text: body });
      out += raw.endsWith("\n") ? "\n" : "";
    }
    return out;
  }
}
