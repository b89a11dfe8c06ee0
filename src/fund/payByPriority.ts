import * as z from "zod";
import { type Dec, FEN_ZERO, type Fen, fenMax, fenSum, formatFen, toFen } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyRef, paramFor, policyRef } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { LIBRARY, type LibraryRef } from "../version.js";
import { apportionFenCore } from "./apportion.js";
import { clawbackFen } from "./clawback.js";

/** A class of claim on the pool (R10): (a) major accidents, (b) cut-gap grants, (c) subsidies, (d) earlier recorded deficits. */
export type PriorityClass = "majorAccident" | "cutGapGrant" | "subsidy" | "recordedDeficit";

/** The classes of claim on the pool, in the library's default order (R10; the policy's `pool.priority` sets the order used). @internal */
export const PRIORITY_CLASSES: readonly PriorityClass[] = ["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"];

/**
 * Allocates what the pool has among classes of claims in priority order: a
 * class is paid in full while the pool can; the first class it cannot pay in
 * full is paid pro rata (largest remainder, R7), and payment stops there.
 * @internal
 */
export function allocateByPriority(available: Fen, classes: readonly (readonly Fen[])[]): { paid: Fen[][]; remaining: Fen } {
  let left = fenMax(FEN_ZERO, available);
  let stopped = false;
  const paid = classes.map((claims) => {
    if (stopped) return claims.map(() => FEN_ZERO);
    const total = fenSum(claims);
    if (total <= left) {
      left -= total;
      return [...claims];
    }
    stopped = true;
    const shares = apportionFenCore(left, claims);
    left = FEN_ZERO;
    return shares;
  });
  return { paid, remaining: left };
}

/** Where a recorded deficit came from: a cut-gap grant or a subsidy (R8 steps 3–4). */
export type DeficitOrigin = "cutGapGrant" | "subsidy";

/**
 * R9: whether a payment of this class carries the clawback: subsidies, and
 * recorded deficits that were subsidies (the default origin).
 * @internal
 */
export function carriesClawback(priorityClass: PriorityClass, origin: DeficitOrigin | undefined): boolean {
  return priorityClass === "subsidy" || (priorityClass === "recordedDeficit" && origin !== "cutGapGrant");
}

/** A claim on the pool, in fen. @internal */
export interface PriorityClaim {
  member: string;
  amount: Fen;
  origin?: DeficitOrigin | undefined;
}

/** One claim's outcome, in fen. @internal */
export interface PriorityLine {
  paid: Fen;
  clawback: Fen;
}

/**
 * R10 and R9 on decimals: the one implementation used by {@link payByPriority}
 * and by the settlement. Pays the classes in the policy's `order`
 * ({@link allocateByPriority}) and computes each line's clawback at `clawbackRate`.
 * @internal
 */
export function payByPriorityCore(
  available: Fen,
  claims: Readonly<Record<PriorityClass, readonly PriorityClaim[]>>,
  clawbackRate: string,
  order: readonly PriorityClass[] = PRIORITY_CLASSES,
): { lines: Record<PriorityClass, PriorityLine[]>; remaining: Fen } {
  const { paid, remaining } = allocateByPriority(
    available,
    order.map((priorityClass) => claims[priorityClass].map((claim) => claim.amount)),
  );
  const lines = {} as Record<PriorityClass, PriorityLine[]>;
  order.forEach((priorityClass, classIndex) => {
    lines[priorityClass] = claims[priorityClass].map((claim, claimIndex) => {
      const amount = paid[classIndex]![claimIndex]!;
      return { paid: amount, clawback: carriesClawback(priorityClass, claim.origin) ? clawbackFen(clawbackRate, amount) : FEN_ZERO };
    });
  });
  return { lines, remaining };
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
    /** (c) subsidies (R8 step 4); each carries the clawback (R9). */
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
  /** The order the classes were paid in: the policy's `pool.priority` in force (a library default, not the document's). */
  priority: PriorityClass[];
  /** The claims of each class, in the input order, with what was paid. */
  classes: Record<PriorityClass, PriorityPaymentLine[]>;
  /** Totals paid by class. */
  paid: Record<PriorityClass, string>;
  /** The class paid pro rata, where payment stopped (`null` if all were paid in full). */
  proRataClass: PriorityClass | null;
  /**
   * What the pool has left: `poolAvailable − Σ paid`. An overdrawn pool (`poolAvailable` < 0) pays nothing and
   * shows its overdraft here, negative (never `"0.00"`).
   */
  poolRemaining: string;
  citations: Citation[];
  /** The clawback rate in force in the period (R9, e.g. `"0.2"`). */
  clawbackRate: string;
  /** The policy that produced the figures. */
  policy: PolicyRef;
  /** The library that produced it: `{ name, version }`. */
  library: LibraryRef;
}

/**
 * R10 (二（二）, 二（三）): the pool pays its classes of claims in the order of
 * the policy's `pool.priority` (in `SUZHOU_2020`, the library's default: (a)
 * major-accident benefits, (b) cut-gap grants, (c) subsidies, (d) earlier
 * recorded deficits; the document ranks none of them).
 * If it cannot pay a class in full it pays that class pro rata (largest
 * remainder) and stops; later classes wait. Subsidies, and deficits that were
 * subsidies, carry the clawback at the rate in force (R9). An overdrawn pool
 * (`poolAvailable` negative) pays nothing and `poolRemaining` shows it negative:
 * what is paid and what remains always add up to `poolAvailable`.
 *
 * @param input what the pool has, the claims of each named class, and the `period` paid in (selects the clawback rate
 *   and the priority order in force).
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns each claim's outcome by class, the totals, the class paid pro rata, what the pool has left, the
 *   clawback rate used and `policy: { id, version }`.
 * @throws PoolingError `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`,
 *   `AMOUNT_OUT_OF_RANGE` (bad input), `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * const r = payByPriority({ poolAvailable: "100.00",
 *   majorAccident: [{ member: "wuzhong", amount: "60.00" }],
 *   subsidy: [{ member: "xiangcheng", amount: "30.00" }, { member: "wujiang", amount: "30.00" }] });
 * r.paid;         // { majorAccident: "60.00", cutGapGrant: "0.00", subsidy: "40.00", recordedDeficit: "0.00" }
 * r.proRataClass; // "subsidy"
 * ```
 */
export function payByPriority(input: PriorityClaimsInput, options?: PolicyOptions | Policy): PriorityPayment {
  const p = policyOption(options);
  const v = parseInput(PriorityClaimsInputSchema, input);
  const clawbackVersion = paramFor(p, "clawback", v.period, ["period"]);
  const priorityCitation = paramFor(p, "clauses", v.period, ["period"]).value.priority;
  const order = paramFor(p, "pool", v.period, ["period"]).value.priority;
  const claims = {} as Record<PriorityClass, PriorityClaim[]>;
  for (const priorityClass of PRIORITY_CLASSES) {
    claims[priorityClass] = (v[priorityClass] ?? []).map((claim: { member: string; amount: Dec; origin?: DeficitOrigin | undefined }) => ({
      member: claim.member,
      amount: toFen(claim.amount),
      origin: claim.origin,
    }));
  }
  const available = toFen(v.poolAvailable);
  const { lines, remaining: left } = payByPriorityCore(available, claims, clawbackVersion.value.rate, order);
  // an overdrawn pool pays nothing and stays overdrawn: what it has left is what it had, shown negative
  const remaining = available < FEN_ZERO ? available : left;
  const classes = {} as Record<PriorityClass, PriorityPaymentLine[]>;
  const totals = {} as Record<PriorityClass, string>;
  let proRataClass: PriorityClass | null = null;
  for (const priorityClass of order) {
    const classClaims = claims[priorityClass];
    const classLines = lines[priorityClass];
    classes[priorityClass] = classClaims.map((claim, i) => ({
      member: claim.member,
      claimed: formatFen(claim.amount),
      paid: formatFen(classLines[i]!.paid),
      unpaid: formatFen(claim.amount - classLines[i]!.paid),
      clawback: formatFen(classLines[i]!.clawback),
    }));
    const total = fenSum(classLines.map((line) => line.paid));
    totals[priorityClass] = formatFen(total);
    if (proRataClass === null && total < fenSum(classClaims.map((claim) => claim.amount))) proRataClass = priorityClass;
  }
  return {
    priority: [...order],
    classes,
    paid: totals,
    proRataClass,
    poolRemaining: formatFen(remaining),
    citations: [priorityCitation, clawbackVersion.citation],
    clawbackRate: clawbackVersion.value.rate,
    policy: policyRef(p),
    library: LIBRARY,
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(PriorityClaimsInputSchema);
