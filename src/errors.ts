/**
 * The one error type of the library, with stable codes and bilingual messages.
 * An error carries its code, the path and the details; its Chinese message
 * names the field from the glossary and a member by the name the policy in
 * use gives it (`memberNames`, which the functions that know the policy
 * attach: see `policy/names.ts`), never by a built-in policy's.
 *
 * @module
 */

import { ERROR_CODES, type ErrorCode } from "./errorCodes.js";
import { fieldNameZh } from "./glossary.js";

export { ERROR_CODES, type ErrorCode };

/** A path into the input: object keys and array indices, as zod reports them. */
export type Path = ReadonlyArray<string | number>;

/** The JSON form of a {@link PoolingError}. */
export interface PoolingErrorJSON {
  name: "PoolingError";
  code: ErrorCode;
  path: (string | number)[];
  message: string;
  messageZh: string;
}

/**
 * The brand every {@link PoolingError} carries: a registered symbol, so that
 * the ESM and the CJS copies of the package (loaded side by side in one
 * process) recognise each other's errors, where `instanceof` cannot.
 */
const BRAND = Symbol.for("suzhou-wi-pooling.PoolingError");

/** Where an error keeps the member names its Chinese message was rendered with (not enumerable, not in `toJSON()`). */
const NAMES = Symbol("memberNames");

/** What an error knows beside its code, path and details. */
export interface PoolingErrorContext {
  /** The employer of the levy record at fault (see {@link PoolingError.employerId}). */
  employerId?: string | undefined;
  /** The Chinese names of the members of the policy in use, by id: they name a member in `messageZh`. */
  memberNames?: Readonly<Record<string, string>> | undefined;
}

/** Renders a path as `items[3].payroll`; the empty path is `(input)`. */
export function formatPath(path: Path): string {
  if (path.length === 0) return "(input)";
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/**
 * The one error the library throws for bad input or a rule that cannot be
 * applied. `code` is stable, `path` points at the offending field, `message`
 * is English and `messageZh` Chinese. Nothing partially computed accompanies it.
 *
 * @example
 * ```ts
 * try {
 *   computeLevy({ period: "2020-04", industryClass: 1, payroll: "100" });
 * } catch (e) {
 *   if (e instanceof PoolingError) console.log(e.code, e.path); // "POLICY_NOT_IN_FORCE" ["period"]
 * }
 * ```
 */
export class PoolingError extends Error {
  /** Stable machine-readable code, listed in `docs/errors.md`. */
  readonly code: ErrorCode;
  /** Path of the offending field in the input (`[]` for the input itself). */
  readonly path: (string | number)[];
  /** The message in Chinese. */
  readonly messageZh: string;
  /** What was wrong with this particular value, when known. */
  readonly detail: { en?: string; zh?: string } | undefined;
  /**
   * The `employerId` of the levy record at fault, when a batch threw the error (`computeLevies`,
   * `streamLevies` in `"throw"` mode) and the record has a string one; absent otherwise (in
   * `"collect"` mode each bad record's `employerId` is beside its error, on the `LevyRecordError`).
   * Like the index (the path's first element) it is data, not wording: the messages do not change, and
   * `toJSON()` keeps its five fields (a JSON API puts the id beside the error, as `LevyRecordError` does).
   */
  declare readonly employerId?: string;

  /**
   * @param code - the stable code
   * @param path - the path of the offending field in the input (`[]`: the input itself)
   * @param detail - what was wrong with this value, in English and Chinese
   * @param context - `employerId`: the employer of the levy record at fault; `memberNames`: the Chinese
   *   names of the policy's members by id (without them a member is named by its id: `地区 sip`), in the
   *   path and in the Chinese detail
   */
  constructor(code: ErrorCode, path: Path = [], detail?: { en?: string; zh?: string }, context?: PoolingErrorContext) {
    const [en, zh] = ERROR_CODES[code];
    const where = formatPath(path);
    super(`${code} at ${where}: ${en}${detail?.en ? ` (${detail.en})` : ""}`);
    this.name = "PoolingError";
    this.code = code;
    this.path = [...path];
    this.detail = detail;
    // plain Chinese for end users: the field's Chinese name, never the code or the English path (they have their own fields)
    const field = fieldNameZh(path, context?.memberNames);
    const said = detail?.zh ? namedZh(detail.zh, context?.memberNames) : "";
    this.messageZh = `${field ? `${field}：` : ""}${zh}${said ? `（${said}）` : ""}`;
    if (context?.employerId !== undefined) this.employerId = context.employerId;
    Object.defineProperty(this, BRAND, { value: true });
    if (context?.memberNames !== undefined) Object.defineProperty(this, NAMES, { value: context.memberNames });
  }

  /** A plain object for logs and JSON APIs: `{ name, code, path, message, messageZh }` (never `employerId`: see its note). */
  toJSON(): PoolingErrorJSON {
    return { name: "PoolingError", code: this.code, path: this.path, message: this.message, messageZh: this.messageZh };
  }
}

/**
 * True when `x` is a {@link PoolingError} from any copy of this package: the
 * ESM and CJS builds (or two installed versions from 0.5 on) each have their
 * own class, so `instanceof` is false across them; this test is not.
 *
 * @param x - anything caught
 * @returns whether `x` is a `PoolingError` (narrowing its type)
 * @throws never
 *
 * @example
 * ```ts
 * try {
 *   computeLevy({ period: "2020-04", industryClass: 1, payroll: "100" });
 * } catch (e) {
 *   if (isPoolingError(e)) console.log(e.code); // "POLICY_NOT_IN_FORCE"
 * }
 * ```
 */
export function isPoolingError(x: unknown): x is PoolingError {
  return x instanceof PoolingError || (typeof x === "object" && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true);
}

/**
 * A Chinese detail with each member id of `names` (a whole word: `wujiang`, not `wujiang2`) written as the
 * member's Chinese name: the Chinese messages name members as the policy in use does.
 */
function namedZh(text: string, names: Readonly<Record<string, string>> | undefined): string {
  if (names === undefined) return text;
  return text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => (Object.hasOwn(names, word) ? (names[word] as string) : word));
}

/** Prefixes an error's path (used when a batch reports the failing item). @internal */
export function withPathPrefix(error: unknown, prefix: Path): unknown {
  if (isPoolingError(error)) return new PoolingError(error.code, [...prefix, ...error.path], error.detail, contextOf(error));
  return error;
}

/** The context an error was made with (its employer and member names), to remake it. */
function contextOf(error: PoolingError, more?: PoolingErrorContext): PoolingErrorContext {
  return { employerId: error.employerId, memberNames: (error as { [NAMES]?: Readonly<Record<string, string>> })[NAMES], ...more };
}

/**
 * The same error with its Chinese message naming members by `memberNames` (the policy in use), unless it
 * already has names; anything else as it is. @internal
 */
export function withMemberNames(error: unknown, memberNames: Readonly<Record<string, string>>): unknown {
  if (!isPoolingError(error) || (error as { [NAMES]?: unknown })[NAMES] !== undefined) return error;
  return new PoolingError(error.code, error.path, error.detail, contextOf(error, { memberNames }));
}

/** The same error with the employer of the levy record at fault (when it has a string id). @internal */
export function withEmployerId(error: unknown, employerId: string | undefined): unknown {
  if (employerId === undefined || !isPoolingError(error)) return error;
  return new PoolingError(error.code, error.path, error.detail, contextOf(error, { employerId }));
}
