import { z } from "zod";
import { type Dec, dmax, dsum, formatMoney, ZERO } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramFor } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, periodField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { apportionFen } from "./apportion.js";
import { clawbackDec } from "./clawback.js";

/** A class of claim on the pool (R10): (a) major accidents, (b) cut-gap grants, (c) subsidies, (d) earlier recorded deficits. */
export type PriorityClass = "majorAccident" | "cutGapGrant" | "subsidy" | "recordedDeficit";

/** The classes of claim on the pool, in the order the pool pays them (R10). */
const PRIORITY_CLASSES: readonly PriorityClass[] = ["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"];

/**
 * Allocates what the pool has among classes of claims in priority order: a
 * class is paid in full while the pool can; the first class it cannot pay in
 * full is paid pro rata (largest remainder, R7), and payment stops there.
 * @internal
 */
export function allocateByPriority(available: Dec, classes: readonly (readonly Dec[])[]): { paid: Dec[][]; remaining: Dec } {
  let left = dmax(ZERO, available);
  let stopped = false;
  const paid = classes.map((claims) => {
    if (stopped) return claims.map(() => ZERO);
    const total = dsum(claims);
    if (total.lte(left)) {
      left = left.minus(total);
      return [...claims];
    }
    stopped = true;
    const shares = apportionFen(left, claims);
    left = ZERO;
    return shares;
  });
  return { paid, remaining: left };
}

const claimList = () => z.array(z.object({ member: z.string().min(1), amount: moneyField({ fen: true }) }).strict()).optional();

/** zod schema of the input of {@link payByPriority}. */
export const PriorityClaimsInputSchema = z
  .object({
    /** What the pool has to pay with (after any top-up). */
    poolAvailable: moneyField({ allowNegative: true, fen: true }),
    /** (a) benefits of major work-injury accidents (重大工伤事故). */
    majorAccident: claimList(),
    /** (b) cut-gap grants (R8 step 3). */
    cutGapGrant: claimList(),
    /** (c) subsidies (R8 step 4); each carries the 20% clawback. */
    subsidy: claimList(),
    /** (d) earlier recorded deficits; those that were subsidies (the default `origin`) carry the clawback. */
    recordedDeficit: z
      .array(
        z
          .object({
            member: z.string().min(1),
            amount: moneyField({ fen: true }),
            origin: z.enum(["cutGapGrant", "subsidy"]).optional(),
          })
          .strict(),
      )
      .optional(),
    /** The period paid in: it selects the clawback rate in force. Required when the policy has several versions of it. */
    period: periodField().optional(),
  })
  .strict();

/** Input of {@link payByPriority}. */
export type PriorityClaimsInput = z.input<typeof PriorityClaimsInputSchema>;

/** One claim's outcome. */
export interface PriorityPaymentLine {
  member: string;
  claimed: string;
  paid: string;
  unpaid: string;
  /** R9 clawback on what was paid (subsidies and deficits). */
  clawback: string;
}

/** Result of {@link payByPriority}. */
export interface PriorityPayment {
  /** The claims of each class, in the input order, with what was paid. */
  classes: Record<PriorityClass, PriorityPaymentLine[]>;
  /** Totals paid by class. */
  paid: Record<PriorityClass, string>;
  /** The class paid pro rata, where payment stopped (`null` if all were paid in full). */
  proRataClass: PriorityClass | null;
  /** What the pool has left. */
  poolRemaining: string;
  citations: Citation[];
}

/**
 * R10 (二（二）, 二（三）): the pool pays, in this order, (a) major-accident
 * benefits, (b) cut-gap grants, (c) subsidies, (d) earlier recorded deficits.
 * If it cannot pay a class in full it pays that class pro rata (largest
 * remainder) and stops; later classes wait. Subsidies, and deficits that were
 * subsidies, carry the 20% clawback (R9).
 *
 * @example
 * ```ts
 * const r = payByPriority({ poolAvailable: "100.00",
 *   majorAccident: [{ member: "wuzhong", amount: "60.00" }],
 *   subsidy: [{ member: "xiangcheng", amount: "30.00" }, { member: "wujiang", amount: "30.00" }] });
 * r.paid;         // { majorAccident: "60.00", cutGapGrant: "0.00", subsidy: "40.00", recordedDeficit: "0.00" }
 * r.proRataClass; // "subsidy"
 * ```
 */
export function payByPriority(input: PriorityClaimsInput, policy?: Policy): PriorityPayment {
  const p = resolvePolicy(policy);
  const v = parseInput(PriorityClaimsInputSchema, input);
  const clawbackVersion = paramFor(p, "clawback", v.period, ["period"]);
  const priorityCitation = paramFor(p, "clauses", v.period, ["period"]).value.priority;
  const lists: { member: string; amount: Dec; origin?: "cutGapGrant" | "subsidy" | undefined }[][] = PRIORITY_CLASSES.map((k) => v[k] ?? []);
  const { paid, remaining } = allocateByPriority(
    v.poolAvailable,
    lists.map((l) => l.map((c) => c.amount)),
  );
  const classes = {} as Record<PriorityClass, PriorityPaymentLine[]>;
  const totals = {} as Record<PriorityClass, string>;
  let proRataClass: PriorityClass | null = null;
  PRIORITY_CLASSES.forEach((k, i) => {
    classes[k] = lists[i]!.map((c, j) => {
      const amount = paid[i]![j]!;
      const withClawback = k === "subsidy" || (k === "recordedDeficit" && c.origin !== "cutGapGrant");
      return {
        member: c.member,
        claimed: formatMoney(c.amount),
        paid: formatMoney(amount),
        unpaid: formatMoney(c.amount.minus(amount)),
        clawback: formatMoney(withClawback ? clawbackDec(clawbackVersion.value.rate, amount) : ZERO),
      };
    });
    const total = dsum(paid[i]!);
    totals[k] = formatMoney(total);
    if (proRataClass === null && total.lt(dsum(lists[i]!.map((c) => c.amount)))) proRataClass = k;
  });
  return { classes, paid: totals, proRataClass, poolRemaining: formatMoney(remaining), citations: [priorityCitation, clawbackVersion.citation] };
}
