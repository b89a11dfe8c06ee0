/**
 * Checking member lists against the policy's pooling members.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import { paramFor } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import type { Period } from "../schema/fields.js";

/**
 * The policy's member ids in force for `period`, in the policy's order
 * (without a period: its only version, else `PERIOD_REQUIRED`). @internal
 */
export function memberIds(policy: Policy, period?: Period): string[] {
  return paramFor(policy, "members", period).value.map((m) => m.id);
}

/**
 * Checks that `ids` (found at `pathOf(i)`) are the policy's members, each once,
 * and, when `complete`, all of them.
 * @internal
 */
export function checkMembers(policy: Policy, ids: readonly string[], pathOf: (i: number) => Path, complete: boolean, missingPath: Path, period?: Period): void {
  const known = new Set(memberIds(policy, period));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      throw new PoolingError("UNKNOWN_MEMBER", pathOf(i), {
        en: `${id}; members are ${[...known].join(", ")}`,
        zh: `${id}；统筹地区为 ${[...known].join("、")}`,
      });
    }
    if (seen.has(id)) throw new PoolingError("DUPLICATE_ENTRY", pathOf(i), { en: id, zh: id });
    seen.add(id);
  });
  if (complete) {
    for (const id of known) {
      if (!seen.has(id)) throw new PoolingError("MISSING_MEMBER", missingPath, { en: id, zh: id });
    }
  }
}
