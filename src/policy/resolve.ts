/**
 * Resolving the optional `policy` argument of every public function.
 *
 * @module
 */
import { PoolingError, withPathPrefix } from "../errors.js";
import { type Period, periodField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const periodSchema = periodField();

import { definePolicy, isDefinedPolicy } from "./define.js";
import type { Policy } from "./schema.js";
import { SUZHOU_2020 } from "./suzhou2020.js";

/**
 * The policy a public function works with: `SUZHOU_2020` when none is given,
 * the argument itself when it came from `definePolicy`, else the argument
 * validated (errors carry the path prefix `policy`).
 * @internal
 */
export function resolvePolicy(policy: unknown): Policy {
  if (policy === undefined) return SUZHOU_2020;
  if (isDefinedPolicy(policy)) return policy;
  try {
    return definePolicy(policy);
  } catch (e) {
    throw withPathPrefix(e, ["policy"]);
  }
}

/**
 * The `(…, period?, policy?)` tail of a rule that reads one dated parameter:
 * a string second-to-last argument is the period (validated), an object is
 * the policy (the 0.4 call shape, kept). @internal
 */
export function periodAndPolicy(periodOrPolicy: unknown, policy: unknown): { period: Period | undefined; policy: Policy } {
  if (typeof periodOrPolicy === "string") {
    return { period: parseInput(periodSchema, periodOrPolicy, ["period"]), policy: resolvePolicy(policy) };
  }
  if (periodOrPolicy === undefined) return { period: undefined, policy: resolvePolicy(policy) };
  return { period: undefined, policy: resolvePolicy(periodOrPolicy) };
}

/**
 * The options object every rule function takes last (the library's one calling convention,
 * `fn(input, options?)`): the policy to apply, `SUZHOU_2020` when omitted.
 */
export interface PolicyOptions {
  /** The policy to apply (default `SUZHOU_2020`): `SUZHOU_2020`, or one made with `definePolicy`. */
  policy?: Policy;
}

/**
 * The options of a rule that reads one dated parameter (`clawback`, `poolFloor`, `assessRisk`,
 * `nationalCutFraction`, `requiredReserveMonths`): the period whose parameter applies (default: the
 * version in force when the policy took effect) and the policy.
 */
export interface PeriodOptions extends PolicyOptions {
  /** The period `YYYY-MM` whose parameter version applies. */
  period?: Period;
}

/** True when `value` is a policy passed where the options object goes (the 0.x call form), not options. @internal */
export function isPolicyGiven(value: unknown): boolean {
  return value !== null && typeof value === "object" && (isDefinedPolicy(value) || Object.hasOwn(value, "id"));
}

/**
 * The options object of a rule function, its keys checked (`UNKNOWN_KEY` at `options.<key>`): `keys`
 * are the function's own options beside `policy`. A policy given in its place (the 0.x form
 * `fn(input, policy)`, deprecated) stands for `{ policy }`. @internal
 */
export function readOptions(options: unknown, keys: readonly string[] = []): { policy: Policy; options: Record<string, unknown> } {
  if (options === undefined) return { policy: SUZHOU_2020, options: {} };
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new PoolingError("NOT_AN_OBJECT", ["options"], { en: "the options must be an object", zh: "选项必须是对象" });
  }
  if (isPolicyGiven(options)) return { policy: resolvePolicy(options), options: {} };
  for (const key of Object.keys(options)) {
    if (key !== "policy" && !keys.includes(key)) {
      throw new PoolingError("UNKNOWN_KEY", ["options", key], { en: `unknown option ${key}`, zh: `未知选项 ${key}` });
    }
  }
  const { policy, ...rest } = options as Record<string, unknown>;
  return { policy: resolvePolicy(policy), options: rest };
}

/** The policy of a rule function's options (see {@link readOptions}). @internal */
export function policyOption(options: unknown): Policy {
  return readOptions(options).policy;
}

/**
 * The period and the policy of a rule that reads one dated parameter: `{ period?, policy? }`, or the
 * 0.x forms (a period string, then the policy; or the policy alone), deprecated. @internal
 */
export function periodOptions(options: unknown, legacyPolicy: unknown): { period: Period | undefined; policy: Policy } {
  if (typeof options === "string" || legacyPolicy !== undefined) return periodAndPolicy(options, legacyPolicy);
  const { policy, options: rest } = readOptions(options, ["period"]);
  return { period: rest.period === undefined ? undefined : parseInput(periodSchema, rest.period, ["options", "period"]), policy };
}
