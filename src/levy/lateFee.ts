/**
 * Late fees on unpaid premiums (滞纳金, 《社会保险法》第八十六条): the
 * unpaid amount bears the policy's daily rate (万分之五) for every calendar
 * day after the premium's due date up to the day it is paid, except the days
 * of a waiver window; the fee is rounded half-up to the fen once.
 *
 * @module
 */
import { addDays, addMonths, differenceInCalendarDays, format, getDaysInMonth, parseISO } from "date-fns";
import * as z from "zod";
import { type Path, PoolingError } from "../errors.js";
import { decimalRatio, divRoundHalfUp, type Fen, formatFen, toFen } from "../money.js";
import { periodStart } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyRef, policyRef, versionAt } from "../policy/paramsAt.js";
import { PolicyRefSchema } from "../policy/provenance.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { LateFees, Policy } from "../policy/schema.js";
import { dateField, type IsoDate, moneyField, type Period, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";

/** Calendar-day arithmetic on `YYYY-MM-DD` strings through date-fns (local midnight on both sides: no time zone enters). */
const day = (date: IsoDate): Date => parseISO(date);
const iso = (date: Date): IsoDate => format(date, "yyyy-MM-dd");
const daysBetween = (later: IsoDate, earlier: IsoDate): number => differenceInCalendarDays(day(later), day(earlier));

/** The late-fee parameters of a policy, or `LATE_FEE_NOT_IN_POLICY`. @internal */
export function lateFeesOf(policy: Policy, path: Path): LateFees {
  if (policy.lateFees === undefined) {
    throw new PoolingError("LATE_FEE_NOT_IN_POLICY", path, {
      en: `policy ${policy.id} ${policy.version} has no lateFees`,
      zh: `政策 ${policy.id} ${policy.version} 未规定滞纳金参数`,
    });
  }
  return policy.lateFees;
}

/** The late-fee rule in force for a premium of `period`: its daily rate and due date, each with its citation. @internal */
export function lateFeeRuleAt(policy: Policy, period: Period, path: Path = ["period"]) {
  const fees = lateFeesOf(policy, path);
  const start = periodStart(period);
  const rate = versionAt(fees.dailyRate, start);
  const due = versionAt(fees.dueDate, start);
  if (rate === undefined || due === undefined) {
    throw new PoolingError("POLICY_NOT_IN_FORCE", path, {
      en: `no late-fee ${rate === undefined ? "dailyRate" : "dueDate"} covers ${start}`,
      zh: `滞纳金参数在 ${start} 没有施行中的版本`,
    });
  }
  const month = addMonths(day(start), due.value.monthsAfter);
  const dueDate = iso(addDays(month, Math.min(due.value.day, getDaysInMonth(month)) - 1));
  return { dailyRate: rate, due, dueDate, waivers: fees.waivers };
}

/** The number of days of `(after, through]` inside one of the windows (their union: overlapping windows count a day once). */
function waivedDays(after: IsoDate, through: IsoDate, windows: ReadonlyArray<{ from: IsoDate; to: IsoDate }>): number {
  const first = iso(addDays(day(after), 1));
  const clipped = windows
    .map((w) => ({ from: [w.from, first].sort()[1]!, to: [w.to, through].sort()[0]! }))
    .filter((w) => w.from <= w.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let days = 0;
  let covered: IsoDate | undefined; // the last day already counted
  for (const w of clipped) {
    const from = covered !== undefined && w.from <= covered ? iso(addDays(day(covered), 1)) : w.from;
    if (from > w.to) continue;
    days += daysBetween(w.to, from) + 1;
    covered = w.to;
  }
  return days;
}

/** The late fee on `amount` fen for a premium of `period` paid on `through`, in fen with its day counts. @internal */
export function lateFeeFen(policy: Policy, period: Period, amount: Fen, through: IsoDate, path: Path = ["period"]) {
  const rule = lateFeeRuleAt(policy, period, path);
  const overdue = Math.max(0, daysBetween(through, rule.dueDate));
  const waived = overdue === 0 ? 0 : waivedDays(rule.dueDate, through, rule.waivers);
  const days = overdue - waived;
  const { numerator, denominator } = decimalRatio(rule.dailyRate.value);
  const fee = amount <= 0n || days === 0 ? 0n : divRoundHalfUp(amount * BigInt(days) * numerator, denominator);
  const waiverCitations = waived === 0 ? [] : rule.waivers.filter((w) => w.from <= through && w.to > rule.dueDate).map((w) => w.citation);
  const citations: Citation[] = [rule.dailyRate.citation, rule.due.citation, ...waiverCitations];
  return { rule, overdueDays: overdue, waivedDays: waived, days, fee, citations };
}

/** zod schema of the input of {@link lateFee}. */
export const LateFeeInputSchema = z
  .object({
    period: periodField().describe("The period whose premium was unpaid"),
    amount: moneyField({ fen: true }).describe("The unpaid premium"),
    paidOn: dateField().describe("The day it is paid: the last day that bears the fee"),
  })
  .strict();
/** The input of {@link lateFee}. */
export type LateFeeInput = z.input<typeof LateFeeInputSchema>;

/** zod schema of the result of {@link lateFee}. */
export const LateFeeSchema = z
  .object({
    period: z.string(),
    amount: z.string(),
    /** The premium's due date (the policy's; marked `library default` in its citation when the document set fixes none). */
    dueDate: z.string(),
    /** Where the due date comes from: the document set or the library's default. */
    dueDateSource: z.enum(["document", "library default"]),
    /** The last day counted (the day of payment). */
    through: z.string(),
    /** Calendar days after the due date up to `through` (0 when paid by the due date). */
    overdueDays: z.number().int().min(0),
    /** Of those, the days inside a waiver window. */
    waivedDays: z.number().int().min(0),
    /** The days that bear the fee: `overdueDays − waivedDays`. */
    days: z.number().int().min(0),
    dailyRate: z.string(),
    /** `round_fen(amount × dailyRate × days)`, half-up, once. */
    lateFee: z.string(),
    citations: z.array(z.object({ doc: z.string(), clause: z.string(), note: z.string().optional() }).strict()),
    policy: PolicyRefSchema,
  })
  .strict();
/** The late fee on one unpaid premium. */
export type LateFee = z.output<typeof LateFeeSchema>;

/** Builds the result record of a late fee. @internal */
export function lateFeeRecord(policy: Policy, period: Period, amount: Fen, through: IsoDate, path?: Path): LateFee {
  const r = lateFeeFen(policy, period, amount, through, path);
  const ref: PolicyRef = policyRef(policy);
  return {
    period,
    amount: formatFen(amount),
    dueDate: r.rule.dueDate,
    dueDateSource: r.rule.due.value.source,
    through,
    overdueDays: r.overdueDays,
    waivedDays: r.waivedDays,
    days: r.days,
    dailyRate: r.rule.dailyRate.value,
    lateFee: formatFen(r.fee),
    citations: r.citations,
    policy: ref,
  };
}

/**
 * The late fee (滞纳金) on an unpaid premium, 《社会保险法》第八十六条: the
 * amount bears the policy's daily rate (万分之五) for each calendar day after
 * the premium's due date up to and including `paidOn`, the days of a waiver
 * window excepted. Days are counted on the calendar (date-fns, independent of
 * the time zone); the fee is `round_fen(amount × dailyRate × days)`, half-up,
 * once. The rate, the due date and the waivers are the policy's, in force on
 * the first day of the premium's own period.
 *
 * @param input - `{ period, amount, paidOn }`: the period of the premium, the unpaid amount, the day it is paid
 * @param options - `{ policy }`: the policy (default `SUZHOU_2020`: 0.0005 a day, due on the 15th of the following month, a library default) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the due date and its source, the day counts, the daily rate, the fee, citations and the policy reference
 * @throws PoolingError `NOT_AN_OBJECT`, `UNKNOWN_KEY`, `MISSING_FIELD`, `INVALID_PERIOD`, `INVALID_DATE`, `INVALID_AMOUNT`,
 *   `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `LATE_FEE_NOT_IN_POLICY`, `POLICY_NOT_IN_FORCE`
 * @example
 * ```ts
 * const fee = lateFee({ period: "2020-09", amount: "500.00", paidOn: "2022-03-31" });
 * fee.dueDate;  // "2020-10-15" (library default)
 * fee.days;     // 532
 * fee.lateFee;  // "133.00" (500.00 × 0.0005 × 532)
 * ```
 */
export function lateFee(input: LateFeeInput, options?: PolicyOptions | Policy): LateFee {
  const p = policyOption(options);
  const v = parseInput(LateFeeInputSchema, input);
  return lateFeeRecord(p, v.period, toFen(v.amount), v.paidOn);
}

// the validators are exported: nobody may change what they check
freezeSchemas(LateFeeInputSchema, LateFeeSchema);
