/**
 * The problems of an input, found piece by piece in bounded memory: arrays
 * item by item, objects and records property by property, each leaf checked
 * by its own zod schema, so that a huge input with many bad items never holds
 * more than one item's issues at a time. The problems listed are those a
 * whole `safeParse` would give, in the same order; at most `max` are kept,
 * the rest counted.
 *
 * @module
 */
import * as z from "zod";
import type { Path, PoolingError } from "../errors.js";
import { issueToError } from "../schema/parse.js";

type Issue = z.core.$ZodIssue;
type Def = Record<string, unknown> & { type: string; checks?: z.core.$ZodCheck[] };

/** The problems kept (at most `max`) and the count of the others. @internal */
export class ProblemSink {
  readonly problems: PoolingError[] = [];
  more = 0;
  constructor(readonly max: number) {}
  /** Whether another problem would be kept (else only counted). */
  get full(): boolean {
    return this.problems.length >= this.max;
  }
  /** Keeps or counts one zod issue (its path the whole path from the input). */
  issue(issue: Issue): void {
    if (this.full) this.more++;
    else this.problems.push(issueToError(issue));
  }
  /** Keeps or counts the errors of a lazy list, making only those kept. */
  errors(errors: Iterator<PoolingError>): void {
    for (;;) {
      if (this.full) {
        while (!errors.next().done) this.more++;
        return;
      }
      const next = errors.next();
      if (next.done) return;
      this.problems.push(next.value);
    }
  }
}

/** Validation context: the input value on each issue (`MISSING_FIELD` is an issue with no input). */
export const CONTEXT = { reportInput: true } as z.core.ParseContext<z.core.$ZodIssue>;
/** zod's `safeParse` (a method: `z.core` would bundle every locale of zod). */
export function safeParse(schema: z.core.$ZodType, value: unknown, context: z.core.ParseContext<z.core.$ZodIssue>) {
  return (schema as z.ZodType).safeParse(value, context);
}

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as unknown as Def;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An array schema's own checks (its length bounds) on an array of anything: the issues zod adds after the items'. */
const arrayChecks = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/** How an array, an object or a record is validated piece by piece; null: as a whole (the leaf's own `safeParse`). */
function kindOf(schema: z.core.$ZodType): "array" | "object" | "record" | "optional" | "pipe" | null {
  const def = defOf(schema);
  const checks = def.checks ?? [];
  switch (def.type) {
    case "array":
      // length bounds run whatever the items gave (`when`); a maximum stops zod before the items: whole
      return checks.every((c) => c._zod.def.when !== undefined && c._zod.def.check !== "max_length" && c._zod.def.check !== "length_equals") ? "array" : null;
    case "object": {
      // cross-field rules (refinements) run only when the properties are valid: whole
      const catchall = def.catchall as z.core.$ZodType | undefined;
      const rest = catchall === undefined ? "strip" : defOf(catchall).type;
      return checks.length === 0 && (rest === "strip" || rest === "never" || rest === "unknown") ? "object" : null;
    }
    case "record": {
      const key = defOf(def.keyType as z.core.$ZodType);
      return checks.length === 0 && key.type === "string" && (key.checks ?? []).length === 0 && def.mode !== "loose" ? "record" : null;
    }
    case "optional":
      return checks.length === 0 && (def.innerType as z.core.$ZodType)._zod.optin !== "defaulted" ? "optional" : null;
    case "pipe":
      return checks.length === 0 && kindOf(def.out as z.core.$ZodType) !== null ? "pipe" : null;
    default:
      return null;
  }
}

/** The issues of a leaf, their paths made whole; the parsed value when it is valid (else `undefined`). */
function leaf(schema: z.core.$ZodType, value: unknown, path: Path, sink: ProblemSink): { ok: boolean; data: unknown } {
  const result = safeParse(schema, value, CONTEXT);
  if (result.success) return { ok: true, data: result.data };
  for (const issue of result.error.issues) {
    // one problem per unknown field (zod gives one issue for all of an object's unknown keys)
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) sink.issue({ ...issue, keys: [key], path: [...path, ...issue.path] } as Issue);
    } else sink.issue({ ...issue, path: [...path, ...issue.path] } as Issue);
  }
  return { ok: false, data: undefined };
}

/** Called after a piece is checked, with its value and path: the rules beyond the shape (the members). */
export type Hooks = ReadonlyMap<z.core.$ZodType, (value: unknown, path: Path, sink: ProblemSink) => void>;

/**
 * Reports the problems of `value` against `schema` at `path` into `sink`, as
 * a whole `safeParse` would give them, piece by piece; runs `hooks` on the
 * pieces whose schema has one. A piece of at most `small` values is checked
 * whole (the tests set 0: every piece apart).
 * @internal
 */
export function walk(schema: z.core.$ZodType, value: unknown, path: Path, sink: ProblemSink, hooks?: Hooks, small = SMALL): void {
  const def = defOf(schema);
  // a small piece is checked whole (one parse, its few issues), unless a hook is to run on a piece inside it
  const kind = hooks !== undefined && hookedWithin(schema, hooks) ? kindOf(schema) : isSmall(value, small) ? null : kindOf(schema);
  switch (kind) {
    case "array":
      if (!Array.isArray(value)) {
        leaf(schema, value, path, sink);
        break;
      }
      for (let i = 0; i < value.length; i++) walk(def.element as z.core.$ZodType, value[i], [...path, i], sink, hooks, small);
      if ((def.checks ?? []).length > 0) {
        let own = arrayChecks.get(schema);
        if (own === undefined) {
          own = (schema as z.ZodArray).clone({ ...(def as unknown as z.core.$ZodArrayDef), element: z.unknown() });
          arrayChecks.set(schema, own);
        }
        leaf(own, value, path, sink);
      }
      break;
    case "object": {
      if (!isObject(value)) {
        leaf(schema, value, path, sink);
        break;
      }
      const shape = def.shape as Record<string, z.core.$ZodType>;
      for (const key of Object.keys(shape)) {
        const field = shape[key] as z.core.$ZodType;
        if (key in value) walk(field, value[key], [...path, key], sink, hooks, small);
        else absent(field, [...path, key], sink);
      }
      if (def.catchall !== undefined && defOf(def.catchall as z.core.$ZodType).type === "never") {
        for (const key in value) {
          if (!Object.hasOwn(shape, key)) sink.issue({ code: "unrecognized_keys", keys: [key], input: value, path, message: "" } as Issue);
        }
      }
      break;
    }
    case "record": {
      if (!isObject(value) || Object.getOwnPropertySymbols(value).length > 0) {
        leaf(schema, value, path, sink);
        break;
      }
      for (const key of Object.keys(value)) {
        if (key !== "__proto__") walk(def.valueType as z.core.$ZodType, value[key], [...path, key], sink, hooks, small);
      }
      break;
    }
    case "optional":
      if (value !== undefined) walk(def.innerType as z.core.$ZodType, value, path, sink, hooks, small);
      break;
    case "pipe": {
      // zod runs the second part only when the first gave no problem
      const first = leaf(def.in as z.core.$ZodType, value, path, sink);
      if (first.ok) walk(def.out as z.core.$ZodType, first.data, path, sink, hooks, small);
      break;
    }
    default:
      leaf(schema, value, path, sink);
  }
  hooks?.get(schema)?.(value, path, sink);
}

/** The most values (objects, arrays and scalars, all told) a piece checked whole may hold. @internal */
export const SMALL = 256;

/** Whether a value holds at most `budget` values (counting stops there). */
function isSmall(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (--budget < 0) return false;
    if (typeof v === "object" && v !== null) {
      if (Array.isArray(v)) {
        if (v.length > budget) return false;
        for (const item of v) stack.push(item);
      } else {
        for (const key in v) {
          if (--budget < 0) return false;
          stack.push((v as Record<string, unknown>)[key]);
        }
      }
    }
  }
  return true;
}

/** The pieces a walk goes into from a schema: items, properties, record values, an optional's value, a pipe's output. */
function inner(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = defOf(schema);
  switch (kindOf(schema)) {
    case "array":
      return [def.element as z.core.$ZodType];
    case "object":
      return Object.values(def.shape as Record<string, z.core.$ZodType>);
    case "record":
      return [def.valueType as z.core.$ZodType];
    case "optional":
      return [def.innerType as z.core.$ZodType];
    case "pipe":
      return [def.out as z.core.$ZodType];
    default:
      return [];
  }
}

const hookedCache = new WeakMap<Hooks, Map<z.core.$ZodType, boolean>>();

/** Whether a piece inside `schema` (not `schema` itself) has a hook. */
function hookedWithin(schema: z.core.$ZodType, hooks: Hooks): boolean {
  let cache = hookedCache.get(hooks);
  if (cache === undefined) {
    cache = new Map();
    hookedCache.set(hooks, cache);
  }
  const known = cache.get(schema);
  if (known !== undefined) return known;
  cache.set(schema, false); // a cycle adds nothing
  const found = inner(schema).some((piece) => hooks.has(piece) || hookedWithin(piece, hooks));
  cache.set(schema, found);
  return found;
}

/** A field of an object that the input does not have: zod's rules for an absent key. */
function absent(field: z.core.$ZodType, path: Path, sink: ProblemSink): void {
  const { optin, optout } = field._zod;
  if (optout === "optional" && optin === "optional") return;
  const result = safeParse(field, undefined, CONTEXT);
  if (!result.success) {
    if (optin !== undefined && optout === "optional") return;
    for (const issue of result.error.issues) sink.issue({ ...issue, path: [...path, ...issue.path] } as Issue);
  } else if (optin === undefined) {
    sink.issue({ code: "invalid_type", expected: "nonoptional", input: undefined, path: [...path], message: "" } as unknown as Issue);
  }
}
