/**
 * What the batch calls of R4 share (`computeLevies`, `streamLevies`,
 * `levyCorrections`): their result and option types, the reading of their
 * arguments, and one record's step through the calculator.
 *
 * @module
 */
import * as z from "zod";
import { isPoolingError, PoolingError, withEmployerId, withPathPrefix } from "../errors.js";
import { isDefinedPolicy } from "../policy/define.js";
import { type PolicyOptions, resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import type { LevyCalculator } from "./fastLevy.js";
import type { Levy, LevyInput, LevyTotals } from "./schema.js";
import type { LevyTotalsSum } from "./totals.js";

/** Result of {@link computeLevies}. */
export interface LevyBatch {
  /** Each record's levy, in input order. */
  items: Levy[];
  /** Exact sums of the items' figures, with the policy that produced them. */
  totals: LevyTotals;
}

/** A bad record of a batch computed with `{ errors: "collect" }`. */
export interface LevyRecordError {
  /** The record's position in the input (0-based). */
  index: number;
  /** The record's `employerId`, when it has a string one. */
  employerId?: string;
  /** What is wrong with it; its `path` starts with `index`, as in `"throw"` mode. */
  error: PoolingError;
}

/**
 * The most bad records `computeLevies` lists in `{ errors: "collect" }` mode (1,000): the
 * first ones in input order; the rest are counted in `errorsOmitted`, so that a file of a million
 * bad rows does not become a million error objects.
 */
export const MAX_LISTED_ERRORS = 1000;

/** Result of {@link computeLevies} with `{ errors: "collect" }`: the good records, totals over them, and the bad ones. */
export interface LevyBatchWithErrors extends LevyBatch {
  /** The bad records, in input order (empty when every record is good): the first {@link MAX_LISTED_ERRORS} of them. */
  errors: LevyRecordError[];
  /**
   * How many more bad records there were beyond those listed in `errors` (0 when every bad
   * record is listed). The bad records in all: `errors.length + errorsOmitted`.
   */
  errorsOmitted: number;
}

/** One record's outcome, as {@link streamLevies} yields it with `{ errors: "collect" }`. */
export type LevyOutcome = { ok: true; index: number; levy: Levy } | ({ ok: false } & LevyRecordError);

/** zod schema of the options of `computeLevies` and `streamLevies`. */
export const LevyBatchOptionsSchema = z
  .object({
    /** `"throw"` (default): the first bad record throws. `"collect"`: bad records are listed, the good ones computed. */
    errors: z.enum(["throw", "collect"]).optional(),
  })
  .strict();

/** Options of {@link computeLevies}, {@link streamLevies} and `levyCorrections`: the error mode and the policy. */
export type LevyBatchOptions = z.input<typeof LevyBatchOptionsSchema> & PolicyOptions;

/**
 * The policy and the error mode of a batch: `{ errors?, policy? }`, the policy also accepted as the last argument
 * (the 0.x form, deprecated; not both). @internal
 */
export function batchOptions(options: unknown, policy: Policy | undefined): { p: Policy; collect: boolean } {
  let rest = options;
  let chosen: unknown = policy;
  if (options !== null && typeof options === "object" && !Array.isArray(options) && Object.hasOwn(options, "policy")) {
    if (policy !== undefined) {
      throw new PoolingError("INVALID_TYPE", ["policy"], {
        en: "the policy is given twice: in the options and as the last argument",
        zh: "政策重复给出：既在选项中又作为最后一个参数",
      });
    }
    const { policy: inOptions, ...others } = options as Record<string, unknown>;
    rest = others;
    chosen = inOptions;
  }
  const parsed = rest === undefined ? {} : parseInput(LevyBatchOptionsSchema, rest, ["options"]);
  return { p: resolvePolicy(chosen), collect: parsed.errors === "collect" };
}

/** Throws unless `inputs` is iterable. @internal */
export function assertIterable(inputs: unknown): void {
  if (inputs === null || typeof inputs !== "object" || typeof (inputs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new PoolingError("INVALID_TYPE", [], { en: "expected an array or iterable of levy inputs", zh: "应为缴费记录数组或可迭代对象" });
  }
}

/** Throws unless `inputs` is async iterable. @internal */
export function assertAsyncIterable(inputs: unknown): void {
  if (inputs === null || typeof inputs !== "object" || typeof (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") {
    throw new PoolingError("INVALID_TYPE", [], { en: "expected an async iterable of levy inputs", zh: "应为缴费记录的异步可迭代对象" });
  }
}

/** Reads the arguments of the 0.5 form `(inputs, options?, policy?)` and of the 0.4 form `(inputs, policy?)`. @internal */
export function readArgs(optionsOrPolicy: unknown, policy: Policy | undefined): { p: Policy; collect: boolean } {
  if (
    optionsOrPolicy !== undefined &&
    (isDefinedPolicy(optionsOrPolicy as Policy) || (typeof optionsOrPolicy === "object" && optionsOrPolicy !== null && "baseRates" in optionsOrPolicy))
  ) {
    return { p: resolvePolicy(optionsOrPolicy as Policy), collect: false };
  }
  return batchOptions(optionsOrPolicy, policy);
}

/** The employer id of a bad record, when it has a string one. @internal */
export function employerIdOf(input: unknown): string | undefined {
  if (input === null || typeof input !== "object") return undefined;
  const id = (input as { employerId?: unknown }).employerId;
  return typeof id === "string" ? id : undefined;
}

/** One record through the calculator: its levy, or (collect mode) its error. Errors carry the record's index. @internal */
export function step(calc: LevyCalculator, totals: LevyTotalsSum, input: LevyInput, index: number, collect: boolean): LevyOutcome {
  try {
    return { ok: true, index, levy: calc.compute(input, totals) };
  } catch (e) {
    const error = withPathPrefix(e, [index]);
    const employerId = employerIdOf(input);
    if (!collect) throw withEmployerId(error, employerId);
    if (!isPoolingError(error)) throw error;
    return employerId === undefined ? { ok: false, index, error } : { ok: false, index, employerId, error };
  }
}

// the validators are exported: nobody may change what they check
freezeSchemas(LevyBatchOptionsSchema);
