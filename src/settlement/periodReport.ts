/**
 * The report of a settled period, built from what its steps left: figures as
 * two-decimal strings, reserve months, risk levels, the parameters used and
 * the conservation check.
 *
 * @module
 */
import { openingParams } from "../fund/openPooling.js";
import { PRIORITY_CLASSES } from "../fund/payByPriority.js";
import { assessRiskDec, reserveMonthsDec } from "../fund/reserveMonths.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf, kindOf } from "../ledger/accounts.js";
import { type Dec, dmax, dsum, formatMoney, ZERO } from "../money.js";
import { policyRef } from "../policy/paramsAt.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { Claim } from "./state.js";
import type { ClassAmounts, PeriodContext } from "./steps/context.js";

/** What the pool's steps of a period leave for its report. @internal */
export interface PoolOutcome {
  open: boolean;
  floor: Dec;
  extractions: Dec;
  claimed: ClassAmounts;
  paid: ClassAmounts;
  topUp: Dec;
  shortfall: Dec;
  clawbacks: Dec;
  pending: readonly Claim[];
}

function formatClassAmounts(amounts: ClassAmounts): PeriodReport["pool"]["claimed"] {
  const out = {} as PeriodReport["pool"]["claimed"];
  for (const priorityClass of PRIORITY_CLASSES) out[priorityClass] = formatMoney(amounts[priorityClass]);
  return out;
}

function formatMonths(months: Dec | null): string | null {
  return months === null ? null : months.toFixed(2);
}

/** The report of one member. */
function memberReport(context: PeriodContext, id: string, pendingClaims: Dec): MemberPeriodReport {
  const { writer, params } = context;
  const figures = context.figures.get(id)!;
  const current = writer.balance(currentAccountOf(id));
  const carried = writer.balance(carriedAccountOf(id));
  const balance = current.plus(carried);
  const months = reserveMonthsDec(balance, context.members.get(id)!.priorYearExpenditure);
  return {
    income: formatMoney(figures.income),
    expenditure: formatMoney(figures.expenditure),
    cutRelief: formatMoney(figures.cutRelief),
    syncInducedRelief: formatMoney(figures.syncInducedRelief),
    gap: formatMoney(figures.gap),
    fromCurrentSurplus: formatMoney(figures.fromCurrentSurplus),
    fromCumulativeBalance: formatMoney(figures.fromCumulativeBalance),
    grantClaimed: formatMoney(figures.grantClaimed),
    subsidyClaimed: formatMoney(figures.subsidyClaimed),
    unclaimed: formatMoney(figures.unclaimed),
    grantPaid: formatMoney(figures.grantPaid),
    subsidyPaid: formatMoney(figures.subsidyPaid),
    deficitPaid: formatMoney(figures.deficitPaid),
    majorAccidentPaid: formatMoney(figures.majorAccidentPaid),
    clawback: formatMoney(figures.clawback),
    topUp: formatMoney(figures.topUp),
    extraction: formatMoney(figures.extraction),
    legacyFoldIn: formatMoney(figures.legacyFoldIn),
    provincialRemittance: formatMoney(figures.provincialRemittance),
    current: formatMoney(current),
    carried: formatMoney(carried),
    balance: formatMoney(balance),
    pendingClaims: formatMoney(pendingClaims),
    deficit: formatMoney(dmax(ZERO, balance.neg())),
    reserveMonths: formatMonths(months),
    risk: assessRiskDec(params.riskBands.value, months),
  };
}

/** The report of a settled period. @internal */
export function buildPeriodReport(context: PeriodContext, pool: PoolOutcome): PeriodReport {
  const { writer, params, memberIds } = context;
  let total = ZERO;
  let fiscal = ZERO;
  for (const [account, balance] of writer.balances) {
    total = total.plus(balance);
    if (kindOf(account) === "fiscal") fiscal = fiscal.plus(balance);
  }
  const pendingByMember = new Map<string, Dec>();
  for (const claim of pool.pending) pendingByMember.set(claim.member, (pendingByMember.get(claim.member) ?? ZERO).plus(claim.amount));
  const members: Record<string, MemberPeriodReport> = {};
  for (const id of memberIds) members[id] = memberReport(context, id, pendingByMember.get(id) ?? ZERO);
  const poolBalance = writer.balance(ACCOUNTS.pool);
  const cityExpenditure = dsum(memberIds.map((id) => context.members.get(id)!.priorYearExpenditure));
  const poolMonths = reserveMonthsDec(poolBalance, cityExpenditure);
  return {
    period: context.period,
    policy: policyRef(context.policy),
    parameters: {
      clawbackRate: params.clawback.value.rate,
      poolFloorMonths: params.poolFloor.value.months,
      openingExtractionRate: openingParams(context.policy).opening.value.extractionRate,
    },
    members,
    pool: {
      open: pool.open,
      balance: formatMoney(poolBalance),
      floor: formatMoney(pool.floor),
      extractions: formatMoney(pool.extractions),
      claimed: formatClassAmounts(pool.claimed),
      paid: formatClassAmounts(pool.paid),
      topUp: formatMoney(pool.topUp),
      shortfall: formatMoney(pool.shortfall),
      pendingClaims: formatMoney(dsum(pool.pending.map((claim) => claim.amount))),
      reserveMonths: formatMonths(poolMonths),
      risk: assessRiskDec(params.riskBands.value, poolMonths),
    },
    clawbacks: formatMoney(pool.clawbacks),
    conservationOk: total.isZero() && fiscal.isZero(),
  };
}
