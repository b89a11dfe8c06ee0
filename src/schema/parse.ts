/**
 * Turns zod validation failures into `PoolingError`s.
 *
 * @module
 */
import type * as z from "zod";
import { ERROR_CODES, type ErrorCode, type Path, PoolingError } from "../errors.js";

type Issue = z.core.$ZodIssue;

/** The JSON types in plain Chinese, for `messageZh`. */
const TYPE_ZH: Record<string, string> = Object.assign(Object.create(null), { string: "文本", number: "数值", boolean: "布尔值", array: "列表" });

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}

/** Maps one zod issue to the library's error. @internal */
export function issueToError(issue: Issue, prefix: Path = []): PoolingError {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case "custom": {
      const params = issue.params as { code?: unknown; en?: string; zh?: string } | undefined;
      if (params && isErrorCode(params.code)) {
        return new PoolingError(params.code, path, { en: params.en, zh: params.zh });
      }
      return new PoolingError("INVALID_POLICY", path, { en: issue.message });
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      return new PoolingError("UNKNOWN_KEY", [...path, key], {
        en: `unknown field(s): ${issue.keys.join(", ")}`,
        zh: `未定义的字段：${issue.keys.join("、")}`,
      });
    }
    case "invalid_type": {
      if (issue.input === undefined) return new PoolingError("MISSING_FIELD", path);
      if (issue.input === null && (issue.expected !== "object" || path.length > prefix.length || issue.path.length > 0)) {
        return new PoolingError("INVALID_TYPE", path, { en: "null is not a value: omit the field instead", zh: "null 不是有效取值：请省略该字段" });
      }
      if (issue.expected === "object") return new PoolingError("NOT_AN_OBJECT", path);
      return new PoolingError("INVALID_TYPE", path, {
        en: `expected ${issue.expected}`,
        zh: `应为${TYPE_ZH[issue.expected] ?? issue.expected}`,
      });
    }
    case "invalid_key": {
      const key = String(issue.input);
      const at = path.at(-1) === key ? path : [...path, key];
      // a key schema that reports its own code (a policy's names); the other checked keys are periods
      const own = issue.issues[0]?.code === "custom" ? (issue.issues[0].params as { code?: unknown; en?: string; zh?: string } | undefined) : undefined;
      if (own && isErrorCode(own.code)) return new PoolingError(own.code, at, { en: own.en, zh: own.zh });
      return new PoolingError("INVALID_PERIOD", at, {
        en: `a key must be a period written YYYY-MM (got "${key}")`,
        zh: `键应为 YYYY-MM 格式的费款所属期（收到 "${key}"）`,
      });
    }
    case "invalid_union": {
      // a union of a value and a record (e.g. one amount or amounts by period): report the branch the input's
      // type matched, with its own code (a bad amount is an amount's error, not a type error)
      const matched =
        issue.errors.find((branch) => branch[0] !== undefined && branch[0].path.length > 0) ??
        issue.errors.find((branch) => branch[0] !== undefined && branch[0].code !== "invalid_type");
      if (matched) return issueToError({ ...matched[0]!, path: [...issue.path, ...matched[0]!.path] } as Issue, prefix);
      return new PoolingError("INVALID_TYPE", path, { en: issue.message });
    }
    default:
      return new PoolingError("INVALID_TYPE", path, { en: issue.message });
  }
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws
 * the `PoolingError` of the first problem found.
 * @internal
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: Path = []): z.output<S> {
  // abortEarly (zod's own context flag): stop at the first problem, the only one reported, so that a huge
  // input with many bad items costs one item's work and never spreads a huge list of issues (a RangeError)
  const result = schema.safeParse(input, { reportInput: true, abortEarly: true } as z.core.ParseContext<z.core.$ZodIssue>);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (!first) throw new PoolingError("INVALID_TYPE", prefix);
  throw issueToError(first, prefix);
}
