import { formatRate } from "../money.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { type IndustryClassInput, industryClassField, type PeriodInput, periodField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { baseRateAt } from "./lookup.js";

const classSchema = industryClassField();
const periodSchema = periodField();

/**
 * R1 (二（一）): the base rate (行业基准费率) of an industry class in force in
 * a period, as a decimal string. Periods before 2020-05 are
 * `POLICY_NOT_IN_FORCE`.
 *
 * @param industryClass - class 1 to 8 (一类 to 八类), a number or a digit string
 * @param period - the period `YYYY-MM` (费款所属期)
 * @param options - `{ policy }`: defaults to `SUZHOU_2020` (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the class's base rate in force, an exact decimal string (e.g. `"0.005"`)
 * @throws PoolingError `INVALID_CLASS`, `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`
 * @example
 * ```ts
 * baseRate(1, "2020-05"); // "0.0015"
 * baseRate(8, "2021-07"); // "0.015"
 * ```
 */
export function baseRate(industryClass: IndustryClassInput, period: PeriodInput, options?: PolicyOptions | Policy): string {
  const p = policyOption(options);
  const cls = parseInput(classSchema, industryClass, ["industryClass"]);
  const per = parseInput(periodSchema, period, ["period"]);
  return formatRate(baseRateAt(p, cls, per, ["period"]).rate);
}
