import * as z from "zod";
import { PoolingError } from "../errors.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { dateField, industryClassField, integerField, positiveField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { assertOnLadder, ladderAt } from "./lookup.js";

/** zod schema of the input of {@link moveFloatTier}. */
export const MoveFloatTierInputSchema = z
  .object({
    industryClass: industryClassField(),
    current: positiveField("INVALID_MULTIPLIER", "The current floating multiplier"),
    steps: integerField("INVALID_STEPS", "Tiers to move: positive up, negative down"),
    /** Date of the review; the ladder in force then applies (default: the policy's start). */
    date: dateField().optional(),
  })
  .strict();

/** Input of {@link moveFloatTier}. */
export type MoveFloatTierInput = z.input<typeof MoveFloatTierInputSchema>;

/**
 * R2 (二（一）, 人社部发〔2015〕71号): the multiplier after a review moves an
 * employer `steps` tiers up (positive) or down (negative) its class's ladder.
 * Moving more than the policy's `maxTierSteps` (2) is `TIER_STEP_TOO_LARGE`;
 * leaving the ladder is `TIER_OUT_OF_RANGE`: an error, never a clamp.
 *
 * @param input - `{ industryClass, current, steps, date? }`
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the new multiplier
 * @throws PoolingError `INVALID_MULTIPLIER`, `INVALID_STEPS`, `TIER_STEP_TOO_LARGE`, `TIER_OUT_OF_RANGE`, `INVALID_CLASS`
 * @example
 * ```ts
 * moveFloatTier({ industryClass: 3, current: "1", steps: -2 }); // "0.5"
 * moveFloatTier({ industryClass: 1, current: "1", steps: 1 });  // "1.2"
 * ```
 */
export function moveFloatTier(input: MoveFloatTierInput, options?: PolicyOptions | Policy): string {
  const p = policyOption(options);
  const { industryClass, current, steps, date } = parseInput(MoveFloatTierInputSchema, input);
  const { ladder, version } = ladderAt(p, industryClass, date ?? p.inForce.from, date ? ["date"] : []);
  const i = assertOnLadder(ladder, current, industryClass, ["current"]);
  const max = version.value.maxTierSteps;
  if (Math.abs(steps) > max) {
    throw new PoolingError("TIER_STEP_TOO_LARGE", ["steps"], { en: `${steps} exceeds ±${max}`, zh: `${steps} 超过 ±${max}` });
  }
  const j = i + steps;
  const target = ladder[j];
  if (target === undefined) {
    throw new PoolingError("TIER_OUT_OF_RANGE", ["steps"], {
      en: `from ${ladder[i]} by ${steps} leaves ${ladder.join(", ")}`,
      zh: `自 ${ladder[i]} 调整 ${steps} 档超出 ${ladder.join("、")}`,
    });
  }
  return target;
}

// the validators are exported: nobody may change what they check
freezeSchemas(MoveFloatTierInputSchema);
