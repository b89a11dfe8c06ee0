/**
 * Type tests (issue 10, item 2), compiled by `tsc -p test` in `npm test`:
 * each `@ts-expect-error` line must be a type error, or tsc fails ("unused
 * directive"). Nothing here runs.
 */
import { Decimal } from "decimal.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import {
  baseRate,
  computeLevies,
  computeLevy,
  definePolicy,
  type Explainable,
  explain,
  floatedRate,
  floatTiers,
  type IndustryClassInput,
  type IsoDateInput,
  type LevyInput,
  type MemberYearSummary,
  type NumericInput,
  type PeriodInput,
  SUZHOU_2020,
  type SuzhouMemberId,
  simulate,
} from "../../src/index.js";
import type { SUZHOU_2020_DATA } from "../../src/policy/suzhou2020.js";

/** SuzhouMemberId is exactly the built-in policy data's member ids. */
type DataIds = (typeof SUZHOU_2020_DATA)["members"][0]["value"][number]["id"];
export const sameIds: [DataIds] extends [SuzhouMemberId] ? ([SuzhouMemberId] extends [DataIds] ? true : false) : false = true;

/** Member-keyed results of the built-in policy name its members (issue 10, item 2). */
export function memberTypeTests(json: unknown): void {
  const sim = simulate(EXAMPLE_SCENARIO);
  const x: MemberYearSummary = sim.years[0]!.members.xiangcheng;
  const alsoWithThePolicy: MemberYearSummary = simulate(EXAMPLE_SCENARIO, SUZHOU_2020).years[0]!.members.sip;
  // @ts-expect-error not a member of SUZHOU_2020
  void sim.periods[0]!.members.suzhou;
  // a policy defined at run time keys its members by string
  const custom = simulate(EXAMPLE_SCENARIO, definePolicy(json));
  const anyId: MemberYearSummary | undefined = custom.years[0]!.members.anything;
  void [x, alsoWithThePolicy, anyId];
}

export function typeTests(levy: Explainable): void {
  // LevyInput says what is valid (issue 10 item 2; this reverses 0.5's choice of keeping
  // `number | string` and `string`, see CHANGELOG): an object literal typed as LevyInput checks
  const ok: LevyInput = { period: "2021-07", industryClass: 3, payroll: "1.00" };
  const okNumbers: LevyInput = { period: "2021-07", industryClass: "3", payroll: 1000, floatMultiplier: 0.8, cutFraction: "0.2" };
  const okDecimal: LevyInput = { period: "2021-07", industryClass: 8, employees: [new Decimal("1.00"), "2.50", 3], cityReserveMonths: "26" };
  // a value built before the annotation keeps its literal types with `as const` or `satisfies`
  const literal = { period: "2021-07", industryClass: 3, payroll: "1.00" } as const;
  const viaSatisfies = { period: "2021-07", industryClass: 3, payroll: "1.00" } satisfies LevyInput;
  computeLevy(literal);
  computeLevy(viaSatisfies);
  computeLevies([ok, okNumbers, okDecimal]);
  // @ts-expect-error the issue's example: "September" is no period, "three" no class, "lots" no amount
  const nonsense: LevyInput = { period: "September", industryClass: "three", payroll: "lots" };
  // @ts-expect-error "lots" is not an amount
  const lots: LevyInput = { period: "2021-07", industryClass: 3, payroll: "lots" };
  // @ts-expect-error "three" is not an industry class
  const three: LevyInput = { period: "2021-07", industryClass: "three", payroll: "1.00" };
  // @ts-expect-error 9 is not an industry class
  const nine: LevyInput = { period: "2021-07", industryClass: 9, payroll: "1.00" };
  // @ts-expect-error "September" is not a period
  const september: LevyInput = { period: "September", industryClass: 3, payroll: "1.00" };
  // @ts-expect-error month 13
  const month13: LevyInput = { period: "2021-13", industryClass: 3, payroll: "1.00" };
  // @ts-expect-error a reserve month count is a number
  const months: LevyInput = { period: "2021-07", industryClass: 3, payroll: "1.00", cityReserveMonths: "many" };
  // @ts-expect-error a floating multiplier is a number
  const tier: LevyInput = { period: "2021-07", industryClass: 3, payroll: "1.00", floatMultiplier: "high" };
  // @ts-expect-error an employee base is a number
  const employees: LevyInput = { period: "2021-07", industryClass: 3, employees: ["1.00", "n/a"] };
  // a value whose class widened to `number` (or period to `string`) no longer type-checks: give it
  // `as const`, `satisfies LevyInput`, or validate it at run time (computeLevy checks every field anyway)
  const widened = { period: "2021-07", industryClass: 3, payroll: "1.00" };
  // @ts-expect-error industryClass: number, period: string
  computeLevy(widened);
  // @ts-expect-error a string is not a NumericInput unless TypeScript reads it as a number
  const notNumeric: NumericInput = "1,000.00";
  const numeric: NumericInput[] = ["1000.00", 1000, new Decimal(1), "-3", ".5"];
  void [ok, okNumbers, okDecimal, nonsense, lots, three, nine, september, month13, months, tier, employees, notNumeric, numeric];

  // baseRate, floatTiers, floatedRate: the class is 1–8 or "1"–"8", the period YYYY-MM with a month 01–12
  baseRate(3, "2021-07");
  baseRate("8", "2030-12");
  // @ts-expect-error "eight" is not an industry class
  baseRate("eight", "2021-07");
  // @ts-expect-error 9 is not an industry class
  baseRate(9, "2021-07");
  // @ts-expect-error "September" is not a period
  baseRate(3, "September");
  // @ts-expect-error month 13
  baseRate(3, "2021-13");
  // @ts-expect-error a date is not a period
  baseRate(3, "2021-07-01");
  floatTiers(2);
  // @ts-expect-error class 0
  floatTiers(0);
  floatedRate(3, "0.8", "2021-07");

  // explain takes a result of the library, not anything
  explain(levy);
  // @ts-expect-error a number is not a result
  explain(42);
  // @ts-expect-error a string is not a result
  explain("levy");

  // the template literal types
  const period: PeriodInput = "2021-07";
  // @ts-expect-error month 00
  const noMonth: PeriodInput = "2021-00";
  const date: IsoDateInput = "2021-07-31";
  // @ts-expect-error day 32
  const noDay: IsoDateInput = "2021-07-32";
  const cls: IndustryClassInput = "5";
  // @ts-expect-error "05" is not a class
  const notCls: IndustryClassInput = "05";
  void [period, noMonth, date, noDay, cls, notCls];
}
