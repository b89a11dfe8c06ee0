/**
 * The versions of a policy's parameters in force in a period: a view of the
 * policy data, choosing among its dated versions. Runs in Node and in a browser.
 *
 * @module
 */
import type { Policy } from "../index.js";

interface Dated {
  from: string;
  to?: string;
}

const isDated = (v: unknown): v is Dated => v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as Dated).from === "string";
const inForce = (v: Dated, day: string) => v.from <= day && (v.to === undefined || day <= v.to);

/**
 * The policy as in force on the first day of `period` (`YYYY-MM`): each
 * parameter that is an array of dated versions (`{ from, to?, value, citation }`)
 * becomes the version whose window contains that day (or `null`, or an array
 * when a parameter has several dated entries such as relief overlays); a
 * single dated parameter is kept or `null`; the rest is unchanged. The period
 * must already be valid.
 *
 * @example
 * ```ts
 * policyAt(SUZHOU_2020, "2021-07").rateCut; // null: the phased cut ended on 2021-04-30
 * policyAt(SUZHOU_2020, "2020-09").baseRates.value["3"]; // "0.005"
 * ```
 */
export function policyAt(policy: Policy, period: string): Record<string, unknown> {
  const day = `${period}-01`;
  const out: Record<string, unknown> = { at: day };
  for (const [key, value] of Object.entries(policy)) {
    if (key === "inForce") out[key] = value;
    else if (Array.isArray(value) && value.length > 0 && value.every(isDated)) {
      const current = value.filter((v) => inForce(v, day));
      // versions of one parameter (with a value) never overlap: one or none; lists of dated items stay lists
      out[key] = value.every((v) => "value" in v) ? (current[0] ?? null) : current;
    } else if (isDated(value) && "value" in value) out[key] = inForce(value, day) ? value : null;
    else out[key] = value;
  }
  return out;
}
