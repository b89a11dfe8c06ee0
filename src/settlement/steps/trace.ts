/**
 * A record of what the settlement passed to each rule, in the public
 * functions' input form, so that a test can call the public function on the
 * same inputs and compare (the engine and the public API share one
 * implementation per rule).
 *
 * @module
 */

import type { TopUpInput } from "../../fund/apportionTopUp.js";
import type { CoverDeficitInput } from "../../fund/coverDeficit.js";
import type { PriorityClaimsInput } from "../../fund/payByPriority.js";
import type { YearEndTrueUpInput } from "../../fund/trueUp.js";

/** What the steps of one period passed to the rules. @internal */
export interface EngineTrace {
  /** R8, per member with a gap: the input of `coverDeficit` (the pool's availability: what it had then). */
  coverage: { member: string; input: CoverDeficitInput }[];
  /** R7: the input of `apportionTopUp`, when a top-up was raised. */
  topUp: TopUpInput[];
  /** R10: the input of `payByPriority`, when the pool paid. */
  payments: PriorityClaimsInput[];
  /** R8, option `yearEndTrueUp`: per member, the input of `yearEndTrueUp` at the year's end. */
  trueUps: { member: string; input: YearEndTrueUpInput }[];
}

/** An empty trace. @internal */
export function newEngineTrace(): EngineTrace {
  return { coverage: [], topUp: [], payments: [], trueUps: [] };
}
