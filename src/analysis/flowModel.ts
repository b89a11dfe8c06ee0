/**
 * The stochastic model of the members' monthly flows that `stressTest`
 * draws scenarios from: schema and type from one zod declaration.
 *
 * Each member's contributions and benefits in month t (0 for the model's
 * `start`) are `base × (1 + trend)^(t/12) × seasonality[calendar month] ×
 * noise`; the noise factors of the members are correlated through one common
 * normal factor per month and series (a Gaussian copula, correlation
 * `correlation`); major accidents are a compound Poisson process per member
 * (`rate` a month, a heavy-tailed `severity`). Money is yuan; every drawn
 * amount is rounded to the fen, half-up, once, where it becomes a scenario
 * figure.
 *
 * @module
 */
import * as z from "zod";
import { fractionField, moneyField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord } from "../schema/names.js";
import { OpeningMemberSchema } from "../settlement/schema.js";

type Ctx = z.core.$RefinementCtx<number>;

/** A finite number in [min, max] (or (min, max] with `exclusiveMin`); else `INVALID_MODEL_PARAMETER`. */
function param(min: number, max: number, what: string, exclusiveMin = false) {
  return z.number().superRefine((v: number, ctx: Ctx) => {
    if (!Number.isFinite(v) || (exclusiveMin ? v <= min : v < min) || v > max) {
      const range = `${exclusiveMin ? "(" : "["}${min}, ${max}]`;
      ctx.addIssue({
        code: "custom",
        message: what,
        params: { code: "INVALID_MODEL_PARAMETER", en: `${what}: ${v} is outside ${range}`, zh: `${what}：${v} 超出 ${range}` },
      });
    }
  });
}

/** The multiplicative noise of a monthly series. */
export const NoiseSchema = z
  .discriminatedUnion("family", [
    z.object({ family: z.literal("none") }).strict(),
    z
      .object({
        family: z.literal("lognormal"),
        sigma: param(0, 3, "sigma, the standard deviation of the noise's logarithm").describe(
          "Standard deviation of log(noise); the factor is exp(σZ − σ²/2), mean 1",
        ),
      })
      .strict(),
    z
      .object({
        family: z.literal("twoPoint"),
        low: param(0, 1000, "low, the factor in a low month"),
        high: param(0, 1000, "high, the factor in a high month"),
        pHigh: param(0, 1, "pHigh, the probability of a high month"),
      })
      .strict(),
  ])
  .describe("The noise factor's family: none, lognormal (mean 1) or twoPoint (high with probability pHigh, else low)");

/** A member's monthly series (contributions or benefits). */
export const SeriesModelSchema = z
  .object({
    base: moneyField({ fen: true }).describe("Yuan a month in the model's start month, before seasonality and noise"),
    trend: param(-0.5, 1, "trend, the annual growth rate").describe("Annual growth rate (0.06 = 6% a year), compounded monthly"),
    seasonality: z
      .array(param(0, 12, "a seasonal factor"))
      .length(12)
      .optional()
      .describe("Twelve factors by calendar month, January first (default all 1)"),
    noise: NoiseSchema,
  })
  .strict();

/** The severity of one major accident. */
export const SeveritySchema = z.discriminatedUnion("family", [
  z.object({ family: z.literal("fixed"), amount: moneyField({ fen: true }) }).strict(),
  z
    .object({
      family: z.literal("lognormal"),
      median: moneyField({ fen: true }).describe("Median claim, yuan"),
      sigma: param(0, 5, "sigma, the standard deviation of the claim's logarithm"),
    })
    .strict(),
  z
    .object({
      family: z.literal("pareto"),
      scale: moneyField({ fen: true }).describe("Smallest claim, yuan"),
      shape: param(0, 100, "shape, the Pareto tail index", true).describe("Tail index α: mean finite for α > 1"),
    })
    .strict(),
]);

/** A member's major accidents: a compound Poisson process. */
export const AccidentModelSchema = z
  .object({
    rate: param(0, 50, "rate, the expected accidents a month").describe("Expected major accidents a month (Poisson)"),
    severity: SeveritySchema,
    cap: moneyField({ fen: true }).optional().describe("The largest claim, yuan (default 10^12)"),
    paidBy: z.enum(["pool", "member"]).describe("pool: a major-accident claim on the pool (二（三）); member: added to the member's own benefits"),
  })
  .strict();

/** One member's flow model. */
export const MemberFlowModelSchema = z
  .object({
    opening: OpeningMemberSchema.describe("The member's opening data, as a scenario's"),
    contributions: SeriesModelSchema.describe("Contribution income a month"),
    benefits: SeriesModelSchema.describe("Benefits paid by the member's fund a month"),
    accidents: AccidentModelSchema.optional(),
    remittanceRate: fractionField()
      .optional()
      .describe("June provincial remittance as a fraction of the prior calendar year's contributions, when the policy has no rule (default 0)"),
  })
  .strict();

/** The flow model of the city-district. */
export const FlowModelSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    start: periodField().describe("The first month simulated (a scenario's start: not after 2020-06)"),
    correlation: param(0, 0.999, "correlation, between members' noise").describe(
      "Correlation of the members' normal shocks (one common factor a month, per series)",
    ),
    members: namedRecord(MemberFlowModelSchema, "UNKNOWN_MEMBER").describe("Each member's model, keyed by the policy's member ids"),
  })
  .strict();

/** A flow model as input (JSON). */
export type FlowModel = z.input<typeof FlowModelSchema>;
/** A validated flow model. */
export type ParsedFlowModel = z.output<typeof FlowModelSchema>;

// the validators are exported: nobody may change what they check
freezeSchemas(NoiseSchema, SeriesModelSchema, SeveritySchema, AccidentModelSchema, MemberFlowModelSchema, FlowModelSchema);
