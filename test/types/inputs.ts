/**
 * Type tests (issue 10, item 2), compiled by `tsc -p test` in `npm test`:
 * each `@ts-expect-error` line must be a type error, or tsc fails ("unused
 * directive"). Nothing here runs.
 */
import {
  baseRate,
  type Explainable,
  explain,
  floatedRate,
  floatTiers,
  type IndustryClassInput,
  type IsoDateInput,
  type LevyInput,
  type PeriodInput,
} from "../../src/index.js";

export function typeTests(levy: Explainable): void {
  // LevyInput keeps `number | string` for the class and `string` for the period: an object literal
  // whose class widens to `number` must stay assignable (see CHANGELOG); the run-time check refuses nonsense
  const widened = { period: "2021-07", industryClass: 3, payroll: "1.00" };
  const ok: LevyInput = widened;
  void ok;

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
