/**
 * The data of `EXAMPLE_SCENARIO`, a fixture: ALL FIGURES ARE ILLUSTRATIVE
 * (plausible magnitudes, not real data). Four members' flows are given as
 * monthly totals (income after the city-wide cut, the cut relief, and the
 * sync-induced relief each member's own reserves imply); 相城区's income comes
 * from employer levy records, computed by the library when the scenario runs.
 * A column is one string of money amounts separated by spaces, one per
 * period from `EXAMPLE_PERIODS.from` to `.to`.
 *
 * How the figures were made (for a reader who wants to vary them): 2019
 * balances of 36, 14, 24 and 36 months of benefits for 市本级, 吴江区, 吴中区 and
 * 苏州工业园区; 相城区 enters pooling with an accumulated deficit (2019 balance
 * −80,000,000.00, benefits of 117,000,000.00 a year against about 85,000,000.00
 * of contributions); income and benefits growing 6% and 4% a year with a ±2%
 * seasonal wiggle; the 50% city-wide cut from 2020-05 to 2021-04; provincial
 * remittances of 2% of a year's contributions; two stress events: a
 * 120,000,000.00 major-accident claim of 苏州工业园区 in 2020-12 (the pool runs
 * short) and a one-off 190,000,000.00 benefit payment of 吴中区 in 2021-03 (its
 * 2021-03 benefits are 203,260,000.00 instead of 13,260,000.00), which uses up its
 * balances.
 *
 * The story each figure is there for: 吴中区's 24.00 months of its own reserves
 * (2019) qualify for the 50% cut the city applies, so it is not eligible for the
 * cut-gap grant and its gap after the one-off is a subsidy claim; 相城区 (below
 * every national band) is eligible, and its levy records' sync-induced relief
 * caps the grant it receives each month of the window; its opening deficit is
 * covered by the pool; 吴江区 is eligible too (14 months) but never needs a grant
 * (its own balance pays its gaps first).
 *
 * @module
 */
import type { IndustryClass } from "../schema/fields.js";

/** One employer group of 相城区: industry class, monthly payroll, the city's cut and the district's own (absent outside the window). @internal */
type LevyGroup = readonly [industryClass: IndustryClass, payroll: `${number}`, cutFraction: `${number}` | null, ownCutFraction: `${number}` | null];

/** The scenario's name and description. @internal */
export const EXAMPLE_TEXT = {
  name: "Suzhou city-district 2020-05 to 2022-12 (illustrative figures)",
  description:
    "Illustrative, not real data. Five members; 50% city-wide cut 2020-05 to 2021-04; 相城区 enters pooling in deficit (covered by the pool) and, below the national reserve requirement, receives cut-gap grants; 吴中区 meets the requirement (24 months): after a one-off payment in 2021-03 its gap is a subsidy, not a grant; a major accident in 苏州工业园区 2020-12 leaves the pool short and the members top it up.",
} as const;

/** Opening data: 2019 year-end balances and benefits, the 2020 surplus so far (January to April). @internal */
export const EXAMPLE_OPENING = {
  start: "2020-05",
  members: {
    municipal: {
      priorYearBalance: "900000000.00",
      priorYearExpenditure: "300000000.00",
      priorYearIncome: "324000000.00",
      currentSurplus: "8000000.00",
      yearToDateIncome: "108000000.00",
      yearToDateExpenditure: "100000000.00",
      legacyFunds: "25000000.00",
    },
    wujiang: {
      priorYearBalance: "210000000.00",
      priorYearExpenditure: "180000000.00",
      priorYearIncome: "192000000.00",
      currentSurplus: "4000000.00",
      yearToDateIncome: "64000000.00",
      yearToDateExpenditure: "60000000.00",
      legacyFunds: "8000000.00",
    },
    wuzhong: {
      priorYearBalance: "300000000.00",
      priorYearExpenditure: "150000000.00",
      priorYearIncome: "162000000.00",
      currentSurplus: "4000000.00",
      yearToDateIncome: "54000000.00",
      yearToDateExpenditure: "50000000.00",
      legacyFunds: "6000000.00",
    },
    sip: {
      priorYearBalance: "780000000.00",
      priorYearExpenditure: "258000000.00",
      priorYearIncome: "288000000.00",
      currentSurplus: "10000000.00",
      yearToDateIncome: "96000000.00",
      yearToDateExpenditure: "86000000.00",
      legacyFunds: "10000000.00",
    },
    xiangcheng: {
      priorYearBalance: "-80000000.00",
      priorYearExpenditure: "117000000.00",
      priorYearIncome: "84600000.00",
      currentSurplus: "-10800000.00",
      yearToDateIncome: "28200000.00",
      yearToDateExpenditure: "39000000.00",
      legacyFunds: "3000000.00",
    },
  },
} as const;

/** The first and last periods. @internal */
export const EXAMPLE_PERIODS = { from: "2020-05", to: "2022-12" } as const;

/** Members whose flows are totals: a column per field (amounts separated by spaces, one per period). @internal */
export const EXAMPLE_TOTALS: Readonly<Record<string, Readonly<Record<"income" | "expenditure" | "cutRelief" | "syncInducedRelief", string>>>> = {
  municipal: {
    income:
      "13500000.00 13770000.00 13230000.00 13635000.00 13365000.00 13500000.00 13500000.00 13770000.00 14023800.00 14453100.00 14166900.00 14310000.00 28620000.00 29192400.00 28047600.00 28906200.00 28333800.00 28620000.00 28620000.00 29192400.00 29730456.00 30640572.00 30033828.00 30337200.00 30337200.00 30943944.00 29730456.00 30640572.00 30033828.00 30337200.00 30337200.00 30943944.00",
    expenditure:
      "25250000.00 24750000.00 25000000.00 25000000.00 25500000.00 24500000.00 25250000.00 24750000.00 26000000.00 26000000.00 26520000.00 25480000.00 26260000.00 25740000.00 26000000.00 26000000.00 26520000.00 25480000.00 26260000.00 25740000.00 27040000.00 27040000.00 27580800.00 26499200.00 27310400.00 26769600.00 27040000.00 27040000.00 27580800.00 26499200.00 27310400.00 26769600.00",
    cutRelief:
      "13500000.00 13770000.00 13230000.00 13635000.00 13365000.00 13500000.00 13500000.00 13770000.00 14023800.00 14453100.00 14166900.00 14310000.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
    syncInducedRelief:
      "0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
  },
  wujiang: {
    income:
      "8000000.00 8160000.00 7840000.00 8080000.00 7920000.00 8000000.00 8000000.00 8160000.00 8310400.00 8564800.00 8395200.00 8480000.00 16960000.00 17299200.00 16620800.00 17129600.00 16790400.00 16960000.00 16960000.00 17299200.00 17618048.00 18157376.00 17797824.00 17977600.00 17977600.00 18337152.00 17618048.00 18157376.00 17797824.00 17977600.00 17977600.00 18337152.00",
    expenditure:
      "15150000.00 14850000.00 15000000.00 15000000.00 15300000.00 14700000.00 15150000.00 14850000.00 15600000.00 15600000.00 15912000.00 15288000.00 15756000.00 15444000.00 15600000.00 15600000.00 15912000.00 15288000.00 15756000.00 15444000.00 16224000.00 16224000.00 16548480.00 15899520.00 16386240.00 16061760.00 16224000.00 16224000.00 16548480.00 15899520.00 16386240.00 16061760.00",
    cutRelief:
      "8000000.00 8160000.00 7840000.00 8080000.00 7920000.00 8000000.00 8000000.00 8160000.00 8310400.00 8564800.00 8395200.00 8480000.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
    syncInducedRelief:
      "8000000.00 8160000.00 7840000.00 8080000.00 7920000.00 8000000.00 8000000.00 8160000.00 8310400.00 8564800.00 8395200.00 8480000.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
  },
  wuzhong: {
    income:
      "6750000.00 6885000.00 6615000.00 6817500.00 6682500.00 6750000.00 6750000.00 6885000.00 7011900.00 7226550.00 7083450.00 7155000.00 14310000.00 14596200.00 14023800.00 14453100.00 14166900.00 14310000.00 14310000.00 14596200.00 14865228.00 15320286.00 15016914.00 15168600.00 15168600.00 15471972.00 14865228.00 15320286.00 15016914.00 15168600.00 15168600.00 15471972.00",
    expenditure:
      "12625000.00 12375000.00 12500000.00 12500000.00 12750000.00 12250000.00 12625000.00 12375000.00 13000000.00 13000000.00 203260000.00 12740000.00 13130000.00 12870000.00 13000000.00 13000000.00 13260000.00 12740000.00 13130000.00 12870000.00 13520000.00 13520000.00 13790400.00 13249600.00 13655200.00 13384800.00 13520000.00 13520000.00 13790400.00 13249600.00 13655200.00 13384800.00",
    cutRelief:
      "6750000.00 6885000.00 6615000.00 6817500.00 6682500.00 6750000.00 6750000.00 6885000.00 7011900.00 7226550.00 7083450.00 7155000.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
    syncInducedRelief:
      "0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
  },
  sip: {
    income:
      "12000000.00 12240000.00 11760000.00 12120000.00 11880000.00 12000000.00 12000000.00 12240000.00 12465600.00 12847200.00 12592800.00 12720000.00 25440000.00 25948800.00 24931200.00 25694400.00 25185600.00 25440000.00 25440000.00 25948800.00 26427072.00 27236064.00 26696736.00 26966400.00 26966400.00 27505728.00 26427072.00 27236064.00 26696736.00 26966400.00 26966400.00 27505728.00",
    expenditure:
      "21715000.00 21285000.00 21500000.00 21500000.00 21930000.00 21070000.00 21715000.00 21285000.00 22360000.00 22360000.00 22807200.00 21912800.00 22583600.00 22136400.00 22360000.00 22360000.00 22807200.00 21912800.00 22583600.00 22136400.00 23254400.00 23254400.00 23719488.00 22789312.00 23486944.00 23021856.00 23254400.00 23254400.00 23719488.00 22789312.00 23486944.00 23021856.00",
    cutRelief:
      "12000000.00 12240000.00 11760000.00 12120000.00 11880000.00 12000000.00 12000000.00 12240000.00 12465600.00 12847200.00 12592800.00 12720000.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
    syncInducedRelief:
      "0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00",
  },
};

/** 相城区: benefits (a column) and its employer groups, per period. @internal */
export const EXAMPLE_XIANGCHENG: { expenditure: string; levies: readonly (readonly LevyGroup[])[] } = {
  expenditure:
    "9847500.00 9652500.00 9750000.00 9750000.00 9945000.00 9555000.00 9847500.00 9652500.00 9945000.00 9945000.00 10143900.00 9746100.00 10044450.00 9845550.00 9945000.00 9945000.00 10143900.00 9746100.00 10044450.00 9845550.00 10143900.00 10143900.00 10346778.00 9941022.00 10245339.00 10042461.00 10143900.00 10143900.00 10346778.00 9941022.00 10245339.00 10042461.00",
  levies: [
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", "0.5", "0"],
      [4, "400000000.00", "0.5", "0"],
      [6, "250000000.00", "0.5", "0"],
      [8, "100000000.00", "0.5", "0"],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "300000000.00", null, null],
      [4, "400000000.00", null, null],
      [6, "250000000.00", null, null],
      [8, "100000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
    [
      [2, "345000000.00", null, null],
      [4, "460000000.00", null, null],
      [6, "287500000.00", null, null],
      [8, "115000000.00", null, null],
    ],
  ],
};

/** Provincial reserve remittances, by the period they are paid in. @internal */
export const EXAMPLE_REMITTANCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "2020-06": { municipal: "6480000.00", wujiang: "3840000.00", wuzhong: "3240000.00", sip: "5760000.00", xiangcheng: "1700000.00" },
  "2021-06": { municipal: "6480000.00", wujiang: "3840000.00", wuzhong: "3240000.00", sip: "5760000.00", xiangcheng: "1700000.00" },
  "2022-06": { municipal: "6868800.00", wujiang: "4070400.00", wuzhong: "3434400.00", sip: "6105600.00", xiangcheng: "1700000.00" },
};

/** Major-accident claims, by period. @internal */
export const EXAMPLE_ACCIDENTS: Readonly<Record<string, readonly { member: string; amount: string; note: string }[]>> = {
  "2020-12": [{ member: "sip", amount: "120000000.00", note: "illustrative major work-injury accident (重大工伤事故)" }],
};
