/**
 * The `Policy` schema: the rules' parameters as plain, dated, cited data
 * (the OpenFisca lesson), validated strictly so that no misplaced key is ever
 * silently dropped. Its building blocks are in `dated.ts` and `records.ts`.
 *
 * @module
 */
import * as z from "zod";
import { D } from "../money.js";
import { dateField, type IsoDate, integerField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { CitationSchema } from "./citation.js";
import { CLASS_KEYS, checkNoGaps, checkOverlaps, codedIssue, dated, fraction, months, multiplier, perClass, rate, version } from "./dated.js";
import {
  ClausesSchema,
  DATED_PARAMETERS,
  DeficitCoverageSchema,
  EnterpriseSizeSchema,
  LateFeesSchema,
  MemberSchema,
  MunicipalSplitSchema,
  ReliefOverlaySchema,
  RiskLevelSchema,
} from "./records.js";

export {
  CLAUSE_NAMES,
  type ClauseName,
  DATED_PARAMETERS,
  type EnterpriseSize,
  EnterpriseSizeSchema,
  type LateFees,
  LateFeesSchema,
  type LateFeeWaiver,
  LateFeeWaiverSchema,
  type Member,
  MemberSchema,
  type MunicipalSplit,
  MunicipalSplitSchema,
  type ReliefOverlay,
  ReliefOverlaySchema,
  RiskLevelSchema,
} from "./records.js";

/** zod schema of a {@link Policy}. */
export const PolicySchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    title: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    doc: z.string().min(1),
    inForce: z.object({ from: dateField(), citation: CitationSchema }).strict(),
    until: dateField().optional(),
    /** The last date the data were checked against the documents: results for later periods carry a warning. */
    reviewedThrough: dateField(),
    members: dated(
      z
        .array(MemberSchema)
        .min(1)
        .superRefine((members, ctx) => {
          const seen = new Set<string>();
          members.forEach((m, i) => {
            if (seen.has(m.id)) codedIssue(ctx, [i, "id"], "DUPLICATE_MEMBER", m.id, m.id);
            seen.add(m.id);
          });
        }),
    ),
    baseRates: dated(perClass(rate)),
    floatTiers: dated(
      z
        .object({
          ladders: perClass(() => z.array(multiplier()).min(1)),
          maxTierSteps: z.number().int().min(1),
        })
        .strict()
        .superRefine((v, ctx) => {
          for (const k of CLASS_KEYS) {
            const ladder = v.ladders[k];
            ladder.forEach((m, i) => {
              if (i > 0 && new D(ladder[i - 1]!).gte(m)) {
                codedIssue(ctx, ["ladders", k, i], "INVALID_POLICY", "a ladder must be strictly ascending", "浮动档次须严格递增");
              }
            });
            if (!ladder.includes("1")) {
              codedIssue(ctx, ["ladders", k], "INVALID_POLICY", "a ladder must contain the base tier 1", "浮动档次须包含基准档 1");
            }
          }
        }),
    ),
    rateCut: z
      .array(
        version(
          z
            .object({
              /** The cut the city applied, when the policy fixes it (else the caller passes it). */
              fraction: fraction().optional(),
              /**
               * The cut fractions the national rule knows in this window (e.g. `["0", "0.2", "0.5"]`); any
               * other cut, the city's or a district's own, is `INVALID_CUT_FRACTION`. When absent: 0 and the
               * fractions of the national bands.
               */
              fractions: z.array(fraction()).min(1).optional(),
            })
            .strict(),
        ),
      )
      .superRefine((versions, ctx) => {
        versions.forEach((v, i) => {
          if (v.to === undefined) codedIssue(ctx, [i, "to"], "MISSING_FIELD", "a rate-cut window needs an end date", "降费期须有截止日期");
          const { fraction: fixed, fractions } = v.value;
          if (fixed !== undefined && fractions !== undefined && !fractions.some((f) => new D(f).eq(fixed))) {
            codedIssue(
              ctx,
              [i, "value", "fraction"],
              "INVALID_CUT_FRACTION",
              `${fixed} is not among ${fractions.join(", ")}`,
              `${fixed} 不在 ${fractions.join("、")} 之列`,
            );
          }
        });
        checkOverlaps(ctx, versions, (i) => [i]);
      }),
    nationalCutBands: dated(
      z
        .array(z.object({ minMonths: months(), fraction: fraction() }).strict())
        .min(1)
        .superRefine((bands, ctx) => {
          bands.forEach((b, i) => {
            const prev = bands[i - 1];
            if (prev && !(new D(prev.minMonths).gt(b.minMonths) && new D(prev.fraction).gt(b.fraction))) {
              codedIssue(ctx, [i], "INVALID_POLICY", "bands go from the highest threshold down, fractions decreasing", "档次须按月数由高到低排列且比例递减");
            }
          });
        }),
    ),
    reliefOverlays: z.array(ReliefOverlaySchema).superRefine((overlays, ctx) => {
      for (const size of EnterpriseSizeSchema.options) {
        const idx = overlays.map((o, i) => ({ o, i })).filter(({ o }) => o.enterpriseSizes.includes(size));
        checkOverlaps(
          ctx,
          idx.map(({ o }) => o),
          (k) => [idx[k]!.i],
        );
      }
    }),
    provincialReserve: dated(
      z
        .object({
          dueMonthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
          rule: z
            .object({
              rate: rate(),
              base: z.enum(["priorYearIncome", "priorYearBalance"]),
            })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    opening: dated(
      z
        .object({
          dueDate: dateField(),
          extractionRate: fraction(),
          balanceYear: integerField("INVALID_POLICY", "The year whose year-end balance is the base"),
          includeLegacyFunds: z.boolean(),
          /** A member whose balance after the fold-in is negative at the opening has that deficit covered by the pool (R5). */
          coverOpeningDeficits: z.boolean(),
          /**
           * Whether covering an opening (accumulated) deficit carries the 20% of 二（三） like a subsidy: `false`
           * (absent: false) covers it under 二（二）'s “弥补基金累计结余赤字” with no 20%; `true` is the 0.6 reading.
           */
          deficitCoverageCharged: z.boolean().optional(),
        })
        .strict(),
    ),
    poolFloor: dated(z.object({ months: months() }).strict()),
    clawback: dated(
      z
        .object({
          rate: fraction(),
          /**
           * 市本级's government is municipal finance itself: `"none"` (owes no clawback) or a split charging the
           * governments it answers for, by the name of each one's fiscal account (`fiscal:<name>`) → its weight.
           */
          municipal: z.union([z.literal("none"), z.object({ split: MunicipalSplitSchema }).strict()]),
        })
        .strict(),
    ),
    riskBands: dated(
      z
        .array(
          z
            .object({
              level: RiskLevelSchema,
              fromMonths: months(),
              /**
               * Where the band comes from: `"document"` (the policy document's own, such as `critical` below the
               * 3-month pool floor) or `"library default"` (the library's choice, to be replaced by local
               * practice). Absent: not stated.
               */
              source: z.enum(["document", "library default"]).optional(),
            })
            .strict(),
        )
        .min(1)
        .superRefine((bands, ctx) => {
          if (bands[0] && !new D(bands[0].fromMonths).isZero()) {
            codedIssue(ctx, [0, "fromMonths"], "INVALID_POLICY", "the first band starts at 0 months", "第一档须从 0 个月起");
          }
          bands.forEach((b, i) => {
            const prev = bands[i - 1];
            if (prev && new D(prev.fromMonths).gte(b.fromMonths)) {
              codedIssue(ctx, [i, "fromMonths"], "INVALID_POLICY", "bands must ascend", "档次须递增");
            }
          });
        }),
    ),
    deficitCoverage: dated(DeficitCoverageSchema),
    topUp: dated(
      z
        .object({
          /**
           * `"monthEnd"`: at each month's end after that month's claims, a pool below its floor is topped up to
           * `targetMonths` (what a member cannot pay it owes, paid first from its later surpluses); `"yearly"`: the
           * floor is tested at the opening and in each fiscal year's first period (the 0.6 reading); `"monthly"`:
           * every period after the claims, to the floor, nothing owed (the 0.4 reading).
           */
          schedule: z.enum(["monthEnd", "yearly", "monthly"]),
          /** With `"monthEnd"`: the months of payouts a top-up restores (≥ the floor's months; absent: the floor's). */
          targetMonths: months().optional(),
          /** Also top up in a period whose claims the pool cannot pay in full, to the floor after the claims. */
          whenShort: z.boolean(),
        })
        .strict(),
    ),
    pool: dated(
      z
        .object({
          /** The order in which the pool pays the classes of claims (R10): each class exactly once. */
          priority: z
            .array(z.enum(["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"]))
            .length(4)
            .refine((order) => new Set(order).size === 4, { message: "each class exactly once" }),
        })
        .strict(),
    ),
    clauses: dated(ClausesSchema),
    /** Late fees on premiums paid after their due date (optional: a policy without them computes no late fee). */
    lateFees: LateFeesSchema.optional(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    if (policy.until !== undefined && policy.until < policy.inForce.from) {
      codedIssue(ctx, ["until"], "POLICY_WINDOW_REVERSED", `${policy.inForce.from} > ${policy.until}`, `${policy.inForce.from} 晚于 ${policy.until}`);
      return;
    }
    for (const name of DATED_PARAMETERS) checkNoGaps(ctx, name, policy[name], policy.inForce.from, policy.until);
    // R7: a top-up target below a floor in force would top a pool up to less than its floor.
    policy.topUp.forEach((v, i) => {
      const target = v.value.targetMonths;
      if (target === undefined) return;
      for (const floor of policy.poolFloor) {
        if (new D(target).lt(floor.value.months)) {
          codedIssue(
            ctx,
            ["topUp", i, "value", "targetMonths"],
            "INVALID_POLICY",
            `below the floor's ${floor.value.months} months`,
            `低于统筹基金下限 ${floor.value.months} 个月`,
          );
        }
      }
    });
  });

/**
 * A policy: the parameters of the rules as plain data, every value dated
 * (`from`/`to`, inclusive, `YYYY-MM-DD`) and cited (`{ doc, clause }`).
 * Build one with {@link definePolicy}; the built-in one is `SUZHOU_2020`.
 */
export type Policy = z.output<typeof PolicySchema>;

/** A policy as JSON input, before validation. */
export type PolicyInput = z.input<typeof PolicySchema>;

/** The risk levels of R11. */
export type RiskLevel = z.output<typeof RiskLevelSchema>;

/** A dated, cited parameter value. */
export interface ParamVersion<T> {
  from: IsoDate;
  to?: IsoDate | undefined;
  value: T;
  citation: { doc: string; clause: string; note?: string | undefined };
  note?: string | undefined;
}

// the validators are exported: nobody may change what they check
freezeSchemas(PolicySchema);
