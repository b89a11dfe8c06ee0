/**
 * R4's sync-induced relief as a public function.
 *
 * @module
 */
import * as z from "zod";
import type { Money } from "../money.js";
import { fractionField, moneyField, rateField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { syncInducedReliefFen } from "./core.js";
import { fenToYuan, norm, oneMinus, roundProductToFen, scaled, scaledOf, timesScaled } from "./fen.js";

/** zod schema of the input of {@link syncInducedRelief}. */
export const SyncInducedReliefInputSchema = z
  .object({
    /** The amount the rate applies to: an employer's wage base, or (with `floatedRate` 1) a premium before the cut. ≥ 0. */
    payroll: moneyField(),
    /** The floated rate `base × multiplier` (default `"1"`: `payroll` is then already a premium before the cut). */
    floatedRate: rateField().optional(),
    /** The city-wide cut fraction `f` the district follows. */
    cutFraction: fractionField(),
    /** The cut `f_own` the district's own reserves qualify for. */
    ownCutFraction: fractionField(),
  })
  .strict();

/** Input of {@link syncInducedRelief}. */
export type SyncInducedReliefInput = z.input<typeof SyncInducedReliefInputSchema>;

/**
 * R4 / 二（三）: the part of a premium relief caused by following the city's
 * cut rather than the district's own (“因市区整体同步执行降费政策造成的缺口”):
 * `round_fen(payroll × floated × (1 − f_own)) − round_fen(payroll × floated × (1 − f))`,
 * and `"0.00"` when `f_own ≥ f`. Both rounding points are half-up to the fen,
 * computed in integer fen: the same function `computeLevy` and
 * `computeLevies` use for their `syncInducedRelief`.
 *
 * @param input - `{ payroll, floatedRate?, cutFraction, ownCutFraction }`
 * @returns the relief, two-decimal yuan
 * @throws PoolingError `NOT_AN_OBJECT`, `UNKNOWN_KEY`, `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_AMOUNT`,
 *   `NEGATIVE_AMOUNT`, `INVALID_RATE`, `INVALID_FRACTION`
 *
 * @example
 * ```ts
 * syncInducedRelief({ payroll: "2000000.00", floatedRate: "0.004", cutFraction: "0.2", ownCutFraction: "0" }); // "1600.00"
 * syncInducedRelief({ payroll: "8000.00", cutFraction: "0.5", ownCutFraction: "0.2" });                       // "2400.00"
 * ```
 */
export function syncInducedRelief(input: SyncInducedReliefInput): Money {
  const v = parseInput(SyncInducedReliefInputSchema, input);
  const amount = scaledOf(v.payroll);
  const num = norm(amount.num);
  const floated = v.floatedRate === undefined ? scaled(1n, 0) : scaledOf(v.floatedRate);
  if (v.ownCutFraction.gte(v.cutFraction)) return "0.00";
  const premium = roundProductToFen(num, amount.exp, timesScaled(floated, oneMinus(scaledOf(v.cutFraction))));
  return fenToYuan(syncInducedReliefFen(num, amount.exp, timesScaled(floated, oneMinus(scaledOf(v.ownCutFraction))), premium));
}

// the validators are exported: nobody may change what they check
freezeSchemas(SyncInducedReliefInputSchema);
