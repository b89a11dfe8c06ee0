import type { z } from "zod";
import { PoolingError } from "../errors.js";
import { D, type Dec, dmax, dmin, formatAmount, formatMoney, formatRate, ONE, roundFen, ZERO } from "../money.js";
import { periodStart } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { assertOnLadder, baseRateAt, ladderAt, versionAt } from "../rates/lookup.js";
import { cutFractionForMonths } from "../rates/nationalCut.js";
import { resolveCut } from "../rates/resolveCut.js";
import { parseInput } from "../schema/parse.js";
import { type Levy, type LevyInput, LevyInputSchema } from "./schema.js";

type ParsedLevyInput = z.output<typeof LevyInputSchema>;

function payrollOf(v: ParsedLevyInput): Dec {
  if (v.payroll !== undefined && v.employees !== undefined) throw new PoolingError("PAYROLL_CONFLICT", ["employees"]);
  if (v.employees === undefined) {
    if (v.baseFloor !== undefined || v.baseCeiling !== undefined) {
      throw new PoolingError("INVALID_BASE_BOUNDS", [v.baseFloor !== undefined ? "baseFloor" : "baseCeiling"], {
        en: "baseFloor and baseCeiling apply to employees' bases only",
        zh: "缴费基数上下限仅适用于 employees",
      });
    }
    if (v.payroll === undefined) throw new PoolingError("PAYROLL_REQUIRED", ["payroll"]);
    return v.payroll;
  }
  const floor = v.baseFloor;
  const ceiling = v.baseCeiling;
  if (floor !== undefined && ceiling !== undefined && floor.gt(ceiling)) {
    throw new PoolingError("INVALID_BASE_BOUNDS", ["baseCeiling"], {
      en: `floor ${floor.toFixed()} > ceiling ${ceiling.toFixed()}`,
      zh: `下限 ${floor.toFixed()} 高于上限 ${ceiling.toFixed()}`,
    });
  }
  let sum = ZERO;
  for (const base of v.employees) {
    let b = base;
    if (floor !== undefined) b = dmax(b, floor);
    if (ceiling !== undefined) b = dmin(b, ceiling);
    sum = sum.plus(b);
  }
  return sum;
}

/** Computes a levy from validated input. @internal */
export function computeParsedLevy(p: Policy, v: ParsedLevyInput): Levy {
  const payroll = payrollOf(v);
  const base = baseRateAt(p, v.industryClass, v.period, ["period"]);
  const start = periodStart(v.period);
  const tiers = ladderAt(p, v.industryClass, start, ["period"]);
  const m = v.floatMultiplier ?? ONE;
  assertOnLadder(tiers.ladder, m, v.industryClass, ["floatMultiplier"]);
  const cut = resolveCut(p, v.period, v.cutFraction, v.cityReserveMonths);
  const params = paramsAt(p, v.period);
  const bands = params.nationalCutBands.value;
  if (v.ownCutFraction !== undefined && v.ownReserveMonths !== undefined) {
    const fromMonths = cutFractionForMonths(bands, v.ownReserveMonths);
    if (!fromMonths.eq(v.ownCutFraction)) {
      throw new PoolingError("CUT_FRACTION_CONFLICT", ["ownCutFraction"], {
        en: `ownCutFraction ${v.ownCutFraction.toFixed()} but ownReserveMonths qualify for ${fromMonths.toFixed()}`,
        zh: `ownCutFraction 为 ${v.ownCutFraction.toFixed()}，而 ownReserveMonths 对应 ${fromMonths.toFixed()}`,
      });
    }
  }
  const ownCut = v.ownCutFraction ?? (v.ownReserveMonths !== undefined ? cutFractionForMonths(bands, v.ownReserveMonths) : ZERO);

  const floated = base.rate.times(m); // exact
  const effective = floated.times(ONE.minus(cut.fraction)); // exact
  // R4 rounding points: the two premiums, to the fen, half-up.
  const premiumBeforeCut = roundFen(payroll.times(floated));
  const premium = roundFen(payroll.times(effective));
  const cutRelief = premiumBeforeCut.minus(premium);
  // R4 / 二（三）: the relief caused by following the city's cut rather than the district's own.
  const syncInducedRelief = ownCut.gte(cut.fraction) ? ZERO : roundFen(payroll.times(floated).times(ONE.minus(ownCut))).minus(premium);

  const citations: Citation[] = [base.version.citation, tiers.version.citation, ...cut.citations];
  if (cut.fraction.gt(0) && !syncInducedRelief.isZero()) citations.push(params.clauses.value.syncInducedRelief);

  // Relief overlays (opt-in), applied after the cut on the rounded premium.
  let reliefFraction = ZERO;
  const overlaysNow = p.reliefOverlays.filter((o) => versionAt([o], start) !== undefined);
  if (overlaysNow.length > 0) {
    if (v.enterpriseSize === undefined) {
      throw new PoolingError("ENTERPRISE_SIZE_REQUIRED", ["enterpriseSize"], {
        en: `overlay ${overlaysNow.map((o) => o.id).join(", ")} covers ${v.period}`,
        zh: `减免政策 ${overlaysNow.map((o) => o.id).join("、")} 适用于 ${v.period}`,
      });
    }
    const size = v.enterpriseSize;
    const overlay = overlaysNow.find((o) => o.enterpriseSizes.includes(size));
    if (overlay) {
      reliefFraction = new D(overlay.fraction);
      citations.push(overlay.citation);
    }
  }
  const reliefWaived = roundFen(premium.times(reliefFraction));

  const levy: Levy = {
    period: v.period,
    industryClass: v.industryClass,
    payroll: formatAmount(payroll),
    baseRate: formatRate(base.rate),
    floatMultiplier: formatRate(m),
    floatedRate: formatRate(floated),
    cutFraction: formatRate(cut.fraction),
    cutSource: cut.source,
    ownCutFraction: formatRate(ownCut),
    effectiveRate: formatRate(effective),
    premiumBeforeCut: formatMoney(premiumBeforeCut),
    premium: formatMoney(premium),
    cutRelief: formatMoney(cutRelief),
    syncInducedRelief: formatMoney(syncInducedRelief),
    reliefFraction: formatRate(reliefFraction),
    reliefWaived: formatMoney(reliefWaived),
    premiumDue: formatMoney(premium.minus(reliefWaived)),
    citations,
  };
  return v.employerId === undefined ? levy : { employerId: v.employerId, ...levy };
}

/**
 * R4: one employer's premium (工伤保险费) for a period.
 *
 * `floated = base × multiplier` and `effective = floated × (1 − f)` are exact;
 * `premiumBeforeCut = round_fen(payroll × floated)` and
 * `premium = round_fen(payroll × effective)` are the only rounding points
 * (half-up); `cutRelief` is their difference. `syncInducedRelief` is the part
 * of the relief caused by following the city-wide cut when the district's own
 * reserves allow only `ownCutFraction` (二（三）). An opt-in relief overlay
 * is reported as `reliefWaived`, with `premiumDue = premium − reliefWaived`.
 *
 * @example
 * ```ts
 * const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8",
 *                            payroll: "2000000.00", cutFraction: "0.2" });
 * levy.effectiveRate; // "0.0032"
 * levy.premium;       // "6400.00"
 * levy.cutRelief;     // "1600.00"
 * ```
 */
export function computeLevy(input: LevyInput, policy?: Policy): Levy {
  const p = resolvePolicy(policy);
  return computeParsedLevy(p, parseInput(LevyInputSchema, input));
}
