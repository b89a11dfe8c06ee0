/**
 * What a compute worker does for each route: the library's public API on the
 * request's body, the answer serialised with `JSON.stringify` as returned.
 * Runs inside a worker (src/service/worker.ts), never on the HTTP thread.
 *
 * @module
 */
import { budgetExecution, computeLevy, explain, isPoolingError, type Policy, PoolingError, simulate } from "../index.js";
import { auditStatements } from "../report.js";
import { compareRequest, stressRequest } from "./analysis.js";
import { levyCorrectionsRoute } from "./corrections.js";
import { decodeText, InvalidEncodingError, invalidEncodingText } from "./decode.js";
import { type HttpError, serviceError } from "./httpError.js";
import { parseJsonStrict } from "./json.js";
import { tooManyPeriods } from "./limits.js";
import type { ComputeRoute, JobSpec } from "./protocol.js";

/**
 * Parses a JSON body strictly (a number a double changes, a key given twice:
 * the library's `AMOUNT_NOT_EXACT`, `DUPLICATE_KEY`), or answers 400 INVALID_JSON.
 *
 * @param text - the body's text (a leading byte order mark is dropped)
 * @returns the parsed value
 * @throws HttpError 400 `INVALID_JSON`; PoolingError `AMOUNT_NOT_EXACT`, `DUPLICATE_KEY`
 * @example
 * ```ts
 * parseJsonBody('{"a":1}'); // { a: 1 }
 * ```
 */
export function parseJsonBody(text: string): unknown {
  try {
    return parseJsonStrict(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    if (isPoolingError(e)) throw e; // AMOUNT_NOT_EXACT, DUPLICATE_KEY: 400 with the code and path
    throw serviceError(400, "INVALID_JSON", `the body is not valid JSON: ${(e as Error).message}`, "请求体不是有效的 JSON");
  }
}

/** The limits a computation checks before it starts. */
export interface ComputeLimits {
  maxPeriods: number;
}

/**
 * The JSON answer of a route computed from its parsed body (every route but
 * `/levies`, which streams).
 *
 * @param route - the computed route
 * @param value - the parsed body
 * @param spec - the request (`lang` for `/explain`)
 * @param policy - the service's policy
 * @param limits - `maxPeriods` for `/simulate`
 * @returns the library's result
 * @throws PoolingError (the library's codes); HttpError 413 `TOO_MANY_PERIODS`
 * @example
 * ```ts
 * computeJson("levy", { period: "2021-07", industryClass: 2, payroll: "5.00" }, spec, SUZHOU_2020, { maxPeriods: 1200 }).premium; // "0.02"
 * ```
 */
export function computeJson(route: Exclude<ComputeRoute, "levies">, value: unknown, spec: JobSpec, policy: Policy, limits: ComputeLimits): unknown {
  switch (route) {
    case "levy":
      return computeLevy(value as never, policy);
    case "simulate":
    case "statements": {
      const periods = (value as { periods?: unknown } | null)?.periods;
      if (Array.isArray(periods) && periods.length > limits.maxPeriods) throw tooManyPeriods(limits.maxPeriods, periods.length);
      const sim = simulate(value as never, spec.asOf === null ? { policy } : { policy, asOf: spec.asOf });
      // 二（二）, 二（三）, 二（四）: the statements an auditor asks for, per year
      return route === "simulate" ? sim : { years: auditStatements(sim, (value as { opening: never }).opening) };
    }
    case "explain":
      // the service's policy names the members in Chinese; explain validates the result itself
      return explain(value as never, spec.lang === null ? { policy } : { lang: spec.lang as "zh", policy });
    case "budget-execution": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw new PoolingError("NOT_AN_OBJECT", []);
      const { budget, adjustments, finalAccounts, ...rest } = value as Record<string, unknown>;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) throw new PoolingError("UNKNOWN_KEY", [extra]);
      return budgetExecution(budget as never, adjustments as never, finalAccounts as never, policy);
    }
    case "compare":
      return compareRequest(value, policy);
    case "stress":
      return stressRequest(value, policy);
    case "levy-corrections":
      return levyCorrectionsRoute(value, spec.errors, policy);
  }
}

/**
 * The text of a body in its encoding, or 400 INVALID_ENCODING saying what to send instead.
 *
 * @param bytes - the body
 * @param spec - its encoding and media type
 * @returns its text, without a byte order mark
 * @throws HttpError 400 `INVALID_ENCODING`
 * @example
 * ```ts
 * decodeBody(Buffer.from("{}"), { encoding: "utf-8", mediaType: "application/json" }); // "{}"
 * ```
 */
export function decodeBody(bytes: Uint8Array, spec: Pick<JobSpec, "encoding" | "mediaType">): string {
  try {
    return decodeText(bytes, spec.encoding);
  } catch (e) {
    throw e instanceof InvalidEncodingError ? invalidEncoding(spec) : e;
  }
}

/** The 400 INVALID_ENCODING of a body that is not valid in its encoding: what to send instead. */
export function invalidEncoding(spec: Pick<JobSpec, "encoding" | "mediaType">): HttpError {
  const [en, zh] = invalidEncodingText(spec.encoding, spec.mediaType);
  return serviceError(400, "INVALID_ENCODING", en, zh);
}
