/**
 * Freezing the library's zod schemas: they are its validators and are
 * exported (for callers that validate or export JSON Schemas); a caller that
 * changed one (`LevyInputSchema.shape.payroll = z.any()`) would switch off
 * validation for every later call. Each object schema's shape (the map of its
 * fields, what it validates with) is frozen, through every nested schema, and
 * the schema resolves it once, now, so that it keeps validating with the
 * frozen one. zod's own definition objects are left extensible: zod itself
 * redefines them when a schema is derived (`.describe()`, `.meta()`).
 *
 * @module
 */

type Schema = { _zod: { def: Record<string, unknown> }; shape?: unknown; safeParse?: (input: unknown) => unknown };

const DONE = new WeakSet<object>();

const isSchema = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && "_zod" in value && typeof (value as { _zod: unknown })._zod === "object";

/** A plain object or array inside a definition (not a class instance, a function or a RegExp). */
const isPlain = (value: object): boolean => Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;

/** Freezes a definition value: schemas inside it are frozen in turn, plain objects and arrays frozen deeply. */
function freezeValue(value: unknown): void {
  if (value === null || typeof value !== "object" || DONE.has(value)) return;
  if (isSchema(value)) {
    freezeSchema(value);
    return;
  }
  if (!isPlain(value)) return;
  DONE.add(value);
  for (const key of Object.keys(value)) freezeValue((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}

/** Freezes one schema: every plain value of its definition (an object's shape among them), deeply. */
function freezeSchema(schema: Schema): void {
  if (DONE.has(schema)) return;
  DONE.add(schema);
  const def = schema._zod.def;
  // reading each property resolves zod's lazy definition getters (an object's `shape`) to their values
  for (const key of Object.keys(def)) freezeValue(def[key]);
  if (def.type === "object") {
    // the schema's own view of its fields, and its validation, resolved now: both keep the frozen shape
    freezeValue(schema.shape);
    schema.safeParse?.({});
  }
}

/**
 * Freezes the given schemas (and every schema inside them) so that no caller
 * can change what the library validates. Call it once per module, after its
 * schemas are built.
 * @internal
 */
export function freezeSchemas(...schemas: readonly unknown[]): void {
  for (const schema of schemas) if (isSchema(schema)) freezeSchema(schema);
}
