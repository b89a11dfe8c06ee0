import { PoolingError } from "../errors.js";
import { periodStart } from "../period.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { isIsoDate, PERIOD_RE } from "../schema/fields.js";
import { versionAt } from "./lookup.js";

/** An inclusive window of calendar dates. */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * R3 (二（一）): the rate-cut window, inclusive at both ends as the document
 * writes it.
 *
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the first rate-cut window, inclusive dates `{ from, to }`
 * @throws PoolingError `INVALID_POLICY` when the policy has no rate-cut window
 * @example
 * ```ts
 * rateCutWindow(); // { from: "2020-05-01", to: "2021-04-30" }
 * ```
 */
export function rateCutWindow(options?: PolicyOptions | Policy): DateWindow {
  const p = policyOption(options);
  const first = [...p.rateCut].sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  if (!first || first.to === undefined) {
    throw new PoolingError("INVALID_POLICY", ["policy", "rateCut"], { en: "the policy has no rate-cut window", zh: "政策未规定降费期" });
  }
  return { from: first.from, to: first.to };
}

/** The cut window version covering a period, if any. @internal */
export function cutWindowForPeriod(policy: Policy, period: string) {
  return versionAt(policy.rateCut, periodStart(period));
}

/**
 * R3: whether a date (`YYYY-MM-DD`) or a period (`YYYY-MM`, judged by its
 * first day) falls in a rate-cut window of the policy.
 *
 * @param dateOrPeriod - a date `YYYY-MM-DD` or a period `YYYY-MM` (judged by its first day)
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns `true` when it falls in one of the policy's rate-cut windows
 * @throws PoolingError `INVALID_DATE` for anything else
 * @example
 * ```ts
 * isInRateCutWindow("2020-05");    // true
 * isInRateCutWindow("2021-04-30"); // true
 * isInRateCutWindow("2021-05");    // false
 * ```
 */
export function isInRateCutWindow(dateOrPeriod: string, options?: PolicyOptions | Policy): boolean {
  const p = policyOption(options);
  const path = ["dateOrPeriod"];
  if (typeof dateOrPeriod === "string" && PERIOD_RE.test(dateOrPeriod)) {
    return versionAt(p.rateCut, periodStart(dateOrPeriod)) !== undefined;
  }
  if (!isIsoDate(dateOrPeriod)) {
    throw new PoolingError("INVALID_DATE", path, { en: "expected YYYY-MM-DD or YYYY-MM", zh: "应为 YYYY-MM-DD 或 YYYY-MM" });
  }
  return versionAt(p.rateCut, dateOrPeriod) !== undefined;
}
