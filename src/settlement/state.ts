/**
 * The settlement state: its internal (decimal) form, its JSON form, and the
 * initial state of a scenario (R14).
 *
 * @module
 */

import type * as z from "zod";
import type { Path } from "../errors.js";
import { PoolingError } from "../errors.js";
import { checkMembers, memberIds } from "../fund/members.js";
import { openingParams, postOpeningBalance } from "../fund/openPooling.js";
import { ACCOUNTS, carriedAccountOf, currentAccountOf } from "../ledger/accounts.js";
import { formatFenBalances } from "../ledger/fold.js";
import { type JournalEntry, JournalWriter } from "../ledger/journal.js";
import { D, type Dec, FEN_ZERO, type Fen, formatFen, parseFen, toFen } from "../money.js";
import { periodOf, periodStart } from "../period.js";
import { paramsAt } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import { assertInForce } from "../rates/lookup.js";
import type { ClaimKind, ScenarioOpeningSchema, SettlementOptionsSchema, SettlementState } from "./schema.js";

/** A member's running figures, in fen. @internal */
export interface MemberFigures {
  priorYearBalance: Fen;
  priorYearExpenditure: Fen;
  priorYearIncome: Fen;
  yearIncome: Fen;
  yearExpenditure: Fen;
  legacyFunds: Fen;
  /** R9: subsidies paid to the member this fiscal year, by the period each was paid in (its rate is that period's). */
  yearSubsidies: Map<string, Fen>;
  /** R8: cut-gap grants paid to the member this fiscal year (the true-up's input). */
  yearGrants: Fen;
  /** R8: the member's sync-induced relief this fiscal year, eligible periods only (the true-up's grant cap). */
  yearRelief: Fen;
  /** R8: the year's subsidy claims in periods with a relief, beyond the remittance and extraction (what the true-up may make grants). */
  yearGrantable: Fen;
  /** R8 (0.5): the carried balance at the year end eligibility is measured at. */
  eligibilityBalance: Fen;
  /** R8 (0.5): that year's fund expenditure. */
  eligibilityExpenditure: Fen;
  /** R8 (0.5): the scenario's override of the own reserve months. */
  ownReserveMonths?: Dec | undefined;
  /** R5, R6, R7: what the member owes and has not paid (应上解未上解), paid first from its later surpluses. */
  owed: OwedAmounts;
  /** R6: the provincial reserve remitted this year so far (a remittance may be paid on any date up to its due date). */
  yearRemitted: Fen;
}

/** What a member owes, by kind (R5 the opening extraction, R6 the provincial remittance, R7 a top-up). @internal */
export interface OwedAmounts {
  provincialRemittance: Fen;
  openingExtraction: Fen;
  topUp: Fen;
}

/** The kinds of amount owed, in the order a later surplus pays them (the earliest due first). @internal */
export const OWED_KINDS = ["provincialRemittance", "openingExtraction", "topUp"] as const;

/** Nothing owed. @internal */
export function noneOwed(): OwedAmounts {
  return { provincialRemittance: FEN_ZERO, openingExtraction: FEN_ZERO, topUp: FEN_ZERO };
}

/** A claim waiting for the pool, in fen. @internal */
export interface Claim {
  member: string;
  kind: ClaimKind;
  amount: Fen;
  period: string;
  recordedDeficit: boolean;
  /** R5 (0.7): `false` for the cover of an opening deficit that carries no 20% (`opening.deficitCoverageCharged: false`). */
  charged?: boolean;
}

/**
 * The claims waiting for the pool, aggregated: one claim per member,
 * kind and recorded-deficit flag (the kind is the deficit's origin, on which
 * the clawback depends), in the order each first appears, with the earliest
 * period. A starved pool then holds at most a few claims per member, however
 * long it starves. Claims of zero are dropped.
 * @internal
 */
export function aggregateClaims(claims: readonly Claim[]): Claim[] {
  const merged = new Map<string, Claim>();
  for (const claim of claims) {
    if (claim.amount <= FEN_ZERO) continue;
    const key = `${claim.member}\u0000${claim.kind}\u0000${claim.recordedDeficit}\u0000${claim.charged !== false}`;
    const held = merged.get(key);
    if (held === undefined) merged.set(key, { ...claim });
    else {
      held.amount += claim.amount;
      if (claim.period < held.period) held.period = claim.period;
    }
  }
  return [...merged.values()];
}

/** The state, in fen. @internal */
export interface InternalState {
  nextPeriod: string;
  poolOpen: boolean;
  nextSeq: number;
  balances: Map<string, Fen>;
  members: Map<string, MemberFigures>;
  pendingClaims: Claim[];
  /** R7: benefits the pool paid itself (major accidents), this year and the prior year. */
  poolBenefits: { year: Fen; priorYear: Fen };
  options: { claimSubsidy: boolean; includeLegacyFunds: boolean };
}

/** Internal → JSON. @internal */
export function toJSONState(state: InternalState): SettlementState {
  const members: SettlementState["members"] = {};
  for (const [id, member] of state.members) {
    members[id] = {
      priorYearBalance: formatFen(member.priorYearBalance),
      priorYearExpenditure: formatFen(member.priorYearExpenditure),
      priorYearIncome: formatFen(member.priorYearIncome),
      yearIncome: formatFen(member.yearIncome),
      yearExpenditure: formatFen(member.yearExpenditure),
      legacyFunds: formatFen(member.legacyFunds),
      yearSubsidies: Object.fromEntries([...member.yearSubsidies].map(([period, amount]) => [period, formatFen(amount)])),
      yearGrants: formatFen(member.yearGrants),
      yearSyncInducedRelief: formatFen(member.yearRelief),
      yearGrantableSubsidies: formatFen(member.yearGrantable),
      eligibilityBalance: formatFen(member.eligibilityBalance),
      eligibilityExpenditure: formatFen(member.eligibilityExpenditure),
      ...(member.ownReserveMonths !== undefined ? { ownReserveMonths: member.ownReserveMonths.toFixed() } : {}),
      owed: {
        provincialRemittance: formatFen(member.owed.provincialRemittance),
        openingExtraction: formatFen(member.owed.openingExtraction),
        topUp: formatFen(member.owed.topUp),
      },
      yearRemitted: formatFen(member.yearRemitted),
    };
  }
  return {
    nextPeriod: state.nextPeriod,
    poolOpen: state.poolOpen,
    nextSeq: state.nextSeq,
    balances: formatFenBalances(state.balances),
    members,
    pendingClaims: state.pendingClaims.map(({ charged, ...claim }) => ({
      ...claim,
      amount: formatFen(claim.amount),
      ...(charged === false ? { charged } : {}),
    })),
    poolBenefits: { year: formatFen(state.poolBenefits.year), priorYear: formatFen(state.poolBenefits.priorYear) },
    options: { ...state.options },
  };
}

/** JSON (already schema-validated) → internal, checking members against the policy. @internal */
export function fromJSONState(policy: Policy, state: SettlementState, prefix: Path): InternalState {
  const ids = Object.keys(state.members);
  const at = state.nextPeriod;
  checkMembers(policy, ids, (i) => [...prefix, "members", ids[i]!], true, [...prefix, "members"], at);
  state.pendingClaims.forEach((claim, index) => {
    checkMembers(policy, [claim.member], () => [...prefix, "pendingClaims", index, "member"], false, [], at);
  });
  const members = new Map<string, MemberFigures>();
  for (const id of memberIds(policy, at)) {
    const member = state.members[id]!;
    members.set(id, {
      priorYearBalance: parseFen(member.priorYearBalance),
      priorYearExpenditure: parseFen(member.priorYearExpenditure),
      priorYearIncome: parseFen(member.priorYearIncome),
      yearIncome: parseFen(member.yearIncome),
      yearExpenditure: parseFen(member.yearExpenditure),
      legacyFunds: parseFen(member.legacyFunds),
      // in period order (the true-up settles the last advances first)
      yearSubsidies: new Map(
        Object.entries(member.yearSubsidies)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([period, amount]) => [period, parseFen(amount)]),
      ),
      yearGrants: parseFen(member.yearGrants),
      yearRelief: parseFen(member.yearSyncInducedRelief),
      yearGrantable: parseFen(member.yearGrantableSubsidies),
      eligibilityBalance: parseFen(member.eligibilityBalance),
      eligibilityExpenditure: parseFen(member.eligibilityExpenditure),
      ownReserveMonths: member.ownReserveMonths === undefined ? undefined : new D(member.ownReserveMonths),
      owed:
        member.owed === undefined
          ? noneOwed()
          : {
              provincialRemittance: parseFen(member.owed.provincialRemittance),
              openingExtraction: parseFen(member.owed.openingExtraction),
              topUp: parseFen(member.owed.topUp),
            },
      yearRemitted: member.yearRemitted === undefined ? FEN_ZERO : parseFen(member.yearRemitted),
    });
  }
  return {
    nextPeriod: state.nextPeriod,
    poolOpen: state.poolOpen,
    nextSeq: state.nextSeq,
    balances: new Map(Object.entries(state.balances).map(([account, balance]) => [account, parseFen(balance)])),
    members,
    pendingClaims: state.pendingClaims.map(({ charged, ...claim }) => ({
      ...claim,
      amount: parseFen(claim.amount),
      ...(charged === false ? { charged } : {}),
    })),
    poolBenefits: { year: parseFen(state.poolBenefits.year), priorYear: parseFen(state.poolBenefits.priorYear) },
    options: { ...state.options },
  };
}

/**
 * The state before the first period of a scenario, with the opening balances
 * posted (from `external:opening-balances`) in the first period.
 * @internal
 */
export function initialInternalState(
  policy: Policy,
  opening: z.output<typeof ScenarioOpeningSchema>,
  options: z.output<typeof SettlementOptionsSchema> | undefined,
  prefix: Path,
): { state: InternalState; journal: JournalEntry[] } {
  const ids = Object.keys(opening.members);
  assertInForce(policy, periodStart(opening.start), [...prefix, "start"]);
  const params = paramsAt(policy, opening.start, [...prefix, "start"]);
  const openingVersion = openingParams(policy).opening;
  checkMembers(policy, ids, (i) => [...prefix, "members", ids[i]!], true, [...prefix, "members"], opening.start);
  const openingPeriod = periodOf(openingVersion.value.dueDate);
  if (opening.start > openingPeriod) {
    throw new PoolingError("SCENARIO_STARTS_AFTER_OPENING", [...prefix, "start"], {
      en: `${opening.start} is after ${openingPeriod}`,
      zh: `${opening.start} 晚于 ${openingPeriod}`,
    });
  }
  const writer = new JournalWriter();
  const members = new Map<string, MemberFigures>();
  const held = params.clauses.value.balancesHeld;
  const incomeRequired = policy.provincialReserve.some((v) => v.value.rule?.base === "priorYearIncome");
  for (const id of memberIds(policy, opening.start)) {
    const member = opening.members[id]!;
    const fenOrZero = (value: Dec | undefined) => (value === undefined ? FEN_ZERO : toFen(value));
    // Opening data a rule depends on is required, never taken as 0 (R14, 0.5): the prior-year income when
    // a provincial rule is based on it.
    if (incomeRequired) {
      for (const field of ["priorYearIncome", "yearToDateIncome"] as const) {
        if (member[field] === undefined) throw new PoolingError("MISSING_FIELD", [...prefix, "members", id, field]);
      }
    }
    postOpeningBalance(writer, opening.start, carriedAccountOf(id), toFen(member.priorYearBalance), id, held);
    postOpeningBalance(writer, opening.start, currentAccountOf(id), toFen(member.currentSurplus), id, held);
    // R5 (0.7): the old reserve and adjustment funds are work-injury fund money already: an opening balance
    // of their own fund account, folded into the member's balance at the opening by an internal transfer.
    postOpeningBalance(writer, opening.start, ACCOUNTS.legacy, fenOrZero(member.legacyFunds), id, params.clauses.value.legacyFoldIn);
    members.set(id, {
      priorYearBalance: toFen(member.priorYearBalance),
      priorYearExpenditure: toFen(member.priorYearExpenditure),
      priorYearIncome: fenOrZero(member.priorYearIncome),
      yearIncome: fenOrZero(member.yearToDateIncome),
      yearExpenditure: toFen(member.yearToDateExpenditure),
      legacyFunds: fenOrZero(member.legacyFunds),
      yearSubsidies: new Map(),
      // the pool opens after the scenario starts (SCENARIO_STARTS_AFTER_OPENING): nothing was paid this year yet
      yearGrants: FEN_ZERO,
      yearRelief: FEN_ZERO,
      yearGrantable: FEN_ZERO,
      eligibilityBalance: toFen(member.priorYearBalance),
      eligibilityExpenditure: toFen(member.priorYearExpenditure),
      ownReserveMonths: member.ownReserveMonths,
      owed: noneOwed(),
      yearRemitted: FEN_ZERO,
    });
  }
  return {
    state: {
      nextPeriod: opening.start,
      poolOpen: false,
      nextSeq: writer.nextSeq,
      balances: writer.balances,
      members,
      pendingClaims: [],
      // The pool did not exist in the prior year: it paid no benefits then.
      poolBenefits: { year: FEN_ZERO, priorYear: FEN_ZERO },
      options: {
        claimSubsidy: options?.claimSubsidy ?? params.deficitCoverage.value.autoClaimSubsidy,
        includeLegacyFunds: options?.includeLegacyFunds ?? openingVersion.value.includeLegacyFunds,
      },
    },
    journal: writer.entries,
  };
}
