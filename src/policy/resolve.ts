/**
 * Resolving the optional `policy` argument of every public function.
 *
 * @module
 */
import { withPathPrefix } from "../errors.js";
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
