/**
 * Steps 3–4 of a period (R8, R10): each member's local coverage of its gap
 * and its claims on the pool, by the same rule as `coverDeficit`; the
 * major-accident claims.
 *
 * @module
 */

import { coverageSteps } from "../../fund/coverDeficit.js";
import { checkMembers } from "../../fund/members.js";
import { carriedAccountOf, currentAccountOf } from "../../ledger/accounts.js";
import { FEN_ZERO, type Fen, fenMax, fenMin, formatFen } from "../../money.js";
import type { PeriodInput } from "../../schema/fields.js";
import type { EngineFlows } from "../flowsInput.js";
import type { Claim } from "../state.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";
import { memberDeficit } from "./postings.js";

/** A member's balances before the period's own outflows (after the opening extraction). @internal */
export interface BalancesBefore {
  current: Fen;
  carried: Fen;
}

/**
 * R8 steps 1–5 for each member, after its flows and remittance are posted:
 * the gap (benefits and remittance beyond income) is covered by this year's
 * surplus, then the carried balance; what the member's own balances could not
 * pay (the growth of its recorded deficit) is claimed from the pool as a grant
 * up to its sync-induced relief and a subsidy for the rest (when claiming is
 * on). The carried balance then fills the current part's hole (bookkeeping).
 * Returns the claims, in member order, grant before subsidy.
 * @internal
 */
export function claimDeficitCoverage(context: PeriodContext, before: ReadonlyMap<string, BalancesBefore>): Claim[] {
  const { writer, period } = context;
  const clauses = context.params.clauses.value;
  const claims: Claim[] = [];
  for (const id of context.memberIds) {
    const figures = figuresOf(context, id);
    const balancesBefore = before.get(id)!;
    // R5, R6 (0.7): the remittance and the extraction are owed, paid after the coverage from what is left: not part of the gap.
    const deferred = context.params.deficitCoverage.value.unpaidTransfers !== "subsidy";
    const remitted = deferred ? FEN_ZERO : figures.provincialRemittance;
    const deficitBefore = fenMax(FEN_ZERO, -(balancesBefore.current + balancesBefore.carried));
    const deficitAfter = memberDeficit(writer, id);
    const deficitGrowth = fenMax(FEN_ZERO, deficitAfter - deficitBefore);
    // The gap: benefits and remittance beyond income, or, when the opening extraction (an outflow of the period
    // outside the flows) made the deficit grow by more, that growth: what the fund could not pay of the extraction
    // is part of the gap (R6), so that the steps add up to the gap and the pool is asked for no more than it.
    const gap = fenMax(fenMax(FEN_ZERO, figures.expenditure + remitted - figures.income), deficitGrowth);
    // R6: the remittance (and the opening extraction) are paid in full; what the fund cannot pay of them is
    // part of the gap but never a cut-gap grant (the cut did not cause it): the grant's room excludes them.
    const nonCutOutflows = remitted + (deferred ? FEN_ZERO : figures.extraction);
    const grantCap = fenMin(figures.syncInducedRelief, fenMax(FEN_ZERO, deficitGrowth - nonCutOutflows));
    const steps = coverageSteps({
      gap,
      currentSurplus: balancesBefore.current,
      cumulativeBalance: balancesBefore.carried,
      syncInducedRelief: grantCap,
      poolAvailable: null,
      claimSubsidy: context.options.claimSubsidy,
      deficitGrowth,
    });
    context.trace?.coverage.push({
      member: id,
      input: {
        gap: formatFen(gap),
        currentSurplus: formatFen(balancesBefore.current),
        cumulativeBalance: formatFen(balancesBefore.carried),
        syncInducedRelief: formatFen(grantCap),
        // The claims are made before the pool pays them (R10): the pool caps nothing here.
        poolAvailable: formatFen(deficitGrowth),
        claimSubsidy: context.options.claimSubsidy,
        period: period as PeriodInput,
        deficitBefore: formatFen(deficitBefore),
        deficitAfter: formatFen(deficitAfter),
      },
    });
    figures.gap = gap;
    figures.fromCurrentSurplus = steps.fromCurrentSurplus;
    figures.fromCumulativeBalance = steps.fromCumulativeBalance;
    figures.grantClaimed = steps.poolGrant;
    figures.subsidyClaimed = steps.poolSubsidy;
    figures.unclaimed = steps.uncovered;
    // R8 (true-up): the subsidy claimed in a period with a sync-induced relief, beyond what the remittance and the
    // extraction left unpaid: the part of the year's subsidies a true-up may turn into grants.
    if (figures.syncInducedRelief > FEN_ZERO) {
      const cutRoom = fenMax(FEN_ZERO, deficitGrowth - nonCutOutflows);
      memberOf(context, id).yearGrantable += fenMin(steps.poolSubsidy, fenMax(FEN_ZERO, cutRoom - steps.poolGrant));
    }
    const current = writer.balance(currentAccountOf(id));
    const carried = writer.balance(carriedAccountOf(id));
    const fill = fenMin(fenMax(FEN_ZERO, -current), fenMax(FEN_ZERO, carried));
    writer.post(period, carriedAccountOf(id), currentAccountOf(id), fill, "carriedToCurrent", clauses.localCoverage, id);
    if (steps.poolGrant > FEN_ZERO) claims.push({ member: id, kind: "cutGapGrant", amount: steps.poolGrant, period, recordedDeficit: false });
    if (steps.poolSubsidy > FEN_ZERO) claims.push({ member: id, kind: "subsidy", amount: steps.poolSubsidy, period, recordedDeficit: false });
  }
  return claims;
}

/**
 * The period's major-accident claims on the pool (R10 (a)).
 * @throws PoolingError `UNKNOWN_MEMBER` for a claim of a member not in force.
 * @internal
 */
export function majorAccidentClaims(context: PeriodContext, given: EngineFlows["majorAccidentClaims"]): Claim[] {
  const claims: Claim[] = [];
  (given ?? []).forEach((claim, index) => {
    checkMembers(context.policy, [claim.member], () => [...context.prefix, "majorAccidentClaims", index, "member"], false, [], context.period);
    const amount = claim.amount;
    if (amount > FEN_ZERO) claims.push({ member: claim.member, kind: "majorAccident", amount, period: context.period, recordedDeficit: false });
  });
  return claims;
}

/**
 * R5 (0.5), `opening.coverOpeningDeficits`: in the opening period, a member
 * whose balance after the legacy fold-in is negative has that deficit claimed
 * from the pool (R8 step 4), less what its claims still waiting from before
 * the opening already ask for; it carries the 20% of 二（三） only with
 * `opening.deficitCoverageCharged` (the 0.6 reading).
 * @internal
 */
export function openingDeficitClaims(context: PeriodContext, before: ReadonlyMap<string, BalancesBefore>, waiting: readonly Claim[]): Claim[] {
  const claims: Claim[] = [];
  for (const id of context.memberIds) {
    const balancesBefore = before.get(id)!;
    const waitingFor = waiting.filter((claim) => claim.member === id && claim.kind !== "majorAccident").reduce((sum, claim) => sum + claim.amount, FEN_ZERO);
    const amount = fenMax(FEN_ZERO, -(balancesBefore.current + balancesBefore.carried) - waitingFor);
    if (amount === FEN_ZERO) continue;
    figuresOf(context, id).openingDeficitClaimed = amount;
    // R5 (0.7): covering an accumulated deficit (二（二）“弥补基金累计结余赤字”) is no 补助 of 二（三）: no 20% by default.
    const charged = context.params.opening.value.deficitCoverageCharged === true;
    claims.push({ member: id, kind: "subsidy", amount, period: context.period, recordedDeficit: false, ...(charged ? {} : { charged: false }) });
  }
  return claims;
}
