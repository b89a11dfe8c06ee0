/**
 * Step 5 of a period (R7): the top-up of the pool to its floor, split among
 * the members by the same rule as `apportionTopUp`.
 *
 * @module
 */

import { apportionFenCore } from "../../fund/apportion.js";
import { apportionTopUpFen } from "../../fund/apportionTopUp.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import { FEN_ZERO, type Fen, fenMax, fenSum, formatFen } from "../../money.js";
import type { PeriodInput } from "../../schema/fields.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember, memberBalance } from "./postings.js";

/** Why a period's top-up was raised (R7): the schedule's floor test, or a pool that could not pay its claims. */
export type TopUpReason = "scheduled" | "whenShort";

/**
 * What the schedule of R7 asks the members for in a period: with `"monthEnd"`
 * (the default), when the pool after the period's claims, counting what
 * members still owe it of earlier top-ups, stands below `floor`, whatever
 * brings it to `target` (≥ the floor); with `"monthly"`
 * (the 0.4 reading), whatever brings the pool to `floor` after paying
 * `claimsDue`; with `"yearly"`, in a scheduled period (the opening, each
 * January) whatever brings it to `floor`, and with `whenShort`, in any period
 * whose claims the pool cannot pay in full, whatever brings it to `floor`
 * after the claims.
 * @internal
 */
export function topUpNeed(
  schedule: { schedule: "monthEnd" | "yearly" | "monthly"; whenShort: boolean },
  scheduled: boolean,
  pool: Fen,
  floor: Fen,
  claimsDue: Fen,
  target: Fen = floor,
  owedToPool: Fen = FEN_ZERO,
): { need: Fen; reason: TopUpReason | null } {
  if (schedule.schedule === "monthEnd") {
    if (!(pool + owedToPool - claimsDue < floor)) return { need: FEN_ZERO, reason: null };
    return { need: fenMax(FEN_ZERO, target + claimsDue - pool - owedToPool), reason: "scheduled" };
  }
  if (schedule.schedule === "monthly") {
    const need = floor + claimsDue - pool;
    return need > FEN_ZERO ? { need, reason: "scheduled" } : { need: FEN_ZERO, reason: null };
  }
  const toFloor = scheduled ? fenMax(FEN_ZERO, floor - pool) : FEN_ZERO;
  if (schedule.whenShort && pool + toFloor < claimsDue) return { need: floor + claimsDue - pool, reason: "whenShort" };
  return toFloor > FEN_ZERO ? { need: toFloor, reason: "scheduled" } : { need: FEN_ZERO, reason: null };
}

/**
 * Tops the pool up as the policy's `topUp` schedule asks ({@link topUpNeed}):
 * each member pays its share by prior-year balance, never more than it has.
 * `scheduled` is true in the periods the schedule tests the floor (the
 * opening, each January). Returns the top-up raised, what nobody could pay and why.
 * @internal
 */
export function topUpToFloor(
  context: PeriodContext,
  floor: Fen,
  claimsDue: Fen,
  scheduled: boolean,
  target: Fen = floor,
): { topUp: Fen; shortfall: Fen; reason: TopUpReason | null } {
  const { writer, period, memberIds } = context;
  const schedule = context.params.topUp.value;
  const owedMode = schedule.schedule === "monthEnd";
  const owedToPool = owedMode ? fenSum(memberIds.map((id) => memberOf(context, id).owed.topUp)) : FEN_ZERO;
  const { need, reason } = topUpNeed(schedule, scheduled, writer.balance(ACCOUNTS.pool), floor, claimsDue, target, owedToPool);
  if (!(need > FEN_ZERO)) return { topUp: FEN_ZERO, shortfall: FEN_ZERO, reason: null };
  const contributors = memberIds.map((id) => ({
    weight: memberOf(context, id).priorYearBalance,
    available: fenMax(FEN_ZERO, memberBalance(writer, id)),
  }));
  context.trace?.topUp.push({
    amount: formatFen(need),
    members: memberIds.map((id, i) => ({ id, priorYearBalance: formatFen(contributors[i]!.weight), available: formatFen(contributors[i]!.available) })),
    period: period as PeriodInput,
  });
  const split = apportionTopUpFen(need, contributors);
  memberIds.forEach((id, i) => {
    const part = split.parts[i]!;
    figuresOf(context, id).topUp = part;
    debitMember(writer, period, id, ACCOUNTS.pool, part, "topUp", context.params.clauses.value.topUp);
  });
  if (owedMode && split.shortfall > FEN_ZERO) {
    owedShares(need, contributors, split).forEach((owed, i) => {
      figuresOf(context, memberIds[i]!).topUpOwed = owed;
      memberOf(context, memberIds[i]!).owed.topUp += owed;
    });
  }
  return { topUp: fenSum(split.parts), shortfall: split.shortfall, reason };
}

/**
 * R7 (0.7): who owes the shortfall of a top-up: each member's share of the
 * whole (by prior-year balance, the same split) less what it paid, the
 * shortfall apportioned on those unpaid parts; nothing when no member has a
 * share (no positive prior-year balance).
 */
function owedShares(need: Fen, contributors: readonly { weight: bigint; available: Fen }[], split: { parts: Fen[]; shortfall: Fen }): Fen[] {
  const weights = contributors.map((c) => (c.weight > 0n ? c.weight : 0n));
  if (!weights.some((w) => w > 0n)) return contributors.map(() => FEN_ZERO);
  const shares = apportionFenCore(need, weights);
  const unpaid = shares.map((share, i) => fenMax(FEN_ZERO, share - split.parts[i]!));
  if (!unpaid.some((u) => u > FEN_ZERO)) return contributors.map(() => FEN_ZERO);
  return apportionFenCore(split.shortfall, unpaid);
}
