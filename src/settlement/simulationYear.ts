/**
 * A year of a simulation by its number, instead of by position in `years`.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import type { YearSummary } from "./years.js";

/**
 * The summary of `year` in a simulation's `years` (the result of `simulate`,
 * or the same read back from JSON: the result stays plain data). Typed without
 * `undefined`, so no `!` is needed under `noUncheckedIndexedAccess`.
 *
 * @param simulation - a simulation, or anything with its `years`
 * @param year - the calendar (fiscal) year, e.g. `2021`
 * @returns that year's summary
 * @throws {PoolingError} `YEAR_NOT_IN_SIMULATION` at `years` when the simulation does not cover the year
 *   (the message lists the years it has); `INVALID_TYPE` at `years` when `years` is not a list
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * simulationYear(sim, 2021).members.xiangcheng.subsidyPaid; // the year's subsidies to 相城区
 * simulationYear(sim, 2030); // throws PoolingError YEAR_NOT_IN_SIMULATION
 * ```
 */
export function simulationYear<M extends string>(simulation: { readonly years: readonly YearSummary<M>[] }, year: number): YearSummary<M> {
  const years: unknown = simulation?.years;
  if (!Array.isArray(years)) throw new PoolingError("INVALID_TYPE", ["years"], { en: "expected a list of year summaries", zh: "应为年度汇总列表" });
  const found = (years as YearSummary<M>[]).find((y) => y?.year === year);
  if (found) return found;
  const have = (years as YearSummary<M>[]).map((y) => y?.year).join(", ");
  throw new PoolingError("YEAR_NOT_IN_SIMULATION", ["years"], {
    en: `no year ${String(year)}; the simulation has ${have || "none"}`,
    zh: `没有 ${String(year)} 年度；测算结果包含的年度：${have || "无"}`,
  });
}
