/**
 * Properties of the 0.5 readings over generated scenarios: top-ups only when
 * the schedule tests the floor or the pool ran short (R7); each member-year's
 * clawback settled once, equal to round_fen(rate × that year's subsidies) (R9);
 * no entry from an account to itself.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePolicy, type Scenario, simulate } from "../../src/index.js";
import { noSelfTransfers } from "../helpers.js";
import { runs } from "../support/fc.js";
import { IDS, scenarioArb, TRIO_06, trioPolicyJson } from "./arbitraries.js";

/** TRIO with member `a` as 市本级 (id `municipal`), and a scenario renamed to match. */
const WITH_MUNICIPAL = (() => {
  const json = trioPolicyJson("trio-municipal");
  json.members[0].value[0] = { id: "municipal", nameZh: "市本级", nameEn: "Municipal level" };
  return definePolicy(json);
})();
function renameA(scenario: Scenario): Scenario {
  return JSON.parse(JSON.stringify(scenario).replaceAll('"a":', '"municipal":').replaceAll('"member":"a"', '"member":"municipal"'));
}

const d = (s: string) => new Decimal(s);
const roundFen = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

describe("the 0.5 readings over generated scenarios", () => {
  it("yearly (the 0.6 reading): top-ups only at the opening, in January, or when the pool could not pay the period's claims; clawbacks once per member-year", () => {
    fc.assert(
      fc.property(scenarioArb(30), (scenario) => {
        const sim = simulate(scenario, TRIO_06);
        expect(noSelfTransfers(sim.journal)).toEqual([]);
        let opened = false;
        for (const p of sim.periods) {
          const opening = p.pool.open && !opened;
          opened = p.pool.open;
          if (d(p.pool.topUp).plus(p.pool.shortfall).isZero()) {
            expect(p.pool.topUpReason).toBeNull();
            continue;
          }
          const paid = Object.values(p.pool.paid).reduce((s, v) => s.plus(v), d("0"));
          const claimed = Object.values(p.pool.claimed).reduce((s, v) => s.plus(v), d("0"));
          const before = d(p.pool.balance).plus(paid).minus(p.pool.topUp);
          const short = before.lt(claimed);
          expect(opening || p.period.endsWith("-01") || short, `top-up in ${p.period}`).toBe(true);
          // outside the scheduled periods, a top-up is raised only because the pool ran short
          if (!(opening || p.period.endsWith("-01"))) expect(p.pool.topUpReason).toBe("whenShort");
        }
        // R9: one transfer per member and year, round_fen(20% × the subsidies paid to it that year), in the year's last period
        const last = sim.periods.at(-1)!.period;
        for (const year of new Set(sim.periods.map((p) => p.period.slice(0, 4)))) {
          const settleIn = last.startsWith(year) ? last : `${year}-12`;
          for (const id of IDS) {
            const subsidies = sim.journal
              .filter((e) => e.kind === "subsidy" && e.member === id && e.from === "pool" && e.period.startsWith(year))
              .reduce((s, e) => s.plus(e.amount), d("0"));
            const transfers = sim.journal.filter((e) => e.kind === "clawback" && e.member === id && e.period.startsWith(year));
            const expected = roundFen(subsidies.times("0.2"));
            if (expected === "0.00") expect(transfers).toEqual([]);
            else expect(transfers.map((e) => [e.period, e.from, e.to, e.amount])).toEqual([[settleIn, `fiscal:${id}`, "fiscal:city", expected]]);
            const accrued = sim.periods.filter((p) => p.period.startsWith(year)).reduce((s, p) => s.plus(p.members[id]!.clawbackAccrued), d("0"));
            expect(roundFen(accrued)).toBe(expected);
          }
        }
      }),
      runs(60),
    );
  });

  it("市本级 owes no clawback by default: its subsidies accrue none and no transfer leaves fiscal:municipal", () => {
    fc.assert(
      fc.property(scenarioArb(24), (generated) => {
        const sim = simulate(renameA(generated), WITH_MUNICIPAL);
        expect(sim.conservation.ok).toBe(true);
        for (const p of sim.periods) {
          expect(p.parameters.clawbackMunicipal).toBe("none");
          expect(p.members.municipal!.clawbackAccrued).toBe("0.00");
          expect(p.members.municipal!.clawback).toBe("0.00");
        }
        expect(sim.journal.filter((e) => e.kind === "clawback" && e.member === "municipal")).toEqual([]);
        expect(sim.balances["fiscal:municipal"]).toBeUndefined();
      }),
      runs(40),
    );
  });
});
