/**
 * What a compute worker does for each route: the library's public API on the
 * request's body, the answer serialised with `JSON.stringify` as returned.
 * Runs inside a worker (src/service/worker.ts), never on the HTTP thread.
 *
 * @module
 */
import { budgetExecution, computeLevy, explain, type Policy, PoolingError, simulate } from "../index.js";
import { decodeText, InvalidEncodingError, invalidEncodingText } from "./decode.js";
import { type HttpError, serviceError } from "./httpError.js";
import { tooManyPeriods } from "./limits.js";
import type { ComputeRoute, JobSpec } from "./protocol.js";

/** Parses a JSON body, or answers 400 INVALID_JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw serviceError(400, "INVALID_JSON", `the body is not valid JSON: ${(e as Error).message}`, "请求体不是有效的 JSON");
  }
}

/** The limits a computation checks before it starts. */
export interface ComputeLimits {
  maxPeriods: number;
}

/**
 * The JSON answer of a route computed from its parsed body (every route but
 * `/levies`, which streams). Throws the library's `PoolingError` or a
 * service error.
 */
export function computeJson(route: Exclude<ComputeRoute, "levies">, value: unknown, spec: JobSpec, policy: Policy, limits: ComputeLimits): unknown {
  switch (route) {
    case "levy":
      return computeLevy(value as never, policy);
    case "simulate": {
      const periods = (value as { periods?: unknown } | null)?.periods;
      if (Array.isArray(periods) && periods.length > limits.maxPeriods) throw tooManyPeriods(limits.maxPeriods, periods.length);
      return simulate(value as never, policy);
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
  }
}

/** The text of a body in its encoding, or 400 INVALID_ENCODING saying what to send instead. */
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
