/**
 * R14: one settled period, as an orchestrator over the steps of
 * `settlement/steps/`, each of which applies one rule through the same core
 * function as the rule's public API.
 *
 * @module
 */
import { type Path, PoolingError } from "../errors.js";
import { checkMembers, memberIds as membersInForce } from "../fund/members.js";
import { openingParams } from "../fund/openPooling.js";
import { poolFloorFen } from "../fund/poolFloor.js";
import { carriedAccountOf, currentAccountOf } from "../ledger/accounts.js";
import { type JournalEntry, JournalWriter, type PostingSink } from "../ledger/journal.js";
import { FEN_ZERO, fenSum } from "../money.js";
import { monthOf, periodOf, periodStart } from "../period.js";
import { inPolicyTerms } from "../policy/names.js";
import { paramsAt, policyRef } from "../policy/paramsAt.js";
import { LIBRARY } from "../policy/provenance.js";
import { type PolicyOptions, policyOption, resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import type { Suzhou2020Policy, SuzhouMemberId } from "../policy/suzhou2020.js";
import { assertInForce } from "../rates/lookup.js";
import { parseInput } from "../schema/parse.js";
import { rollEligibilityBase } from "./eligibility.js";
import { type EngineFlows, flowsInFen } from "./flowsInput.js";
import { followingPeriod } from "./periodOrder.js";
import { buildPeriodReport, type PoolOutcome } from "./periodReport.js";
import type { PeriodReport } from "./report.js";
import type { Settlement } from "./results.js";
import { type PeriodFlows, PeriodFlowsSchema, type SettlementState, SettlementStateSchema } from "./schema.js";
import { aggregateClaims, fromJSONState, type InternalState, type MemberFigures, toJSONState } from "./state.js";
import { type BalancesBefore, claimDeficitCoverage, majorAccidentClaims, openingDeficitClaims } from "./steps/claims.js";
import { emptyMemberPeriodFigures, type PeriodContext, zeroClassAmounts } from "./steps/context.js";
import { postMemberFlows } from "./steps/memberFlows.js";
import { openPoolWhenDue } from "./steps/opening.js";
import { settleOwed } from "./steps/owed.js";
import { claimsByClass, classTotals, payClaimsByPriority } from "./steps/poolPayments.js";
import { remitProvincialReserve } from "./steps/remittance.js";
import { type TopUpReason, topUpToFloor } from "./steps/topUp.js";
import type { EngineTrace } from "./steps/trace.js";
import { closeYearWhenDue, settleClawbacksWhenDue, trueUpWhenDue } from "./steps/yearEnd.js";
import { buildSummaryReport, type SummaryPeriodReport } from "./summaryReport.js";

type ParsedFlows = EngineFlows;

/** The checks before a period is settled: its members, its order, the policy in force. */
function checkPeriod(policy: Policy, state: InternalState, flows: ParsedFlows, prefix: Path): void {
  const flowIds = Object.keys(flows.members);
  checkMembers(policy, flowIds, (i) => [...prefix, "members", flowIds[i]!], true, [...prefix, "members"], flows.period);
  if (flows.period !== state.nextPeriod) {
    throw new PoolingError("PERIOD_OUT_OF_ORDER", [...prefix, "period"], {
      en: `expected ${state.nextPeriod}, got ${flows.period}`,
      zh: `应为 ${state.nextPeriod}，收到 ${flows.period}`,
    });
  }
  assertInForce(policy, periodStart(flows.period), [...prefix, "period"]);
}

/**
 * Settles one period on the internal state (R14 steps 1–7). Pure: returns a
 * new state and never changes `state`. `trace`, when given, records the
 * inputs the steps pass to the rules.
 * @internal
 */
export function settleParsed(
  policy: Policy,
  state: InternalState,
  flows: ParsedFlows,
  prefix: Path,
  trace?: EngineTrace,
  lastPeriod = false,
): { state: InternalState; journal: JournalEntry[]; report: PeriodReport } {
  const { context, outcome, state: next } = settleSteps(policy, state, flows, prefix, trace, lastPeriod);
  return { state: next, journal: context.writer.entries, report: buildPeriodReport(context, outcome) };
}

/**
 * {@link settleParsed} keeping only the period's summary figures (a summary-only run of `simulate`): no
 * entries are built, each posting is folded into `sink` (the run's conservation check). Not pure: `state`
 * is taken over and changed in place (the caller owns it and keeps only the returned state).
 * @internal
 */
export function settleParsedSummary(
  policy: Policy,
  state: InternalState,
  flows: ParsedFlows,
  prefix: Path,
  lastPeriod: boolean,
  sink: PostingSink,
): { state: InternalState; report: SummaryPeriodReport } {
  const { context, outcome, state: next } = settleSteps(policy, state, flows, prefix, undefined, lastPeriod, sink, true);
  return { state: next, report: buildSummaryReport(context, outcome) };
}

/** The steps of a period: what its report is built from, and the next state. */
function settleSteps(
  policy: Policy,
  state: InternalState,
  flows: ParsedFlows,
  prefix: Path,
  trace: EngineTrace | undefined,
  lastPeriod: boolean,
  sink?: PostingSink,
  inPlace = false,
): { context: PeriodContext; outcome: PoolOutcome; state: InternalState } {
  const params = paramsAt(policy, flows.period, [...prefix, "period"]);
  checkPeriod(policy, state, flows, prefix);
  const period = flows.period;
  const memberIds = membersInForce(policy, period);
  // a copy of the members' figures (the state given stays as it was), unless the caller handed the state over
  let members = state.members;
  if (!inPlace) {
    members = new Map<string, MemberFigures>();
    for (const [id, figures] of state.members) members.set(id, { ...figures, yearSubsidies: new Map(figures.yearSubsidies), owed: { ...figures.owed } });
  }
  const context: PeriodContext = {
    policy,
    params,
    period,
    month: monthOf(period),
    prefix,
    memberIds,
    writer: new JournalWriter(state.balances, state.nextSeq, sink, inPlace),
    members,
    figures: new Map(memberIds.map((id) => [id, emptyMemberPeriodFigures()])),
    options: state.options,
    poolBenefits: { ...state.poolBenefits },
    lastPeriod: lastPeriod || flows.lastPeriod === true,
    trace,
  };
  const { writer } = context;

  // The balances before the period's outflows; in the opening period, with the legacy fold-in
  // (a reclassification of the fund's own money, R5).
  const opensNow = !state.poolOpen && period === periodOf(openingParams(policy).opening.value.dueDate);
  const before = new Map<string, BalancesBefore>(
    memberIds.map((id) => [
      id,
      {
        current: writer.balance(currentAccountOf(id)),
        carried: writer.balance(carriedAccountOf(id)) + (opensNow ? members.get(id)!.legacyFunds : FEN_ZERO),
      },
    ]),
  );
  // Step 1: dated events in due-date order: the provincial remittances (R6, by 06-20), then the opening (R5, by 06-30).
  remitProvincialReserve(context, flows.provincialRemittances);
  const opening = openPoolWhenDue(context, state.poolOpen);
  const openingPeriod = opening.poolOpen && !state.poolOpen;
  // Step 2: each member's income and expenditure.
  postMemberFlows(context, flows.members);
  // Steps 4 and 3: local coverage (R8) and the claims on the pool (the opening deficits, R5), then the major-accident claims.
  const waiting = state.pendingClaims.map((claim) => ({ ...claim }));
  const coverOpening = openingPeriod && params.opening.value.coverOpeningDeficits && context.options.claimSubsidy;
  const claims = [
    ...waiting,
    ...(coverOpening ? openingDeficitClaims(context, before, waiting) : []),
    ...claimDeficitCoverage(context, before),
    ...majorAccidentClaims(context, flows.majorAccidentClaims),
  ];

  // R7: the floor's base is every city-district payout of the prior year: the members' and the pool's own.
  const floorBase = [...memberIds.map((id) => members.get(id)!.priorYearExpenditure), context.poolBenefits.priorYear];
  const floor = poolFloorFen(params.poolFloor.value.months, floorBase);
  // R7 (0.7): a top-up under "monthEnd" restores `targetMonths` of the same base (absent: the floor).
  const target = params.topUp.value.targetMonths === undefined ? floor : poolFloorFen(params.topUp.value.targetMonths, floorBase);
  // R5–R7 (0.7): what members owe from earlier periods is paid first from their surpluses.
  settleOwed(context);
  let pool = {
    claimed: zeroClassAmounts(),
    paid: zeroClassAmounts(),
    topUp: FEN_ZERO,
    topUpReason: null as TopUpReason | null,
    shortfall: FEN_ZERO,
    clawbacksAccrued: FEN_ZERO,
    pending: claims,
  };
  if (opening.poolOpen) {
    const byClass = claimsByClass(context, claims);
    const claimed = classTotals(byClass);
    // Step 5 (R7): top up by the schedule: at the opening and each January, and when the pool cannot pay its claims.
    const scheduled = openingPeriod || context.month === 1;
    const { topUp, shortfall, reason } = topUpToFloor(context, floor, fenSum(Object.values(claimed)), scheduled, target);
    // Step 6 (R10, R9): pay by priority; the clawbacks accrue.
    const payment = payClaimsByPriority(context, byClass);
    pool = { claimed, paid: payment.paid, topUp, topUpReason: reason, shortfall, clawbacksAccrued: payment.clawbacksAccrued, pending: payment.pending };
  }
  // Step 7: year end: the optional true-up (R8) settles the year's subsidies, on which the clawbacks settle (R9); then the roll.
  const trueUpReturned = trueUpWhenDue(context, pool.pending);
  const clawbacks = settleClawbacksWhenDue(context);
  closeYearWhenDue(context);
  if (context.month === 12) for (const id of memberIds) rollEligibilityBase(policy, period, members.get(id)!);

  // R5: the extractions the pool received at the opening (0.7: what the members could pay of them; the rest is owed)
  const extractions = openingPeriod ? fenSum(memberIds.map((id) => context.figures.get(id)!.extraction - context.figures.get(id)!.extractionOwed)) : FEN_ZERO;
  const outcome: PoolOutcome = { open: opening.poolOpen, floor, extractions, clawbacks, trueUpReturned, ...pool };
  const nextState: InternalState = {
    nextPeriod: followingPeriod(period),
    poolOpen: opening.poolOpen,
    nextSeq: writer.nextSeq,
    balances: writer.balances,
    members,
    pendingClaims: aggregateClaims(pool.pending),
    poolBenefits: context.poolBenefits,
    options: state.options,
  };
  return { context, outcome, state: nextState };
}

/**
 * R14: settles one period for the whole city-district, in this order:
 * 1. dated events in due-date order (the provincial remittances by 06-20,
 *    then the opening extraction by 2020-06-30), each paid out of the member's
 *    current surplus first, then its carried balance; 2. each member's income
 *    and expenditure; 3. major-accident claims on the pool; 4. local deficit
 *    coverage (R8 steps 1–2), the resulting grant and subsidy claims and, at
 *    the opening, the members' opening deficits (R5); 5. a top-up by the
 *    policy's schedule (R7: by default at the opening and each January, and
 *    whenever the pool cannot pay the period's claims); 6. the pool pays in the
 *    policy's priority order (R10), and the clawbacks accrue (R9);
 * 7. at year end, the year's clawbacks settle (one fiscal transfer per member,
 * also in a period flagged `lastPeriod`), the surplus rolls into the carried
 * balance and this year becomes the prior year. Claims that arise before the
 * pool opens wait and are paid in the opening period.
 *
 * `state` is the `state` of the previous call (or of `initialState`); the
 * result's `journal` holds this period's entries only.
 *
 * It takes no restatements (a `restatements` key in `flows` is `UNKNOWN_KEY`):
 * a restatement replays the settlement from the period it corrects, which needs
 * the flows and states of the periods since then, and one period's state does
 * not hold them. Restatements belong to a scenario: give them to `simulate`
 * (`scenario.restatements`, and `asOf` for the books as known at a period).
 *
 * @param state the state after the previous period (`initialState(...).state` before the first).
 * @param flows the period's flows: each member's income (totals or levy records) and expenditure, the
 *   major-accident claims, the provincial remittances in June.
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`); the parameters in force in the period are used
 *   (a policy itself in its place, the 0.x form, is deprecated).
 * @returns the next state, the period's journal entries, its report (with `policy` and the `parameters` it
 *   used) and `policy: { id, version }`.
 * @throws PoolingError `PERIOD_OUT_OF_ORDER` (not the state's next period, or a levy of another period),
 *   `POLICY_NOT_IN_FORCE`, `SCENARIO_STARTS_AFTER_OPENING`, `MISSING_MEMBER`, `UNKNOWN_MEMBER`,
 *   `REMITTANCE_AMOUNT_REQUIRED`, the input codes of the state and flows (`MISSING_FIELD`,
 *   `UNKNOWN_KEY`, `INVALID_AMOUNT`, …) and those of `computeLevy` for levy records; `INTERNAL_INVARIANT` only on
 *   a defect of the library.
 * @example
 * ```ts
 * let { state } = initialState(EXAMPLE_SCENARIO.opening);
 * const first = settlePeriod(state, EXAMPLE_SCENARIO.periods[0]);
 * first.report.period;        // "2020-05"
 * first.state.nextPeriod;     // "2020-06"
 * ```
 */
export function settlePeriod(state: SettlementState, flows: PeriodFlows, options?: { policy?: Suzhou2020Policy }): Settlement<SuzhouMemberId>;
export function settlePeriod(state: SettlementState, flows: PeriodFlows, options?: PolicyOptions): Settlement;
/** @deprecated The 0.x form: use `settlePeriod(state, flows, { policy })`. */
export function settlePeriod(state: SettlementState, flows: PeriodFlows, policy?: Suzhou2020Policy): Settlement<SuzhouMemberId>;
/** @deprecated The 0.x form: use `settlePeriod(state, flows, { policy })`. */
export function settlePeriod(state: SettlementState, flows: PeriodFlows, policy?: Policy): Settlement;
export function settlePeriod(state: SettlementState, flows: PeriodFlows, options?: PolicyOptions | Policy): Settlement {
  return settlePeriodTraced(state, flows, policyOption(options));
}

/**
 * {@link settlePeriod} recording the inputs its steps pass to the rules (for
 * the tests that tie the engine to the public rule functions).
 * @internal
 */
export function settlePeriodTraced(state: SettlementState, flows: PeriodFlows, policy?: Policy, trace?: EngineTrace): Settlement {
  const resolved = resolvePolicy(policy);
  return inPolicyTerms(resolved, () => {
    const internalState = fromJSONState(resolved, parseInput(SettlementStateSchema, state, ["state"]), ["state"]);
    const parsedFlows = flowsInFen(parseInput(PeriodFlowsSchema, flows, ["flows"]));
    const settled = settleParsed(resolved, internalState, parsedFlows, ["flows"], trace);
    return {
      kind: "settlement",
      state: toJSONState(settled.state),
      journal: settled.journal,
      report: settled.report,
      policy: policyRef(resolved),
      library: LIBRARY,
    };
  });
}
