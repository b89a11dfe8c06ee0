/**
 * suzhou-wi-pooling: the reference implementation of Suzhou's work-injury
 * insurance city-district pooling rules (苏府办〔2020〕86号).
 *
 * The public entry: re-exports only.
 *
 * @packageDocumentation
 */
export { ERROR_CODES, type ErrorCode, PoolingError, type PoolingErrorJSON, type Path } from "./errors.js";
export type { Money, Numeric } from "./money.js";
export type { IndustryClass, IsoDate, Period } from "./schema/fields.js";

// policy data
export { type Citation, CitationSchema, cite, DOC } from "./policy/citation.js";
export { definePolicy } from "./policy/define.js";
export { withReliefOverlays } from "./policy/overlays.js";
export { RELIEF_2020 } from "./policy/relief2020.js";
export {
  type EnterpriseSize,
  EnterpriseSizeSchema,
  type Member,
  MemberSchema,
  type ParamVersion,
  type Policy,
  type PolicyInput,
  PolicySchema,
  type ReliefOverlay,
  ReliefOverlaySchema,
  type RiskLevel,
} from "./policy/schema.js";
export { SUZHOU_2020 } from "./policy/suzhou2020.js";

// rates (R1–R3)
export { baseRate } from "./rates/baseRate.js";
export { effectiveRate, type EffectiveRate, type EffectiveRateInput, EffectiveRateInputSchema } from "./rates/effectiveRate.js";
export { floatedRate, floatTiers } from "./rates/floatTiers.js";
export { moveFloatTier, type MoveFloatTierInput, MoveFloatTierInputSchema } from "./rates/moveFloatTier.js";
export { nationalCutFraction, requiredReserveMonths } from "./rates/nationalCut.js";
export { type DateWindow, isInRateCutWindow, rateCutWindow } from "./rates/rateCutWindow.js";
export type { CutSource } from "./rates/resolveCut.js";

// levy (R4)
export { computeLevy } from "./levy/computeLevy.js";
export { computeLevies, type LevyBatch } from "./levy/computeLevies.js";
export { type Levy, type LevyInput, LevyInputSchema, type LevyTotals } from "./levy/schema.js";
