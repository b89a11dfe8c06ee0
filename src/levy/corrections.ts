/**
 * Levy corrections in batches: each pair through {@link levyCorrection}'s
 * one implementation, exact totals, and (`{ errors: "collect" }`) the bad
 * pairs listed beside the good ones.
 *
 * @module
 */
import { isPoolingError, PoolingError, withPathPrefix } from "../errors.js";
import { formatFen, parseFen } from "../money.js";
import { type PolicyRef, policyRef } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import { batchOptions, type LevyBatchOptions, MAX_LISTED_ERRORS } from "./computeLevies.js";
import { computeParsedCorrection, type LevyCorrection, type LevyCorrectionInput, LevyCorrectionInputSchema } from "./correction.js";

/** Totals of a batch of corrections: exact sums over the good pairs. */
export interface LevyCorrectionTotals {
  arrears: string;
  refund: string;
  lateFee: string;
  /** Arrears plus late fees. */
  totalDue: string;
  /** How many pairs of each kind. */
  count: { arrears: number; refund: number; none: number };
  policy: PolicyRef;
}

/** A bad pair of a batch computed with `{ errors: "collect" }`. */
export interface LevyCorrectionError {
  /** The pair's position in the input (0-based). */
  index: number;
  /** The pair's `employerId` (of the original record, else the corrected one), when it has a string one. */
  employerId?: string;
  /** What is wrong with it; its `path` starts with `index`. */
  error: PoolingError;
}

/** Result of {@link levyCorrections}. */
export interface LevyCorrectionBatch {
  /** Each good pair's correction, in input order. */
  items: LevyCorrection[];
  totals: LevyCorrectionTotals;
  /** `{ errors: "collect" }` only: the bad pairs (the first {@link MAX_LISTED_ERRORS}). */
  errors?: LevyCorrectionError[];
  /** `{ errors: "collect" }` only: the bad pairs beyond those listed. */
  errorsOmitted?: number;
}

function employerIdOf(pair: unknown): string | undefined {
  if (pair === null || typeof pair !== "object") return undefined;
  for (const side of ["original", "corrected"] as const) {
    const record = (pair as Record<string, unknown>)[side];
    const id = record !== null && typeof record === "object" ? (record as { employerId?: unknown }).employerId : undefined;
    if (typeof id === "string") return id;
  }
  return undefined;
}

/**
 * {@link levyCorrection} over a batch of `{ original, corrected, knownOn, paidOn? }` pairs, with totals of the
 * arrears, refunds and late fees. In `"throw"` mode (default) the first bad pair throws (its path starts with
 * its index); with `{ errors: "collect" }` the bad pairs are listed in `errors` and the totals cover the good ones.
 *
 * @param pairs - the pairs (an array or any iterable)
 * @param options - `{ errors?: "throw" | "collect", policy? }`: the error mode (default `"throw"`) and the policy (default `SUZHOU_2020`)
 * @param policy - deprecated (the 0.x form): the policy, now given in `options`
 * @returns `{ items, totals }`, plus `errors` and `errorsOmitted` in `"collect"` mode
 * @throws PoolingError `INVALID_TYPE` when `pairs` is not iterable; in `"throw"` mode the codes of {@link levyCorrection}
 * @example
 * ```ts
 * const base = { period: "2020-09", industryClass: 3, cutFraction: "0.5" } as const;
 * const batch = levyCorrections([
 *   { original: { ...base, payroll: "1000000.00" }, corrected: { ...base, payroll: "1200000.00" }, knownOn: "2022-03-10" },
 *   { original: { ...base, payroll: "1000000.00" }, corrected: { ...base, payroll: "900000.00" }, knownOn: "2022-03-10" },
 * ], { errors: "collect" });
 * batch.totals.arrears; // "500.00"
 * batch.totals.refund;  // "250.00"
 * ```
 */
export function levyCorrections(pairs: Iterable<LevyCorrectionInput>, options?: LevyBatchOptions, policy?: Policy): LevyCorrectionBatch {
  const { p, collect } = batchOptions(options, policy);
  if (pairs === null || typeof pairs !== "object" || typeof (pairs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new PoolingError("INVALID_TYPE", [], { en: "expected an array or iterable of correction pairs", zh: "应为更正记录数组或可迭代对象" });
  }
  const items: LevyCorrection[] = [];
  const errors: LevyCorrectionError[] = [];
  let omitted = 0;
  let arrears = 0n;
  let refund = 0n;
  let fees = 0n;
  const count = { arrears: 0, refund: 0, none: 0 };
  let index = 0;
  for (const pair of pairs) {
    try {
      const c = computeParsedCorrection(p, parseInput(LevyCorrectionInputSchema, pair));
      items.push(c);
      arrears += parseFen(c.arrears);
      refund += parseFen(c.refund);
      fees += c.lateFee === null ? 0n : parseFen(c.lateFee.lateFee);
      count[c.kind]++;
    } catch (e) {
      const error = withPathPrefix(e, [index]);
      if (!collect || !isPoolingError(error)) throw error;
      if (errors.length >= MAX_LISTED_ERRORS) omitted++;
      else {
        const employerId = employerIdOf(pair);
        errors.push(employerId === undefined ? { index, error } : { index, employerId, error });
      }
    }
    index++;
  }
  const totals: LevyCorrectionTotals = {
    arrears: formatFen(arrears),
    refund: formatFen(refund),
    lateFee: formatFen(fees),
    totalDue: formatFen(arrears + fees),
    count,
    policy: policyRef(p),
  };
  return collect ? { items, totals, errors, errorsOmitted: omitted } : { items, totals };
}
