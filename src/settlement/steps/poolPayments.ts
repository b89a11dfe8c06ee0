/**
 * Step 6 of a period (R10, R9): the claims on the pool sorted into the named
 * priority classes, and paid by the same rule as `payByPriority`, each
 * subsidy with its clawback.
 *
 * @module
 */

import { yearClawbackFen } from "../../fund/clawback.js";
import { carriesClawback, type DeficitOrigin, PRIORITY_CLASSES, type PriorityClass, payByPriorityCore } from "../../fund/payByPriority.js";
import { ACCOUNTS } from "../../ledger/accounts.js";
import type { EntryKind } from "../../ledger/journal.js";
import { FEN_ZERO, type Fen, fenMax, fenMin, fenSum, formatFen } from "../../money.js";
import type { Citation } from "../../policy/citation.js";
import type { PeriodInput } from "../../schema/fields.js";
import { aggregateClaims, type Claim } from "../state.js";
import { type ClassAmounts, clawbackRateOf, figuresOf, memberOf, type PeriodContext, zeroClassAmounts } from "./context.js";
import { creditMemberFromPool, memberDeficit } from "./postings.js";

/** The claims of a period by priority class, in the order the pool pays them. @internal */
export type ClaimsByClass = Record<PriorityClass, Claim[]>;

/** The priority class of a claim: a waiting grant or subsidy is a recorded deficit (R8 step 5). */
function priorityClassOf(claim: Claim): PriorityClass {
  if (claim.kind === "majorAccident") return "majorAccident";
  return claim.recordedDeficit ? "recordedDeficit" : claim.kind;
}

/** The origin of a recorded deficit: the kind of claim it was. */
function originOf(claim: Claim): DeficitOrigin | undefined {
  return claim.kind === "majorAccident" ? undefined : claim.kind;
}

/**
 * Sorts the claims into priority classes. An earlier recorded deficit is kept
 * only as far as the member is still in deficit beyond what this period's own
 * claims cover; the rest of it is withdrawn.
 * @internal
 */
export function claimsByClass(context: PeriodContext, claims: readonly Claim[]): ClaimsByClass {
  const ownClaims = new Map<string, Fen>();
  for (const claim of claims) {
    if (!claim.recordedDeficit && claim.kind !== "majorAccident") ownClaims.set(claim.member, (ownClaims.get(claim.member) ?? FEN_ZERO) + claim.amount);
  }
  const room = new Map<string, Fen>();
  for (const id of context.memberIds) room.set(id, fenMax(FEN_ZERO, memberDeficit(context.writer, id) - (ownClaims.get(id) ?? FEN_ZERO)));
  const byClass: ClaimsByClass = { majorAccident: [], cutGapGrant: [], subsidy: [], recordedDeficit: [] };
  for (const claim of claims) {
    const priorityClass = priorityClassOf(claim);
    if (priorityClass !== "recordedDeficit") {
      byClass[priorityClass].push(claim);
      continue;
    }
    const memberRoom = room.get(claim.member)!;
    const amount = fenMin(claim.amount, memberRoom);
    room.set(claim.member, memberRoom - amount);
    if (amount > FEN_ZERO) byClass.recordedDeficit.push({ ...claim, amount });
  }
  return byClass;
}

/** The total of each class. @internal */
export function classTotals(byClass: ClaimsByClass): ClassAmounts {
  const totals = zeroClassAmounts();
  for (const priorityClass of PRIORITY_CLASSES) totals[priorityClass] = fenSum(byClass[priorityClass].map((claim) => claim.amount));
  return totals;
}

/** The journal kind, citation and report figure of a payment of a class. */
function paymentPosting(context: PeriodContext, priorityClass: PriorityClass, claim: Claim): { kind: EntryKind; citation: Citation } {
  const clauses = context.params.clauses.value;
  // R5 (0.7): an opening deficit covered without the 20% is 弥补基金累计结余赤字, not a subsidy.
  if (claim.charged === false) return { kind: "deficitCover", citation: clauses.recordedDeficit };
  switch (priorityClass) {
    case "majorAccident":
      return { kind: "majorAccidentBenefit", citation: clauses.majorAccident };
    case "cutGapGrant":
      return { kind: "cutGapGrant", citation: clauses.cutGapGrant };
    case "subsidy":
      return { kind: "subsidy", citation: clauses.subsidy };
    case "recordedDeficit":
      return { kind: claim.kind === "subsidy" ? "subsidy" : "deficitCover", citation: clauses.recordedDeficit };
  }
}

const PAID_FIGURE = {
  majorAccident: "majorAccidentPaid",
  cutGapGrant: "grantPaid",
  subsidy: "subsidyPaid",
  recordedDeficit: "deficitPaid",
} as const satisfies Record<PriorityClass, string>;

/**
 * The pool pays the classes in the policy's priority order; a class it cannot
 * pay in full is paid pro rata and payment stops. A major-accident benefit
 * goes to the beneficiaries (and counts in the pool's own payouts, R7), the
 * others into the member's fund. Each subsidy paid accrues its member's
 * clawback (R9), settled at year end. What was not paid waits: accident
 * claims as such, the others as recorded deficits.
 * @internal
 */
export function payClaimsByPriority(context: PeriodContext, byClass: ClaimsByClass): { paid: ClassAmounts; clawbacksAccrued: Fen; pending: Claim[] } {
  const { writer, period, params } = context;
  const order = params.pool.value.priority;
  const rateOf = clawbackRateOf(context);
  const { municipal } = params.clawback.value;
  // R9: the year's clawback of each member paid a subsidy this period, before its first subsidy (the others accrue nothing)
  const accruedBefore = new Map<string, Fen>();
  const claims = {} as Record<PriorityClass, { member: string; amount: Fen; origin: DeficitOrigin | undefined }[]>;
  for (const priorityClass of PRIORITY_CLASSES) {
    claims[priorityClass] = byClass[priorityClass].map((claim) => ({ member: claim.member, amount: claim.amount, origin: originOf(claim) }));
  }
  const available = writer.balance(ACCOUNTS.pool);
  context.trace?.payments.push({
    poolAvailable: formatFen(available),
    majorAccident: claims.majorAccident.map((claim) => ({ member: claim.member, amount: formatFen(claim.amount) })),
    cutGapGrant: claims.cutGapGrant.map((claim) => ({ member: claim.member, amount: formatFen(claim.amount) })),
    subsidy: claims.subsidy.map((claim) => ({ member: claim.member, amount: formatFen(claim.amount) })),
    recordedDeficit: claims.recordedDeficit.map((claim) => ({ member: claim.member, amount: formatFen(claim.amount), origin: claim.origin ?? "subsidy" })),
    period: period as PeriodInput,
  });
  const { lines } = payByPriorityCore(available, claims, params.clawback.value.rate, order);
  const paid = zeroClassAmounts();
  const pending: Claim[] = [];
  for (const priorityClass of order) {
    byClass[priorityClass].forEach((claim, index) => {
      const { paid: amount } = lines[priorityClass][index]!;
      const figures = figuresOf(context, claim.member);
      const { kind, citation } = paymentPosting(context, priorityClass, claim);
      if (priorityClass === "majorAccident") {
        writer.post(period, ACCOUNTS.pool, ACCOUNTS.beneficiaries, amount, kind, citation, claim.member);
        context.poolBenefits.year += amount;
      } else creditMemberFromPool(writer, period, claim.member, amount, kind, citation);
      const figure = claim.charged === false ? "deficitPaid" : PAID_FIGURE[priorityClass];
      figures[figure] = figures[figure] + amount;
      paid[priorityClass] = paid[priorityClass] + amount;
      // R8: the year's grants (a grant, or a recorded deficit that was one), for the year-end true-up.
      if (amount > FEN_ZERO && isGrantLine(priorityClass, claim)) memberOf(context, claim.member).yearGrants += amount;
      // R9: a subsidy paid (a line that carries the clawback) accrues at the rate in force; it settles at year end.
      if (amount > FEN_ZERO && carriesClawbackLine(priorityClass, claim)) {
        const subsidies = memberOf(context, claim.member).yearSubsidies;
        if (!accruedBefore.has(claim.member)) accruedBefore.set(claim.member, yearClawbackFen(claim.member, subsidies, municipal, rateOf));
        subsidies.set(period, (subsidies.get(period) ?? FEN_ZERO) + amount);
      }
      const unpaid = claim.amount - amount;
      if (unpaid > FEN_ZERO) pending.push({ ...claim, amount: unpaid, recordedDeficit: claim.kind !== "majorAccident" });
    });
  }
  let clawbacksAccrued = FEN_ZERO;
  for (const [id, before] of accruedBefore) {
    const accrued = yearClawbackFen(id, memberOf(context, id).yearSubsidies, municipal, rateOf) - before;
    figuresOf(context, id).clawbackAccrued = accrued;
    clawbacksAccrued += accrued;
  }
  return { paid, clawbacksAccrued, pending: aggregateClaims(pending) };
}

/** Whether a paid line is a cut-gap grant: the class itself, or a recorded deficit that was one. */
function isGrantLine(priorityClass: PriorityClass, claim: Claim): boolean {
  return priorityClass === "cutGapGrant" || (priorityClass === "recordedDeficit" && claim.kind === "cutGapGrant");
}

/** Whether a paid line carries the clawback (R9): subsidies, and recorded deficits that were subsidies. */
function carriesClawbackLine(priorityClass: PriorityClass, claim: Claim): boolean {
  return claim.charged !== false && carriesClawback(priorityClass, originOf(claim));
}
