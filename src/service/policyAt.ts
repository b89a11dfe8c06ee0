/**
 * The versions of a policy's parameters in force in a period: a view of the
 * policy data, choosing among its dated versions. Runs in Node and in a browser.
 *
 * @module
 */
import { type Policy, paramsAt } from "../index.js";

/**
 * The policy as in force on the first day of `period` (`YYYY-MM`): the
 * library's own `paramsAt` (each parameter's version in force, `rateCut`
 * `null` outside every window), with the policy's `{ id, version, hash }`, the day,
 * and the relief overlays in force. A period outside the policy's life is the
 * library's `POLICY_NOT_IN_FORCE`.
 *
 * @example
 * ```ts
 * policyAt(SUZHOU_2020, "2021-07").rateCut; // null: the phased cut ended on 2021-04-30
 * policyAt(SUZHOU_2020, "2020-09").baseRates.value["3"]; // "0.005"
 * ```
 */
export function policyAt(policy: Policy, period: string): Record<string, unknown> {
  const day = `${period}-01`;
  const params = paramsAt(policy, period, ["at"]);
  const reliefOverlays = policy.reliefOverlays.filter((o) => o.from <= day && day <= o.to);
  return { at: day, ...params, reliefOverlays };
}
