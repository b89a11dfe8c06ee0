/**
 * The report of a settled period, built from what its steps left: figures as
 * two-decimal strings, reserve months, risk levels, the parameters used and
 * the conservation check.
 *
 * @module
 */
import { openingParams } from "../fund/openPooling.js";
import { PRIORITY_CLASSES } from "../fund/payByPriority.js";
import { assessRiskDec } from "../fund/reserveMonths.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf, kindOf } from "../ledger/accounts.js";
import { type Dec, FEN_ZERO, type Fen, fenMax, fenSum, formatFen } from "../money.js";
import { policyRef } from "../policy/paramsAt.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { Claim } from "./state.js";
import { type ClassAmounts, type PeriodContext, reserveMonthsOfFen } from "./steps/context.js";
import type { TopUpReason } from "./steps/topUp.js";

/** What the pool's steps of a period leave for its report. @internal */
export interface PoolOutcome {
  open: boolean;
  floor: Fen;
  extractions: Fen;
  claimed: ClassAmounts;
  paid: ClassAmounts;
  topUp: Fen;
  topUpReason: TopUpReason | null;
  shortfall: Fen;
  /** R9: clawbacks settled this period (the year's, in its last period). */
  clawbacks: Fen;
  /** R9: clawbacks accrued this period. */
  clawbacksAccrued: Fen;
  pending: readonly Claim[];
}

function formatClassAmounts(amounts: ClassAmounts): PeriodReport["pool"]["claimed"] {
  const out = {} as PeriodReport["pool"]["claimed"];
  for (const priorityClass of PRIORITY_CLASSES) out[priorityClass] = formatFen(amounts[priorityClass]);
  return out;
}

function formatMonths(months: Dec | null): string | null {
  return months === null ? null : months.toFixed(2);
}

/** The report of one member. */
function memberReport(context: PeriodContext, id: string, pendingClaims: Fen): MemberPeriodReport {
  const { writer, params } = context;
  const figures = context.figures.get(id)!;
  const current = writer.balance(currentAccountOf(id));
  const carried = writer.balance(carriedAccountOf(id));
  const balance = current + carried;
  const months = reserveMonthsOfFen(balance, context.members.get(id)!.priorYearExpenditure);
  return {
    income: formatFen(figures.income),
    expenditure: formatFen(figures.expenditure),
    cutRelief: formatFen(figures.cutRelief),
    syncInducedRelief: formatFen(figures.syncInducedRelief),
    gap: formatFen(figures.gap),
    fromCurrentSurplus: formatFen(figures.fromCurrentSurplus),
    fromCumulativeBalance: formatFen(figures.fromCumulativeBalance),
    grantClaimed: formatFen(figures.grantClaimed),
    subsidyClaimed: formatFen(figures.subsidyClaimed),
    unclaimed: formatFen(figures.unclaimed),
    grantPaid: formatFen(figures.grantPaid),
    subsidyPaid: formatFen(figures.subsidyPaid),
    deficitPaid: formatFen(figures.deficitPaid),
    majorAccidentPaid: formatFen(figures.majorAccidentPaid),
    clawback: formatFen(figures.clawback),
    clawbackAccrued: formatFen(figures.clawbackAccrued),
    openingDeficitClaimed: formatFen(figures.openingDeficitClaimed),
    topUp: formatFen(figures.topUp),
    extraction: formatFen(figures.extraction),
    legacyFoldIn: formatFen(figures.legacyFoldIn),
    provincialRemittance: formatFen(figures.provincialRemittance),
    current: formatFen(current),
    carried: formatFen(carried),
    balance: formatFen(balance),
    pendingClaims: formatFen(pendingClaims),
    deficit: formatFen(fenMax(FEN_ZERO, -balance)),
    reserveMonths: formatMonths(months),
    risk: assessRiskDec(params.riskBands.value, months),
  };
}

/** The report of a settled period. @internal */
export function buildPeriodReport(context: PeriodContext, pool: PoolOutcome): PeriodReport {
  const { writer, params, memberIds } = context;
  let total = FEN_ZERO;
  let fiscal = FEN_ZERO;
  for (const [account, balance] of writer.balances) {
    total += balance;
    if (kindOf(account) === "fiscal") fiscal += balance;
  }
  const pendingByMember = new Map<string, Fen>();
  for (const claim of pool.pending) pendingByMember.set(claim.member, (pendingByMember.get(claim.member) ?? FEN_ZERO) + claim.amount);
  const members: Record<string, MemberPeriodReport> = {};
  for (const id of memberIds) members[id] = memberReport(context, id, pendingByMember.get(id) ?? FEN_ZERO);
  const poolBalance = writer.balance(ACCOUNTS.pool);
  const cityExpenditure = fenSum(memberIds.map((id) => context.members.get(id)!.priorYearExpenditure));
  const poolMonths = reserveMonthsOfFen(poolBalance, cityExpenditure);
  const opening = openingParams(context.policy).opening;
  const clauses = params.clauses.value;
  return {
    period: context.period,
    policy: policyRef(context.policy),
    parameters: {
      clawbackRate: params.clawback.value.rate,
      poolFloorMonths: params.poolFloor.value.months,
      openingExtractionRate: opening.value.extractionRate,
      openingBalanceYear: opening.value.balanceYear,
      clawbackMunicipal: params.clawback.value.municipal,
      topUpSchedule: params.topUp.value.schedule,
      topUpWhenShort: params.topUp.value.whenShort,
      priority: [...params.pool.value.priority],
      coverOpeningDeficits: opening.value.coverOpeningDeficits,
    },
    citations: {
      opening: opening.citation,
      provincialRemittance: params.provincialReserve.citation,
      localCoverage: clauses.localCoverage,
      cutGapGrant: clauses.cutGapGrant,
      subsidy: clauses.subsidy,
      recordedDeficit: clauses.recordedDeficit,
      majorAccident: clauses.majorAccident,
      poolFloor: params.poolFloor.citation,
      topUp: clauses.topUp,
      topUpSchedule: params.topUp.citation,
      priority: params.pool.citation,
      clawback: params.clawback.citation,
    },
    members,
    pool: {
      open: pool.open,
      balance: formatFen(poolBalance),
      floor: formatFen(pool.floor),
      extractions: formatFen(pool.extractions),
      claimed: formatClassAmounts(pool.claimed),
      paid: formatClassAmounts(pool.paid),
      topUp: formatFen(pool.topUp),
      topUpReason: pool.topUpReason,
      shortfall: formatFen(pool.shortfall),
      pendingClaims: formatFen(fenSum(pool.pending.map((claim) => claim.amount))),
      reserveMonths: formatMonths(poolMonths),
      risk: assessRiskDec(params.riskBands.value, poolMonths),
    },
    clawbacks: formatFen(pool.clawbacks),
    clawbacksAccrued: formatFen(pool.clawbacksAccrued),
    conservationOk: total === FEN_ZERO && fiscal === FEN_ZERO,
  };
}
