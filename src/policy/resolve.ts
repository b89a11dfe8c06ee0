/**
 * Resolving the optional `policy` argument of every public function.
 *
 * @module
 */
import { withPathPrefix } from "../errors.js";
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
