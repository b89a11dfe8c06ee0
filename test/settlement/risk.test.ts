/**
 * Issue 9, findings 6 and 9 (R11, 0.5): no false alarms. The pool's reserve
 * months use its floor's own base (a pool at its floor reads its 3 months,
 * December included), it is not assessed before it opens, a fund at its floor
 * is never critical, a fund below zero always is, and the bands say which of
 * them is the document's.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { assessRisk, definePolicy, type PeriodInput, poolFloor, reserveMonths, SUZHOU_2020, simulate } from "../../src/index.js";
import { runs } from "../support/fc.js";
import { IDS, openingArb, periodFlowsArb, TRIO, withPeriods } from "./arbitraries.js";

const sim = simulate(EXAMPLE_SCENARIO);
const at = (period: string) => sim.periods.find((p) => p.period === period)!;
/** The 0.4 reading of the top-up (monthly, to the floor): the pool sits exactly on its floor every month. */
const MONTHLY = (() => {
  const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
  json.topUp[0].value.schedule = "monthly";
  return definePolicy(json);
})();
const monthly = simulate(EXAMPLE_SCENARIO, MONTHLY);
const monthlyAt = (period: string) => monthly.periods.find((p) => p.period === period)!;

describe("issue 9 finding 6: the pool's warnings", () => {
  it("a pool exactly at its floor reads 3.00 months, December included (0.4: 2.88, critical, after the roll-over)", () => {
    for (const period of ["2020-06", "2020-12", "2021-12", "2022-12"]) {
      const pool = monthlyAt(period).pool;
      expect(pool.balance).toBe(pool.floor);
      expect(pool.reserveMonths).toBe("3.00");
      expect(pool.risk).toBe("warning");
    }
  });

  it("the pool is not assessed before it opens (2020-05: null, no level; 0.4: critical)", () => {
    expect(at("2020-05").pool).toMatchObject({ open: false, reserveMonths: null, risk: null });
  });

  it("poolFloor(['1000000.01']) is 250000.01, and a fund at it reads 3.00 months, not critical (0.4: 250000.00, 2.99, critical)", () => {
    const floor = poolFloor(["1000000.01"]);
    expect(floor).toBe("250000.01");
    expect(reserveMonths(floor, "1000000.01")).toBe("3.00");
    expect(assessRisk(reserveMonths(floor, "1000000.01"))).toBe("warning");
  });

  it("the bands say which is the document's (critical, below the 3-month floor) and which the library's defaults", () => {
    expect(SUZHOU_2020.riskBands[0].value.map((b) => [b.level, b.fromMonths, b.source])).toEqual([
      ["critical", "0", "document"],
      ["warning", "3", "library default"],
      ["normal", "9", "library default"],
      ["surplus", "24", "library default"],
    ]);
    expect(at("2020-09").parameters.riskBandsSource).toBe(
      "critical from 0 months: document; warning from 3 months: library default; normal from 9 months: library default; surplus from 24 months: library default",
    );
  });
});

describe("issue 9 finding 9: a member in deficit is critical whatever its expenditure", () => {
  it("a negative balance without expenditure reads 0.00 months, critical (0.4: null, surplus)", () => {
    expect(reserveMonths("-10.00", "0")).toBe("0.00");
    expect(assessRisk(reserveMonths("-10.00", "0"))).toBe("critical");
    expect(reserveMonths("0.00", "0")).toBeNull();
    const opening = {
      start: "2020-05" as const,
      members: {
        a: { priorYearBalance: "-5000.00", priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
        b: { priorYearBalance: "90000.00", priorYearExpenditure: "12000.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
        c: { priorYearBalance: "90000.00", priorYearExpenditure: "12000.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
      },
    };
    const flows = (period: PeriodInput) => ({
      period,
      members: Object.fromEntries(IDS.map((id) => [id, { income: "0.00", expenditure: "0.00" }])),
    });
    const r = simulate({ opening, periods: [flows("2020-05")] }, TRIO).periods[0]!;
    expect(r.members.a).toMatchObject({ balance: "-5000.00", reserveMonths: "0.00", risk: "critical" });
  });

  it("properties: a pool at or above its floor is never critical; a fund below zero always is", () => {
    fc.assert(
      fc.property(openingArb, fc.array(periodFlowsArb, { minLength: 1, maxLength: 16 }), (opening, gs) => {
        const periods = withPeriods(opening.start, gs);
        for (const p of simulate({ opening, periods }, TRIO).periods) {
          if (p.pool.open && new Decimal(p.pool.balance).gte(p.pool.floor)) expect(p.pool.risk).not.toBe("critical");
          if (!p.pool.open) expect(p.pool.risk).toBeNull();
          for (const id of IDS) {
            const m = p.members[id]!;
            if (new Decimal(m.balance).lt(0)) expect(m.risk).toBe("critical");
            if (m.reserveMonths === null) expect(new Decimal(m.balance).gte(0)).toBe(true);
          }
        }
      }),
      runs(80),
    );
  }, 120_000);
});
