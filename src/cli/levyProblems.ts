/**
 * The report of a bad levy record: every problem of it, with the record named
 * by its line or item (the batch's index dropped from the paths).
 *
 * @module
 */
import { PoolingError } from "../index.js";
import { everyProblem } from "./io.js";

/**
 * Every problem of a bad record, as reported. The errors built here only give
 * their messages (none is thrown on), so they are built without a stack trace:
 * capturing one per problem was most of the time of a file of bad rows.
 */
export function problemsOf(error: PoolingError, input: unknown, where: string): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return everyProblem(recordError(error), "LevyInput", input, where, false);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A batch error as the record's own (its path without the batch index: the record is named by its line or item). */
export function recordError(e: PoolingError): PoolingError {
  return new PoolingError(e.code, e.path.slice(1), e.detail);
}
