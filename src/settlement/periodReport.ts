/**
 * The report of a settled period, built from what its steps left: figures as
 * two-decimal strings, reserve months, risk levels, the parameters used and
 * the conservation check.
 *
 * @module
 */
import { openingParams } from "../fund/openPooling.js";
import { PRIORITY_CLASSES } from "../fund/payByPriority.js";
import { assessRiskDec, assessRiskHundredths, reserveMonthsDec, reserveMonthsHundredths } from "../fund/reserveMonths.js";
import { trueUpCitation } from "../fund/trueUp.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf, kindOf } from "../ledger/accounts.js";
import { D, type Dec, FEN_ZERO, type Fen, fenMax, fenSum, fenToDec, formatFen, formatRate, ZERO } from "../money.js";
import { policyRef } from "../policy/paramsAt.js";
import { LIBRARY, type ResultWarning, reviewWarnings } from "../policy/provenance.js";
import type { Policy } from "../policy/schema.js";
import type { Period } from "../schema/fields.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { Claim } from "./state.js";
import type { ClassAmounts, PeriodContext } from "./steps/context.js";
import { owedTotal } from "./steps/owed.js";
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
  /** R8: returned to the pool at the year's true-up. */
  trueUpReturned: Fen;
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

/**
 * The pool's reserve months on its floor's base: `balance × floorMonths ÷ floor` (= balance ÷ (base ÷ 12),
 * the floor being `floorMonths` of the base), rounded down to two decimals; `null` (unbounded) for a floor of 0
 * and a balance ≥ 0.
 */
function poolReserveMonths(balance: Dec, floor: Dec, floorMonths: Dec): Dec | null {
  if (floor.isZero() || floorMonths.isZero()) return reserveMonthsDec(balance, ZERO);
  return balance.times(floorMonths).div(floor).toDecimalPlaces(2, D.ROUND_FLOOR);
}

/** Where each risk band's bound comes from, as reports state it (R11, 0.5). @internal */
export function riskBandsSource(bands: PeriodContext["params"]["riskBands"]["value"], entity: "pool" | "member" = "pool"): string {
  // R11 (0.7): the document's 3 months is the pool's floor (二（二）); for a member's fund no band is the document's.
  const sourceOf = (source: string | undefined) => (entity === "member" && source === "document" ? "library default" : (source ?? "not stated"));
  return bands.map((b) => `${b.level} from ${b.fromMonths} months: ${sourceOf(b.source)}`).join("; ");
}

/** A member's balances at the end of the period, its reserve months and its risk level (R11). @internal */
export function memberStanding(context: PeriodContext, id: string) {
  const { writer, params } = context;
  const current = writer.balance(currentAccountOf(id));
  const carried = writer.balance(carriedAccountOf(id));
  const balance = current + carried;
  // R11: in hundredths of a month, exactly as reserveMonthsFen rounds them (its two-decimal text is the report's)
  const months = reserveMonthsHundredths(balance, context.members.get(id)!.priorYearExpenditure);
  return {
    current,
    carried,
    balance,
    reserveMonths: months === null ? null : formatFen(months),
    risk: assessRiskHundredths(params.riskBands.value, months, balance),
  };
}

/** The report of one member. */
function memberReport(context: PeriodContext, id: string, pendingClaims: Fen): MemberPeriodReport {
  const { params } = context;
  const figures = context.figures.get(id)!;
  const { current, carried, balance, reserveMonths, risk } = memberStanding(context, id);
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
    trueUpReturned: formatFen(figures.trueUpReturned),
    trueUpReclassified: formatFen(figures.trueUpReclassified),
    openingDeficitClaimed: formatFen(figures.openingDeficitClaimed),
    topUp: formatFen(figures.topUp),
    extraction: formatFen(figures.extraction),
    legacyFoldIn: formatFen(figures.legacyFoldIn),
    provincialRemittance: formatFen(figures.provincialRemittance),
    provincialRemittanceOwed: formatFen(figures.provincialRemittanceOwed),
    extractionOwed: formatFen(figures.extractionOwed),
    topUpOwed: formatFen(figures.topUpOwed),
    owedSettled: formatFen(figures.owedSettled),
    owed: formatFen(owedTotal(context.members.get(id)!.owed)),
    remittanceOverdue:
      figures.remittanceOverdue ||
      (context.members.get(id)!.owed.provincialRemittance > FEN_ZERO && context.month > Number(params.provincialReserve.value.dueMonthDay.slice(0, 2))),
    current: formatFen(current),
    carried: formatFen(carried),
    balance: formatFen(balance),
    pendingClaims: formatFen(pendingClaims),
    deficit: formatFen(fenMax(FEN_ZERO, -balance)),
    reserveMonths,
    risk,
    ownReserveMonths: formatMonths(figures.eligibility.ownReserveMonths),
    ownCutFraction: formatRate(figures.eligibility.ownCutFraction),
    eligibleForCutGapGrant: figures.eligibility.eligible,
    eligibilityReason: figures.eligibility.reason,
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
  const opening = openingParams(context.policy).opening;
  const clauses = params.clauses.value;
  return {
    kind: "periodReport",
    period: context.period,
    policy: policyRef(context.policy),
    library: LIBRARY,
    ...reviewed(context.policy, context.period),
    parameters: {
      clawbackRate: params.clawback.value.rate,
      poolFloorMonths: params.poolFloor.value.months,
      openingExtractionRate: opening.value.extractionRate,
      openingBalanceYear: opening.value.balanceYear,
      clawbackMunicipal: params.clawback.value.municipal,
      topUpSchedule: params.topUp.value.schedule,
      topUpTargetMonths: params.topUp.value.targetMonths ?? params.poolFloor.value.months,
      topUpWhenShort: params.topUp.value.whenShort,
      priority: [...params.pool.value.priority],
      coverOpeningDeficits: opening.value.coverOpeningDeficits,
      deficitCoverageCharged: params.opening.value.deficitCoverageCharged === true,
      unpaidTransfers: params.deficitCoverage.value.unpaidTransfers ?? "owed",
      yearEndTrueUp: params.deficitCoverage.value.yearEndTrueUp,
      riskBandsSource: riskBandsSource(params.riskBands.value),
      memberRiskBandsSource: riskBandsSource(params.riskBands.value, "member"),
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
      trueUp: trueUpCitation(clauses),
    },
    members,
    pool: poolReport(context, pool),
    clawbacks: formatFen(pool.clawbacks),
    clawbacksAccrued: formatFen(pool.clawbacksAccrued),
    conservationOk: total === FEN_ZERO && fiscal === FEN_ZERO,
  };
}

/** The pool's part of a period's report. @internal */
export function poolReport(context: PeriodContext, pool: PoolOutcome): PeriodReport["pool"] {
  const { writer, params, memberIds } = context;
  const poolBalance = writer.balance(ACCOUNTS.pool);
  // R11 (0.5): the pool's months on its floor's own base (the floor is `months` of it, computed before any
  // year-end roll), so that a pool at its floor reads its months; not assessed before the pool opens.
  const floorMonths = new D(params.poolFloor.value.months);
  const poolMonths = pool.open ? poolReserveMonths(fenToDec(poolBalance), fenToDec(pool.floor), floorMonths) : null;
  return {
    open: pool.open,
    balance: formatFen(poolBalance),
    floor: formatFen(pool.floor),
    extractions: formatFen(pool.extractions),
    claimed: formatClassAmounts(pool.claimed),
    paid: formatClassAmounts(pool.paid),
    topUp: formatFen(pool.topUp),
    topUpReason: pool.topUpReason,
    shortfall: formatFen(pool.shortfall),
    owedToPool: formatFen(fenSum(memberIds.map((id) => context.members.get(id)!.owed.openingExtraction + context.members.get(id)!.owed.topUp))),
    trueUpReturned: formatFen(pool.trueUpReturned),
    pendingClaims: formatFen(fenSum(pool.pending.map((claim) => claim.amount))),
    reserveMonths: formatMonths(poolMonths),
    risk: pool.open ? assessRiskDec(params.riskBands.value, poolMonths, fenToDec(poolBalance)) : null,
  };
}

/** `{ warnings }` when the period is after the policy's review date, else nothing. */
function reviewed(policy: Policy, period: Period): { warnings?: ResultWarning[] } {
  const warnings = reviewWarnings(policy, period);
  return warnings === undefined ? {} : { warnings: [...warnings] };
}
