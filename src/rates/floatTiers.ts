import { formatRate, type Numeric } from "../money.js";
import { periodStart } from "../period.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { type IndustryClassInput, industryClassField, type PeriodInput, periodField, positiveField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { assertOnLadder, baseRateAt, ladderAt } from "./lookup.js";

const classSchema = industryClassField();
const periodSchema = periodField();
const multiplierSchema = positiveField("INVALID_MULTIPLIER", "A floating multiplier");

/**
 * R2 (二（一）, 人社部发〔2015〕71号): the ladder of floating multipliers of a
 * class, lowest first, as in force when the policy starts. Class 1 floats
 * up only; classes 2–8 have five tiers.
 *
 * @param industryClass - the industry class, 1 to 8
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the class's ladder of multipliers, ascending, in force from the policy's start
 * @throws PoolingError `INVALID_CLASS`
 * @example
 * ```ts
 * floatTiers(1); // ["1", "1.2", "1.5"]
 * floatTiers(3); // ["0.5", "0.8", "1", "1.2", "1.5"]
 * ```
 */
export function floatTiers(industryClass: IndustryClassInput, options?: PolicyOptions | Policy): string[] {
  const p = policyOption(options);
  const cls = parseInput(classSchema, industryClass, ["industryClass"]);
  return [...ladderAt(p, cls, p.inForce.from, ["industryClass"]).ladder];
}

/**
 * R2: the floated rate `base × multiplier` (exact, never rounded). The
 * multiplier must be a tier of the class's ladder (`INVALID_MULTIPLIER`).
 *
 * @param industryClass - the industry class, 1 to 8
 * @param floatMultiplier - a tier of the class's ladder (e.g. `"0.8"`)
 * @param period - the period, `YYYY-MM`
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns `base × multiplier`, exact (rates are never rounded)
 * @throws PoolingError `INVALID_CLASS`, `INVALID_MULTIPLIER`, `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`
 * @example
 * ```ts
 * floatedRate(3, "0.8", "2020-09"); // "0.004"
 * floatedRate(1, "1.5", "2020-05"); // "0.00225"
 * ```
 */
export function floatedRate(industryClass: IndustryClassInput, floatMultiplier: Numeric, period: PeriodInput, options?: PolicyOptions | Policy): string {
  const p = policyOption(options);
  const cls = parseInput(classSchema, industryClass, ["industryClass"]);
  const m = parseInput(multiplierSchema, floatMultiplier, ["floatMultiplier"]);
  const per = parseInput(periodSchema, period, ["period"]);
  const { rate } = baseRateAt(p, cls, per, ["period"]);
  assertOnLadder(ladderAt(p, cls, periodStart(per), ["period"]).ladder, m, cls, ["floatMultiplier"]);
  return formatRate(rate.times(m));
}
