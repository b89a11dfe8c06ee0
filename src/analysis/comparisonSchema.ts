/**
 * The shape of a comparison (`compare`, `compareSimulations`): one zod
 * declaration, the types derived from it, so that a comparison read back
 * (`explainComparison`, a report, a JSON file) is checked field by field.
 *
 * @module
 */
import * as z from "zod";
import { CitationSchema } from "../policy/citation.js";
import { PolicyRefSchema } from "../policy/provenance.js";
import { freezeSchemas } from "../schema/freeze.js";
import { ResultMoneySchema, ResultMonthsSchema } from "../schema/resultFields.js";
import type { PolicyDifference } from "./diffPolicies.js";

/** The member figures a comparison reports. */
export const MEMBER_FIGURES = ["grantPaid", "subsidyPaid", "clawback", "clawbackAccrued", "topUp", "balance", "reserveMonths"] as const;
/** The pool figures a comparison reports. */
export const POOL_FIGURES = [
  "topUp",
  "shortfall",
  "balance",
  "floor",
  "reserveMonths",
  "pendingClaims",
  "paidMajorAccident",
  "paidCutGapGrant",
  "paidSubsidy",
  "paidRecordedDeficit",
] as const;

/** A pair of figures of one kind: money (two-decimal yuan) or reserve months; a figure the library does not write is `INVALID_RESULT`. */
function pairOf(figure: typeof ResultMoneySchema, unit: string) {
  return z
    .object({
      base: figure.nullable().describe(`The figure under the base policy, ${unit} (null where it is not assessed)`),
      reform: figure.nullable().describe(`The figure under the reform, ${unit} (null where it is not assessed)`),
      difference: figure.nullable().describe("reform − base (null when either is null)"),
    })
    .strict();
}

/** zod schema of a {@link FigurePair} of money. */
export const FigurePairSchema = pairOf(ResultMoneySchema, "yuan");
/** zod schema of a {@link FigurePair} of reserve months. */
const MonthsPairSchema = pairOf(ResultMonthsSchema, "months");
/** A figure under both policies and the reform's difference (`reform − base`); `null` where a figure is not assessed. */
export type FigurePair = z.output<typeof FigurePairSchema>;

/** zod schema of a {@link LabelPair}. */
export const LabelPairSchema = z
  .object({ base: z.string().nullable(), reform: z.string().nullable(), changed: z.boolean().describe("True when the labels differ") })
  .strict();
/** A label (a warning level) under both policies. */
export type LabelPair = z.output<typeof LabelPairSchema>;

/** The pairs of `keys`: reserve months as months, the others as money. */
const figures = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, k === "reserveMonths" ? MonthsPairSchema : FigurePairSchema])) as Record<K, typeof FigurePairSchema>;

/** zod schema of a {@link MemberYearComparison}. */
export const MemberYearComparisonSchema = z
  .object({
    ...figures(MEMBER_FIGURES),
    risk: LabelPairSchema,
    warningPeriods: z
      .object({ base: z.number().int(), reform: z.number().int(), difference: z.number().int() })
      .strict()
      .describe("Periods of the year at critical or warning: counts under both policies"),
  })
  .strict();
/** One member's year under both policies. */
export type MemberYearComparison = z.output<typeof MemberYearComparisonSchema>;

/** zod schema of a {@link PoolYearComparison}. */
export const PoolYearComparisonSchema = z.object({ ...figures(POOL_FIGURES), risk: LabelPairSchema }).strict();
/** The pool's year under both policies. */
export type PoolYearComparison = z.output<typeof PoolYearComparisonSchema>;

/** zod schema of a {@link YearComparison}. */
export const YearComparisonSchema = z
  .object({
    year: z.number().int(),
    members: z.record(z.string(), MemberYearComparisonSchema),
    pool: PoolYearComparisonSchema,
    clawbacks: FigurePairSchema.describe("The clawbacks settled for the year, all members (the 20% charges)"),
  })
  .strict();
/** One fiscal year of a comparison. */
export type YearComparison = z.output<typeof YearComparisonSchema>;

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** zod schema of a {@link PolicyDifference}. */
export const PolicyDifferenceSchema: z.ZodType<PolicyDifference> = z
  .object({
    parameter: z.string(),
    field: z.string(),
    from: ISO_DATE,
    to: ISO_DATE.nullable(),
    base: z.unknown(),
    reform: z.unknown(),
    baseCitation: CitationSchema.nullable(),
    reformCitation: CitationSchema.nullable(),
  })
  .strict();

/** zod schema of a {@link Comparison}, the result of `compare`. */
export const ComparisonSchema = z
  .object({
    base: PolicyRefSchema.describe("The base policy: { id, version, hash }"),
    reform: PolicyRefSchema.describe("The reform policy: { id, version, hash }"),
    parameters: z.array(PolicyDifferenceSchema).describe("The parameter values that differ, window by window (diffPolicies)"),
    years: z.array(YearComparisonSchema).describe("Year by year: every figure under both policies"),
    changed: z.boolean().describe("True when some figure differs"),
  })
  .strict();
/** The result of `compare`. */
export type Comparison = z.output<typeof ComparisonSchema>;

// the validators are exported: nobody may change what they check
freezeSchemas(
  FigurePairSchema,
  MonthsPairSchema,
  LabelPairSchema,
  MemberYearComparisonSchema,
  PoolYearComparisonSchema,
  YearComparisonSchema,
  PolicyDifferenceSchema,
  ComparisonSchema,
);
