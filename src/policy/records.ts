/**
 * The records inside a policy: its members, relief overlays, risk levels,
 * named clauses, late fees and 市本级's clawback split, each a strict schema.
 *
 * @module
 */
import * as z from "zod";
import { D } from "../money.js";
import { asRateString, dateField, fractionField, nonNegativeField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord, RESERVED_NAMES } from "../schema/names.js";
import { CitationSchema } from "./citation.js";
import { checkReversed, dated, rate } from "./dated.js";

/** Names a member id may not take: every property of a plain object (they would shadow it in a lookup), and `prototype`. */
const RESERVED_IDS = RESERVED_NAMES;

/** A member id: letters, digits, `_` and `-`; no reserved name, not `city` (municipal finance's account). */
const memberIdSchema = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "ids are letters, digits, _ and -")
    .refine((id) => !RESERVED_IDS.has(id) && id !== "city", { message: "a reserved name (an Object property, or `city`: municipal finance's account)" });

/** A pooling member (各地之一; the 统筹地区 is the city-district as a whole) of the city-district. */
export const MemberSchema = z
  .object({
    id: memberIdSchema(),
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

/** The named clauses' citations of a policy. @internal */
export const ClausesSchema = z
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

/**
 * 市本级's clawback split (二（三）): the governments that pay 市本级's share, each
 * by the name of its fiscal account (`fiscal:<name>`: for 苏州, 姑苏区's `gusu`
 * and 苏州高新区's `snd`, districts inside 市本级, not pooling members) → its
 * weight (a decimal ≥ 0). Names follow the rules of member ids; at least one
 * weight is positive.
 */
export const MunicipalSplitSchema = namedRecord(
  asRateString(nonNegativeField("INVALID_POLICY", "A weight, ≥ 0")),
  "INVALID_POLICY",
  z.string().superRefine((name, ctx) => {
    if (!memberIdSchema().safeParse(name).success) {
      const en = `"${name}" is not a name of a fiscal account (letters, digits, _ and -; not reserved, not city)`;
      ctx.addIssue({ code: "custom", message: en, params: { code: "INVALID_POLICY", en, zh: `“${name}”不是有效的财政账户名称` } });
    }
  }),
).refine((w) => Object.values(w).some((v) => !new D(v).isZero()), { message: "at least one weight must be positive" });
/** 市本级's clawback split: the name of each paying government's fiscal account → its weight. */
export type MunicipalSplit = z.output<typeof MunicipalSplitSchema>;

/** How deficits are covered (R6, R9): the automatic subsidy claim, the year-end true-up, unpaid transfers. @internal */
export const DeficitCoverageSchema = z
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
  .strict();

// the validators are exported: nobody may change what they check
freezeSchemas(MemberSchema, EnterpriseSizeSchema, ReliefOverlaySchema, RiskLevelSchema, LateFeeWaiverSchema, LateFeesSchema);
