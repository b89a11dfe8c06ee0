/**
 * The service's own error codes (`name: "ServiceError"`), beside the
 * library's `ERROR_CODES`: each with the HTTP status it is answered with and
 * its meaning. The OpenAPI document's list of codes and docs/service.md's
 * table of errors are read from here (a test keeps the table in step).
 *
 * @module
 */
import { ERROR_CODES, type ErrorCode } from "../index.js";

/** A service code: its status and its meaning in English. */
export interface ServiceCode {
  readonly status: 400 | 404 | 405 | 408 | 413 | 415 | 500 | 503;
  readonly meaning: string;
}

/**
 * Every code the service answers with that is not a library code.
 *
 * @example
 * ```ts
 * SERVICE_CODES.SERVICE_BUSY.status; // 503
 * ```
 */
export const SERVICE_CODES = Object.freeze({
  BAD_REQUEST: { status: 400, meaning: "malformed HTTP" },
  MISSING_HOST: { status: 400, meaning: "an HTTP/1.1 request without a Host header" },
  INVALID_URL: { status: 400, meaning: "the request target, or a schema name in /schemas/{name}, is not valid percent-encoding" },
  INVALID_QUERY: { status: 400, meaning: "a query parameter has a value the route does not take (errors, rawCells)" },
  INVALID_JSON: { status: 400, meaning: "the body is not valid JSON" },
  INVALID_ENCODING: { status: 400, meaning: "the body is not valid UTF-8 (or not valid GB18030 with charset=gb18030)" },
  INVALID_CSV: { status: 400, meaning: "the CSV cannot be parsed (with line)" },
  DUPLICATE_COLUMN: { status: 400, meaning: "a CSV header names a field twice (by name, or by name and Chinese name)" },
  NO_ROWS: { status: 400, meaning: "the batch has no record (an empty CSV, a header only, only empty rows, or [])" },
  ABORTED: { status: 400, meaning: "the client aborted the request while its body was being read" },
  NOT_FOUND: { status: 404, meaning: "unknown route or schema name" },
  METHOD_NOT_ALLOWED: { status: 405, meaning: "wrong method; the Allow header lists the right ones" },
  REQUEST_TIMEOUT: { status: 408, meaning: "the request was not received in time" },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: "the body is over the service's --max-body bytes" },
  TOO_MANY_ROWS: { status: 413, meaning: "/levies: more records than the service's --max-rows" },
  TOO_MANY_PERIODS: { status: 413, meaning: "/simulate: more periods than the service's --max-periods" },
  MEMORY_BUDGET_EXCEEDED: { status: 413, meaning: "the computation needed more memory than a worker thread has (--worker-heap)" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: "the Content-Type is not application/json (or, for /levies, text/csv)" },
  INTERNAL: { status: 500, meaning: "a defect of the service; the details are in the service's log" },
  SERVICE_BUSY: { status: 503, meaning: "every worker thread is busy and the queue is full; retry after Retry-After seconds" },
  TIME_BUDGET_EXCEEDED: { status: 503, meaning: "the computation ran longer than the service's --max-time and was stopped" },
} satisfies Record<string, ServiceCode>);

/** A code of the service's own. */
export type ServiceCodeName = keyof typeof SERVICE_CODES;

/**
 * Every code an error body may carry, with its meaning: the library's
 * (`ERROR_CODES`, English text) then the service's own.
 *
 * @example
 * ```ts
 * allErrorCodes().INVALID_CLASS; // "the industry class must be an integer from 1 to 8"
 * allErrorCodes().NOT_FOUND; // "unknown route or schema name"
 * ```
 */
export function allErrorCodes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) out[code] = ERROR_CODES[code][0];
  for (const [code, { meaning }] of Object.entries(SERVICE_CODES)) out[code] = meaning;
  return out;
}
