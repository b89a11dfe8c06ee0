/**
 * The JSON Schemas of the analysis's inputs and outputs (the flow model, a
 * member's flow history, a comparison, a stress test's result), beside those
 * of `toJSONSchema`: what `wi-pooling schema` prints and `docs/schemas` holds.
 *
 * @module
 */
import type * as z from "zod";
import { checkSchemaName, jsonSchemaOf } from "../explain/schemas.js";
import { ComparisonSchema } from "./comparisonSchema.js";
import { FlowHistorySchema } from "./fitFlowModel.js";
import { FlowModelSchema } from "./flowModel.js";
import { StressResultSchema } from "./stressResultSchema.js";

/**
 * The analysis's zod schemas by name, each with its side (`input`: what a function takes; `output`: what
 * it returns): `FlowModel`, `FlowHistory` (inputs of `stressTest` and `fitFlowModel`), `Comparison` and
 * `StressResult` (outputs of `compare` and `stressTest`).
 *
 * @example
 * ```ts
 * Object.keys(ANALYSIS_SCHEMAS); // ["FlowModel", "FlowHistory", "Comparison", "StressResult"]
 * ANALYSIS_SCHEMAS.FlowModel.io;  // "input"
 * ```
 */
export const ANALYSIS_SCHEMAS: Readonly<Record<string, { schema: z.ZodType; io: "input" | "output" }>> = Object.freeze({
  FlowModel: { schema: FlowModelSchema, io: "input" },
  FlowHistory: { schema: FlowHistorySchema, io: "input" },
  Comparison: { schema: ComparisonSchema, io: "output" },
  StressResult: { schema: StressResultSchema, io: "output" },
});

/**
 * The JSON Schema (draft 2020-12) of one of {@link ANALYSIS_SCHEMAS}, written as `toJSONSchema` writes
 * the others (descriptions with Chinese terms, `title`, `x-io`).
 *
 * @param name - `"FlowModel"`, `"FlowHistory"`, `"Comparison"` or `"StressResult"`
 * @returns the JSON Schema, a plain object
 * @throws PoolingError `INVALID_TYPE` at `name` for a name not in {@link ANALYSIS_SCHEMAS}
 * @example
 * ```ts
 * analysisJSONSchema("FlowModel").title; // "FlowModel"
 * ```
 */
export function analysisJSONSchema(name: string): Record<string, unknown> {
  checkSchemaName(name, ANALYSIS_SCHEMAS);
  const entry = ANALYSIS_SCHEMAS[name]!;
  return jsonSchemaOf(name, entry.schema, entry.io);
}
