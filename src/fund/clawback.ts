import { D, type Fen, formatFen, mulRoundFen, type Numeric, toFen } from "../money.js";
import { paramFor } from "../policy/paramsAt.js";
import { type PeriodOptions, periodOptions } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, type Period } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";

const subsidySchema = moneyField({ fen: true });

/** The clawback in fen at `rate` (the version in force). @internal */
export function clawbackFen(rate: string, subsidy: Fen): Fen {
  // R9 rounding point: the clawback, to the fen, half-up.
  return mulRoundFen(subsidy, rate);
}

/** The member whose government is municipal finance itself (市本级). @internal */
export const MUNICIPAL_MEMBER = "municipal";

/** A rate's value as one string ("0.20" and "0.2" are one rate). */
const normalRates = new Map<string, string>();
function normalRate(rate: string): string {
  let normal = normalRates.get(rate);
  if (normal === undefined) {
    normal = new D(rate).toString();
    normalRates.set(rate, normal);
  }
  return normal;
}

/**
 * R9, once a year: a member's clawback on the subsidies of a fiscal year, each
 * at the rate in force in the period it was paid (`rateOf`), one rounding per
 * rate (`Σ round_fen(rate × Σ subsidies paid at that rate)`); 0 for 市本级
 * when the policy's `clawback.municipal` in force is `"none"`.
 * @internal
 */
export function yearClawbackFen(
  member: string,
  subsidiesByPeriod: ReadonlyMap<string, Fen>,
  municipal: ClawbackMunicipal,
  rateOf: (period: string) => string,
): Fen {
  if (member === MUNICIPAL_MEMBER && municipal === "none") return 0n;
  return clawbackByRateFen(subsidiesByPeriod, rateOf);
}

/** R9: the subsidies held at one rate and their clawback, in fen. @internal */
export interface ClawbackLineFen {
  /** The rate, as one normal string (`"0.2"`). */
  rate: string;
  subsidies: Fen;
  clawback: Fen;
}

/**
 * R9: the clawback on subsidies held by the period each was paid in, by rate
 * (in the order each rate first appears), one rounding per rate. @internal
 */
export function clawbackLinesFen(subsidiesByPeriod: ReadonlyMap<string, Fen>, rateOf: (period: string) => string): ClawbackLineFen[] {
  const byRate = new Map<string, Fen>();
  for (const [period, subsidies] of subsidiesByPeriod) {
    const rate = normalRate(rateOf(period));
    byRate.set(rate, (byRate.get(rate) ?? 0n) + subsidies);
  }
  return [...byRate].map(([rate, subsidies]) => ({ rate, subsidies, clawback: clawbackFen(rate, subsidies) }));
}

/**
 * R9: the clawback on subsidies held by the period each was paid in, each at
 * its period's rate, one rounding per rate. @internal
 */
export function clawbackByRateFen(subsidiesByPeriod: ReadonlyMap<string, Fen>, rateOf: (period: string) => string): Fen {
  let total = 0n;
  for (const line of clawbackLinesFen(subsidiesByPeriod, rateOf)) total += line.clawback;
  return total;
}

/** How 市本级's clawback is treated: `"none"` or a split charging 姑苏区 and 苏州高新区. */
export type ClawbackMunicipal = Policy["clawback"][number]["value"]["municipal"];

/**
 * R9 (二（三）): what a member's government remits to municipal finance for a
 * pool subsidy: `round_fen(rate × subsidy)`, half-up, at the rate in force in the period (20% in `SUZHOU_2020`). A fiscal transfer
 * between governments, outside the insurance funds.
 *
 * @param subsidy the subsidy paid (yuan, whole fen, ≥ 0).
 * @param options - `{ period?, policy? }`: the period `YYYY-MM` whose parameter version applies (required only when the
 *   parameter has several versions) and the policy (default `SUZHOU_2020`); the 0.x forms `(…, period, policy)` and
 *   `(…, policy)` are deprecated
 * @returns the clawback, two-decimal yuan: `round_fen(rate × subsidy)`, half-up.
 * @throws PoolingError `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `AMOUNT_OUT_OF_RANGE` (the subsidy),
 *   `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * clawback("250.00"); // "50.00"
 * clawback("0.03");   // "0.01"
 * ```
 */
export function clawback(subsidy: Numeric, options?: PeriodOptions): string;
/** @deprecated The 0.x form: use `clawback(…, { period, policy })`. */
export function clawback(subsidy: Numeric, periodOrPolicy?: Period | Policy, policy?: Policy): string;
export function clawback(subsidy: Numeric, options?: PeriodOptions | Period | Policy, policy?: Policy): string {
  const { period, policy: p } = periodOptions(options, policy);
  const rate = paramFor(p, "clawback", period).value.rate;
  return formatFen(clawbackFen(rate, toFen(parseInput(subsidySchema, subsidy, ["subsidy"]))));
}
