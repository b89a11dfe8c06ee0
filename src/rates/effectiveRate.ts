import * as z from "zod";
import { formatRate, ONE } from "../money.js";
import { periodStart } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { fractionField, industryClassField, nonNegativeField, periodField, positiveField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { assertOnLadder, baseRateAt, ladderAt } from "./lookup.js";
import { type CutSource, resolveCut } from "./resolveCut.js";

/** zod schema of the input of {@link effectiveRate}. */
export const EffectiveRateInputSchema = z
  .object({
    industryClass: industryClassField(),
    period: periodField(),
    floatMultiplier: positiveField("INVALID_MULTIPLIER", "Floating multiplier, a tier of the class's ladder").optional(),
    cutFraction: fractionField().optional(),
    cityReserveMonths: nonNegativeField("INVALID_RESERVE_MONTHS", "The city-district's reserve months").optional(),
  })
  .strict();

/** Input of {@link effectiveRate}. */
export type EffectiveRateInput = z.input<typeof EffectiveRateInputSchema>;

/** Result of {@link effectiveRate}: every rate as an exact decimal string. */
export interface EffectiveRate {
  baseRate: string;
  floatMultiplier: string;
  floatedRate: string;
  cutFraction: string;
  cutSource: CutSource;
  effectiveRate: string;
  citations: Citation[];
}

/**
 * R1–R3: the rate an employer pays in a period, `base × multiplier × (1 − f)`,
 * exact. Inside the rate-cut window `f` comes from the policy, `cutFraction`
 * or `cityReserveMonths`; outside it `f` is 0 whatever is passed.
 *
 * @param input - `{ industryClass, period, floatMultiplier?, cutFraction?, cityReserveMonths? }`
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns base, floated and effective rates, the cut fraction and where it came from
 * @throws PoolingError `INVALID_CLASS`, `INVALID_MULTIPLIER`, `INVALID_FRACTION`, `CUT_FRACTION_REQUIRED`, `CUT_FRACTION_CONFLICT`, `POLICY_NOT_IN_FORCE`, `UNKNOWN_KEY`
 * @example
 * ```ts
 * effectiveRate({ industryClass: 3, period: "2020-09", floatMultiplier: "0.8", cutFraction: "0.2" });
 * // { baseRate: "0.005", floatedRate: "0.004", cutFraction: "0.2", effectiveRate: "0.0032", ... }
 * ```
 */
export function effectiveRate(input: EffectiveRateInput, options?: PolicyOptions | Policy): EffectiveRate {
  const p = policyOption(options);
  const v = parseInput(EffectiveRateInputSchema, input);
  const base = baseRateAt(p, v.industryClass, v.period, ["period"]);
  const tiers = ladderAt(p, v.industryClass, periodStart(v.period), ["period"]);
  const m = v.floatMultiplier ?? ONE;
  assertOnLadder(tiers.ladder, m, v.industryClass, ["floatMultiplier"]);
  const cut = resolveCut(p, v.period, v.cutFraction, v.cityReserveMonths);
  const floated = base.rate.times(m);
  return {
    baseRate: formatRate(base.rate),
    floatMultiplier: formatRate(m),
    floatedRate: formatRate(floated),
    cutFraction: formatRate(cut.fraction),
    cutSource: cut.source,
    effectiveRate: formatRate(floated.times(ONE.minus(cut.fraction))),
    citations: [base.version.citation, tiers.version.citation, ...cut.citations],
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(EffectiveRateInputSchema);
