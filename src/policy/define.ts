/**
 * `definePolicy`: validate policy JSON into an immutable `Policy`.
 *
 * @module
 */
import { parseInput } from "../schema/parse.js";
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
 * @param json - the policy as JSON (e.g. a clone of `SUZHOU_2020` with changes)
 * @returns the validated, deeply frozen policy
 * @throws PoolingError `UNKNOWN_KEY`, `MISSING_FIELD`, `POLICY_WINDOW_REVERSED`, `POLICY_WINDOWS_OVERLAP`, `POLICY_PARAMETER_GAP`, `DUPLICATE_MEMBER`, `INVALID_POLICY`, `INVALID_RATE`, and the field codes of its values
 * @example
 * ```ts
 * const json = JSON.parse(JSON.stringify(SUZHOU_2020));
 * json.rateCut[0].value.fraction = "0.5"; // the city applied the 50% cut
 * const policy = definePolicy(json);
 * computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000" }, policy).premium; // "7.50"
 * ```
 */
export function definePolicy(json: unknown): Policy {
  if (json !== null && typeof json === "object" && DEFINED.has(json)) return json as Policy;
  const policy = deepFreeze(parseInput(PolicySchema, json));
  DEFINED.add(policy);
  return policy;
}

/** True for a value returned by {@link definePolicy}. @internal */
export function isDefinedPolicy(value: unknown): value is Policy {
  return value !== null && typeof value === "object" && DEFINED.has(value);
}
