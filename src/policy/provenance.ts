/**
 * What every result says of where its figures come from: the policy (`id`,
 * `version` and the SHA-256 of its data), the library (name and version),
 * and, for a period after the policy's `reviewedThrough`, a warning that the
 * data were not checked against the documents for it.
 *
 * @module
 */
import * as z from "zod";
import type { Period } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { LIBRARY } from "../version.js";
import type { Policy } from "./schema.js";

/** zod schema of a result's `policy`: `{ id, version, hash }`. */
export const PolicyRefSchema = z
  .object({
    /** The policy's id (`"suzhou-2020"`). */
    id: z.string(),
    /** The policy's version (`"2.0"`). */
    version: z.string(),
    /** SHA-256 (64 hex digits) of the policy's canonical JSON, its review date left out. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** zod schema of a result's `library`: `{ name, version }`. */
export const LibraryRefSchema = z.object({ name: z.string(), version: z.string() }).strict();

/** zod schema of a warning on a result (a figure computed, but with a caveat the caller must see). */
export const ResultWarningSchema = z
  .object({
    code: z.literal("POLICY_NOT_REVIEWED_FOR_PERIOD"),
    /** The first period of the result after the review date. */
    period: z.string(),
    /** The policy's `reviewedThrough`. */
    reviewedThrough: z.string(),
    message: z.string(),
    messageZh: z.string(),
  })
  .strict();

/** A warning on a result: `POLICY_NOT_REVIEWED_FOR_PERIOD`, the period, the review date and the message in English and Chinese. */
export type ResultWarning = z.output<typeof ResultWarningSchema>;

freezeSchemas(PolicyRefSchema, LibraryRefSchema, ResultWarningSchema);

export { LIBRARY };

/**
 * The warnings for a result of `period` under `policy`: one
 * `POLICY_NOT_REVIEWED_FOR_PERIOD` when the period starts after the policy's
 * `reviewedThrough`, else `undefined` (a result then has no `warnings`).
 * @internal
 */
export function reviewWarnings(policy: Policy, period: Period): readonly ResultWarning[] | undefined {
  if (`${period}-01` <= policy.reviewedThrough) return undefined;
  const { id, version, reviewedThrough } = policy;
  return Object.freeze([
    Object.freeze({
      code: "POLICY_NOT_REVIEWED_FOR_PERIOD" as const,
      period,
      reviewedThrough,
      message: `the data of policy ${id} ${version} were checked against the documents through ${reviewedThrough}; ${period} is later: the figures follow the data as they stand, and a later document may change them`,
      messageZh: `政策 ${id} ${version} 的数据核对至 ${reviewedThrough}；${period} 在其后：数字按现有数据计算，其后的文件可能改变结果`,
    }),
  ]);
}
