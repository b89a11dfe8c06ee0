/**
 * The settlement state: its internal (decimal) form, its JSON form, and the
 * initial state of a scenario (R14).
 *
 * @module
 */

import type { z } from "zod";
import type { Path } from "../errors.js";
import { PoolingError } from "../errors.js";
import { checkMembers, memberIds } from "../fund/members.js";
import { openingParams, postOpeningBalance } from "../fund/openPooling.js";
import { carriedAccountOf, currentAccountOf } from "../ledger/accounts.js";
import { formatFenBalances } from "../ledger/fold.js";
import { type JournalEntry, JournalWriter } from "../ledger/journal.js";
import { type Dec, FEN_ZERO, type Fen, formatFen, parseFen, toFen } from "../money.js";
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
}

/** A claim waiting for the pool, in fen. @internal */
export interface Claim {
  member: string;
  kind: ClaimKind;
  amount: Fen;
  period: string;
  recordedDeficit: boolean;
}

/** The state, in fen. @internal */
export interface InternalState {
  nextPeriod: string;
  poolOpen: boolean;
  nextSeq: number;
  balances: Map<string, Fen>;
  members: Map<string, MemberFigures>;
  pendingClaims: Claim[];
  options: { claimSubsidy: boolean; includeLegacyFunds: boolean };
}

/** Internal → JSON. @internal */
export function toJSONState(s: InternalState): SettlementState {
  const members: SettlementState["members"] = {};
  for (const [id, m] of s.members) {
    members[id] = {
      priorYearBalance: formatFen(m.priorYearBalance),
      priorYearExpenditure: formatFen(m.priorYearExpenditure),
      priorYearIncome: formatFen(m.priorYearIncome),
      yearIncome: formatFen(m.yearIncome),
      yearExpenditure: formatFen(m.yearExpenditure),
      legacyFunds: formatFen(m.legacyFunds),
    };
  }
  return {
    nextPeriod: s.nextPeriod,
    poolOpen: s.poolOpen,
    nextSeq: s.nextSeq,
    balances: formatFenBalances(s.balances),
    members,
    pendingClaims: s.pendingClaims.map((c) => ({ ...c, amount: formatFen(c.amount) })),
    options: { ...s.options },
  };
}

/** JSON (already schema-validated) → internal, checking members against the policy. @internal */
export function fromJSONState(policy: Policy, s: SettlementState, prefix: Path): InternalState {
  const ids = Object.keys(s.members);
  const at = s.nextPeriod;
  checkMembers(policy, ids, (i) => [...prefix, "members", ids[i]!], true, [...prefix, "members"], at);
  s.pendingClaims.forEach((c, i) => {
    checkMembers(policy, [c.member], () => [...prefix, "pendingClaims", i, "member"], false, [], at);
  });
  const members = new Map<string, MemberFigures>();
  for (const id of memberIds(policy, at)) {
    const m = s.members[id]!;
    members.set(id, {
      priorYearBalance: parseFen(m.priorYearBalance),
      priorYearExpenditure: parseFen(m.priorYearExpenditure),
      priorYearIncome: parseFen(m.priorYearIncome),
      yearIncome: parseFen(m.yearIncome),
      yearExpenditure: parseFen(m.yearExpenditure),
      legacyFunds: parseFen(m.legacyFunds),
    });
  }
  return {
    nextPeriod: s.nextPeriod,
    poolOpen: s.poolOpen,
    nextSeq: s.nextSeq,
    balances: new Map(Object.entries(s.balances).map(([k, v]) => [k, parseFen(v)])),
    members,
    pendingClaims: s.pendingClaims.map((c) => ({ ...c, amount: parseFen(c.amount) })),
    options: { ...s.options },
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
  const w = new JournalWriter();
  const members = new Map<string, MemberFigures>();
  const held = params.clauses.value.balancesHeld;
  for (const id of memberIds(policy, opening.start)) {
    const m = opening.members[id]!;
    const fenOrZero = (value: Dec | undefined) => (value === undefined ? FEN_ZERO : toFen(value));
    postOpeningBalance(w, opening.start, carriedAccountOf(id), toFen(m.priorYearBalance), id, held);
    postOpeningBalance(w, opening.start, currentAccountOf(id), toFen(m.currentSurplus), id, held);
    members.set(id, {
      priorYearBalance: toFen(m.priorYearBalance),
      priorYearExpenditure: toFen(m.priorYearExpenditure),
      priorYearIncome: fenOrZero(m.priorYearIncome),
      yearIncome: fenOrZero(m.yearToDateIncome),
      yearExpenditure: fenOrZero(m.yearToDateExpenditure),
      legacyFunds: fenOrZero(m.legacyFunds),
    });
  }
  return {
    state: {
      nextPeriod: opening.start,
      poolOpen: false,
      nextSeq: w.nextSeq,
      balances: w.balances,
      members,
      pendingClaims: [],
      options: {
        claimSubsidy: options?.claimSubsidy ?? params.deficitCoverage.value.autoClaimSubsidy,
        includeLegacyFunds: options?.includeLegacyFunds ?? openingVersion.value.includeLegacyFunds,
      },
    },
    journal: w.entries,
  };
}
