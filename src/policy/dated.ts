/**
 * The building blocks of the policy schema: a parameter's dated, cited
 * versions, the checks on their windows (reversed, overlapping, leaving a gap)
 * and the value fields (rates, fractions, months, multipliers, per-class tables).
 *
 * @module
 */
import * as z from "zod";
import { addOneDay } from "../calendar.js";
import { asRateString, dateField, fractionField, type IsoDate, nonNegativeField, positiveField, rateField } from "../schema/fields.js";
import { CitationSchema } from "./citation.js";

export type RefineCtx = z.core.$RefinementCtx<unknown>;

export function codedIssue(ctx: RefineCtx, path: (string | number)[], code: string, en: string, zh: string): void {
  ctx.addIssue({ code: "custom", path, message: en, params: { code, en, zh } });
}

export function checkReversed(ctx: RefineCtx, path: (string | number)[], w: { from: IsoDate; to?: IsoDate | undefined }): void {
  if (w.to !== undefined && w.to < w.from) {
    codedIssue(ctx, [...path, "to"], "POLICY_WINDOW_REVERSED", `${w.from} > ${w.to}`, `${w.from} 晚于 ${w.to}`);
  }
}

/** Reports versions whose windows overlap (after sorting by `from`). @internal */
export function checkOverlaps(
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
export function version<T extends z.ZodType>(value: T) {
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
export function dated<T extends z.ZodType>(value: T) {
  return z
    .array(version(value))
    .min(1)
    .superRefine((versions, ctx) => checkOverlaps(ctx, versions, (i) => [i]));
}

export const rate = () => asRateString(rateField());
export const fraction = () => asRateString(fractionField());
export const months = () => asRateString(nonNegativeField("INVALID_RESERVE_MONTHS", "A number of months, ≥ 0"));
export const multiplier = () => asRateString(positiveField("INVALID_MULTIPLIER", "A floating multiplier, > 0"));

export const CLASS_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;

export function perClass<T extends z.ZodType>(schema: () => T) {
  const shape = Object.fromEntries(CLASS_KEYS.map((k) => [k, schema()])) as Record<(typeof CLASS_KEYS)[number], T>;
  return z.object(shape).strict();
}

/** Reports a parameter whose versions leave a day of the policy's life uncovered. @internal */
export function checkNoGaps(
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
