import { PoolingError, withPathPrefix } from "../errors.js";
import { type Dec, formatAmount, formatMoney, ZERO } from "../money.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import { computeParsedLevy } from "./computeLevy.js";
import { type Levy, type LevyInput, LevyInputSchema, type LevyTotals } from "./schema.js";

/** Result of {@link computeLevies}. */
export interface LevyBatch {
  items: Levy[];
  totals: LevyTotals;
}

const TOTAL_KEYS = ["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const;

/**
 * R4 in batch: the levies of many employers, item by item identical to
 * {@link computeLevy}, with totals that are the exact sums of the items.
 * The first bad item throws a `PoolingError` whose path starts with its
 * index; no partial result is returned.
 *
 * @example
 * ```ts
 * const { items, totals } = computeLevies([
 *   { period: "2021-07", industryClass: 2, payroll: "5.00" },
 *   { period: "2021-07", industryClass: 1, payroll: "10000" },
 * ]);
 * items[0].premium; // "0.02"
 * totals.premium;   // "15.02"
 * ```
 */
export function computeLevies(inputs: Iterable<LevyInput>, policy?: Policy): LevyBatch {
  const p = resolvePolicy(policy);
  if (inputs === null || typeof inputs !== "object" || typeof (inputs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new PoolingError("INVALID_TYPE", [], { en: "expected an array or iterable of levy inputs", zh: "应为缴费记录数组或可迭代对象" });
  }
  const items: Levy[] = [];
  let payroll: Dec = ZERO;
  const sums: Record<(typeof TOTAL_KEYS)[number], Dec> = {
    premiumBeforeCut: ZERO, premium: ZERO, cutRelief: ZERO, syncInducedRelief: ZERO, reliefWaived: ZERO, premiumDue: ZERO,
  };
  let i = 0;
  for (const input of inputs) {
    let levy: Levy;
    try {
      levy = computeParsedLevy(p, parseInput(LevyInputSchema, input));
    } catch (e) {
      throw withPathPrefix(e, [i]);
    }
    items.push(levy);
    payroll = payroll.plus(levy.payroll);
    for (const k of TOTAL_KEYS) sums[k] = sums[k].plus(levy[k]);
    i++;
  }
  const totals: LevyTotals = {
    payroll: formatAmount(payroll),
    premiumBeforeCut: formatMoney(sums.premiumBeforeCut),
    premium: formatMoney(sums.premium),
    cutRelief: formatMoney(sums.cutRelief),
    syncInducedRelief: formatMoney(sums.syncInducedRelief),
    reliefWaived: formatMoney(sums.reliefWaived),
    premiumDue: formatMoney(sums.premiumDue),
  };
  return { items, totals };
}
