/**
 * Freezing the library's zod schemas: they are its validators and are
 * exported (for callers that validate or export JSON Schemas); a caller that
 * changed one (`LevyInputSchema.shape.payroll = z.any()`) would switch off
 * validation for every later call. Each schema's definition and its object
 * shapes are frozen, through every nested schema; zod's own lazy caches (on
 * the schema instances) are left alone.
 *
 * @module
 */

const FROZEN = new WeakSet<object>();

const isSchema = (value: unknown): value is { _zod: { def: Record<string, unknown> } } =>
  value !== null && typeof value === "object" && "_zod" in value && typeof (value as { _zod: unknown })._zod === "object";

/** Freezes a definition value: schemas inside it are walked, plain objects and arrays frozen. */
function freezeValue(value: unknown): void {
  if (value === null || typeof value !== "object" || FROZEN.has(value)) return;
  if (isSchema(value)) {
    freezeSchemaDeep(value);
    return;
  }
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return;
  FROZEN.add(value);
  // reading each property first resolves zod's lazy definition getters (an object's `shape`)
  for (const key of Object.keys(value)) freezeValue((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}

/** Freezes one schema's definition, deeply. */
function freezeSchemaDeep(schema: { _zod: { def: Record<string, unknown> } }): void {
  if (FROZEN.has(schema)) return;
  FROZEN.add(schema);
  const def = schema._zod.def;
  if (FROZEN.has(def)) return;
  FROZEN.add(def);
  for (const key of Object.keys(def)) freezeValue(def[key]);
  Object.freeze(def);
}

/**
 * Freezes the definitions of the given schemas (and of every schema inside
 * them) so that no caller can change what the library validates. Returns
 * nothing; call it once per module, after its schemas are built.
 * @internal
 */
export function freezeSchemas(...schemas: readonly unknown[]): void {
  for (const schema of schemas) if (isSchema(schema)) freezeSchemaDeep(schema);
}
