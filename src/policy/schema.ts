/**
 * The `Policy` schema: the rules' parameters as plain, dated, cited data
 * (the OpenFisca lesson), validated strictly so that no misplaced key is ever
 * silently dropped.
 *
 * @module
 */
import * as z from "zod";
import { addOneDay } from "../calendar.js";
import { D } from "../money.js";
import { asRateString, dateField, fractionField, type IsoDate, integerField, nonNegativeField, positiveField, rateField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { RESERVED_NAMES } from "../schema/names.js";
import { CitationSchema } from "./citation.js";

type RefineCtx = z.core.$RefinementCtx<unknown>;

function codedIssue(ctx: RefineCtx, path: (string | number)[], code: string, en: string, zh: string): void {
  ctx.addIssue({ code: "custom", path, message: en, params: { code, en, zh } });
}

function checkReversed(ctx: RefineCtx, path: (string | number)[], w: { from: IsoDate; to?: IsoDate | undefined }): void {
  if (w.to !== undefined && w.to < w.from) {
    codedIssue(ctx, [...path, "to"], "POLICY_WINDOW_REVERSED", `${w.from} > ${w.to}`, `${w.from} 晚于 ${w.to}`);
  }
}

/** Reports versions whose windows overlap (after sorting by `from`). @internal */
function checkOverlaps(
  ctx: RefineCtx,
  versions: ReadonlyArray<{ from: IsoDate; to?: IsoDate | undefined }>,
  pathOf: (index: number) => (string | number)[],
): void {
  const order = versions.map((v, i) => ({ v, i })).sort((a, b) => (a.v.from < b.v.from ? -1 : a.v.from > b.v.from ? 1 : a.i - b.i));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (prev.v.to === undefined || cur.v.from <= prev.v.to) {
      codedIssue(
        ctx,
        [...pathOf(cur.i), "from"],
        "POLICY_WINDOWS_OVERLAP",
        `starts ${cur.v.from}, inside the window of version ${prev.i} (from ${prev.v.from}${prev.v.to ? ` to ${prev.v.to}` : ", open-ended"})`,
        `起始于 ${cur.v.from}，与第 ${prev.i} 个版本的施行期间重叠`,
      );
    }
  }
}

/** One dated, cited version of a parameter. */
function version<T extends z.ZodType>(value: T) {
  return z
    .object({
      from: dateField(),
      to: dateField().optional(),
      value,
      citation: CitationSchema,
      note: z.string().optional(),
    })
    .strict()
    .superRefine((v, ctx) => checkReversed(ctx, [], v));
}

/** A parameter that may change over time: versions whose windows do not overlap. */
function dated<T extends z.ZodType>(value: T) {
  return z
    .array(version(value))
    .min(1)
    .superRefine((versions, ctx) => checkOverlaps(ctx, versions, (i) => [i]));
}

const rate = () => asRateString(rateField());
const fraction = () => asRateString(fractionField());
const months = () => asRateString(nonNegativeField("INVALID_RESERVE_MONTHS", "A number of months, ≥ 0"));
const multiplier = () => asRateString(positiveField("INVALID_MULTIPLIER", "A floating multiplier, > 0"));

const CLASS_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;

function perClass<T extends z.ZodType>(schema: () => T) {
  const shape = Object.fromEntries(CLASS_KEYS.map((k) => [k, schema()])) as Record<(typeof CLASS_KEYS)[number], T>;
  return z.object(shape).strict();
}

/** Names a member id may not take: every property of a plain object (they would shadow it in a lookup), and `prototype`. */
const RESERVED_IDS = RESERVED_NAMES;

/** A pooling member (各地之一; the 统筹地区 is the city-district as a whole) of the city-district. */
export const MemberSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "ids are letters, digits, _ and -")
      .refine((id) => !RESERVED_IDS.has(id) && id !== "city", { message: "a reserved name (an Object property, or `city`: municipal finance's account)" }),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
  })
  .strict();
/** A pooling member. */
export type Member = z.output<typeof MemberSchema>;

/** Enterprise sizes used by relief overlays (企业规模). */
export const EnterpriseSizeSchema = z.enum(["large", "medium", "small", "micro"]);
/** An enterprise size: `"large" | "medium" | "small" | "micro"`. */
export type EnterpriseSize = z.output<typeof EnterpriseSizeSchema>;

/** A relief overlay (R4): a dated waiver or halving of contributions by enterprise size. */
export const ReliefOverlaySchema = z
  .object({
    id: z.string().min(1),
    from: dateField(),
    to: dateField(),
    enterpriseSizes: z.array(EnterpriseSizeSchema).min(1),
    fraction: asRateString(fractionField({ inclusiveOne: true })),
    citation: CitationSchema,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkReversed(ctx, [], v));
/** A relief overlay. */
export type ReliefOverlay = z.output<typeof ReliefOverlaySchema>;

/** The early-warning levels of R11. */
export const RiskLevelSchema = z.enum(["critical", "warning", "normal", "surplus"]);

/**
 * The named clauses the rules cite where no parameter carries the quote
 * (a rule that reads a parameter cites that parameter's own citation).
 * Keeping the quotes here, beside the values, keeps them out of the code.
 */
export const CLAUSE_NAMES = Object.freeze([
  "income",
  "majorAccident",
  "rollover",
  "localCoverage",
  "cutGapGrant",
  "subsidy",
  "recordedDeficit",
  "legacyFoldIn",
  "balancesHeld",
  "topUp",
  "priority",
  "consolidation",
  "budget",
  "syncInducedRelief",
  "floatReview",
] as const);
/** The name of a clause the rules cite (see {@link CLAUSE_NAMES}). */
export type ClauseName = (typeof CLAUSE_NAMES)[number];

const ClausesSchema = z
  .object({
    ...(Object.fromEntries(CLAUSE_NAMES.map((k) => [k, CitationSchema])) as Record<ClauseName, typeof CitationSchema>),
    /** The year-end true-up's clause (option `deficitCoverage.yearEndTrueUp`); without it the true-up cites `subsidy`. */
    trueUp: CitationSchema.optional(),
    /** The clause of prior-period adjustments (restated figures); without it they cite `income`. */
    restatement: CitationSchema.optional(),
  })
  .strict();

/**
 * The parameters that must cover the policy's whole life without a gap: one
 * version in force on every day (the rate-cut windows and relief overlays are
 * windows, not such parameters).
 *
 * @example
 * ```ts
 * DATED_PARAMETERS.includes("clawback"); // true
 * ```
 */
export const DATED_PARAMETERS = Object.freeze([
  "members",
  "baseRates",
  "floatTiers",
  "nationalCutBands",
  "provincialReserve",
  "opening",
  "poolFloor",
  "clawback",
  "riskBands",
  "deficitCoverage",
  "topUp",
  "pool",
  "clauses",
] as const);

/** Reports a parameter whose versions leave a day of the policy's life uncovered. @internal */
function checkNoGaps(
  ctx: RefineCtx,
  name: string,
  versions: ReadonlyArray<{ from: IsoDate; to?: IsoDate | undefined }>,
  start: IsoDate,
  until: IsoDate | undefined,
): void {
  const sorted = [...versions].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let covered: IsoDate = start;
  for (const v of sorted) {
    if (v.from > covered) {
      codedIssue(
        ctx,
        [name],
        "POLICY_PARAMETER_GAP",
        `no version covers ${covered} to the day before ${v.from}`,
        `${covered} 起至 ${v.from} 前没有施行中的版本`,
      );
      return;
    }
    if (v.to === undefined) return;
    if (v.to >= covered) covered = addOneDay(v.to);
  }
  if (until === undefined || covered <= until) {
    codedIssue(ctx, [name], "POLICY_PARAMETER_GAP", `no version covers ${covered} onwards`, `${covered} 起没有施行中的版本`);
  }
}

/**
 * A waiver window of late fees (e.g. a deferral granted without late fees):
 * the calendar days from `from` to `to` (inclusive) bear no late fee.
 */
export const LateFeeWaiverSchema = z
  .object({
    id: z.string().min(1),
    from: dateField(),
    to: dateField(),
    citation: CitationSchema,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkReversed(ctx, [], v));
/** A late-fee waiver window. */
export type LateFeeWaiver = z.output<typeof LateFeeWaiverSchema>;

/**
 * The parameters of late fees on unpaid premiums (滞纳金): the daily rate, the
 * due date of a period's premium, and the waiver windows. Each is dated and
 * cited; the version in force on the first day of the premium's own period applies.
 */
export const LateFeesSchema = z
  .object({
    /** The daily rate on the unpaid premium (万分之五 = `"0.0005"`). */
    dailyRate: dated(rate()),
    /**
     * When a period's premium falls due: the `day` of the month `monthsAfter` months after the period (a day past
     * the month's end is its last day). `source`: the document set's own rule, or the library's default.
     */
    dueDate: dated(
      z
        .object({
          monthsAfter: z.number().int().min(0).max(12),
          day: z.number().int().min(1).max(31),
          source: z.enum(["document", "library default"]),
        })
        .strict(),
    ),
    /** Windows of calendar days on which no late fee accrues (none by default). */
    waivers: z.array(LateFeeWaiverSchema),
  })
  .strict();
/** The late-fee parameters of a policy. */
export type LateFees = z.output<typeof LateFeesSchema>;

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
          /** 市本级's government is municipal finance itself: `"none"` (owes no clawback) or a split charging the districts it contains. */
          municipal: z.union([
            z.literal("none"),
            z
              .object({
                split: z
                  .object({
                    gusu: asRateString(nonNegativeField("INVALID_POLICY", "A weight, ≥ 0")),
                    snd: asRateString(nonNegativeField("INVALID_POLICY", "A weight, ≥ 0")),
                  })
                  .strict()
                  .refine((w) => !(new D(w.gusu).isZero() && new D(w.snd).isZero()), { message: "the weights may not both be zero" }),
              })
              .strict(),
          ]),
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
    deficitCoverage: dated(
      z
        .object({
          autoClaimSubsidy: z.boolean(),
          /**
           * At year end, settle the year's grants and subsidies on the year's net gap (预拨 then 清算): what a member
           * still holds of them goes back to the pool, kept subsidies become grants within the year's unused
           * sync-induced relief, and the clawback is taken on the settled subsidies (see `yearEndTrueUp`).
           */
          yearEndTrueUp: z.boolean(),
          /**
           * An opening extraction or provincial remittance a member's fund cannot pay: `"owed"` (absent: owed) is an
           * amount it owes (应上解未上解), paid first from its later surpluses; `"subsidy"` is the 0.6 reading (its
           * fund goes into deficit and the pool covers it as a subsidy, with the 20%).
           */
          unpaidTransfers: z.enum(["owed", "subsidy"]).optional(),
        })
        .strict(),
    ),
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
freezeSchemas(MemberSchema, EnterpriseSizeSchema, ReliefOverlaySchema, RiskLevelSchema, LateFeeWaiverSchema, LateFeesSchema, PolicySchema);
