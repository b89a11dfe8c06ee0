/**
 * Step 7 of a period (R14): at the fiscal year's end, the year's clawbacks
 * settle through the fiscal settlement (R9), this year's surplus rolls into
 * the carried balance and this year's figures become next year's "prior year".
 *
 * @module
 */
import { apportionFenCore, integerWeights } from "../../fund/apportion.js";
import { MUNICIPAL_MEMBER, yearClawbackFen } from "../../fund/clawback.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf, fiscalAccountOf } from "../../ledger/accounts.js";
import { D, FEN_ZERO, type Fen } from "../../money.js";
import { figuresOf, memberOf, type PeriodContext } from "./context.js";

/** The last month of the fiscal year. @internal */
export const FISCAL_YEAR_END_MONTH = 12;

/**
 * R9: in the year's last period (December, or the last period a simulation
 * settles), one fiscal transfer per member of the year's clawback, from its
 * government to municipal finance; 市本级's follows `clawback.municipal`
 * (none, or split between `fiscal:gusu` and `fiscal:snd`). Returns the total settled.
 * @internal
 */
export function settleClawbacksWhenDue(context: PeriodContext): Fen {
  if (context.month !== FISCAL_YEAR_END_MONTH && !context.lastPeriod) return FEN_ZERO;
  const { writer, period, params } = context;
  const { municipal } = params.clawback.value;
  const citation = params.clawback.citation;
  let total = FEN_ZERO;
  for (const id of context.memberIds) {
    const member = memberOf(context, id);
    const amount = yearClawbackFen(id, member.yearSubsidies, municipal);
    member.yearSubsidies = new Map();
    figuresOf(context, id).clawback = amount;
    total += amount;
    if (amount === FEN_ZERO) continue;
    if (id === MUNICIPAL_MEMBER && municipal !== "none") {
      const [gusu, snd] = apportionFenCore(amount, integerWeights([new D(municipal.split.gusu), new D(municipal.split.snd)]));
      writer.post(period, fiscalAccountOf("gusu"), ACCOUNTS.municipalFinance, gusu!, "clawback", citation, id);
      writer.post(period, fiscalAccountOf("snd"), ACCOUNTS.municipalFinance, snd!, "clawback", citation, id);
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
  }
  context.poolBenefits.priorYear = context.poolBenefits.year;
  context.poolBenefits.year = FEN_ZERO;
}
