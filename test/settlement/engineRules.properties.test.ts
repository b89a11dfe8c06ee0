import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionTopUp,
  clawback,
  coverDeficit,
  initialState,
  type PeriodFlows,
  type PeriodReport,
  payByPriority,
  type Scenario,
  type SettlementState,
} from "../../src/index.js";
import { settlePeriodTraced } from "../../src/settlement/settlePeriod.js";
import { newEngineTrace } from "../../src/settlement/steps/trace.js";
import { runs } from "../support/fc.js";
import { IDS, scenarioArb, TRIO } from "./arbitraries.js";

const d = (s: string) => new Decimal(s);
const fen = (x: Decimal) => x.toFixed(2);

/** Sums the amounts of a list of payment lines by member. */
function byMember(lines: { member: string; paid: string; clawback: string }[], field: "paid" | "clawback"): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const line of lines) sums.set(line.member, (sums.get(line.member) ?? d("0")).plus(line[field]));
  return sums;
}

/**
 * Each member's balances before the period's own outflows, recomputed from the
 * previous state and the report (independently of the engine's trace): the
 * state's balances, with the opening's fold-in (the extraction, due 06-30 after
 * the 06-20 remittance, is one of the period's outflows).
 */
function balancesBefore(state: SettlementState, report: PeriodReport, id: string) {
  const m = report.members[id]!;
  return {
    current: d(state.balances[`member:${id}:current`] ?? "0"),
    carried: d(state.balances[`member:${id}:carried`] ?? "0").plus(m.legacyFoldIn),
  };
}

/** Settles one period and checks each rule's figures against the public function on the same inputs; returns the next state. */
function settleAndCompare(scenario: Scenario, state: SettlementState, flows: PeriodFlows): SettlementState {
  const trace = newEngineTrace();
  const { report, state: next } = settlePeriodTraced(state, flows, TRIO, trace);
  const period = flows.period;

  // R8: every member's coverage, from inputs recomputed from the previous state and the report.
  expect(trace.coverage.map((c) => c.member)).toEqual([...IDS]);
  for (const id of IDS) {
    const m = report.members[id]!;
    const before = balancesBefore(state, report, id);
    const deficitBefore = Decimal.max(0, before.current.plus(before.carried).neg());
    // 0.7: what the fund could not pay of its remittance and extraction is owed, not taken from it
    const remitted = d(m.provincialRemittance).minus(m.provincialRemittanceOwed);
    const extracted = d(m.extraction).minus(m.extractionOwed);
    const after = before.current.plus(before.carried).plus(m.income).minus(m.expenditure).minus(remitted).minus(extracted);
    const deficitAfter = Decimal.max(0, after.neg());
    const growth = Decimal.max(0, deficitAfter.minus(deficitBefore));
    // what the remittance and the extraction left unpaid is never a grant
    const grantRoom = Decimal.max(0, growth.minus(remitted).minus(extracted));
    const input = {
      gap: m.gap,
      currentSurplus: fen(before.current),
      cumulativeBalance: fen(before.carried),
      syncInducedRelief: fen(Decimal.min(d(m.syncInducedRelief), grantRoom)),
      // the claims are made before the pool pays them: the pool caps nothing
      poolAvailable: fen(Decimal.max(0, deficitAfter.minus(deficitBefore))),
      claimSubsidy: scenario.options!.claimSubsidy!,
      period,
      deficitBefore: fen(deficitBefore),
      deficitAfter: fen(deficitAfter),
    };
    expect(trace.coverage.find((c) => c.member === id)!.input).toEqual(input);
    const rule = coverDeficit(input, TRIO);
    expect(rule.fromCurrentSurplus).toBe(m.fromCurrentSurplus);
    expect(rule.fromCumulativeBalance).toBe(m.fromCumulativeBalance);
    expect(rule.poolGrant).toBe(m.grantClaimed);
    expect(rule.poolSubsidy).toBe(m.subsidyClaimed);
    expect(rule.uncovered).toBe(m.unclaimed);
  }

  // R7: the top-up contributions.
  expect(trace.topUp.length).toBe(d(report.pool.topUp).plus(report.pool.shortfall).gt(0) ? 1 : 0);
  for (const input of trace.topUp) {
    expect(input.amount).toBe(fen(d(report.pool.topUp).plus(report.pool.shortfall)));
    for (const member of input.members) {
      const m = report.members[member.id]!;
      expect(d(String(member.priorYearBalance)).eq(state.members[member.id]!.priorYearBalance)).toBe(true);
      // what it had before the top-up: its end balance, less what the pool paid in, plus what it paid
      const had = d(m.balance).plus(m.topUp).minus(m.grantPaid).minus(m.subsidyPaid).minus(m.deficitPaid);
      expect(member.available).toBe(fen(Decimal.max(0, had)));
    }
    const rule = apportionTopUp(input, TRIO);
    for (const id of IDS) expect(rule.contributions[id]).toBe(report.members[id]!.topUp);
    expect(rule.shortfall).toBe(report.pool.shortfall);
  }

  // R10 and R9: what the pool paid, by class and member, and the clawbacks.
  expect(trace.payments.length).toBe(report.pool.open ? 1 : 0);
  for (const input of trace.payments) {
    const paidTotal = Object.values(report.pool.paid).reduce((s, v) => s.plus(v), d("0"));
    expect(input.poolAvailable).toBe(fen(d(report.pool.balance).plus(paidTotal)));
    const rule = payByPriority(input, TRIO);
    expect(rule.paid).toEqual(report.pool.paid);
    const fields = { majorAccident: "majorAccidentPaid", cutGapGrant: "grantPaid", subsidy: "subsidyPaid", recordedDeficit: "deficitPaid" } as const;
    // 0.7: an opening deficit covered without the 20% is paid in the subsidy class and reported as deficitPaid
    const uncharged = new Map<string, Decimal>();
    for (const id of IDS) {
      const paidAsDeficit = d(report.members[id]!.deficitPaid).minus(byMember(rule.classes.recordedDeficit, "paid").get(id) ?? d("0"));
      uncharged.set(id, paidAsDeficit);
      if (paidAsDeficit.gt(0)) expect(d(report.members[id]!.openingDeficitClaimed).gte(paidAsDeficit)).toBe(true);
    }
    for (const [priorityClass, field] of Object.entries(fields) as [keyof typeof fields, (typeof fields)[keyof typeof fields]][]) {
      const paid = byMember(rule.classes[priorityClass], "paid");
      const moved = (id: string) =>
        priorityClass === "subsidy" ? uncharged.get(id)!.neg() : priorityClass === "recordedDeficit" ? uncharged.get(id)! : d("0");
      for (const id of IDS) expect(fen((paid.get(id) ?? d("0")).plus(moved(id)))).toBe(report.members[id]![field]);
    }
    // R9: the subsidies paid (and deficits that were subsidies) accrue the year's clawback, rounded once a year.
    const subsidyLines = [
      ...rule.classes.subsidy,
      ...rule.classes.recordedDeficit.filter((_, i) => (input.recordedDeficit ?? [])[i]!.origin !== "cutGapGrant"),
    ];
    const subsidies = byMember(subsidyLines, "paid");
    for (const id of IDS) {
      const yearBefore = Object.values(state.members[id]!.yearSubsidies).reduce((s, v) => s.plus(v), d("0"));
      const yearAfter = yearBefore.plus(subsidies.get(id) ?? d("0")).minus(uncharged.get(id)!);
      const accrued = d(clawback(fen(yearAfter), period, TRIO)).minus(clawback(fen(yearBefore), period, TRIO));
      expect(report.members[id]!.clawbackAccrued).toBe(fen(accrued));
      // settled once, in December: the year's clawback on the year's subsidies
      expect(report.members[id]!.clawback).toBe(period.endsWith("-12") ? clawback(fen(yearAfter), period, TRIO) : "0.00");
      // a single subsidy line's clawback is the public clawback of it
      if (uncharged.get(id)!.isZero())
        for (const line of rule.classes.subsidy.filter((l) => l.member === id)) expect(line.clawback).toBe(clawback(line.paid, period, TRIO));
    }
  }
  return next;
}

describe("the engine uses the public rule functions (one implementation per rule)", () => {
  it("per period: coverage (R8), top-up (R7), pool payments (R10) and clawbacks (R9) equal the public functions on the same inputs", () => {
    fc.assert(
      fc.property(scenarioArb(24), (scenario) => {
        let { state } = initialState(scenario.opening, scenario.options, TRIO);
        for (const flows of scenario.periods) state = settleAndCompare(scenario, state, flows);
      }),
      runs(40),
    );
  }, 120_000);

  it("a recorded deficit paid later, with its clawback, equals payByPriority on the same inputs", () => {
    const member = (priorYearBalance: string) => ({ priorYearBalance, priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" });
    const quiet = { income: "0.00", expenditure: "0.00" };
    const scenario: Scenario = {
      opening: { start: "2020-06", members: { a: member("0.00"), b: member("1000.00"), c: member("0.00") } },
      periods: [
        {
          period: "2020-06",
          members: { a: { income: "0.00", expenditure: "5000.00" }, b: quiet, c: quiet },
          provincialRemittances: { a: "0.00", b: "0.00", c: "0.00" },
        },
        { period: "2020-07", members: { a: quiet, b: { income: "10000.00", expenditure: "0.00" }, c: quiet } },
      ],
      options: { claimSubsidy: true, includeLegacyFunds: false },
    };
    let { state } = initialState(scenario.opening, scenario.options, TRIO);
    state = settleAndCompare(scenario, state, scenario.periods[0]!);
    expect(state.pendingClaims).toEqual([{ member: "a", kind: "subsidy", amount: "4000.00", period: "2020-06", recordedDeficit: true }]);
    const trace = newEngineTrace();
    const july = settlePeriodTraced(state, scenario.periods[1]!, TRIO, trace).report;
    expect(july.pool.paid.recordedDeficit).toBe("4000.00");
    // 0.5: the clawback accrues in July and settles with the year, in December (0.4 posted 800.00 in July)
    expect(july.members.a!.clawbackAccrued).toBe("800.00");
    expect(july.members.a!.clawback).toBe("0.00");
    settleAndCompare(scenario, state, scenario.periods[1]!);
  });
});
