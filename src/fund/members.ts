/**
 * Checking member lists against the policy's pooling members.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import type { Policy } from "../policy/schema.js";

/** The policy's member ids, in the policy's order. @internal */
export function memberIds(policy: Policy): string[] {
  return policy.members.value.map((m) => m.id);
}

/**
 * Checks that `ids` (found at `pathOf(i)`) are the policy's members, each once,
 * and, when `complete`, all of them.
 * @internal
 */
export function checkMembers(policy: Policy, ids: readonly string[], pathOf: (i: number) => Path, complete: boolean, missingPath: Path): void {
  const known = new Set(memberIds(policy));
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
