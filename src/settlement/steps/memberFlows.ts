/**
 * Step 2 of a period (R14): each member's income and expenditure. Income is
 * given as a total or computed from employer levy records (R4), which also
 * supply the cut relief and the sync-induced relief (computed at the member's
 * own cut, R8 0.5); an ineligible member's sync-induced relief is 0.
 *
 * @module
 */
import { PoolingError, withPathPrefix } from "../../errors.js";
import { ACCOUNTS, currentAccountOf } from "../../ledger/accounts.js";
import { computeParsedLevy } from "../../levy/computeLevy.js";
import type { Levy } from "../../levy/schema.js";
import { D, type Dec, FEN_ZERO, parseFen } from "../../money.js";
import { memberEligibility } from "../eligibility.js";
import type { EngineMemberFlows } from "../flowsInput.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";

type ParsedMemberFlows = EngineMemberFlows;

/** A member's income, cut relief and sync-induced relief of the period: the totals given plus the levies'. */
function memberIncome(context: PeriodContext, member: string, flows: ParsedMemberFlows) {
  let income = flows.income ?? FEN_ZERO;
  let cutRelief = flows.cutRelief ?? FEN_ZERO;
  let syncInducedRelief = flows.syncInducedRelief ?? FEN_ZERO;
  // R8 (0.5): the member's own cut comes from its own reserve months, not from the levy records.
  const ownEligibility = memberEligibility(context.policy, context.period, memberOf(context, member), []);
  const ownCut = ownEligibility.ownCutFraction;
  const levyCuts: Dec[] = [];
  (flows.levies ?? []).forEach((given, index) => {
    const path = [...context.prefix, "members", member, "levies", index];
    const { ownReserveMonths: _months, ...rest } = given;
    const levyInput = { ...rest, ownCutFraction: ownCut };
    if (given.ownCutFraction !== undefined && !given.ownCutFraction.eq(ownCut)) {
      throw new PoolingError("CUT_FRACTION_CONFLICT", [...path, "ownCutFraction"], {
        en: `the member's own reserve months qualify for ${ownCut.toFixed()}, the levy says ${given.ownCutFraction.toFixed()}`,
        zh: `该地区自身可支付月数对应 ${ownCut.toFixed()}，缴费记录为 ${given.ownCutFraction.toFixed()}`,
      });
    }
    if (levyInput.period !== context.period) {
      throw new PoolingError("PERIOD_OUT_OF_ORDER", [...path, "period"], {
        en: `a levy of ${levyInput.period} in ${context.period}`,
        zh: `${context.period} 中含 ${levyInput.period} 的缴费记录`,
      });
    }
    let levy: Levy;
    try {
      levy = computeParsedLevy(context.policy, levyInput);
    } catch (e) {
      throw withPathPrefix(e, path);
    }
    income += parseFen(levy.premiumDue);
    cutRelief += parseFen(levy.cutRelief);
    syncInducedRelief += parseFen(levy.syncInducedRelief);
    levyCuts.push(new D(levy.cutFraction));
  });
  // R8 step 3 (0.5): only an eligible member has a sync-induced relief (the caller's total included).
  // without levy records the city's cut is the same: the eligibility just decided
  const eligibility = levyCuts.length === 0 ? ownEligibility : memberEligibility(context.policy, context.period, memberOf(context, member), levyCuts);
  if (!eligibility.eligible) syncInducedRelief = FEN_ZERO;
  return { income, cutRelief, syncInducedRelief, eligibility };
}

/**
 * Posts each member's income (from employers) and benefits (to beneficiaries)
 * on its current part and adds them to its year-to-date figures.
 * @throws PoolingError `PERIOD_OUT_OF_ORDER` (a levy of another period) and the levy's own codes.
 * @internal
 */
export function postMemberFlows(context: PeriodContext, flows: Readonly<Record<string, ParsedMemberFlows>>): void {
  const incomeCitation = context.params.clauses.value.income;
  for (const id of context.memberIds) {
    const memberFlows = flows[id]!;
    const { income, cutRelief, syncInducedRelief, eligibility } = memberIncome(context, id, memberFlows);
    const expenditure = memberFlows.expenditure;
    context.writer.post(context.period, ACCOUNTS.employers, currentAccountOf(id), income, "income", incomeCitation, id);
    context.writer.post(context.period, currentAccountOf(id), ACCOUNTS.beneficiaries, expenditure, "benefit", incomeCitation, id);
    const member = memberOf(context, id);
    member.yearIncome += income;
    member.yearExpenditure += expenditure;
    // R8: the year's grant cap at the true-up (0 in the periods the member is not eligible).
    member.yearRelief += syncInducedRelief;
    Object.assign(figuresOf(context, id), { income, expenditure, cutRelief, syncInducedRelief, eligibility });
  }
}
