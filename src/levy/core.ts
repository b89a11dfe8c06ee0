/**
 * The one implementation of R4, shared by `computeLevy` (the decimal path)
 * and the batch fast path: the rates of a record ({@link levyRates}, read
 * from the policy through `paramsAt`, the ladder and the cut), its amounts in
 * integer fen ({@link levyAmounts}), the sync-induced relief
 * ({@link syncInducedReliefFen}) and the result record ({@link levyRecord}).
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { D, type Dec, formatRate, ONE, ZERO } from "../money.js";
import { periodStart } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyRef, paramsAt, policyRef } from "../policy/paramsAt.js";
import { LIBRARY, type ResultWarning, reviewWarnings } from "../policy/provenance.js";
import type { EnterpriseSize, Policy } from "../policy/schema.js";
import { assertOnLadder, baseRateAt, ladderAt, versionAt } from "../rates/lookup.js";
import { cutFractionForMonths } from "../rates/nationalCut.js";
import { assertKnownCutFraction, type CutSource, resolveCut } from "../rates/resolveCut.js";
import type { IndustryClass, Period } from "../schema/fields.js";
import { fenToYuan, type Int, oneMinus, roundProductToFen, type Scaled, scaledOf, scaledToRate, subFen, timesScaled } from "./fen.js";
import type { Levy } from "./schema.js";

/** The validated fields of a levy input that decide its rates (everything but the payroll). @internal */
export interface RateFields {
  period: Period;
  industryClass: IndustryClass;
  floatMultiplier?: Dec | undefined;
  cutFraction?: Dec | undefined;
  cityReserveMonths?: Dec | undefined;
  ownCutFraction?: Dec | undefined;
  ownReserveMonths?: Dec | undefined;
  enterpriseSize?: EnterpriseSize | undefined;
}

/**
 * Where a levy's own cut `f_own` came from (R4): the caller's `ownCutFraction`,
 * its `ownReserveMonths`, or neither (`"notGiven"`: the sync-induced relief is 0).
 */
export type OwnCutSource = "ownCutFraction" | "ownReserveMonths" | "notGiven";

/** Everything about a levy that does not depend on the payroll: exact rates, their texts, citations. @internal */
export interface LevyRates {
  readonly policy: PolicyRef;
  /** `POLICY_NOT_REVIEWED_FOR_PERIOD` when the period is after the policy's review date, else `undefined`. */
  readonly warnings: readonly ResultWarning[] | undefined;
  readonly baseRate: string;
  readonly floatMultiplier: string;
  readonly floatedRate: string;
  readonly cutFraction: string;
  readonly cutSource: CutSource;
  /** The district's own cut, or `null` when not given (no gap is attributed to the city-wide cut). */
  readonly ownCutFraction: string | null;
  /** Where the district's own cut came from. */
  readonly ownCutSource: OwnCutSource;
  readonly effectiveRate: string;
  readonly reliefFraction: string;
  /** base × multiplier, exact. */
  readonly floated: Scaled;
  /** floated × (1 − f), exact. */
  readonly effective: Scaled;
  /** floated × (1 − f_own) when f_own < f (a sync-induced relief can arise), else `null`. */
  readonly ownEffective: Scaled | null;
  /** The relief overlay's fraction, or `null` when none applies. */
  readonly relief: Scaled | null;
  readonly cutPositive: boolean;
  /** The citations without, and with, the sync-induced relief clause (frozen, shared by every record of these rates). */
  readonly citations: readonly Citation[];
  readonly citationsWithSync: readonly Citation[];
}

/**
 * R1–R3 and the rate side of R4 for one record: the base rate in force, the
 * tier on the class's ladder, the city's cut and the district's own cut, the
 * relief overlay in force; all exact.
 * @throws PoolingError `POLICY_NOT_IN_FORCE`, `INVALID_MULTIPLIER`, `CUT_FRACTION_REQUIRED`,
 *   `CUT_FRACTION_CONFLICT`, `INVALID_CUT_FRACTION`, `ENTERPRISE_SIZE_REQUIRED`
 * @internal
 */
export function levyRates(p: Policy, v: RateFields): LevyRates {
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
  if (v.ownCutFraction !== undefined) assertKnownCutFraction(p, v.period, v.ownCutFraction, ["ownCutFraction"]);
  // R4 (0.5): the district's own cut is never assumed; without it no gap is attributed to the city-wide cut.
  const ownCutSource: OwnCutSource = v.ownCutFraction !== undefined ? "ownCutFraction" : v.ownReserveMonths !== undefined ? "ownReserveMonths" : "notGiven";
  const ownCut: Dec | null = v.ownCutFraction ?? (v.ownReserveMonths !== undefined ? cutFractionForMonths(bands, v.ownReserveMonths) : null);

  const floated = timesScaled(scaledOf(base.rate), scaledOf(m)); // exact
  const f = scaledOf(cut.fraction);
  const effective = timesScaled(floated, oneMinus(f)); // exact
  const ownEffective = ownCut === null || ownCut.gte(cut.fraction) ? null : timesScaled(floated, oneMinus(scaledOf(ownCut)));

  const citations: Citation[] = [base.version.citation, tiers.version.citation, ...cut.citations];
  const withSync: Citation[] = cut.fraction.gt(0) ? [...citations, params.clauses.value.syncInducedRelief] : [...citations];

  // Relief overlays (opt-in), applied after the cut on the rounded premium.
  let relief: Dec = ZERO;
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
      relief = new D(overlay.fraction);
      citations.push(overlay.citation);
      withSync.push(overlay.citation);
    }
  }
  return {
    policy: policyRef(p),
    warnings: reviewWarnings(p, v.period),
    baseRate: formatRate(base.rate),
    floatMultiplier: formatRate(m),
    floatedRate: scaledToRate(floated),
    cutFraction: formatRate(cut.fraction),
    cutSource: cut.source,
    ownCutFraction: ownCut === null ? null : formatRate(ownCut),
    ownCutSource,
    effectiveRate: scaledToRate(effective),
    reliefFraction: formatRate(relief),
    floated,
    effective,
    ownEffective,
    relief: relief.isZero() ? null : scaledOf(relief),
    cutPositive: cut.fraction.gt(0),
    citations: Object.freeze(citations),
    citationsWithSync: Object.freeze(withSync),
  };
}

/**
 * R4's sync-induced relief (二（三）“因市区整体同步执行降费政策造成的缺口”), in fen:
 * `round_fen(amount × ownEffective) − premium` where `ownEffective = floated × (1 − f_own)`,
 * and 0 when the district's own cut is not below the city's (`ownEffective` is
 * `null`). The one implementation of the rule: both levy paths and
 * {@link syncInducedRelief} call it.
 *
 * @param amountNum - the wage base (or any amount the rates apply to), as a numerator over `10^amountExp` yuan
 * @param amountExp - its decimals
 * @param ownEffective - `floated × (1 − f_own)`, or `null` when `f_own ≥ f`
 * @param premiumFen - the premium at the city's cut, `round_fen(amount × floated × (1 − f))`, in fen
 * @returns the relief in fen (≥ 0)
 * @internal
 */
export function syncInducedReliefFen(amountNum: Int, amountExp: number, ownEffective: Scaled | null, premiumFen: Int): Int {
  if (ownEffective === null) return 0;
  return subFen(roundProductToFen(amountNum, amountExp, ownEffective), premiumFen);
}

/** The amounts of one levy, in fen. @internal */
export interface LevyAmounts {
  premiumBeforeCut: Int;
  premium: Int;
  cutRelief: Int;
  syncInducedRelief: Int;
  reliefWaived: Int;
  premiumDue: Int;
}

/**
 * R4's amounts, in integer fen, for a payroll of `payrollNum / 10^payrollExp`
 * yuan. The rounding points (half-up, to the fen): the premium before the
 * cut, the premium, the premium at the district's own cut, and the relief
 * waived; every other amount is a difference of these.
 * @internal
 */
export function levyAmounts(payrollNum: Int, payrollExp: number, r: LevyRates): LevyAmounts {
  const premiumBeforeCut = roundProductToFen(payrollNum, payrollExp, r.floated);
  const premium = r.effective === r.floated ? premiumBeforeCut : roundProductToFen(payrollNum, payrollExp, r.effective);
  const syncInducedRelief = syncInducedReliefFen(payrollNum, payrollExp, r.ownEffective, premium);
  const reliefWaived = r.relief === null ? 0 : roundProductToFen(premium, 2, r.relief);
  return {
    premiumBeforeCut,
    premium,
    cutRelief: subFen(premiumBeforeCut, premium),
    syncInducedRelief,
    reliefWaived,
    premiumDue: reliefWaived === 0 ? premium : subFen(premium, reliefWaived),
  };
}

/** The result record, in the one key order of a {@link Levy}. @internal */
export function levyRecord(employerId: string | undefined, period: Period, industryClass: IndustryClass, payroll: string, r: LevyRates, a: LevyAmounts): Levy {
  const premium = fenToYuan(a.premium);
  const premiumBeforeCut = a.premiumBeforeCut === a.premium ? premium : fenToYuan(a.premiumBeforeCut);
  const syncInducedRelief = fenToYuan(a.syncInducedRelief);
  const citations = (r.cutPositive && a.syncInducedRelief !== 0 && a.syncInducedRelief !== 0n ? r.citationsWithSync : r.citations) as Citation[];
  const premiumDue = a.premiumDue === a.premium ? premium : fenToYuan(a.premiumDue);
  const reliefWaived = a.reliefWaived === 0 ? "0.00" : fenToYuan(a.reliefWaived);
  const cls = Number(industryClass) as Levy["industryClass"];
  // Two literal shapes (with and without employerId, which comes first): spreading is slow.
  const levy: Levy =
    employerId === undefined
      ? {
          kind: "levy",
          period,
          industryClass: cls,
          payroll,
          baseRate: r.baseRate,
          floatMultiplier: r.floatMultiplier,
          floatedRate: r.floatedRate,
          cutFraction: r.cutFraction,
          cutSource: r.cutSource,
          ownCutFraction: r.ownCutFraction,
          ownCutSource: r.ownCutSource,
          effectiveRate: r.effectiveRate,
          premiumBeforeCut,
          premium,
          cutRelief: fenToYuan(a.cutRelief),
          syncInducedRelief,
          reliefFraction: r.reliefFraction,
          reliefWaived,
          premiumDue,
          citations,
          policy: r.policy,
          library: LIBRARY,
        }
      : {
          kind: "levy",
          employerId,
          period,
          industryClass: cls,
          payroll,
          baseRate: r.baseRate,
          floatMultiplier: r.floatMultiplier,
          floatedRate: r.floatedRate,
          cutFraction: r.cutFraction,
          cutSource: r.cutSource,
          ownCutFraction: r.ownCutFraction,
          ownCutSource: r.ownCutSource,
          effectiveRate: r.effectiveRate,
          premiumBeforeCut,
          premium,
          cutRelief: fenToYuan(a.cutRelief),
          syncInducedRelief,
          reliefFraction: r.reliefFraction,
          reliefWaived,
          premiumDue,
          citations,
          policy: r.policy,
          library: LIBRARY,
        };
  return r.warnings === undefined ? levy : { ...levy, warnings: [...r.warnings] };
}
