/**
 * `paramsAt`: the one lookup of a policy's parameters. Every rule reads the
 * versions in force for the period it computes through this function and no
 * other way, so that a later version of a parameter changes later periods
 * and leaves earlier ones alone.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import { inWindow, periodStart } from "../period.js";
import { type IsoDate, PERIOD_RE, type Period } from "../schema/fields.js";
import { isDefinedPolicy } from "./define.js";
import { policyHash } from "./hash.js";
import { resolvePolicy } from "./resolve.js";
import { DATED_PARAMETERS, type ParamVersion, type Policy } from "./schema.js";

/** The name of a parameter that has exactly one version in force on every day of the policy's life. */
export type DatedParameterName = (typeof DATED_PARAMETERS)[number];

/**
 * The versions of a policy's parameters in force on one period's first day,
 * each with its value, window and citation; `rateCut` is the rate-cut window
 * in force, or `null` outside every window.
 */
export type PolicyParams = { readonly [K in DatedParameterName]: ParamVersion<Policy[K][number]["value"]> } & {
  /** The policy these parameters come from. */
  readonly policy: PolicyRef;
  /** The period they are in force for. */
  readonly period: Period;
  /** The rate-cut window in force, or `null` outside every window. */
  readonly rateCut: ParamVersion<Policy["rateCut"][number]["value"]> | null;
};

/**
 * Which policy produced a figure: its `id`, `version` and `hash` (SHA-256,
 * hex, of its canonical data). Every result carries one.
 */
export interface PolicyRef {
  id: string;
  version: string;
  hash: string;
}

const CONTINUOUS: readonly DatedParameterName[] = DATED_PARAMETERS;

const cache = new WeakMap<Policy, Map<Period, PolicyParams>>();
const refs = new WeakMap<Policy, PolicyRef>();

/** The version of a dated parameter in force on `date`, or `undefined`. @internal */
export function versionAt<V extends { from: IsoDate; to?: IsoDate | undefined }>(versions: readonly V[], date: IsoDate): V | undefined {
  for (const v of versions) if (inWindow(date, v)) return v;
  return undefined;
}

/** True when the policy is in force on `date` (from its start to its `until`, inclusive). @internal */
export function inForceOn(policy: Policy, date: IsoDate): boolean {
  return date >= policy.inForce.from && (policy.until === undefined || date <= policy.until);
}

/** Throws `POLICY_NOT_IN_FORCE` unless the policy is in force on `date`. @internal */
export function assertInForce(policy: Policy, date: IsoDate, path: Path): void {
  if (!inForceOn(policy, date)) {
    const until = policy.until;
    throw new PoolingError("POLICY_NOT_IN_FORCE", path, {
      en: `${date} is outside ${policy.inForce.from}${until ? ` to ${until}` : " onwards"}`,
      zh: `${date} 不在 ${policy.inForce.from}${until ? ` 至 ${until}` : " 起"}的施行期内`,
    });
  }
}

/**
 * The policy's `{ id, version, hash }`, the same (frozen) object on every call;
 * `hash` is the SHA-256 (hex) of the policy's canonical JSON (keys sorted, no
 * whitespace), its `reviewedThrough` left out, computed once per policy.
 *
 * @param policy - a policy (validated if it did not come from `definePolicy`)
 * @returns `{ id, version, hash }`
 * @throws PoolingError the codes of `definePolicy` for an invalid policy
 * @example
 * ```ts
 * policyRef(SUZHOU_2020); // { id: "suzhou-2020", version: "2.0", hash: "289aec57…" }
 * ```
 */
export function policyRef(policy: Policy): PolicyRef {
  if (!isDefinedPolicy(policy)) return policyRef(resolvePolicy(policy));
  let ref = refs.get(policy);
  if (!ref) {
    ref = Object.freeze({ id: policy.id, version: policy.version, hash: policyHash(policy) });
    refs.set(policy, ref);
  }
  return ref;
}

/**
 * The versions of every parameter in force for `period` (on its first day).
 * This is the one way the rules read a policy. Results are cached per policy
 * and period, so calling it per record costs a map lookup.
 *
 * @param policy - a policy from `definePolicy` (or `SUZHOU_2020`)
 * @param period - the period computed, `YYYY-MM`
 * @param path - where to report an error (defaults to `["period"]`)
 * @returns each parameter's version in force: `{ from, to?, value, citation }`
 * @throws PoolingError `POLICY_NOT_IN_FORCE` when the policy is not in force for the period
 *
 * @example
 * ```ts
 * const params = paramsAt(SUZHOU_2020, "2020-09");
 * params.clawback.value.rate;  // "0.2"
 * params.rateCut?.to;          // "2021-04-30"
 * paramsAt(SUZHOU_2020, "2021-05").rateCut; // null
 * ```
 */
export function paramsAt(policy: Policy, period: Period, path: Path = ["period"]): PolicyParams {
  if (!isDefinedPolicy(policy)) return paramsAt(resolvePolicy(policy), period, path);
  let byPeriod = cache.get(policy);
  if (!byPeriod) {
    byPeriod = new Map();
    cache.set(policy, byPeriod);
  }
  const hit = byPeriod.get(period);
  if (hit) return hit;
  if (typeof period !== "string" || !PERIOD_RE.test(period)) {
    throw new PoolingError("INVALID_PERIOD", path, {
      en: `got ${typeof period === "string" ? JSON.stringify(period.slice(0, 40)) : typeof period}`,
      zh: "所属期格式错误",
    });
  }
  const date = periodStart(period);
  assertInForce(policy, date, path);
  const params: Record<string, unknown> = { policy: policyRef(policy), period, rateCut: versionAt(policy.rateCut, date) ?? null };
  for (const name of CONTINUOUS) {
    const v = versionAt(policy[name] as readonly ParamVersion<unknown>[], date);
    // definePolicy refuses gaps, so this only guards a hand-made object.
    if (!v) {
      throw new PoolingError("POLICY_NOT_IN_FORCE", path, { en: `no version of ${name} covers ${date}`, zh: `参数 ${name} 在 ${date} 没有施行中的版本` });
    }
    params[name] = v;
  }
  const frozen = Object.freeze(params) as PolicyParams;
  byPeriod.set(period, frozen);
  return frozen;
}

/**
 * The version of one parameter for a rule called with an optional `period`:
 * with a period, the version in force then; without one, the parameter's
 * only version, or `PERIOD_REQUIRED` when it has several (nothing is guessed).
 *
 * @example
 * ```ts
 * paramFor(SUZHOU_2020, "clawback", undefined).value.rate; // "0.2" (one version)
 * ```
 * @internal
 */
export function paramFor<K extends DatedParameterName>(policy: Policy, name: K, period: Period | undefined, path: Path = ["period"]): PolicyParams[K] {
  if (period !== undefined) return paramsAt(policy, period, path)[name];
  const versions = policy[name] as readonly ParamVersion<Policy[K][number]["value"]>[];
  if (versions.length !== 1) {
    throw new PoolingError("PERIOD_REQUIRED", path, {
      en: `${name} has ${versions.length} versions in this policy: give the period`,
      zh: `该政策的参数 ${name} 有 ${versions.length} 个版本：请提供所属期`,
    });
  }
  return versions[0] as PolicyParams[K];
}
