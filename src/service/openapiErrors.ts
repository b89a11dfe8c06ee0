/**
 * The error responses of the OpenAPI document: for each status an operation
 * can answer, the codes it answers with (from the service's table of codes)
 * and an example body.
 *
 * @module
 */

import { SERVICE_CODES } from "./codes.js";
import { ref } from "./openapiSchemas.js";

type Json = Record<string, unknown>;

/** What an operation is: a page of the service (GET) or a computation run in a worker (POST). */
export type OperationKind = "get" | "computed";

/** The statuses an operation of each kind can answer besides 200 (500 INTERNAL aside: a defect). */
export const STATUSES: Record<OperationKind, readonly number[]> = {
  get: [400, 405, 408],
  computed: [400, 405, 408, 413, 415, 503],
};

/** The service's codes answered with `status`, as `CODE (meaning)`, for the requests of `kind`. */
function serviceCodes(status: number, kind: OperationKind): string {
  const bodyCodes = new Set(["INVALID_JSON", "INVALID_ENCODING", "INVALID_CSV", "DUPLICATE_COLUMN", "NO_ROWS", "ABORTED", "INVALID_QUERY"]);
  return Object.entries(SERVICE_CODES)
    .filter(([code, c]) => c.status === status && (kind === "computed" || !bodyCodes.has(code)) && code !== "NOT_FOUND")
    .map(([code, c]) => `${code} (${c.meaning})`)
    .join("; ");
}

const EXAMPLE_ERRORS: Record<number, Json> = {
  400: {
    name: "PoolingError",
    code: "INVALID_CLASS",
    path: ["industryClass"],
    message: "INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8",
    messageZh: "INVALID_CLASS（industryClass）：行业类别须为 1 至 8 的整数",
  },
  404: { name: "ServiceError", code: "NOT_FOUND", path: ["name"], message: "no schema named Nope; see /openapi.json", messageZh: "没有名为 Nope 的结构" },
  405: {
    name: "ServiceError",
    code: "METHOD_NOT_ALLOWED",
    path: [],
    message: "DELETE is not allowed here; allowed: POST",
    messageZh: "此地址不接受 DELETE；可用：POST",
  },
  408: { name: "ServiceError", code: "REQUEST_TIMEOUT", path: [], message: "the request was not received in time", messageZh: "请求接收超时" },
  413: { name: "ServiceError", code: "PAYLOAD_TOO_LARGE", path: [], message: "the body exceeds 52428800 bytes", messageZh: "请求体超过 52428800 字节" },
  415: {
    name: "ServiceError",
    code: "UNSUPPORTED_MEDIA_TYPE",
    path: [],
    message: "Content-Type must be application/json",
    messageZh: "Content-Type 须为 application/json",
  },
  503: {
    name: "ServiceError",
    code: "SERVICE_BUSY",
    path: [],
    message: "every worker is busy and the queue is full; retry after 2 s",
    messageZh: "所有计算线程繁忙且队列已满，请 2 秒后重试",
  },
};

const HEADERS: Record<number, Json> = {
  405: { Allow: { description: "The methods the path takes", schema: { type: "string" } } },
  503: { "Retry-After": { description: "With SERVICE_BUSY: seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } },
};

/** One error response. */
export function errorResponse(status: number, description: string, example: Json = EXAMPLE_ERRORS[status] ?? (EXAMPLE_ERRORS[400] as Json)): Json {
  return {
    description,
    ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
    content: { "application/json": { schema: ref("Error"), example } },
  };
}

/**
 * The error responses of an operation of `kind`, each described by the codes
 * answered with it; `extra` adds codes to a status (or, with `only`, says all of them).
 */
export function errorResponses(kind: OperationKind, extra: Record<number, { codes: string; example?: Json; only?: true }> = {}): Record<string, Json> {
  const out: Record<string, Json> = {};
  const statuses = [...new Set([...STATUSES[kind], ...Object.keys(extra).map(Number)])].sort();
  for (const status of statuses) {
    const own = extra[status]?.only ? "" : serviceCodes(status, kind);
    const more = extra[status]?.codes;
    const text = [more, own].filter((t) => t !== undefined && t !== "").join("; or ");
    out[String(status)] = errorResponse(status, text, extra[status]?.example);
  }
  return out;
}
