/**
 * Step 7 of a period (R14): at the fiscal year's end, the optional true-up of
 * the year's grants and subsidies (R8), the year's clawbacks settle through
 * the fiscal settlement (R9), this year's surplus rolls into the carried
 * balance and this year's figures become next year's "prior year".
 *
 * @module
 */
import { apportionFenCore, integerWeights } from "../../fund/apportion.js";
import { MUNICIPAL_MEMBER, yearClawbackFen } from "../../fund/clawback.js";
import { settleLastFirst, trueUpCitation, trueUpFen } from "../../fund/trueUp.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf, fiscalAccountOf } from "../../ledger/accounts.js";
import { D, FEN_ZERO, type Fen, fenMax, formatFen } from "../../money.js";
import type { PeriodInput } from "../../schema/fields.js";
import type { Claim } from "../state.js";
import { clawbackRateOf, figuresOf, memberOf, type PeriodContext } from "./context.js";
import { debitMember, memberBalance } from "./postings.js";

/** The last month of the fiscal year. @internal */
export const FISCAL_YEAR_END_MONTH = 12;

/** Whether the year's settlements are due: December, or the last period a simulation settles. */
function yearSettlementDue(context: PeriodContext): boolean {
  return context.month === FISCAL_YEAR_END_MONTH || context.lastPeriod;
}

/**
 * R8, option `deficitCoverage.yearEndTrueUp`, by the same rule as
 * `yearEndTrueUp`: when the year's settlements are due, each member returns
 * to the pool what it still holds of the year's grants and subsidies
 * (subsidies first; out of its current surplus, then its carried balance),
 * and its kept subsidies that the cut could have caused become grants within
 * the year's unused relief (less its grant claims still waiting). The
 * subsidies taken off the clawback's base leave the last periods first.
 * `pending` are the claims left waiting after the period's payments. Returns
 * the total returned.
 * @internal
 */
export function trueUpWhenDue(context: PeriodContext, pending: readonly Claim[]): Fen {
  if (!yearSettlementDue(context) || !context.params.deficitCoverage.value.yearEndTrueUp) return FEN_ZERO;
  const { writer, period } = context;
  const citation = trueUpCitation(context.params.clauses.value);
  let total = FEN_ZERO;
  for (const id of context.memberIds) {
    const member = memberOf(context, id);
    let subsidiesPaid = FEN_ZERO;
    for (const amount of member.yearSubsidies.values()) subsidiesPaid += amount;
    let grantsWaiting = FEN_ZERO;
    let subsidiesWaiting = FEN_ZERO;
    for (const claim of pending) {
      if (claim.member !== id) continue;
      if (claim.kind === "cutGapGrant") grantsWaiting += claim.amount;
      if (claim.kind === "subsidy" && claim.charged !== false) subsidiesWaiting += claim.amount;
    }
    const input = {
      grantsPaid: member.yearGrants,
      subsidiesPaid,
      yearEndBalance: memberBalance(writer, id),
      relief: member.yearRelief,
      // the grantable subsidies still waiting are not paid: they cannot be settled as grants
      grantableSubsidies: fenMax(FEN_ZERO, member.yearGrantable - subsidiesWaiting),
      grantsWaiting,
    };
    context.trace?.trueUps.push({
      member: id,
      input: {
        grantsPaid: formatFen(input.grantsPaid),
        subsidiesPaid: Object.fromEntries([...member.yearSubsidies].map(([p, amount]) => [p, formatFen(amount)])),
        yearEndBalance: formatFen(input.yearEndBalance),
        syncInducedRelief: formatFen(input.relief),
        grantableSubsidies: formatFen(input.grantableSubsidies),
        grantsWaiting: formatFen(grantsWaiting),
        period: period as PeriodInput,
      },
    });
    const t = trueUpFen(input);
    debitMember(writer, period, id, ACCOUNTS.pool, t.returned, "trueUpReturn", citation);
    // The clawback's base: the settled subsidies, the last periods' taken off first.
    member.yearSubsidies = settleLastFirst(member.yearSubsidies, t.subsidiesReturned + t.reclassified);
    member.yearGrants = t.grantsSettled;
    const figures = figuresOf(context, id);
    figures.trueUpReturned = t.returned;
    figures.trueUpReclassified = t.reclassified;
    total += t.returned;
  }
  return total;
}

/**
 * R9: in the year's last period (December, or the last period a simulation
 * settles), one fiscal transfer per member of the year's clawback, from its
 * government to municipal finance; 市本级's follows `clawback.municipal`
 * (none, or split over the fiscal accounts its `split` names, by weight). Returns the total settled.
 * @internal
 */
export function settleClawbacksWhenDue(context: PeriodContext): Fen {
  if (!yearSettlementDue(context)) return FEN_ZERO;
  const { writer, period, params } = context;
  const { municipal } = params.clawback.value;
  const rateOf = clawbackRateOf(context);
  const citation = params.clawback.citation;
  let total = FEN_ZERO;
  for (const id of context.memberIds) {
    const member = memberOf(context, id);
    const amount = yearClawbackFen(id, member.yearSubsidies, municipal, rateOf);
    // the year's advances are settled: the next year (or the rest of this one) starts afresh
    member.yearSubsidies = new Map();
    member.yearGrants = FEN_ZERO;
    member.yearRelief = FEN_ZERO;
    member.yearGrantable = FEN_ZERO;
    figuresOf(context, id).clawback = amount;
    total += amount;
    if (amount === FEN_ZERO) continue;
    if (id === MUNICIPAL_MEMBER && municipal !== "none") {
      const payers = Object.entries(municipal.split);
      const shares = apportionFenCore(amount, integerWeights(payers.map(([, weight]) => new D(weight))));
      payers.forEach(([payer], i) => {
        writer.post(period, fiscalAccountOf(payer), ACCOUNTS.municipalFinance, shares[i]!, "clawback", citation, id);
      });
    } else {
      writer.post(period, fiscalAccountOf(id), ACCOUNTS.municipalFinance, amount, "clawback", citation, id);
    }
  }
  return total;
}

/**
 * Rolls each member's current part into its carried part and takes the
 * year's figures as the prior year's (the pool's own benefits included);
 * does nothing before the year's last month.
 * @internal
 */
export function closeYearWhenDue(context: PeriodContext): void {
  if (context.month !== FISCAL_YEAR_END_MONTH) return;
  const { writer, period } = context;
  const rollover = context.params.clauses.value.rollover;
  for (const id of context.memberIds) {
    const current = writer.balance(currentAccountOf(id));
    if (current > FEN_ZERO) writer.post(period, currentAccountOf(id), carriedAccountOf(id), current, "yearEndRollover", rollover, id);
    if (current < FEN_ZERO) writer.post(period, carriedAccountOf(id), currentAccountOf(id), -current, "yearEndRollover", rollover, id);
    const member = memberOf(context, id);
    member.priorYearBalance = writer.balance(carriedAccountOf(id));
    member.priorYearExpenditure = member.yearExpenditure;
    member.priorYearIncome = member.yearIncome;
    member.yearIncome = FEN_ZERO;
    member.yearExpenditure = FEN_ZERO;
    member.yearRemitted = FEN_ZERO;
  }
  context.poolBenefits.priorYear = context.poolBenefits.year;
  context.poolBenefits.year = FEN_ZERO;
}
