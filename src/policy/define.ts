/**
 * `definePolicy`: validate policy JSON into an immutable `Policy`.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { parseInput } from "../schema/parse.js";
import { policyHash } from "./hash.js";
import { PINNED_POLICIES } from "./pinned.js";
import { type Policy, PolicySchema } from "./schema.js";

const DEFINED = new WeakSet<object>();

/** Freezes a value and everything it holds. @internal */
export function deepFreeze<T>(value: T): T {
  // Recurse even into frozen objects: a frozen object may still hold unfrozen ones.
  if (value && typeof value === "object") {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates a policy given as JSON and returns it as an immutable `Policy`.
 * Unknown keys, a rate table missing a class, reversed or overlapping windows,
 * duplicate members and malformed values are `PoolingError`s with the path of
 * the field. Numbers are normalised to plain decimal strings.
 *
 * An altered copy of a built-in policy names its own `version` (or `id`):
 * the id and version of a built-in policy stand for its data alone
 * (`POLICY_VERSION_CONFLICT`), so that a result's `policy: { id, version,
 * hash }` names the figures' rules.
 *
 * @param json - the policy as JSON (e.g. a clone of `SUZHOU_2020` with changes)
 * @returns the validated, deeply frozen policy
 * @throws PoolingError `UNKNOWN_KEY`, `MISSING_FIELD`, `POLICY_WINDOW_REVERSED`, `POLICY_WINDOWS_OVERLAP`, `POLICY_PARAMETER_GAP`, `DUPLICATE_MEMBER`, `INVALID_POLICY`, `INVALID_RATE`, `POLICY_VERSION_CONFLICT`, and the field codes of its values
 * @example
 * ```ts
 * const json = JSON.parse(JSON.stringify(SUZHOU_2020));
 * json.rateCut[0].value.fraction = "0.5"; // the city applied the 50% cut
 * json.version = "1.0-cut50"; // altered data: a version of its own
 * const policy = definePolicy(json);
 * computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000" }, { policy }).premium; // "7.50"
 * ```
 */
export function definePolicy(json: unknown): Policy {
  if (json !== null && typeof json === "object" && DEFINED.has(json)) return json as Policy;
  const policy = deepFreeze(parseInput(PolicySchema, json));
  const pinned = Object.hasOwn(PINNED_POLICIES, policy.id) ? PINNED_POLICIES[policy.id] : undefined;
  if (pinned !== undefined && Object.hasOwn(pinned, policy.version) && pinned[policy.version] !== policyHash(policy)) {
    throw new PoolingError("POLICY_VERSION_CONFLICT", ["version"], {
      en: `${policy.id} ${policy.version} is a built-in policy and these data are not its data (SHA-256 ${policyHash(policy)}, pinned ${pinned[policy.version]})`,
      zh: `${policy.id} ${policy.version} 为内置政策，所给数据与之不同（SHA-256 ${policyHash(policy)}，应为 ${pinned[policy.version]}）`,
    });
  }
  DEFINED.add(policy);
  return policy;
}

/** True for a value returned by {@link definePolicy}. @internal */
export function isDefinedPolicy(value: unknown): value is Policy {
  return value !== null && typeof value === "object" && DEFINED.has(value);
}
