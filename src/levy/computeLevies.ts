import { withEmployerId, withPathPrefix } from "../errors.js";
import { policyRef } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import {
  assertAsyncIterable,
  assertIterable,
  employerIdOf,
  type LevyBatch,
  type LevyBatchOptions,
  type LevyBatchWithErrors,
  type LevyOutcome,
  type LevyRecordError,
  MAX_LISTED_ERRORS,
  readArgs,
  step,
} from "./batch.js";
import { createLevyCalculator } from "./fastLevy.js";
import type { Levy, LevyInput, LevyTotals } from "./schema.js";
import { LevyTotalsSum } from "./totals.js";

export {
  batchOptions,
  type LevyBatch,
  type LevyBatchOptions,
  LevyBatchOptionsSchema,
  type LevyBatchWithErrors,
  type LevyOutcome,
  type LevyRecordError,
  MAX_LISTED_ERRORS,
} from "./batch.js";

/**
 * R4 as a stream: yields each employer's levy, identical to
 * {@link computeLevy}, without holding the batch; the generator's return
 * value is the totals. Takes a synchronous iterable (returns a generator) or
 * an async iterable (returns an async generator: e.g. records parsed from a
 * file as they arrive).
 *
 * With `{ errors: "collect" }` it yields one {@link LevyOutcome} per record,
 * `{ ok: true, index, levy }` or `{ ok: false, index, employerId?, error }`,
 * as they come (every bad record: the stream holds none of them, so there
 * is no {@link MAX_LISTED_ERRORS} cap), and the totals cover the good records only.
 *
 * The 0.4 form `streamLevies(inputs, policy)` still works.
 *
 * @param inputs - an iterable or async iterable of levy inputs
 * @param options - `{ errors?: "throw" | "collect", policy? }`: the error mode (default `"throw"`) and the policy (default `SUZHOU_2020`)
 * @param policy - deprecated (the 0.x form): the policy, now given in `options`
 * @returns a generator of levies (or outcomes) whose return value is the {@link LevyTotals}
 * @throws PoolingError `INVALID_TYPE` when `inputs` is not iterable; an invalid `options` (`UNKNOWN_KEY`, `INVALID_TYPE`);
 *   in `"throw"` mode, the first bad record's error (any code of {@link computeLevy}), its path starting with its index,
 *   with the record's `employerId` (`error.employerId`; not in `toJSON()`) when it has a string one
 *
 * @example
 * ```ts
 * const stream = streamLevies(records, { errors: "collect" });
 * let step = stream.next();
 * for (; !step.done; step = stream.next()) {
 *   const o = step.value;
 *   if (o.ok) write(o.levy);
 *   else report(o.index, o.employerId, o.error.code);
 * }
 * const totals = step.value; // over the good records: { premium: "…", …, policy: { id, version } }
 * ```
 */
export function streamLevies(
  inputs: Iterable<LevyInput>,
  options: LevyBatchOptions & { errors: "collect" },
  policy?: Policy,
): Generator<LevyOutcome, LevyTotals, undefined>;
export function streamLevies(
  inputs: Iterable<LevyInput>,
  options?: LevyBatchOptions & { errors?: "throw" },
  policy?: Policy,
): Generator<Levy, LevyTotals, undefined>;
export function streamLevies(
  inputs: AsyncIterable<LevyInput>,
  options: LevyBatchOptions & { errors: "collect" },
  policy?: Policy,
): AsyncGenerator<LevyOutcome, LevyTotals, undefined>;
export function streamLevies(
  inputs: AsyncIterable<LevyInput>,
  options?: LevyBatchOptions & { errors?: "throw" },
  policy?: Policy,
): AsyncGenerator<Levy, LevyTotals, undefined>;
/** @deprecated The 0.4 form: use `streamLevies(inputs, { policy })`. */
export function streamLevies(inputs: Iterable<LevyInput>, policy?: Policy): Generator<Levy, LevyTotals, undefined>;
export function streamLevies(
  inputs: Iterable<LevyInput> | AsyncIterable<LevyInput>,
  optionsOrPolicy?: LevyBatchOptions | Policy,
  policy?: Policy,
): Generator<Levy | LevyOutcome, LevyTotals, undefined> | AsyncGenerator<Levy | LevyOutcome, LevyTotals, undefined> {
  const { p, collect } = readArgs(optionsOrPolicy, policy);
  if (inputs !== null && typeof inputs === "object" && !(Symbol.iterator in inputs) && Symbol.asyncIterator in inputs) {
    assertAsyncIterable(inputs);
    return streamAsync(inputs, p, collect);
  }
  assertIterable(inputs);
  return streamSync(inputs as Iterable<LevyInput>, p, collect);
}

function* streamSync(inputs: Iterable<LevyInput>, p: Policy, collect: boolean): Generator<Levy | LevyOutcome, LevyTotals, undefined> {
  const calc = createLevyCalculator(p);
  const totals = new LevyTotalsSum(policyRef(p));
  let i = 0;
  for (const input of inputs) {
    const outcome = step(calc, totals, input, i++, collect);
    yield collect ? outcome : (outcome as { levy: Levy }).levy;
  }
  return totals.result();
}

async function* streamAsync(inputs: AsyncIterable<LevyInput>, p: Policy, collect: boolean): AsyncGenerator<Levy | LevyOutcome, LevyTotals, undefined> {
  const calc = createLevyCalculator(p);
  const totals = new LevyTotalsSum(policyRef(p));
  let i = 0;
  for await (const input of inputs) {
    const outcome = step(calc, totals, input, i++, collect);
    yield collect ? outcome : (outcome as { levy: Levy }).levy;
  }
  return totals.result();
}

/**
 * R4 in batch: the levies of many employers, item by item identical to
 * {@link computeLevy} (a fast exact path computes common records in integer
 * fen, by the same formula), with totals that are the exact sums of the
 * items and carry `policy: { id, version }`. Takes any iterable.
 *
 * By default (`{ errors: "throw" }`) the first bad item throws a
 * `PoolingError` whose path starts with its index; no partial result is
 * returned. With `{ errors: "collect" }` every good item is computed, the
 * bad ones listed in `errors` as `{ index, employerId?, error }` (in input
 * order, at most {@link MAX_LISTED_ERRORS}; `errorsOmitted` counts the bad
 * items beyond those), and the totals cover the good items only.
 *
 * The 0.4 form `computeLevies(inputs, policy)` still works (a policy in the
 * second place is recognised as such).
 *
 * @param inputs - an array or iterable of levy inputs
 * @param options - `{ errors?: "throw" | "collect", policy? }`: the error mode (default `"throw"`) and the policy (default `SUZHOU_2020`)
 * @param policy - deprecated (the 0.x form): the policy, now given in `options`
 * @returns `{ items, totals }`, and `errors` and `errorsOmitted` in `"collect"` mode
 * @throws PoolingError `INVALID_TYPE` when `inputs` is not iterable; an invalid `options` (`UNKNOWN_KEY`, `INVALID_TYPE`);
 *   in `"throw"` mode, the first bad item's error (any code of {@link computeLevy}), its path starting with its index,
 *   with the record's `employerId` (`error.employerId`; not in `toJSON()`) when it has a string one
 *
 * @example
 * ```ts
 * const { items, totals } = computeLevies([
 *   { period: "2021-07", industryClass: 2, payroll: "5.00" },
 *   { period: "2021-07", industryClass: 1, payroll: "10000" },
 * ]);
 * items[0].premium; // "0.02"
 * totals.premium;   // "15.02"
 *
 * const batch = computeLevies(
 *   [{ employerId: "A", period: "2021-07", industryClass: 2, payroll: "5.00" },
 *    { employerId: "B", period: "2020-04", industryClass: 2, payroll: "5.00" }],
 *   { errors: "collect" },
 * );
 * batch.items.length;          // 1
 * batch.errors[0].employerId;  // "B"
 * batch.errors[0].error.code;  // "POLICY_NOT_IN_FORCE"
 * batch.errorsOmitted;         // 0 (the bad items beyond the first 1,000 listed)
 * ```
 */
export function computeLevies(inputs: Iterable<LevyInput>, options: LevyBatchOptions & { errors: "collect" }, policy?: Policy): LevyBatchWithErrors;
export function computeLevies(inputs: Iterable<LevyInput>, options?: LevyBatchOptions & { errors?: "throw" }, policy?: Policy): LevyBatch;
export function computeLevies(inputs: Iterable<LevyInput>, options?: LevyBatchOptions, policy?: Policy): LevyBatch | LevyBatchWithErrors;
/** @deprecated The 0.4 form: use `computeLevies(inputs, { policy })`. */
export function computeLevies(inputs: Iterable<LevyInput>, policy?: Policy): LevyBatch;
export function computeLevies(inputs: Iterable<LevyInput>, optionsOrPolicy?: LevyBatchOptions | Policy, policy?: Policy): LevyBatch | LevyBatchWithErrors {
  const { p, collect } = readArgs(optionsOrPolicy, policy);
  assertIterable(inputs);
  const calc = createLevyCalculator(p);
  const totals = new LevyTotalsSum(policyRef(p));
  const items: Levy[] = [];
  if (!collect) {
    let i = 0;
    let current: unknown;
    try {
      for (const input of inputs) {
        current = input;
        items.push(calc.compute(input, totals));
        current = undefined;
        i++;
      }
    } catch (e) {
      // the record's employerId, as "collect" mode gives it (none when the iteration itself failed)
      throw withEmployerId(withPathPrefix(e, [i]), employerIdOf(current));
    }
    return { items, totals: totals.result() };
  }
  const errors: LevyRecordError[] = [];
  let errorsOmitted = 0;
  let i = 0;
  for (const input of inputs) {
    const outcome = step(calc, totals, input, i++, true);
    if (outcome.ok) items.push(outcome.levy);
    else if (errors.length >= MAX_LISTED_ERRORS) errorsOmitted++;
    else
      errors.push(
        outcome.employerId === undefined
          ? { index: outcome.index, error: outcome.error }
          : { index: outcome.index, employerId: outcome.employerId, error: outcome.error },
      );
  }
  return { items, totals: totals.result(), errors, errorsOmitted };
}
