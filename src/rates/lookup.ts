/**
 * Looking up the version of a dated parameter in force on a date.
 * Internal helpers of the rates and levy modules.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import { D, type Dec } from "../money.js";
import { periodStart } from "../period.js";
import { assertInForce, versionAt } from "../policy/paramsAt.js";
import type { ParamVersion, Policy } from "../policy/schema.js";
import type { IndustryClass, IsoDate, Period } from "../schema/fields.js";

export { assertInForce, versionAt } from "../policy/paramsAt.js";

/** The version of a dated parameter in force at the start of `period`, or `POLICY_NOT_IN_FORCE`. @internal */
export function paramForPeriod<T>(policy: Policy, versions: readonly ParamVersion<T>[], period: Period, path: Path): ParamVersion<T> {
  const date = periodStart(period);
  assertInForce(policy, date, path);
  const v = versionAt(versions, date);
  if (!v) {
    throw new PoolingError("POLICY_NOT_IN_FORCE", path, {
      en: `no version of the parameter covers ${date}`,
      zh: `参数在 ${date} 没有施行中的版本`,
    });
  }
  return v;
}

const decimalCache = new WeakMap<object, Map<string, Dec>>();

/** A cached decimal of a string held in an immutable policy object. @internal */
export function policyDecimal(owner: object, key: string, text: string): Dec {
  let map = decimalCache.get(owner);
  if (!map) {
    map = new Map();
    decimalCache.set(owner, map);
  }
  let d = map.get(key);
  if (!d) {
    d = new D(text);
    map.set(key, d);
  }
  return d;
}

/** The class's base rate in force for `period`, with its version. @internal */
export function baseRateAt(policy: Policy, industryClass: IndustryClass, period: Period, path: Path) {
  const version = paramForPeriod(policy, policy.baseRates, period, path);
  const key = String(industryClass) as keyof typeof version.value;
  return { version, rate: policyDecimal(version.value, key, version.value[key]) };
}

/** The class's ladder of floating multipliers in force on `date`. @internal */
export function ladderAt(policy: Policy, industryClass: IndustryClass, date: IsoDate, path: Path) {
  assertInForce(policy, date, path);
  const version = versionAt(policy.floatTiers, date);
  if (!version) {
    throw new PoolingError("POLICY_NOT_IN_FORCE", path, { en: `no floating tiers cover ${date}`, zh: `${date} 没有施行中的浮动费率档次` });
  }
  const key = String(industryClass) as keyof typeof version.value.ladders;
  return { version, ladder: version.value.ladders[key] };
}

/** Index of `multiplier` on `ladder` (decimal equality: "1.20" is "1.2"), or −1. @internal */
export function tierIndex(ladder: readonly string[], multiplier: Dec): number {
  for (let i = 0; i < ladder.length; i++) if (multiplier.eq(ladder[i]!)) return i;
  return -1;
}

/** Throws `INVALID_MULTIPLIER` unless `multiplier` is on the class's ladder. @internal */
export function assertOnLadder(ladder: readonly string[], multiplier: Dec, industryClass: IndustryClass, path: Path): number {
  const i = tierIndex(ladder, multiplier);
  if (i < 0) {
    throw new PoolingError("INVALID_MULTIPLIER", path, {
      en: `${multiplier.toFixed()} is not on class ${industryClass}'s ladder ${ladder.join(", ")}`,
      zh: `${multiplier.toFixed()} 不在第 ${industryClass} 类的浮动档次 ${ladder.join("、")} 之内`,
    });
  }
  return i;
}
