/**
 * From rows read at run time (a database, a queue, a JSON file) to typed
 * inputs: the input's own schema checks the row, so a row typed loosely
 * (`period: string`, `unknown`) becomes the library's input type without a cast.
 *
 * @module
 */
import type * as z from "zod";
import { PoolingError } from "../errors.js";
import type { LevyInput } from "../levy/schema.js";
import { parseInput } from "../schema/parse.js";
import { type InputName, schemas } from "./schemas.js";

/** The TypeScript type of the input named `K` (`"LevyInput"` → `LevyInput`, `"Scenario"` → `Scenario`, …). */
export type InputOf<K extends InputName> = z.input<(typeof schemas)[K]>;

/**
 * Checks `row` against the schema of the input named `kind` and returns it typed
 * as that input. The check is the schema's (types, formats, ranges, unknown
 * fields); what depends on the policy (member ids, the cut window) is checked
 * when the rule runs. The row itself is returned, unchanged.
 *
 * @param kind - the input's type name, a key of `schemas` (`"LevyInput"`, `"Scenario"`, `"PeriodFlows"`, …)
 * @param row - a value of unknown type (a parsed JSON document, a database row)
 * @returns `row`, typed as the input
 * @throws {PoolingError} the first problem of the row, with its `code` and `path` (`NOT_AN_OBJECT`,
 *   `MISSING_FIELD`, `INVALID_PERIOD`, `INVALID_AMOUNT`, `UNKNOWN_KEY`, …)
 * @example
 * ```ts
 * const scenario = parseInputAs("Scenario", JSON.parse(text)); // typed Scenario
 * simulate(scenario);
 * parseInputAs("PeriodFlows", { period: "2020-13" }); // throws PoolingError INVALID_PERIOD at period
 * ```
 */
export function parseInputAs<K extends InputName>(kind: K, row: unknown): InputOf<K> {
  if (typeof kind !== "string" || !Object.hasOwn(schemas, kind)) {
    throw new PoolingError("INVALID_TYPE", ["kind"], { en: `no input named ${String(kind)}`, zh: `没有名为 ${String(kind)} 的输入` });
  }
  parseInput(schemas[kind], row);
  return row as InputOf<K>;
}

/**
 * Checks one employer's row (from a database, a CSV parser, a JSON body) and
 * returns it typed as a {@link LevyInput}: the way from a loosely typed row
 * (`period: string`, `payroll: string | number`) to `computeLevy` without a cast.
 * Shorthand for `parseInputAs("LevyInput", row)`.
 *
 * @param row - a value of unknown type
 * @returns `row`, typed as a `LevyInput`
 * @throws {PoolingError} the row's first problem (`NOT_AN_OBJECT`, `MISSING_FIELD`, `INVALID_PERIOD`,
 *   `INVALID_CLASS`, `INVALID_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `UNKNOWN_KEY`, …) with its `path`
 * @example
 * ```ts
 * const row: { period: string; industryClass: number; payroll: string } = { period: "2021-07", industryClass: 3, payroll: "2000000.00" };
 * computeLevy(parseLevyInput(row)).premiumDue; // "10000.00"
 * parseLevyInput({ period: "202107", industryClass: 3, payroll: "1" }); // throws PoolingError INVALID_PERIOD at period
 * ```
 */
export function parseLevyInput(row: unknown): LevyInput {
  return parseInputAs("LevyInput", row);
}
