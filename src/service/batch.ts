/**
 * Batches of levies with every bad record reported: an adapter over the
 * library's `computeLevy` / `computeLevies`. The figures are the library's;
 * only the bookkeeping of which record failed is done here. Runs in Node and
 * in a browser (the playground uses it too).
 *
 * @module
 */
import { computeLevies, type LevyBatch, type LevyRecordError, type Policy, type PoolingErrorJSON, SUZHOU_2020 } from "../index.js";

/** One bad record of a batch: the library's error (its path starts with the record's index) and, for CSV, its line. */
export interface BatchError extends PoolingErrorJSON {
  /** The record's index in the batch (0-based). */
  index: number;
  /** The record's line in the CSV file (the header is line 1), for CSV input. */
  line?: number;
  /** The record's `employerId`, when it has a string one. */
  employerId?: string;
}

/** The outcome of {@link leviesWithErrors}: good records' levies and totals, and every bad record. */
export interface CollectedBatch extends LevyBatch {
  /** The bad records, in input order: the first `MAX_LISTED_ERRORS` (1,000) of them. */
  errors: BatchError[];
  /** How many more bad records there were beyond those listed in `errors`. */
  errorsOmitted: number;
}

/**
 * Computes a batch, reporting every bad record instead of stopping at the
 * first: `items` and `totals` are `computeLevies` of the good records,
 * `errors` lists each bad record with its index (and its line, when `lines`
 * gives them), the first 1,000 of them, `errorsOmitted` counting the rest.
 * When every record is good the result is `computeLevies`'s own plus
 * `errors: []` and `errorsOmitted: 0`.
 *
 * @example
 * ```ts
 * const r = leviesWithErrors([{ period: "2021-07", industryClass: 2, payroll: "5.00" }, { period: "2019-01", industryClass: 2, payroll: "1" }]);
 * r.items.length; // 1
 * r.errors[0].code; // "POLICY_NOT_IN_FORCE"
 * ```
 */
export function leviesWithErrors(inputs: readonly unknown[], policy: Policy = SUZHOU_2020, lines?: readonly number[]): CollectedBatch {
  const { items, totals, errors, errorsOmitted } = computeLevies(inputs as never, { errors: "collect" }, policy);
  return { items, totals, errors: errors.map((e) => batchError(e, lines?.[e.index])), errorsOmitted };
}

/**
 * One bad record as the service and the playground report it: the library's
 * error as JSON, the record's index, its line (CSV) and its `employerId`.
 *
 * @example
 * ```ts
 * batchError({ index: 2, error: new PoolingError("INVALID_CLASS", [2, "industryClass"]) }, 4).line; // 4
 * ```
 */
export function batchError({ index, employerId, error }: LevyRecordError, line?: number): BatchError {
  return { ...error.toJSON(), index, ...(line === undefined ? {} : { line }), ...(employerId === undefined ? {} : { employerId }) };
}
