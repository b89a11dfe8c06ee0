/**
 * Checking member lists against the policy's pooling members.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import { memberNamesZh } from "../policy/names.js";
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
 * Every problem of `ids` (found at `pathOf(i)`) against the policy's members,
 * in the order {@link checkMembers} meets them: an id that is not a member
 * (`UNKNOWN_MEMBER`), an id given twice (`DUPLICATE_ENTRY`) and, when
 * `complete`, each member not given (`MISSING_MEMBER`, at `missingPath`; in
 * Chinese named as the policy names it: `吴中区 wuzhong`).
 * With `policy` null, only the duplicates (ids of the caller's own choosing).
 * Lazy: each error is made when asked for.
 * @internal
 */
export function* memberProblems(
  policy: Policy | null,
  ids: readonly string[],
  pathOf: (i: number) => Path,
  complete: boolean,
  missingPath: Path,
  period?: Period,
): Generator<PoolingError, void, undefined> {
  const known = policy === null ? null : new Set(memberIds(policy, period));
  // the Chinese messages name the members as the policy does
  const context = policy === null ? undefined : { memberNames: memberNamesZh(policy) };
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (known !== null && !known.has(id)) {
      yield new PoolingError(
        "UNKNOWN_MEMBER",
        pathOf(i),
        {
          en: `${id}; members are ${[...known].join(", ")}`,
          zh: `${id}；纳入市区统筹的各地为 ${[...known].join("、")}`,
        },
        context,
      );
    } else if (seen.has(id)) yield new PoolingError("DUPLICATE_ENTRY", pathOf(i), { en: id, zh: id }, context);
    else seen.add(id);
  }
  if (complete && known !== null) {
    for (const id of known) {
      if (!seen.has(id)) yield new PoolingError("MISSING_MEMBER", missingPath, { en: id, zh: id }, context);
    }
  }
}

/**
 * Checks that `ids` (found at `pathOf(i)`) are the policy's members, each once,
 * and, when `complete`, all of them: throws the first of {@link memberProblems}.
 * @internal
 */
export function checkMembers(
  policy: Policy | null,
  ids: readonly string[],
  pathOf: (i: number) => Path,
  complete: boolean,
  missingPath: Path,
  period?: Period,
): void {
  const first = memberProblems(policy, ids, pathOf, complete, missingPath, period).next();
  if (!first.done) throw first.value;
}
