/**
 * The machinery of the field schemas: a field is a zod schema checked at run
 * time for any value, reporting a library error code in the issue's `params`
 * and standing for its own JSON Schema in the exported ones.
 *
 * @module
 */
import * as z from "zod";
import type { ErrorCode } from "../errors.js";
import { isDecimalInstance } from "../money.js";

/** The part of a zod transform context a field uses. @internal */
export interface TransformCtx {
  issues: unknown[];
  value: unknown;
}

/** Records an issue carrying a library code on a zod transform context. @internal */
export function addCodedIssue(ctx: TransformCtx, code: ErrorCode, en?: string, zh?: string): typeof z.NEVER {
  ctx.issues.push({ code: "custom", message: en ?? code, input: ctx.value, params: { code, en, zh } });
  return z.NEVER;
}

/** The JSON Schema that stands for each custom field in exported JSON Schemas. @internal */
export const FIELD_JSON_SCHEMA = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * A field whose input type is `I` for TypeScript callers, checked at run time
 * for any value (JSON callers), and parsed to `T`.
 */
export function field<T, I>(jsonSchema: Record<string, unknown>, parse: (value: unknown, ctx: TransformCtx) => T | typeof z.NEVER): z.ZodType<T, I> {
  const base = z.custom<unknown>();
  FIELD_JSON_SCHEMA.set(base, jsonSchema);
  // R4 (0.5): `null` is never a value (never "absent", never "unbounded").
  const schema = base.transform((value, ctx) => (value === null ? nullGiven(ctx as unknown as TransformCtx) : parse(value, ctx as unknown as TransformCtx)));
  return schema as unknown as z.ZodType<T, I>;
}

/** The issue of a field given as `null`: `INVALID_TYPE`, omit the field instead. @internal */
export function nullGiven(ctx: TransformCtx): typeof z.NEVER {
  return addCodedIssue(ctx, "INVALID_TYPE", "null is not a value: omit the field instead", "null 不是有效取值：请省略该字段");
}

/** A value as the English messages show it. @internal */
export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (isDecimalInstance(value)) return `Decimal(${value.toString()})`;
  return Array.isArray(value) ? "an array" : typeof value;
}

/** A value as the Chinese messages show it: a decimal by its digits only (the Chinese messages never name a programming type). */
export function describeZh(value: unknown): string {
  return isDecimalInstance(value) ? value.toString() : describe(value);
}

/** The issue of an absent required field. @internal */
export function missing(ctx: TransformCtx): typeof z.NEVER {
  return addCodedIssue(ctx, "MISSING_FIELD");
}
