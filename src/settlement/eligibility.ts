/**
 * R8 step 3 (0.5) in settlement: each member's own reserve months, own cut
 * and eligibility for the cut-gap grant, decided from its own data (the
 * carried balance and expenditure at the measuring year end, or the
 * scenario's override), never from the levy records.
 *
 * @module
 */
import { type EligibilityDec, eligibilityDec } from "../fund/eligibility.js";
import { reserveMonthsFen } from "../fund/reserveMonths.js";
import { D, type Dec, dmax, ZERO } from "../money.js";
import type { Policy } from "../policy/schema.js";
import { cutWindowForPeriod } from "../rates/rateCutWindow.js";
import { knownCutFractions } from "../rates/resolveCut.js";
import { followingPeriod } from "./periodOrder.js";
import type { MemberFigures } from "./state.js";

/** A member's own reserve months (`null`: unbounded) and the cut they qualify for. @internal */
export function ownReserveMonthsOf(member: MemberFigures): Dec | null {
  if (member.ownReserveMonths !== undefined && member.ownReserveMonths !== null) return member.ownReserveMonths;
  // the measuring point moves once a year: the months of a (balance, expenditure) pair are read once
  const key = `${member.eligibilityBalance}/${member.eligibilityExpenditure}`;
  const known = OWN_MONTHS.get(key);
  if (known !== undefined) return known;
  const months = reserveMonthsFen(member.eligibilityBalance, member.eligibilityExpenditure);
  if (OWN_MONTHS.size >= 4096) OWN_MONTHS.clear();
  OWN_MONTHS.set(key, months);
  return months;
}

/** Reserve months by `balance/expenditure` in fen (a memo of a pure function, bounded). */
const OWN_MONTHS = new Map<string, Dec | null>();

/**
 * The city-wide cut `f` of a period for a member: the policy's fixed fraction; else the largest cut of the
 * member's levy records; else, in the window with totals only, the largest cut the rule knows (so that a
 * member whose own reserves qualify for it is never eligible, and the caller's sync-induced relief caps the
 * grant of one that is); 0 outside every window.
 * @internal
 */
export function cityCutFor(policy: Policy, period: string, levyCuts: readonly Dec[]): Dec {
  const window = cutWindowForPeriod(policy, period);
  if (!window) return ZERO;
  if (window.value.fraction !== undefined) return new D(window.value.fraction);
  if (levyCuts.length > 0) return levyCuts.reduce(dmax);
  return knownCutFractions(policy, period)
    .map((f) => new D(f))
    .reduce(dmax);
}

/** The eligibility of a member in a period. @internal */
export function memberEligibility(policy: Policy, period: string, member: MemberFigures, levyCuts: readonly Dec[]): Readonly<EligibilityDec> {
  const months = ownReserveMonthsOf(member);
  if (levyCuts.length > 0) return eligibilityDec(policy, period, months, cityCutFor(policy, period, levyCuts));
  // Without levy records the answer depends on the policy, the period and the months only: each distinct
  // (period, months) is decided once (the months are the shared, immutable decimals of ownReserveMonthsOf
  // or the scenario's own), not once a member-period.
  let byPeriod = ELIGIBILITY.get(policy);
  if (byPeriod === undefined) {
    byPeriod = new Map();
    ELIGIBILITY.set(policy, byPeriod);
  }
  let byMonths = byPeriod.get(period);
  if (byMonths === undefined) {
    if (byPeriod.size >= 1024) byPeriod.clear();
    byMonths = { unbounded: undefined, known: new WeakMap() };
    byPeriod.set(period, byMonths);
  }
  const known = months === null ? byMonths.unbounded : byMonths.known.get(months);
  if (known !== undefined) return known;
  const decided = Object.freeze(eligibilityDec(policy, period, months, cityCutFor(policy, period, levyCuts)));
  if (months === null) byMonths.unbounded = decided;
  else byMonths.known.set(months, decided);
  return decided;
}

/** The eligibility of each (policy, period, own months) without levy records. */
const ELIGIBILITY = new WeakMap<Policy, Map<string, { unbounded: Readonly<EligibilityDec> | undefined; known: WeakMap<Dec, Readonly<EligibilityDec>> }>>();

/**
 * At the year end: the measuring point moves to this year end, unless a cut window runs on into the next
 * period (its eligibility stays measured before it began: for 2020–21, the 2019 year end).
 * @internal
 */
export function rollEligibilityBase(policy: Policy, period: string, member: MemberFigures): void {
  const window = cutWindowForPeriod(policy, period);
  if (window && window === cutWindowForPeriod(policy, followingPeriod(period))) return;
  member.eligibilityBalance = member.priorYearBalance;
  member.eligibilityExpenditure = member.priorYearExpenditure;
}
