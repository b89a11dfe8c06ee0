import * as z from "zod";
import { dmax, FEN_ZERO, type Fen, fenMax, fenMin, fenSum, formatFen, toFen, ZERO } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyRef, paramFor, policyRef } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { nameField } from "../schema/names.js";
import { parseInput } from "../schema/parse.js";
import { LIBRARY, type LibraryRef } from "../version.js";
import { apportionFenCore, integerWeights } from "./apportion.js";
import { checkMembers } from "./members.js";

/** zod schema of the input of {@link apportionTopUp}. */
export const TopUpInputSchema = z
  .object({
    /** The top-up to raise (yuan, whole fen). */
    amount: moneyField({ fen: true }),
    members: z.array(
      z
        .object({
          id: nameField(),
          /** Prior-year year-end cumulative balance: the member's weight (≤ 0: no share). */
          priorYearBalance: moneyField({ allowNegative: true }),
          /** What the member can pay now (≤ 0: nothing). */
          available: moneyField({ allowNegative: true, fen: true }),
        })
        .strict(),
    ),
    /** The period of the top-up: selects the clause cited when the policy has several versions of it. */
    period: periodField().optional(),
  })
  .strict();

/** Input of {@link apportionTopUp}. */
export type TopUpInput = z.input<typeof TopUpInputSchema>;

/** Result of {@link apportionTopUp}. */
export interface TopUp {
  /** Each member's contribution, two-decimal yuan, every member listed. */
  contributions: Record<string, string>;
  /** What no member could pay: `amount − Σ contributions`. */
  shortfall: string;
  citation: Citation;
  /** The policy that produced the figures. */
  policy: PolicyRef;
  /** The library that produced it: `{ name, version }`. */
  library: LibraryRef;
}

/**
 * The top-up split on decimals: shares by positive weight, capped by what each
 * can pay, the excess re-apportioned among the others; returns the
 * contributions in input order and the shortfall.
 * @internal
 */
export function apportionTopUpFen(amount: Fen, members: readonly { weight: bigint; available: Fen }[]): { parts: Fen[]; shortfall: Fen } {
  const parts = members.map(() => FEN_ZERO);
  let active = members.map((_m, i) => i).filter((i) => members[i]!.weight > 0n && members[i]!.available > FEN_ZERO);
  let remaining = amount;
  while (remaining > FEN_ZERO && active.length > 0) {
    const shares = apportionFenCore(
      remaining,
      active.map((i) => members[i]!.weight),
    );
    const stillActive: number[] = [];
    let capped = false;
    active.forEach((i, k) => {
      const room = members[i]!.available - parts[i]!;
      const share = shares[k]!;
      parts[i]! += fenMin(share, room);
      if (share > room) capped = true;
      if (share < room) stillActive.push(i);
    });
    remaining = amount - fenSum(parts);
    if (!capped) break;
    active = stillActive;
  }
  return { parts, shortfall: fenMax(FEN_ZERO, amount - fenSum(parts)) };
}

/**
 * R7 (二（二）): splits a top-up of the pool among the members in proportion
 * to their prior-year year-end cumulative balances. Members with a zero or
 * negative balance have no share. Nobody pays more than `available` (no member
 * is pushed negative): the excess is re-apportioned among the others by the
 * same largest-remainder rule, and what nobody can pay is the `shortfall`.
 *
 * @param input the top-up to raise and each member's prior-year balance (its weight) and what it can pay;
 *   optionally the `period` (selects the clause cited).
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns every member's contribution, the shortfall, the citation and `policy: { id, version }`.
 * @throws PoolingError `DUPLICATE_ENTRY` (a member twice), `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`,
 *   `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `AMOUNT_OUT_OF_RANGE`, `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * apportionTopUp({ amount: "500000.00", members: [
 *   { id: "A", priorYearBalance: "3000000", available: "9000000" },
 *   { id: "B", priorYearBalance: "1000000", available: "9000000" },
 *   { id: "C", priorYearBalance: "-200000", available: "9000000" },
 * ] });
 * // { contributions: { A: "375000.00", B: "125000.00", C: "0.00" }, shortfall: "0.00", ... }
 * ```
 */
export function apportionTopUp(input: TopUpInput, options?: PolicyOptions | Policy): TopUp {
  const p = policyOption(options);
  const v = parseInput(TopUpInputSchema, input);
  const citation = paramFor(p, "clauses", v.period, ["period"]).value.topUp;
  // the ids are the caller's own (not checked against the policy's members): each once
  checkMembers(
    null,
    v.members.map((m) => m.id),
    (i) => ["members", i, "id"],
    false,
    [],
  );
  // The weights may carry more than two decimals: integers in the same ratios; a non-positive one has no share.
  const weights = integerWeights(v.members.map((m) => dmax(ZERO, m.priorYearBalance)));
  const { parts, shortfall } = apportionTopUpFen(
    toFen(v.amount),
    v.members.map((m, i) => ({ weight: weights[i]!, available: toFen(m.available) })),
  );
  const contributions: Record<string, string> = {};
  v.members.forEach((m, i) => {
    contributions[m.id] = formatFen(parts[i]!);
  });
  return { contributions, shortfall: formatFen(shortfall), citation, policy: policyRef(p), library: LIBRARY };
}

// the validators are exported: nobody may change what they check
freezeSchemas(TopUpInputSchema);
