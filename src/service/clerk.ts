/**
 * The clerk's options of the service: `?lang=zh` (or `Accept-Language: zh`)
 * for Chinese CSV headers and code labels, `?bom=1` for a UTF-8 byte order
 * mark before a CSV answer, `?normalize=1` for the common 社保 export forms
 * (its changes counted in the `X-Normalized` header); and every problem of a
 * refused JSON input listed (`errors`), as the CLI lists them.
 *
 * @module
 */
import type { IncomingMessage } from "node:http";
import type { Policy, PoolingError } from "../index.js";
import { NORMALIZE_KINDS, type NormalizeChange, type NormalizeKind, normalizeRecord } from "../report.js";
import { inputProblems, type SchemaName } from "../schemas.js";
import { serviceError } from "./httpError.js";

/** The language of a request: `?lang=`, else `zh` when the client's first preference is Chinese (`Accept-Language: zh-CN, …`), else none. */
export function requestLang(req: IncomingMessage, url: URL): string | null {
  const lang = url.searchParams.get("lang");
  if (lang !== null) return lang;
  return /^\s*zh\b/i.test(req.headers["accept-language"] ?? "") ? "zh" : null;
}

/** A `0`/`1` query flag (absent: false); 400 `INVALID_QUERY` otherwise. */
export function flagParam(url: URL, name: string): boolean {
  const v = url.searchParams.get(name);
  if (v === null || v === "0") return false;
  if (v === "1") return true;
  throw serviceError(400, "INVALID_QUERY", `${name} must be "1" or "0", not ${JSON.stringify(v)}`, `${name} 参数只能为 "1" 或 "0"`, {}, [name]);
}

/** `?normalize=1` at work on a CSV body: each record normalised, the changes kept (first pass only). */
export class CsvNormalizer {
  readonly changes: NormalizeChange[] = [];
  private fields: string[] | null = null;

  constructor(
    readonly on: boolean,
    private readonly record: boolean,
  ) {}

  /** The cells of a record at its line; `headerFields` gives the header's fields once the header is read. */
  cells(cells: string[], line: number, headerFields: (cells: string[]) => string[]): string[] {
    if (!this.on || cells.every((c) => c === "")) return cells;
    const out = normalizeRecord(cells, line, this.fields, this.record ? this.changes : []);
    if (this.fields === null) this.fields = headerFields(out);
    return out;
  }

  /** The `X-Normalized` header (ASCII): the count, then one entry per kind and field, with its count and first line. */
  headers(): Record<string, string> {
    if (!this.on) return {};
    const groups = new Map<string, { kind: NormalizeKind; field: string; line: number; count: number }>();
    for (const c of this.changes) {
      const key = `${c.kind} ${c.field}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { kind: c.kind, field: c.field, line: c.line, count: 1 });
      else g.count++;
    }
    const parts = [...groups.values()].map((g) => `${NORMALIZE_KINDS[g.kind][0]} in ${g.field} x${g.count} (first at line ${g.line})`);
    return { "X-Normalized": `${this.changes.length} change(s)${parts.length > 0 ? `: ${parts.join("; ")}` : ""}` };
  }
}

/** The routes whose JSON body is one input of a known schema: every problem of it is listed when it is refused. */
const INPUT_OF: Readonly<Record<string, SchemaName>> = { levy: "LevyInput", simulate: "Scenario" };

/**
 * The 400 body of a refused JSON input: the library's error (as before, so
 * that a client reading `code` and `path` sees the same) and, when the input
 * has more than one problem, `errors`, every problem of it with its path (at
 * most 1,000, `errorsOmitted` counting the rest).
 */
export function refusedBody(route: string, value: unknown, error: PoolingError, policy: Policy): unknown {
  const name = INPUT_OF[route];
  const body = error.toJSON();
  if (name === undefined || value === undefined) return body;
  const { problems, more } = inputProblems(name, value, { max: 1000, policy });
  const same = (p: PoolingError) => p.code === error.code && JSON.stringify(p.path) === JSON.stringify(error.path);
  const listed = problems.some(same) ? problems : [error, ...problems];
  if (listed.length + more <= 1) return body;
  return { ...body, errors: listed.map((p) => p.toJSON()), errorsOmitted: more };
}
