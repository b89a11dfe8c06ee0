import type { z } from "zod";
import { type Path, PoolingError, withPathPrefix } from "../errors.js";
import { apportionTopUpDec } from "../fund/apportionTopUp.js";
import { clawbackDec } from "../fund/clawback.js";
import { checkMembers, memberIds } from "../fund/members.js";
import { openingParams, postOpening } from "../fund/openPooling.js";
import { allocateByPriority } from "../fund/payByPriority.js";
import { poolFloorDec } from "../fund/poolFloor.js";
import { remittanceAmount } from "../fund/provincialRemittance.js";
import { assessRiskDec, reserveMonthsDec } from "../fund/reserveMonths.js";
import { ACCOUNTS, carriedAccount, currentAccount, fiscalAccount, kindOf } from "../ledger/accounts.js";
import { type EntryKind, JournalWriter } from "../ledger/journal.js";
import { computeParsedLevy } from "../levy/computeLevy.js";
import type { Levy } from "../levy/schema.js";
import { type Dec, dmax, dmin, dsum, formatMoney, ZERO } from "../money.js";
import { monthOf, nextPeriod, periodOf, periodStart } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyParams, paramsAt } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { assertInForce } from "../rates/lookup.js";
import { parseInput } from "../schema/parse.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { Settlement } from "./results.js";
import { type PeriodFlows, PeriodFlowsSchema, type SettlementState, SettlementStateSchema } from "./schema.js";
import { type Claim, fromJSONState, type InternalState, type MemberFigures, toJSONState } from "./state.js";

type ParsedFlows = z.output<typeof PeriodFlowsSchema>;

interface MemberAcc {
  income: Dec;
  expenditure: Dec;
  cutRelief: Dec;
  sync: Dec;
  gap: Dec;
  fromCurrentSurplus: Dec;
  fromCumulativeBalance: Dec;
  grantClaimed: Dec;
  subsidyClaimed: Dec;
  unclaimed: Dec;
  grantPaid: Dec;
  subsidyPaid: Dec;
  deficitPaid: Dec;
  majorAccidentPaid: Dec;
  clawback: Dec;
  topUp: Dec;
  extraction: Dec;
  legacyFoldIn: Dec;
  provincialRemittance: Dec;
}

function newAcc(): MemberAcc {
  return {
    income: ZERO,
    expenditure: ZERO,
    cutRelief: ZERO,
    sync: ZERO,
    gap: ZERO,
    fromCurrentSurplus: ZERO,
    fromCumulativeBalance: ZERO,
    grantClaimed: ZERO,
    subsidyClaimed: ZERO,
    unclaimed: ZERO,
    grantPaid: ZERO,
    subsidyPaid: ZERO,
    deficitPaid: ZERO,
    majorAccidentPaid: ZERO,
    clawback: ZERO,
    topUp: ZERO,
    extraction: ZERO,
    legacyFoldIn: ZERO,
    provincialRemittance: ZERO,
  };
}

/** Credits a member from the pool: into the negative part of its current balance first, the rest to carried. */
function creditMember(w: JournalWriter, period: string, id: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const toCurrent = dmin(amount, dmax(ZERO, w.balance(currentAccount(id)).neg()));
  w.post(period, ACCOUNTS.pool, currentAccount(id), toCurrent, kind, citation, id);
  w.post(period, ACCOUNTS.pool, carriedAccount(id), amount.minus(toCurrent), kind, citation, id);
}

/** Debits a member's fund: carried first (down to zero), then current, then carried again for any rest. */
function debitMember(w: JournalWriter, period: string, id: string, to: string, amount: Dec, kind: EntryKind, citation: Citation): void {
  const fromCarried = dmin(amount, dmax(ZERO, w.balance(carriedAccount(id))));
  const fromCurrent = dmin(amount.minus(fromCarried), dmax(ZERO, w.balance(currentAccount(id))));
  w.post(period, carriedAccount(id), to, fromCarried.plus(amount.minus(fromCarried).minus(fromCurrent)), kind, citation, id);
  w.post(period, currentAccount(id), to, fromCurrent, kind, citation, id);
}

/** What the steps of a period leave for its report. */
interface PeriodOutcome {
  period: string;
  ids: readonly string[];
  w: JournalWriter;
  members: ReadonlyMap<string, MemberFigures>;
  acc: ReadonlyMap<string, MemberAcc>;
  pending: readonly Claim[];
  poolOpen: boolean;
  floor: Dec;
  extractions: Dec;
  claimed: ClassAmounts;
  paid: ClassAmounts;
  topUp: Dec;
  shortfall: Dec;
  clawbacks: Dec;
}

type ClassAmounts = { majorAccident: Dec; cutGapGrant: Dec; subsidy: Dec; recordedDeficit: Dec };

/** The report of a settled period: figures as two-decimal strings, reserve months, risk levels, the conservation check. */
function buildReport(params: PolicyParams, o: PeriodOutcome): PeriodReport {
  const { period, ids, w, members, acc, pending, poolOpen, floor, extractions, claimed, paid, topUp, shortfall, clawbacks } = o;
  let total = ZERO;
  let fiscal = ZERO;
  for (const [account, b] of w.balances) {
    total = total.plus(b);
    if (kindOf(account) === "fiscal") fiscal = fiscal.plus(b);
  }
  const pendingByMember = new Map<string, Dec>();
  for (const c of pending) pendingByMember.set(c.member, (pendingByMember.get(c.member) ?? ZERO).plus(c.amount));
  const memberReports: Record<string, MemberPeriodReport> = {};
  for (const id of ids) {
    const a = acc.get(id)!;
    const current = w.balance(currentAccount(id));
    const carried = w.balance(carriedAccount(id));
    const balance = current.plus(carried);
    const months = reserveMonthsDec(balance, members.get(id)!.priorYearExpenditure);
    memberReports[id] = {
      income: formatMoney(a.income),
      expenditure: formatMoney(a.expenditure),
      cutRelief: formatMoney(a.cutRelief),
      syncInducedRelief: formatMoney(a.sync),
      gap: formatMoney(a.gap),
      fromCurrentSurplus: formatMoney(a.fromCurrentSurplus),
      fromCumulativeBalance: formatMoney(a.fromCumulativeBalance),
      grantClaimed: formatMoney(a.grantClaimed),
      subsidyClaimed: formatMoney(a.subsidyClaimed),
      unclaimed: formatMoney(a.unclaimed),
      grantPaid: formatMoney(a.grantPaid),
      subsidyPaid: formatMoney(a.subsidyPaid),
      deficitPaid: formatMoney(a.deficitPaid),
      majorAccidentPaid: formatMoney(a.majorAccidentPaid),
      clawback: formatMoney(a.clawback),
      topUp: formatMoney(a.topUp),
      extraction: formatMoney(a.extraction),
      legacyFoldIn: formatMoney(a.legacyFoldIn),
      provincialRemittance: formatMoney(a.provincialRemittance),
      current: formatMoney(current),
      carried: formatMoney(carried),
      balance: formatMoney(balance),
      pendingClaims: formatMoney(pendingByMember.get(id) ?? ZERO),
      deficit: formatMoney(dmax(ZERO, balance.neg())),
      reserveMonths: months === null ? null : months.toFixed(2),
      risk: assessRiskDec(params.riskBands.value, months),
    };
  }
  const poolBalance = w.balance(ACCOUNTS.pool);
  const cityExpenditure = dsum(ids.map((id) => members.get(id)!.priorYearExpenditure));
  const poolMonths = reserveMonthsDec(poolBalance, cityExpenditure);
  const fmt4 = (o: ClassAmounts) => ({
    majorAccident: formatMoney(o.majorAccident),
    cutGapGrant: formatMoney(o.cutGapGrant),
    subsidy: formatMoney(o.subsidy),
    recordedDeficit: formatMoney(o.recordedDeficit),
  });
  const report: PeriodReport = {
    period,
    members: memberReports,
    pool: {
      open: poolOpen,
      balance: formatMoney(poolBalance),
      floor: formatMoney(floor),
      extractions: formatMoney(extractions),
      claimed: fmt4(claimed),
      paid: fmt4(paid),
      topUp: formatMoney(topUp),
      shortfall: formatMoney(shortfall),
      pendingClaims: formatMoney(dsum(pending.map((c) => c.amount))),
      reserveMonths: poolMonths === null ? null : poolMonths.toFixed(2),
      risk: assessRiskDec(params.riskBands.value, poolMonths),
    },
    clawbacks: formatMoney(clawbacks),
    conservationOk: total.isZero() && fiscal.isZero(),
  };
  return report;
}

/**
 * Settles one period on the internal state (R14 steps 1–7). Pure: returns a
 * new state and never changes `s`.
 * @internal
 */
export function settleParsed(p: Policy, s: InternalState, f: ParsedFlows, prefix: Path) {
  const params = paramsAt(p, f.period, [...prefix, "period"]);
  const clauses = params.clauses.value;
  const ids = memberIds(p, f.period);
  const flowIds = Object.keys(f.members);
  checkMembers(p, flowIds, (i) => [...prefix, "members", flowIds[i]!], true, [...prefix, "members"], f.period);
  if (f.period !== s.nextPeriod) {
    throw new PoolingError("PERIOD_OUT_OF_ORDER", [...prefix, "period"], {
      en: `expected ${s.nextPeriod}, got ${f.period}`,
      zh: `应为 ${s.nextPeriod}，收到 ${f.period}`,
    });
  }
  const period = f.period;
  assertInForce(p, periodStart(period), [...prefix, "period"]);
  const month = monthOf(period);
  const w = new JournalWriter(s.balances, s.nextSeq);
  const members = new Map<string, MemberFigures>();
  for (const [id, m] of s.members) members.set(id, { ...m });
  const acc = new Map<string, MemberAcc>(ids.map((id) => [id, newAcc()]));
  let poolOpen = s.poolOpen;
  let extractions = ZERO;

  // Step 1: dated events. The opening extraction (R5) …
  const opening = openingParams(p);
  const openingPeriod = periodOf(opening.opening.value.dueDate);
  if (!poolOpen && period > openingPeriod) {
    throw new PoolingError("SCENARIO_STARTS_AFTER_OPENING", [...prefix, "period"], {
      en: `the pool should have opened in ${openingPeriod}`,
      zh: `统筹基金应于 ${openingPeriod} 建立`,
    });
  }
  if (!poolOpen && period === openingPeriod) {
    const opened = postOpening(
      w,
      opening,
      period,
      ids.map((id) => ({ id, priorYearBalance: members.get(id)!.priorYearBalance, legacyFunds: members.get(id)!.legacyFunds })),
      s.options.includeLegacyFunds,
    );
    for (const id of ids) {
      const m = members.get(id)!;
      acc.get(id)!.legacyFoldIn = m.legacyFunds;
      acc.get(id)!.extraction = opened.get(id)!;
      extractions = extractions.plus(opened.get(id)!);
      m.legacyFunds = ZERO;
    }
    poolOpen = true;
  }
  // Each member's position before this period's own outflows (after the opening extraction).
  const before = new Map(ids.map((id) => [id, { current: w.balance(currentAccount(id)), carried: w.balance(carriedAccount(id)) }]));
  // … and the provincial reserve remittances (R6).
  const provincial = params.provincialReserve;
  const dueMonth = Number(provincial.value.dueMonthDay.slice(0, 2));
  const given = f.provincialRemittances;
  if (given) {
    const keys = Object.keys(given);
    checkMembers(p, keys, (i) => [...prefix, "provincialRemittances", keys[i]!], false, [], period);
    if (month !== dueMonth) throw new PoolingError("REMITTANCE_NOT_DUE", [...prefix, "provincialRemittances"]);
  }
  if (month === dueMonth) {
    for (const id of ids) {
      const m = members.get(id)!;
      const amount = remittanceAmount(
        provincial.value.rule,
        { amount: given?.[id], priorYearIncome: m.priorYearIncome, priorYearBalance: m.priorYearBalance },
        [...prefix, "provincialRemittances", id],
      );
      acc.get(id)!.provincialRemittance = amount;
      debitMember(w, period, id, ACCOUNTS.provinceReserve, amount, "provincialRemittance", provincial.citation);
    }
  }

  // Step 2: income and expenditure; step 4 (local coverage) right after each member's flows.
  const claims: Claim[] = s.pendingClaims.map((c) => ({ ...c }));
  const fresh: Claim[] = [];
  for (const id of ids) {
    const mf = f.members[id]!;
    const a = acc.get(id)!;
    let income = mf.income ?? ZERO;
    let cutRelief = mf.cutRelief ?? ZERO;
    let sync = mf.syncInducedRelief ?? ZERO;
    (mf.levies ?? []).forEach((levyInput, j) => {
      const path = [...prefix, "members", id, "levies", j];
      if (levyInput.period !== period) {
        throw new PoolingError("PERIOD_OUT_OF_ORDER", [...path, "period"], {
          en: `a levy of ${levyInput.period} in ${period}`,
          zh: `${period} 中含 ${levyInput.period} 的缴费记录`,
        });
      }
      let levy: Levy;
      try {
        levy = computeParsedLevy(p, levyInput);
      } catch (e) {
        throw withPathPrefix(e, path);
      }
      income = income.plus(levy.premiumDue);
      cutRelief = cutRelief.plus(levy.cutRelief);
      sync = sync.plus(levy.syncInducedRelief);
    });
    const expenditure = mf.expenditure;
    w.post(period, ACCOUNTS.employers, currentAccount(id), income, "income", clauses.income, id);
    w.post(period, currentAccount(id), ACCOUNTS.beneficiaries, expenditure, "benefit", clauses.income, id);
    const m = members.get(id)!;
    m.yearIncome = m.yearIncome.plus(income);
    m.yearExpenditure = m.yearExpenditure.plus(expenditure);
    Object.assign(a, { income, expenditure, cutRelief, sync });

    // Step 4 (R8 steps 1–2). The period's gap: its mandatory outflows (benefits and the
    // provincial remittance) beyond its income. This year's surplus pays first, then the
    // carried balance down to zero; what the member's own balances cannot pay is claimed.
    const b = before.get(id)!;
    const gap = dmax(ZERO, expenditure.plus(a.provincialRemittance).minus(income));
    a.gap = gap;
    const deficitBefore = dmax(ZERO, b.current.plus(b.carried).neg());
    const current = w.balance(currentAccount(id));
    const carried = w.balance(carriedAccount(id));
    const deficitNow = dmax(ZERO, current.plus(carried).neg());
    const remaining = dmax(ZERO, deficitNow.minus(deficitBefore));
    a.fromCurrentSurplus = dmin(gap, dmax(ZERO, b.current));
    a.fromCumulativeBalance = dmax(ZERO, gap.minus(a.fromCurrentSurplus).minus(remaining));
    // Bookkeeping of step 2: the carried balance fills the current part's hole.
    const fill = dmin(dmax(ZERO, current.neg()), dmax(ZERO, carried));
    w.post(period, carriedAccount(id), currentAccount(id), fill, "carriedToCurrent", clauses.localCoverage, id);
    if (remaining.gt(0)) {
      // R8 steps 3–5: claims on the pool.
      const grant = dmin(remaining, sync);
      const subsidy = s.options.claimSubsidy ? remaining.minus(grant) : ZERO;
      a.grantClaimed = grant;
      a.subsidyClaimed = subsidy;
      a.unclaimed = remaining.minus(grant).minus(subsidy);
      if (grant.gt(0)) fresh.push({ member: id, kind: "cutGapGrant", amount: grant, period, recordedDeficit: false });
      if (subsidy.gt(0)) fresh.push({ member: id, kind: "subsidy", amount: subsidy, period, recordedDeficit: false });
    }
  }

  // Step 3: major-accident claims on the pool.
  (f.majorAccidentClaims ?? []).forEach((c, j) => {
    checkMembers(p, [c.member], () => [...prefix, "majorAccidentClaims", j, "member"], false, [], period);
    if (c.amount.gt(0)) fresh.push({ member: c.member, kind: "majorAccident", amount: c.amount, period, recordedDeficit: false });
  });
  claims.push(...fresh);

  const floor = poolFloorDec(
    params.poolFloor.value.months,
    ids.map((id) => members.get(id)!.priorYearExpenditure),
  );
  const claimed = { majorAccident: ZERO, cutGapGrant: ZERO, subsidy: ZERO, recordedDeficit: ZERO };
  const paid = { majorAccident: ZERO, cutGapGrant: ZERO, subsidy: ZERO, recordedDeficit: ZERO };
  let topUp = ZERO;
  let shortfall = ZERO;
  let clawbacks = ZERO;
  let pending: Claim[] = claims;

  const payClaim = (c: Claim, amount: Dec, cls: number): void => {
    if (amount.isZero()) return;
    const a = acc.get(c.member)!;
    if (c.kind === "majorAccident") {
      w.post(period, ACCOUNTS.pool, ACCOUNTS.beneficiaries, amount, "majorAccidentBenefit", clauses.majorAccident, c.member);
      a.majorAccidentPaid = a.majorAccidentPaid.plus(amount);
      paid.majorAccident = paid.majorAccident.plus(amount);
      return;
    }
    const isSubsidy = c.kind === "subsidy";
    const kind: EntryKind = cls === 3 && !isSubsidy ? "deficitCover" : c.kind;
    const citation = cls === 3 ? clauses.recordedDeficit : isSubsidy ? clauses.subsidy : clauses.cutGapGrant;
    creditMember(w, period, c.member, amount, kind, citation);
    if (cls === 3) {
      a.deficitPaid = a.deficitPaid.plus(amount);
      paid.recordedDeficit = paid.recordedDeficit.plus(amount);
    } else if (isSubsidy) {
      a.subsidyPaid = a.subsidyPaid.plus(amount);
      paid.subsidy = paid.subsidy.plus(amount);
    } else {
      a.grantPaid = a.grantPaid.plus(amount);
      paid.cutGapGrant = paid.cutGapGrant.plus(amount);
    }
    if (isSubsidy) {
      // R9: 20% of every subsidy paid, remitted by the member's government to municipal finance.
      const back = clawbackDec(params.clawback.value.rate, amount);
      w.post(period, fiscalAccount(c.member), ACCOUNTS.municipalFinance, back, "clawback", params.clawback.citation, c.member);
      a.clawback = a.clawback.plus(back);
      clawbacks = clawbacks.plus(back);
    }
  };

  if (poolOpen) {
    // R10 (d): an earlier recorded deficit is paid only as far as the member is still in deficit
    // (beyond what this period's own claims cover); the rest of the claim is withdrawn.
    const own = new Map<string, Dec>();
    for (const c of claims) {
      if (!c.recordedDeficit && c.kind !== "majorAccident") own.set(c.member, (own.get(c.member) ?? ZERO).plus(c.amount));
    }
    const room = new Map<string, Dec>();
    for (const id of ids) {
      const deficit = dmax(
        ZERO,
        w
          .balance(currentAccount(id))
          .plus(w.balance(carriedAccount(id)))
          .neg(),
      );
      room.set(id, dmax(ZERO, deficit.minus(own.get(id) ?? ZERO)));
    }
    const classes: Claim[][] = [[], [], [], []];
    for (const c of claims) {
      if (c.kind === "majorAccident") classes[0]!.push(c);
      else if (c.recordedDeficit) {
        const r = room.get(c.member)!;
        const amount = dmin(c.amount, r);
        room.set(c.member, r.minus(amount));
        if (amount.gt(0)) classes[3]!.push({ ...c, amount });
      } else classes[c.kind === "cutGapGrant" ? 1 : 2]!.push(c);
    }
    const classTotals = classes.map((cl) => dsum(cl.map((c) => c.amount)));
    claimed.majorAccident = classTotals[0]!;
    claimed.cutGapGrant = classTotals[1]!;
    claimed.subsidy = classTotals[2]!;
    claimed.recordedDeficit = classTotals[3]!;

    // Step 5 (R7): top up to the floor if the pool, after this period's claims, would stand below it.
    const need = floor.plus(dsum(classTotals)).minus(w.balance(ACCOUNTS.pool));
    if (need.gt(0)) {
      const split = apportionTopUpDec(
        need,
        ids.map((id) => ({
          weight: members.get(id)!.priorYearBalance,
          available: dmax(ZERO, w.balance(carriedAccount(id)).plus(w.balance(currentAccount(id)))),
        })),
      );
      ids.forEach((id, i) => {
        const part = split.parts[i]!;
        acc.get(id)!.topUp = part;
        debitMember(w, period, id, ACCOUNTS.pool, part, "topUp", clauses.topUp);
      });
      topUp = dsum(split.parts);
      shortfall = split.shortfall;
    }

    // Step 6 (R10): pay by priority; a class that cannot be paid in full is paid pro rata, and payment stops.
    const allocation = allocateByPriority(
      w.balance(ACCOUNTS.pool),
      classes.map((cl) => cl.map((c) => c.amount)),
    );
    pending = [];
    classes.forEach((cl, k) => {
      cl.forEach((c, i) => {
        const amount = allocation.paid[k]![i]!;
        payClaim(c, amount, k);
        const unpaid = c.amount.minus(amount);
        // What the pool could not pay waits: accident claims as such, the others as recorded deficits (R8 step 5).
        if (unpaid.gt(0)) pending.push({ ...c, amount: unpaid, recordedDeficit: c.kind !== "majorAccident" });
      });
    });
  }

  // Step 7: year end: roll this year's surplus into the carried balance; this year becomes the prior year.
  if (month === 12) {
    for (const id of ids) {
      const cur = w.balance(currentAccount(id));
      if (cur.gt(0)) w.post(period, currentAccount(id), carriedAccount(id), cur, "yearEndRollover", clauses.rollover, id);
      if (cur.lt(0)) w.post(period, carriedAccount(id), currentAccount(id), cur.neg(), "yearEndRollover", clauses.rollover, id);
      const m = members.get(id)!;
      m.priorYearBalance = w.balance(carriedAccount(id));
      m.priorYearExpenditure = m.yearExpenditure;
      m.priorYearIncome = m.yearIncome;
      m.yearIncome = ZERO;
      m.yearExpenditure = ZERO;
    }
  }

  const report = buildReport(params, { period, ids, w, members, acc, pending, poolOpen, floor, extractions, claimed, paid, topUp, shortfall, clawbacks });
  const state: InternalState = {
    nextPeriod: nextPeriod(period),
    poolOpen,
    nextSeq: w.nextSeq,
    balances: w.balances,
    members,
    pendingClaims: pending,
    options: s.options,
  };
  return { state, journal: w.entries, report };
}

/**
 * R14: settles one period for the whole city-district, in the spec's order:
 * 1. dated events (the opening extraction in 2020-06, the provincial
 *    remittances every June); 2. each member's income and expenditure;
 * 3. major-accident claims on the pool; 4. local deficit coverage (R8 steps
 * 1–2) and the resulting grant and subsidy claims; 5. a top-up if the pool,
 * after this period's claims, would stand below its floor (R7); 6. the pool
 * pays by priority (R10), with the 20% clawback of each subsidy (R9);
 * 7. at year end, the surplus rolls into the carried balance and this year
 * becomes the prior year. Claims that arise before the pool opens wait and
 * are paid in the opening period.
 *
 * `state` is the `state` of the previous call (or of `initialState`); the
 * result's `journal` holds this period's entries only.
 *
 * @example
 * ```ts
 * let { state } = initialState(EXAMPLE_SCENARIO.opening);
 * const first = settlePeriod(state, EXAMPLE_SCENARIO.periods[0]);
 * first.report.period;        // "2020-05"
 * first.state.nextPeriod;     // "2020-06"
 * ```
 */
export function settlePeriod(state: SettlementState, flows: PeriodFlows, policy?: Policy): Settlement {
  const p = resolvePolicy(policy);
  const s = fromJSONState(p, parseInput(SettlementStateSchema, state, ["state"]), ["state"]);
  const f = parseInput(PeriodFlowsSchema, flows, ["flows"]);
  const r = settleParsed(p, s, f, ["flows"]);
  return { state: toJSONState(r.state), journal: r.journal, report: r.report };
}
