/**
 * `EXAMPLE_SCENARIO`: the built-in scenario the demo runs. ALL FIGURES ARE
 * ILLUSTRATIVE: plausible magnitudes for the five members, not real data.
 *
 * @module
 */

import type { LevyInput } from "../levy/schema.js";
import { D, type Dec, formatMoney, roundFen } from "../money.js";
import { nextPeriod, yearOf } from "../period.js";
import type { MemberFlows, PeriodFlows, Scenario } from "./schema.js";

/** Illustrative yearly parameters of a member whose income is given as totals. */
interface TotalsMember {
  /** 2019 year-end cumulative balance. */
  balance2019: string;
  /** Monthly benefits in 2020 (2019 is 12 × this). */
  monthlyExpenditure: string;
  /** Monthly contribution income without any cut, 2020. */
  monthlyIncome: string;
  /** The member's own national cut fraction (from its own reserve months). */
  ownCut: string;
  legacyFunds: string;
}

const TOTALS: Record<string, TotalsMember> = {
  // 36 months of reserves: qualifies for the 50% cut on its own.
  municipal: { balance2019: "900000000.00", monthlyExpenditure: "25000000.00", monthlyIncome: "27000000.00", ownCut: "0.5", legacyFunds: "25000000.00" },
  // 14 months: below the national requirement (18), so its cut relief is sync-induced; its carried balance absorbs the gap.
  wujiang: { balance2019: "210000000.00", monthlyExpenditure: "15000000.00", monthlyIncome: "16000000.00", ownCut: "0", legacyFunds: "8000000.00" },
  // 24 months: qualifies on its own; a major accident in 2021-08.
  wuzhong: { balance2019: "300000000.00", monthlyExpenditure: "12500000.00", monthlyIncome: "13500000.00", ownCut: "0.5", legacyFunds: "6000000.00" },
  // 36 months.
  sip: { balance2019: "780000000.00", monthlyExpenditure: "21500000.00", monthlyIncome: "24000000.00", ownCut: "0.5", legacyFunds: "10000000.00" },
};

/**
 * 相城区 (xiangcheng): 4 months of reserves and a structural gap; its income
 * is computed from employer levy records (four illustrative groups of
 * employers by industry class), so its cut relief and sync-induced relief come
 * from R4. It exhausts its carried balance in the window and needs the pool's
 * grant and subsidies.
 */
const XIANGCHENG = {
  balance2019: "30000000.00",
  monthlyExpenditure: "7500000.00",
  legacyFunds: "3000000.00",
  /** Monthly payroll by industry class, 2020. Premiums without cut ≈ 7.05 million a month. */
  payroll: { 2: "300000000.00", 4: "400000000.00", 6: "250000000.00", 8: "100000000.00" } as Record<number, string>,
};

/** The city-wide cut applied in the window (the city's reserve months, 27.5, qualify for 50%). */
const CITY_CUT = "0.5";
/** Yearly growth: income (payroll) and benefits. */
const GROWTH = { income: "0.06", expenditure: "0.04", xiangchengPayroll2022: "0.15" };
/** A month-by-month wiggle of ±2% around the trend, repeating every 6 months. */
const SEASON = ["0", "0.02", "-0.02", "0.01", "-0.01", "0"];

const START = "2020-05";
const END = "2022-12";

function grow(base: string, rate: string, years: number): Dec {
  return new D(base).times(new D(1).plus(rate).pow(years));
}

function seasonal(value: Dec, index: number): Dec {
  return roundFen(value.times(new D(1).plus(SEASON[index % SEASON.length]!)));
}

function inWindow(period: string): boolean {
  return period >= "2020-05" && period <= "2021-04";
}

function buildPeriods(): PeriodFlows[] {
  const periods: PeriodFlows[] = [];
  let index = 0;
  for (let period = START; period <= END; period = nextPeriod(period), index++) {
    const years = yearOf(period) - 2020;
    const cut = inWindow(period) ? new D(CITY_CUT) : new D(0);
    const members: Record<string, MemberFlows> = {};
    for (const [id, m] of Object.entries(TOTALS)) {
      const full = seasonal(grow(m.monthlyIncome, GROWTH.income, years), index);
      const income = roundFen(full.times(new D(1).minus(cut)));
      const cutRelief = full.minus(income);
      const ownCut = new D(m.ownCut);
      const sync = ownCut.gte(cut) ? new D(0) : roundFen(full.times(new D(1).minus(ownCut))).minus(income);
      members[id] = {
        income: formatMoney(income),
        expenditure: formatMoney(seasonal(grow(m.monthlyExpenditure, GROWTH.expenditure, years), index + 3)),
        cutRelief: formatMoney(cutRelief),
        syncInducedRelief: formatMoney(sync),
      };
    }
    const payrollGrowth = years >= 2 ? new D(1).plus(GROWTH.xiangchengPayroll2022) : new D(1);
    const levies: LevyInput[] = Object.entries(XIANGCHENG.payroll).map(([cls, payroll]) => ({
      employerId: `xiangcheng-class-${cls}-employers`,
      period,
      industryClass: Number(cls),
      payroll: formatMoney(roundFen(new D(payroll).times(payrollGrowth))),
      ...(inWindow(period) ? { cutFraction: CITY_CUT, ownCutFraction: "0" } : {}),
    }));
    members.xiangcheng = {
      expenditure: formatMoney(seasonal(grow(XIANGCHENG.monthlyExpenditure, "0.02", years), index + 3)),
      levies,
    };
    const flows: PeriodFlows = { period, members };
    if (period.endsWith("-06")) {
      // Illustrative provincial reserve remittances: 2% of a year's contributions without cut.
      const remit: Record<string, string> = {};
      for (const [id, m] of Object.entries(TOTALS)) {
        remit[id] = formatMoney(
          roundFen(
            grow(m.monthlyIncome, GROWTH.income, Math.max(0, years - 1))
              .times(12)
              .times("0.02"),
          ),
        );
      }
      remit.xiangcheng = "1700000.00";
      flows.provincialRemittances = remit;
    }
    if (period === "2021-08") {
      flows.majorAccidentClaims = [{ member: "wuzhong", amount: "12000000.00", note: "illustrative major work-injury accident (重大工伤事故)" }];
    }
    periods.push(flows);
  }
  return periods;
}

function opening(m: { balance2019: string; monthlyExpenditure: string; legacyFunds: string }, monthlyIncome: string) {
  const exp = new D(m.monthlyExpenditure);
  const inc = new D(monthlyIncome);
  return {
    priorYearBalance: m.balance2019,
    priorYearExpenditure: formatMoney(exp.times(12)),
    priorYearIncome: formatMoney(inc.times(12)),
    // January to April 2020, before the pooling.
    currentSurplus: formatMoney(inc.minus(exp).times(4)),
    yearToDateIncome: formatMoney(inc.times(4)),
    yearToDateExpenditure: formatMoney(exp.times(4)),
    legacyFunds: m.legacyFunds,
  };
}

/**
 * The built-in scenario (SPEC §5), **illustrative figures**: the five members
 * from 2020-05 to 2022-12, with 2019 year-end balances and expenditure and
 * the 2020 surplus so far. It exercises every rule: the opening extraction
 * (2020-06) and legacy fold-in, three provincial remittances (each June), the
 * 50% rate cut in the window, 吴江区 and 相城区 below the national reserve
 * requirement, 相城区's deficit that needs a cut-gap grant and a subsidy (and
 * the 20% clawback), top-ups of the pool to its 3-month floor (at once at the
 * opening), and a major-accident claim of 吴中区 in 2021-08. 相城区's income is
 * computed from employer levy records.
 *
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * sim.years.map((y) => y.year); // [2020, 2021, 2022]
 * ```
 */
export const EXAMPLE_SCENARIO: Scenario = Object.freeze({
  name: "Suzhou city-district 2020-05 to 2022-12 (illustrative figures)",
  description:
    "Illustrative, not real data. Five members; 50% city-wide cut 2020-05 to 2021-04; 吴江区 and 相城区 below the national reserve requirement; 相城区 needs grants and subsidies; major accident in 吴中区 2021-08.",
  opening: {
    start: START,
    members: {
      ...Object.fromEntries(Object.entries(TOTALS).map(([id, m]) => [id, opening(m, m.monthlyIncome)])),
      xiangcheng: opening(XIANGCHENG, "7050000.00"),
    },
  },
  periods: buildPeriods(),
}) as Scenario;
