/**
 * The service's own errors: an HTTP status with a JSON body in the shape of
 * `PoolingError.toJSON()` (`name: "ServiceError"`), shared by the HTTP side
 * and the compute workers.
 *
 * @module
 */

/** A JSON error body: the shape of `PoolingError.toJSON()`. */
export interface ErrorBody {
  name: string;
  code: string;
  path: (string | number)[];
  message: string;
  messageZh: string;
  /** For CSV: the line (the header is line 1). */
  line?: number;
  /** The bad record's index, for a batch. */
  index?: number;
  /** Every bad record of a batch. */
  errors?: unknown[];
}

/** An error the service answers with a status of its own. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

/** A {@link HttpError} with one of the service's own codes. */
export const serviceError = (
  status: number,
  code: string,
  message: string,
  messageZh: string,
  headers?: Record<string, string>,
  path: (string | number)[] = [],
): HttpError => new HttpError(status, { name: "ServiceError", code, path, message, messageZh }, headers);

/**
 * 500 INTERNAL: a defect of the service; its stack goes to the service's log, not to the client. The
 * package names no issue tracker, so the text names none either (it asks nothing it cannot direct).
 */
export const internalError = (): HttpError =>
  serviceError(
    500,
    "INTERNAL",
    "unexpected error: a defect of the service (the details are in the service's log)",
    "意外错误：服务程序缺陷（详情已记入服务日志）",
  );
