/**
 * Levy corrections: a record of a settled period found wrong later (a payroll
 * audit, 稽核). Both records are computed by R4's one implementation under
 * the rules in force for their own period; the difference in the premium due
 * is arrears (补缴) or a refund (退费); arrears bear the late fee of
 * 《社会保险法》第八十六条 ({@link lateFee}), refunds none.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError, withPathPrefix } from "../errors.js";
import { type Fen, formatFen, parseFen } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import { policyRef } from "../policy/paramsAt.js";
import { PolicyRefSchema } from "../policy/provenance.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { dateField, MoneyStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { computeParsedLevy } from "./computeLevy.js";
import { type LateFee, LateFeeSchema, lateFeeRecord } from "./lateFee.js";
import { type Levy, LevyInputSchema, LevySchema } from "./schema.js";

/** zod schema of the input of {@link levyCorrection}. */
export const LevyCorrectionInputSchema = z
  .object({
    original: LevyInputSchema.describe("The record as settled"),
    corrected: LevyInputSchema.describe("The record as corrected: the same period and employer"),
    knownOn: dateField().describe("The day the correction became known"),
    paidOn: dateField().optional().describe("The day the arrears are paid: the last day bearing the late fee (default: knownOn)"),
  })
  .strict();
/** The input of {@link levyCorrection}. */
export type LevyCorrectionInput = z.input<typeof LevyCorrectionInputSchema>;

/** The amounts of a levy a correction compares. */
export const LEVY_AMOUNT_FIELDS = Object.freeze(["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const);

const money = MoneyStringSchema;
const differenceShape = Object.fromEntries(LEVY_AMOUNT_FIELDS.map((k) => [k, money])) as Record<(typeof LEVY_AMOUNT_FIELDS)[number], typeof money>;

/** zod schema of the result of {@link levyCorrection}. */
export const LevyCorrectionSchema = z
  .object({
    /** The employer's identifier, from the original record (else the corrected one); absent when neither has one. */
    employerId: z.string().optional(),
    /** The month corrected (费款所属期), `YYYY-MM`. */
    period: z.string(),
    /** `"arrears"`: the corrected premium due is higher (补缴); `"refund"`: lower (退费); `"none"`: equal. */
    kind: z.enum(["arrears", "refund", "none"]),
    /** corrected − original, figure by figure (signed). */
    difference: z
      .object({
        /** corrected − original wage base (缴费工资总额), in yuan (every digit kept); the other fields are the levy's amounts, each corrected − original, in yuan. */
        payroll: z.string(),
        ...differenceShape,
      })
      .strict(),
    /** What the employer owes on top: the positive difference of `premiumDue` (else 0). */
    arrears: money,
    /** What the fund returns: the negative difference of `premiumDue`, as a positive amount (else 0). */
    refund: money,
    /** The day the correction became known (发现日期), `YYYY-MM-DD`. */
    knownOn: z.string(),
    /** The day the arrears were paid (补缴日期), `YYYY-MM-DD`, or null when not yet paid. */
    paidOn: z.string().nullable(),
    /** The late fee on the arrears through `paidOn` (or `knownOn` when not paid yet); `null` for a refund or no difference. */
    lateFee: LateFeeSchema.nullable(),
    /** The late fee's last day: the day paid, or (not yet paid) the day the correction became known. */
    lateFeeThrough: z.enum(["paidOn", "knownOn"]).nullable(),
    /** Arrears plus late fee: what the employer pays (0 for a refund). */
    totalDue: money,
    /** The levy of the original record, as `computeLevy` computes it (see `Levy`). */
    original: LevySchema,
    /** The levy of the corrected record (see `Levy`). */
    corrected: LevySchema,
    /** The clauses the correction and its late fee rest on. */
    citations: z.array(CitationSchema),
    /** The policy that produced the figures: `{ id, version, hash }`. */
    policy: PolicyRefSchema,
  })
  .strict();
/** The result of {@link levyCorrection}. */
export type LevyCorrection = z.output<typeof LevyCorrectionSchema>;

type ParsedCorrection = z.output<typeof LevyCorrectionInputSchema>;

/** A parsed correction's result. @internal */
export function computeParsedCorrection(p: Policy, v: ParsedCorrection): LevyCorrection {
  if (v.corrected.period !== v.original.period) {
    throw new PoolingError("CORRECTION_MISMATCH", ["corrected", "period"], {
      en: `original ${v.original.period}, corrected ${v.corrected.period}`,
      zh: `更正前为 ${v.original.period}，更正后为 ${v.corrected.period}`,
    });
  }
  const { employerId: a } = v.original;
  const { employerId: b } = v.corrected;
  if (a !== undefined && b !== undefined && a !== b) {
    throw new PoolingError("CORRECTION_MISMATCH", ["corrected", "employerId"], { en: `original ${a}, corrected ${b}`, zh: `更正前为 ${a}，更正后为 ${b}` });
  }
  if (v.paidOn !== undefined && v.paidOn < v.knownOn) {
    throw new PoolingError("DATE_ORDER", ["paidOn"], {
      en: `paidOn ${v.paidOn} before knownOn ${v.knownOn}`,
      zh: `缴费日期 ${v.paidOn} 早于发现日期 ${v.knownOn}`,
    });
  }
  const levyOf = (which: "original" | "corrected"): Levy => {
    try {
      return computeParsedLevy(p, v[which]);
    } catch (e) {
      throw withPathPrefix(e, [which]);
    }
  };
  const original = levyOf("original");
  const corrected = levyOf("corrected");
  const diff = (k: (typeof LEVY_AMOUNT_FIELDS)[number]): Fen => parseFen(corrected[k]) - parseFen(original[k]);
  const difference = { payroll: formatFen(parseFen(corrected.payroll) - parseFen(original.payroll)) } as LevyCorrection["difference"];
  for (const k of LEVY_AMOUNT_FIELDS) difference[k] = formatFen(diff(k));
  const due = diff("premiumDue");
  const kind = due > 0n ? "arrears" : due < 0n ? "refund" : "none";
  const through = v.paidOn ?? v.knownOn;
  const fee: LateFee | null = kind === "arrears" ? lateFeeRecord(p, original.period, due, through, ["original", "period"]) : null;
  const citations: Citation[] = [...corrected.citations, ...(fee?.citations ?? [])];
  const employerId = a ?? b;
  const result: LevyCorrection = {
    ...(employerId === undefined ? {} : { employerId }),
    period: original.period,
    kind,
    difference,
    arrears: formatFen(due > 0n ? due : 0n),
    refund: formatFen(due < 0n ? -due : 0n),
    knownOn: v.knownOn,
    paidOn: v.paidOn ?? null,
    lateFee: fee,
    lateFeeThrough: fee === null ? null : v.paidOn === undefined ? "knownOn" : "paidOn",
    totalDue: formatFen((due > 0n ? due : 0n) + (fee === null ? 0n : parseFen(fee.lateFee))),
    original,
    corrected,
    citations,
    policy: policyRef(p),
  };
  return result;
}

/**
 * A correction of one employer's levy for a settled period: both records
 * computed by R4 (the same core as {@link computeLevy}) under the rules in
 * force for the record's own period, whenever the correction is found (a
 * 2020-09 record corrected in 2022 keeps 2020's cut); the difference of every
 * figure; `kind` `"arrears"` (补缴), `"refund"` (退费) or `"none"`; and, on
 * arrears, the late fee from the premium's due date through `paidOn` (through
 * `knownOn` while unpaid), see {@link lateFee}. Refunds bear no late fee and
 * earn no interest.
 *
 * @param input - `{ original, corrected, knownOn, paidOn? }`: two levy inputs of the same period and employer, the day
 *   the correction became known, the day the arrears are paid
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the kind, the differences, arrears or refund, the late fee, both levies, citations and the policy reference
 * @throws PoolingError `CORRECTION_MISMATCH`, `DATE_ORDER`, `LATE_FEE_NOT_IN_POLICY`, `INVALID_DATE`, the codes of
 *   {@link computeLevy} under `original` or `corrected`, and the input codes (`NOT_AN_OBJECT`, `UNKNOWN_KEY`, `MISSING_FIELD`)
 * @example
 * ```ts
 * const base = { period: "2020-09", industryClass: 3, floatMultiplier: "1", cutFraction: "0.5" } as const;
 * const c = levyCorrection({ original: { ...base, payroll: "1000000.00" }, corrected: { ...base, payroll: "1200000.00" },
 *                            knownOn: "2022-03-10", paidOn: "2022-03-31" });
 * c.kind;             // "arrears"
 * c.arrears;          // "500.00" (200,000.00 × 0.005 × (1 − 0.5): the 2020 cut)
 * c.lateFee?.lateFee; // "133.00" (532 days after 2020-10-15 at 0.0005)
 * ```
 */
export function levyCorrection(input: LevyCorrectionInput, options?: PolicyOptions | Policy): LevyCorrection {
  const p = policyOption(options);
  return computeParsedCorrection(p, parseInput(LevyCorrectionInputSchema, input));
}

// the validators are exported: nobody may change what they check
freezeSchemas(LevyCorrectionInputSchema, LevyCorrectionSchema);
