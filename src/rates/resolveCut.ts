/**
 * Which cut fraction applies to a period (R3), and where it comes from.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { D, type Dec, ZERO } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import type { Period } from "../schema/fields.js";
import { cutFractionForMonths } from "./nationalCut.js";
import { cutWindowForPeriod } from "./rateCutWindow.js";

/** Where the applied cut fraction came from. */
export type CutSource = "outsideWindow" | "policy" | "caller" | "reserveMonths";

/** The resolved cut of a period. @internal */
export interface ResolvedCut {
  fraction: Dec;
  source: CutSource;
  citations: Citation[];
}

/**
 * The cut fractions the rule knows in a period (R3): the window's
 * `fractions`, else 0 and the fractions of the national bands in force.
 * @internal
 */
export function knownCutFractions(policy: Policy, period: Period): string[] {
  const window = cutWindowForPeriod(policy, period);
  if (window?.value.fractions !== undefined) return [...window.value.fractions];
  return ["0", ...paramsAt(policy, period).nationalCutBands.value.map((b) => b.fraction)];
}

/**
 * Throws `INVALID_CUT_FRACTION` unless `fraction` is one the rule knows in the period (R3).
 * @internal
 */
export function assertKnownCutFraction(policy: Policy, period: Period, fraction: Dec, path: (string | number)[]): void {
  const known = knownCutFractions(policy, period);
  if (!known.some((f) => fraction.eq(f))) {
    throw new PoolingError("INVALID_CUT_FRACTION", path, {
      en: `${fraction.toFixed()} is not among the cuts the rule knows (${known.join(", ")})`,
      zh: `${fraction.toFixed()} 不是政策规定的降费档次（${known.join("、")}）`,
    });
  }
}

/**
 * Resolves the city-wide cut fraction `f` of a period: 0 outside the window
 * (whatever is passed); inside it, the policy's fixed fraction, else the
 * caller's `cutFraction`, else the fraction the city's reserve months qualify
 * for; none of these is `CUT_FRACTION_REQUIRED`; contradictory values are
 * `CUT_FRACTION_CONFLICT`; a fraction the rule does not know is `INVALID_CUT_FRACTION`.
 * @internal
 */
export function resolveCut(policy: Policy, period: Period, cutFraction: Dec | undefined, cityReserveMonths: Dec | undefined): ResolvedCut {
  if (cutFraction !== undefined) assertKnownCutFraction(policy, period, cutFraction, ["cutFraction"]);
  const window = cutWindowForPeriod(policy, period);
  if (!window) return { fraction: ZERO, source: "outsideWindow", citations: [] };
  const citations: Citation[] = [window.citation];
  const bands = paramsAt(policy, period).nationalCutBands;
  const fromMonths = cityReserveMonths === undefined ? undefined : cutFractionForMonths(bands.value, cityReserveMonths);
  if (fromMonths !== undefined) citations.push(bands.citation);
  if (cutFraction !== undefined && fromMonths !== undefined && !cutFraction.eq(fromMonths)) {
    throw new PoolingError("CUT_FRACTION_CONFLICT", ["cutFraction"], {
      en: `cutFraction ${cutFraction.toFixed()} but cityReserveMonths qualify for ${fromMonths.toFixed()}`,
      zh: `降费比例为 ${cutFraction.toFixed()}，而市区可支付月数对应 ${fromMonths.toFixed()}`,
    });
  }
  const fixed = window.value.fraction;
  if (fixed !== undefined) {
    const given = cutFraction ?? fromMonths;
    if (given !== undefined && !given.eq(fixed)) {
      throw new PoolingError("CUT_FRACTION_CONFLICT", [cutFraction !== undefined ? "cutFraction" : "cityReserveMonths"], {
        en: `the policy fixes the cut at ${fixed}, got ${given.toFixed()}`,
        zh: `政策规定降费比例为 ${fixed}，收到 ${given.toFixed()}`,
      });
    }
    return { fraction: given ?? new D(fixed), source: "policy", citations: [window.citation] };
  }
  if (cutFraction !== undefined) return { fraction: cutFraction, source: "caller", citations };
  if (fromMonths !== undefined) return { fraction: fromMonths, source: "reserveMonths", citations };
  throw new PoolingError("CUT_FRACTION_REQUIRED", ["cutFraction"], {
    en: `${period} is in the window ${window.from} to ${window.to}`,
    zh: `${period} 处于 ${window.from} 至 ${window.to} 的降费期内`,
  });
}
