/**
 * The policy's words in messages: the Chinese names of its members, which a
 * `PoolingError`'s Chinese message uses for a member's id in the path. The
 * functions that know the policy run their work through {@link inPolicyTerms}.
 *
 * @module
 */
import { withMemberNames } from "../errors.js";
import type { Policy } from "./schema.js";

/** What the names are read from: a policy's dated member lists (any policy, or its plain JSON form). */
export interface PolicyMembers {
  readonly members: readonly { readonly value: readonly { readonly id: string; readonly nameZh: string }[] }[];
}

const cache = new WeakMap<PolicyMembers, Readonly<Record<string, string>>>();

/**
 * Every member id of `policy` (any version) → its Chinese name, as the
 * policy names it (for messages, headers and tables in Chinese); computed once
 * per policy object.
 *
 * @param policy - a policy (e.g. `SUZHOU_2020`, or one from `definePolicy`)
 * @returns a frozen map of member id → Chinese name
 * @throws nothing
 * @example
 * ```ts
 * memberNamesZh(SUZHOU_2020).wujiang; // "吴江区"
 * ```
 */
export function memberNamesZh(policy: PolicyMembers): Readonly<Record<string, string>> {
  let names = cache.get(policy);
  if (names === undefined) {
    const out: Record<string, string> = Object.create(null);
    for (const version of policy.members) for (const m of version.value) out[m.id] = m.nameZh;
    names = Object.freeze(out);
    cache.set(policy, names);
  }
  return names;
}

/** Runs `work`; a `PoolingError` it throws names the members as `policy` does (see `withMemberNames`). @internal */
export function inPolicyTerms<T>(policy: Policy, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw withMemberNames(error, memberNamesZh(policy));
  }
}
