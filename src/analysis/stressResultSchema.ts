/**
 * The JSON shape of a stress test's result (what `stressTest` returns and
 * `stress --json` prints, what `stress merge` reads): a zod schema checked
 * against the {@link StressResult} type, for the JSON Schemas integrators get.
 *
 * @module
 */
import * as z from "zod";
import { PolicyRefSchema } from "../policy/provenance.js";
import { freezeSchemas } from "../schema/freeze.js";
import type { StressResult } from "./stressResult.js";
import { LEVELS, MEMBER_QUANTILES, POOL_QUANTILES } from "./tally.js";

const count = z.number().int().nonnegative();
const decimal = z.string().regex(/^-?\d+\.\d+$/);
const figure = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .nullable();

const ProbabilitySchema = z
  .object({
    count: count.describe("Runs in which the event happened"),
    runs: count.describe("Runs"),
    p: decimal.describe("count / runs, six decimals"),
    se: decimal.describe("Monte Carlo standard error √(p(1−p)/runs), six decimals"),
    lo: decimal.describe("Lower end of the 95% Wilson score interval, six decimals"),
    hi: decimal.describe("Upper end of the 95% Wilson score interval, six decimals"),
  })
  .strict();

const QuantilesSchema = z
  .object({
    p5: figure,
    p50: figure,
    p95: figure,
    p99: figure,
    mean: figure.describe("Exact mean over the runs, rounded to the fen half-up (null for reserve months)"),
  })
  .strict()
  .describe("Quantiles from log-binned histograms (relative error quantileRelativeError); null when unbounded or never observed");

const levels = z.object(Object.fromEntries(LEVELS.map((l) => [l, ProbabilitySchema])) as Record<(typeof LEVELS)[number], typeof ProbabilitySchema>).strict();
const quantiles = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, QuantilesSchema])) as Record<K, typeof QuantilesSchema>).strict();

const HistogramSchema = z.object({ bins: z.record(z.string(), count), nulls: count }).strict();

/** zod schema of a {@link StressResult}. */
export const StressResultSchema: z.ZodType<StressResult> = z
  .object({
    format: z.literal("wi-pooling-stress/1"),
    experiment: z
      .object({
        model: z
          .string()
          .regex(/^[0-9a-f]{16}$/)
          .describe("FNV-1a fingerprint of the flow model's canonical JSON"),
        policy: PolicyRefSchema,
        seed: count,
        horizon: count.describe("Months simulated from start"),
        start: z.string().regex(/^\d{4}-\d{2}$/),
        members: z.array(z.string()).describe("Members, in the policy's order"),
        totalRuns: count.describe("Runs of the whole experiment (all shards)"),
      })
      .strict()
      .describe("What identifies the experiment: results merge only when these are equal"),
    runs: z.object({ from: count, to: count, count }).strict().describe("The runs this result holds: [from, to) of totalRuns"),
    quantileRelativeError: decimal.describe("Relative error bound of every quantile"),
    conservationChecked: count.describe("Runs whose journal was checked to conserve money"),
    years: z.array(
      z
        .object({
          year: z.number().int(),
          pool: z
            .object({
              unscheduledTopUp: ProbabilitySchema.describe("The members topped the pool up beyond schedule (the pool was short)"),
              shortfall: ProbabilitySchema.describe("The members could not pay all the top-up needed"),
              belowFloor: ProbabilitySchema.describe("The pool below its floor at year end"),
              risk: levels.describe("The pool's year-end warning level"),
              quantiles: quantiles(POOL_QUANTILES),
            })
            .strict(),
          members: z.record(
            z.string(),
            z
              .object({
                belowZero: ProbabilitySchema.describe("The member's fund went below zero in some period of the year"),
                warnings: ProbabilitySchema.describe("Some period of the year at critical or warning"),
                risk: levels,
                quantiles: quantiles(MEMBER_QUANTILES),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    horizon: z
      .object({
        pool: z.object({ unscheduledTopUp: ProbabilitySchema, shortfall: ProbabilitySchema, belowFloor: ProbabilitySchema }).strict(),
        members: z.record(z.string(), z.object({ belowZero: ProbabilitySchema }).strict()),
      })
      .strict()
      .describe("Over the whole horizon"),
    fan: z
      .array(z.object({ period: z.string().regex(/^\d{4}-\d{2}$/), p5: figure, p25: figure, p50: figure, p75: figure, p95: figure }).strict())
      .describe("The pool's reserve months by month: P5, P25, P50, P75, P95"),
    tally: z
      .object({
        counts: z.record(z.string(), count),
        sums: z.record(z.string(), z.string().regex(/^-?\d+$/)).describe("Exact sums in fen, as integer strings"),
        histograms: z.record(z.string(), HistogramSchema),
      })
      .strict()
      .describe("The raw counts and histograms (what shards merge)"),
  })
  .strict();

// the validators are exported: nobody may change what they check
freezeSchemas(StressResultSchema);
