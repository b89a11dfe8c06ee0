/**
 * The order of a scenario's periods: each must be the period after the last
 * one settled (the full run, the summary run and the replay of restatements
 * all check it here).
 *
 * @module
 */

import { PoolingError } from "../errors.js";
import { nextPeriod } from "../period.js";

/**
 * Throws `PERIOD_OUT_OF_ORDER` at `periods[index].period` unless `period` is `expected` (the state's next
 * period). @internal
 */
export function checkPeriodOrder(expected: string, period: string, index: number): void {
  if (period === expected) return;
  throw new PoolingError("PERIOD_OUT_OF_ORDER", ["periods", index, "period"], {
    en: `expected ${expected}, got ${period}`,
    zh: `应为 ${expected}，收到 ${period}`,
  });
}

/** The next period of each period seen (a handful per scenario): the calendar is asked once per period, not once a settlement. */
const FOLLOWING = new Map<string, string>();

/**
 * `nextPeriod`, remembered: the settlement asks it each period (and the eligibility's roll each December).
 * @internal
 */
export function followingPeriod(period: string): string {
  let next = FOLLOWING.get(period);
  if (next === undefined) {
    next = nextPeriod(period);
    if (FOLLOWING.size >= 4096) FOLLOWING.clear();
    FOLLOWING.set(period, next);
  }
  return next;
}
