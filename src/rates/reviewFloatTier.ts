import * as z from "zod";
import { PoolingError } from "../errors.js";
import { periodOf } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { dateField, industryClassField, integerField, nonNegativeField, positiveField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { assertOnLadder, ladderAt } from "./lookup.js";

/** zod schema of the input of {@link reviewFloatTier}. */
export const ReviewFloatTierInputSchema = z
  .object({
    industryClass: industryClassField(),
    /** The employer's current multiplier, a tier of its class's ladder. */
    current: positiveField("INVALID_MULTIPLIER", "The current floating multiplier"),
    /** The review's indicators over the prior period (two years in Jiangsu practice). */
    indicators: z
      .object({
        /** 支缴率: benefits paid for the unit's injured workers ÷ premiums it paid. */
        payoutRatio: nonNegativeField("INVALID_NUMBER", "Payout ratio, ≥ 0"),
        /** 工伤发生率: injured workers ÷ average monthly insured headcount. */
        accidentRate: nonNegativeField("INVALID_NUMBER", "Accident rate, ≥ 0").optional(),
      })
      .strict(),
    /**
     * The caller's band table, tried in order: the first band whose every given
     * bound holds (indicator < bound) decides the steps. A band without bounds
     * matches everything. There is no default table.
     */
    bands: z
      .array(
        z
          .object({
            payoutRatioBelow: nonNegativeField("INVALID_NUMBER", "Upper bound (exclusive) of the payout ratio").optional(),
            accidentRateBelow: nonNegativeField("INVALID_NUMBER", "Upper bound (exclusive) of the accident rate").optional(),
            steps: integerField("INVALID_STEPS", "Tiers to move: positive up, negative down"),
          })
          .strict(),
      )
      .min(1),
    /** At the end of the ladder: `"error"` (default, R2: never a silent clamp) or `"stay"` (opt-in: stop at the end). */
    atLadderEnd: z.enum(["error", "stay"]).optional(),
    /** Date of the review; the ladder in force then applies (default: the policy's start). */
    date: dateField().optional(),
  })
  .strict();

/** Input of {@link reviewFloatTier}. */
export type ReviewFloatTierInput = z.input<typeof ReviewFloatTierInputSchema>;

/** Result of {@link reviewFloatTier}. */
export interface FloatTierReview {
  /** The multiplier after the review. */
  multiplier: string;
  /** The steps the band asked for. */
  steps: number;
  /** The steps actually moved (differs only with `atLadderEnd: "stay"`). */
  moved: number;
  /** Index of the band that applied. */
  band: number;
  citations: Citation[];
}

/**
 * R2 (二（一）, 人社部发〔2015〕71号): an indicator-based review of an
 * employer's floating tier, by a band table the caller supplies (there is no
 * default table: see the illustrative one in `docs/guide.en.md`). The first
 * band whose bounds all hold gives the steps; the move is limited to the
 * policy's `maxTierSteps` (`TIER_STEP_TOO_LARGE`), and leaving the ladder is
 * `TIER_OUT_OF_RANGE` unless `atLadderEnd: "stay"`.
 *
 * @param input - the employer's class, current tier, indicators and the caller's band table
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the new multiplier, the steps of the matched band, the tiers actually moved and the citations
 * @throws PoolingError `NO_MATCHING_BAND`, `TIER_STEP_TOO_LARGE`, `TIER_OUT_OF_RANGE`, `INVALID_MULTIPLIER`, `INVALID_NUMBER`, `UNKNOWN_KEY`
 * @example
 * ```ts
 * const bands = [
 *   { payoutRatioBelow: "0.5", steps: -1 },
 *   { payoutRatioBelow: "1", steps: 0 },
 *   { payoutRatioBelow: "1.5", steps: 1 },
 *   { steps: 2 },
 * ];
 * reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "0.3" }, bands }).multiplier; // "0.8"
 * ```
 */
export function reviewFloatTier(input: ReviewFloatTierInput, options?: PolicyOptions | Policy): FloatTierReview {
  const p = policyOption(options);
  const v = parseInput(ReviewFloatTierInputSchema, input);
  const { ladder, version } = ladderAt(p, v.industryClass, v.date ?? p.inForce.from, v.date ? ["date"] : []);
  const i = assertOnLadder(ladder, v.current, v.industryClass, ["current"]);
  const { payoutRatio, accidentRate } = v.indicators;
  const band = v.bands.findIndex(
    (b) =>
      (b.payoutRatioBelow === undefined || payoutRatio.lt(b.payoutRatioBelow)) && (b.accidentRateBelow === undefined || accidentRate?.lt(b.accidentRateBelow)),
  );
  if (band < 0) {
    throw new PoolingError("NO_MATCHING_BAND", ["bands"], { en: `payout ratio ${payoutRatio.toFixed()}`, zh: `支缴率 ${payoutRatio.toFixed()}` });
  }
  const steps = v.bands[band]!.steps;
  const max = version.value.maxTierSteps;
  if (Math.abs(steps) > max) {
    throw new PoolingError("TIER_STEP_TOO_LARGE", ["bands", band, "steps"], { en: `${steps} exceeds ±${max}`, zh: `${steps} 超过 ±${max}` });
  }
  let j = i + steps;
  if (j < 0 || j >= ladder.length) {
    if (v.atLadderEnd !== "stay") {
      throw new PoolingError("TIER_OUT_OF_RANGE", ["bands", band, "steps"], {
        en: `from ${ladder[i]} by ${steps} leaves ${ladder.join(", ")}`,
        zh: `自 ${ladder[i]} 调整 ${steps} 档超出 ${ladder.join("、")}`,
      });
    }
    j = Math.min(ladder.length - 1, Math.max(0, j));
  }
  return {
    multiplier: ladder[j]!,
    steps,
    moved: j - i,
    band,
    citations: [version.citation, paramsAt(p, periodOf(v.date ?? p.inForce.from)).clauses.value.floatReview],
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(ReviewFloatTierInputSchema);
