/**
 * The third readings pass (issue 17) as properties over generated scenarios,
 * under the library's defaults (the month-end top-up, owed transfers, no 20%
 * on covering an opening deficit).
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";
import { noSelfTransfers } from "../helpers.js";
import { runs } from "../support/fc.js";
import { IDS, scenarioArb, TRIO } from "./arbitraries.js";

const d = (s: string) => new Decimal(s);

describe("readings of issue 17 over generated scenarios", () => {
  it("each month end after the opening: the pool at or above its floor unless a shortfall is owed and reported; conservation; no self postings", () => {
    fc.assert(
      fc.property(scenarioArb(30), (scenario) => {
        const sim = simulate(scenario, TRIO);
        expect(sim.conservation.ok).toBe(true);
        expect(noSelfTransfers(sim.journal)).toEqual([]);
        for (const p of sim.periods) {
          if (!p.pool.open) continue;
          const reported = d(p.pool.shortfall).gt(0) || d(p.pool.owedToPool).gt(0);
          if (!reported) expect(d(p.pool.balance).gte(p.pool.floor), p.period).toBe(true);
          // what is owed to the pool is what the members owe of extractions and top-ups
          for (const id of IDS) {
            const m = p.members[id]!;
            expect(d(m.owed).gte(0)).toBe(true);
            // a member never pays a top-up or what it owes into a deficit
            if (d(m.topUp).gt(0) || d(m.owedSettled).gt(0)) expect(d(m.balance).plus(m.grantPaid).plus(m.subsidyPaid).plus(m.deficitPaid).gte(0)).toBe(true);
          }
        }
      }),
      runs(60),
    );
  }, 120_000);

  it("no 20% on anything but a pool subsidy (二（三）): each member-year's clawback is 20% of the subsidies journaled to it, rounded once", () => {
    fc.assert(
      fc.property(scenarioArb(30), (scenario) => {
        const sim = simulate(scenario, TRIO);
        const subsidies = new Map<string, Decimal>();
        for (const e of sim.journal) {
          if (e.kind !== "subsidy" || e.member === undefined) continue;
          const key = `${e.member} ${e.period.slice(0, 4)}`;
          subsidies.set(key, (subsidies.get(key) ?? d("0")).plus(e.amount));
        }
        const clawbacks = new Map<string, string>();
        for (const e of sim.journal) if (e.kind === "clawback") clawbacks.set(`${e.from.slice("fiscal:".length)} ${e.period.slice(0, 4)}`, e.amount);
        for (const [key, amount] of clawbacks)
          expect(amount, key).toBe((subsidies.get(key) ?? d("0")).times("0.2").toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        // an unpaid extraction or remittance is never a subsidy: with no gap of its own and nothing waiting, a member gets none
        for (const p of sim.periods) {
          for (const id of IDS) {
            const m = p.members[id]!;
            if (m.gap === "0.00" && m.openingDeficitClaimed === "0.00" && d(m.extractionOwed).plus(m.provincialRemittanceOwed).gt(0)) {
              expect([p.period, id, m.subsidyClaimed]).toEqual([p.period, id, "0.00"]);
            }
          }
        }
      }),
      runs(60),
    );
  }, 120_000);
});
