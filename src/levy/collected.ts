/**
 * The JSON form of a batch computed with `{ errors: "collect" }`: its good
 * records, their totals and its bad records, each with the JSON form of its
 * `PoolingError` (one definition, {@link PoolingErrorJSONSchema}, for every
 * error a JSON API passes on).
 *
 * @module
 */
import * as z from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors.js";
import { MAX_LISTED_ERRORS } from "./computeLevies.js";
import { LevySchema, LevyTotalsSchema } from "./schema.js";

/** zod schema of a `PoolingError`'s JSON form (`error.toJSON()`, `PoolingErrorJSON`). */
export const PoolingErrorJSONSchema = z
  .object({
    name: z.literal("PoolingError"),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).describe("A stable code (docs/errors.md)"),
    path: z
      .array(z.union([z.string(), z.number().int().min(0)]))
      .describe("The path of the offending field in the input: keys and indices (a batch's record first)"),
    message: z.string().describe("In English: `CODE at path: what is wrong (the value seen)`"),
    messageZh: z.string().describe("In Chinese, for end users: the field's Chinese name and what is wrong"),
  })
  .strict();

/** zod schema of a bad record of a collected batch, as JSON (`LevyRecordError` with its error's `toJSON()`). */
export const LevyRecordErrorSchema = z
  .object({
    index: z.number().int().min(0).describe("The record's position in the input (0-based)"),
    employerId: z.string().optional().describe("The record's employerId, when it has a string one"),
    error: PoolingErrorJSONSchema.describe("What is wrong with the record; its path starts with index"),
  })
  .strict();

/**
 * zod schema of the result of `computeLevies(…, { errors: "collect" })` as
 * JSON (`JSON.stringify`: each error by its `toJSON()`): `LevyBatch`'s items
 * and totals (of the good records), the first `MAX_LISTED_ERRORS` bad records
 * and the count of the others.
 */
export const LevyBatchCollectedSchema = z
  .object({
    items: z.array(LevySchema).describe("Each good record's levy, in input order"),
    totals: LevyTotalsSchema.describe("Exact sums over the good records"),
    errors: z.array(LevyRecordErrorSchema).max(MAX_LISTED_ERRORS).describe("The bad records, in input order: the first 1,000 of them"),
    errorsOmitted: z.number().int().min(0).describe("How many more bad records there were beyond those listed in errors"),
  })
  .strict();
