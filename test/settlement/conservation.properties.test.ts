import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkConservation, foldJournal, initialState, settlePeriod, simulate } from "../../src/index.js";
import { accountKind } from "../../src/schemas.js";
import { noSelfTransfers } from "../helpers.js";
import { runs } from "../support/fc.js";
import { IDS, scenarioArb, TRIO } from "./arbitraries.js";

const d = (s: string | undefined) => new Decimal(s ?? "0");

describe("R13 conservation over generated scenarios", () => {
  it("after every period: all accounts sum to zero, funds move only by external income, benefits and remittances, fiscal accounts balance alone, balances are the fold", () => {
    fc.assert(
      fc.property(scenarioArb(30), (scenario) => {
        const init = initialState(scenario.opening, scenario.options, TRIO);
        let state = init.state;
        const journal = [...init.journal];
        for (const flows of scenario.periods) {
          const before = foldJournal(journal);
          const r = settlePeriod(state, flows, TRIO);
          journal.push(...r.journal);
          state = r.state;
          // the state's balances are the fold of the journal from zero
          const folded = foldJournal(journal);
          expect(state.balances).toEqual(folded);
          // every amount positive, two decimals
          for (const e of r.journal) expect(e.amount).toMatch(/^\d+\.\d{2}$/);
          for (const e of r.journal) expect(d(e.amount).gt(0)).toBe(true);
          // no entry moves money from an account to itself
          for (const e of r.journal) expect(e.from, `entry ${e.seq}`).not.toBe(e.to);
          // the sum over all accounts is zero; fiscal accounts sum to zero on their own
          const total = Object.values(folded).reduce((s, v) => s.plus(v), new Decimal(0));
          expect(total.isZero()).toBe(true);
          const fiscal = Object.entries(folded)
            .filter(([k]) => accountKind(k) === "fiscal")
            .reduce((s, [, v]) => s.plus(v), new Decimal(0));
          expect(fiscal.isZero()).toBe(true);
          // the funds' total changes exactly by external income − benefits − provincial remittances
          const funds = (b: Record<string, string>) =>
            Object.entries(b)
              .filter(([k]) => accountKind(k) === "fund")
              .reduce((s, [, v]) => s.plus(v), new Decimal(0));
          let external = new Decimal(0);
          for (const e of r.journal) {
            const f = accountKind(e.from);
            const t = accountKind(e.to);
            if (t === "fund" && f === "external") external = external.plus(e.amount);
            if (f === "fund" && (t === "external" || t === "province")) external = external.minus(e.amount);
          }
          expect(funds(folded).minus(funds(before)).eq(external)).toBe(true);
          // a top-up never pushes a member negative; no member pays a top-up without a positive prior-year balance
          for (const id of IDS) {
            const m = r.report.members[id]!;
            if (d(m.topUp).gt(0)) {
              expect(d(m.balance).gte(0)).toBe(true);
            }
          }
          expect(r.report.conservationOk).toBe(true);
        }
        const all = checkConservation(journal, state.balances);
        expect(all.failures).toEqual([]);
        expect(all.ok).toBe(true);
      }),
      runs(60),
    );
  }, 120_000);

  it("simulate equals the fold of settlePeriod and reports conservation ok", () => {
    fc.assert(
      fc.property(scenarioArb(18), (scenario) => {
        const sim = simulate(scenario, TRIO);
        expect(sim.conservation.ok).toBe(true);
        expect(noSelfTransfers(sim.journal)).toEqual([]);
        expect(foldJournal(sim.journal)).toEqual(sim.balances);
        let { state } = initialState(scenario.opening, scenario.options, TRIO);
        for (const [i, flows] of scenario.periods.entries()) {
          // simulate settles the year's clawbacks in its last period (R9): the fold flags it
          const last = i === scenario.periods.length - 1;
          const r = settlePeriod(state, last ? { ...flows, lastPeriod: true } : flows, TRIO);
          expect(r.report).toEqual(sim.periods[i]);
          state = r.state;
        }
        expect(state).toEqual(sim.finalState);
      }),
      runs(30),
    );
  });
});
