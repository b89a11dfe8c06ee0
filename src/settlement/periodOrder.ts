/**
 * The order of a scenario's periods: each must be the period after the last
 * one settled (the full run, the summary run and the replay of restatements
 * all check it here).
 *
 * @module
 */
import { PoolingError } from "../errors.js";

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
