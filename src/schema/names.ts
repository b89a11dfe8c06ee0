/**
 * Names the caller chooses (member ids, categories, account and map keys):
 * the one policy on reserved names. A JavaScript object cannot carry a key
 * `__proto__` faithfully (an assignment sets the prototype, zod drops the key
 * without a word), and a key that is a property of every object
 * (`constructor`, `toString`, …) or `prototype` shadows it in a lookup. So
 * every map-shaped input and every id that keys a result refuses them, before
 * any figure is read: `RESERVED_KEY` (or `UNKNOWN_MEMBER` in a map keyed by
 * the policy's members, where such a name is never a member). No key given is
 * ever dropped, and no money with it. The ledger's account names are the one
 * place such a name is kept: they are values of journal entries, and
 * `foldJournal` writes each balance as an own key, `__proto__` included.
 *
 * @module
 */
import * as z from "zod";
import type { ErrorCode } from "../errors.js";
/** The schema of a text field read and returned as a string (a name, a figure): named, so that declarations refer to it by name. */
export interface TextFieldSchema extends z.ZodType<string, string> {}

/** The reserved names: every property name of `Object.prototype` (`__proto__`, `constructor`, `toString`, …) and `prototype`. @internal */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** Whether `name` is a reserved name (see {@link RESERVED_NAMES}). @internal */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}

/** The first own key of `value` that is a reserved name, if any. */
function reservedKeyOf(value: object): string | undefined {
  for (const key of Object.keys(value)) if (RESERVED_NAMES.has(key)) return key;
  return undefined;
}

const reservedDetail = (name: string) => ({
  en: `"${name}" is a reserved name (a property of every JavaScript object)`,
  zh: `“${name}”为保留名称（所有 JavaScript 对象共有的属性名）`,
});

/** A zod refinement refusing a reserved name with `RESERVED_KEY`. @internal */
export function refuseReserved(name: string, ctx: z.RefinementCtx): void {
  if (RESERVED_NAMES.has(name)) ctx.addIssue({ code: "custom", message: "RESERVED_KEY", params: { code: "RESERVED_KEY", ...reservedDetail(name) } });
}

/**
 * A name the caller chooses that keys a result (e.g. `apportionTopUp`'s member
 * ids): a non-empty string, never a reserved name (`RESERVED_KEY`).
 * @internal
 */
export function nameField(): TextFieldSchema {
  return z.string().min(1).superRefine(refuseReserved);
}

/**
 * `schema`, first refusing a reserved own key of an object given to it
 * (`__proto__`, which zod would drop without a word, `constructor`, …) with
 * `code` at the key's path, so that nothing given is silently ignored.
 * @internal
 */
export function refuseReservedKeys<S extends z.ZodType>(schema: S, code: ErrorCode): z.ZodType<z.output<S>, z.input<S>> {
  return z.preprocess((input, ctx) => {
    if (input !== null && typeof input === "object" && !Array.isArray(input)) {
      const reserved = reservedKeyOf(input);
      if (reserved !== undefined) ctx.issues.push({ code: "custom", message: code, input, path: [reserved], params: { code, ...reservedDetail(reserved) } });
    }
    return input;
  }, schema) as unknown as z.ZodType<z.output<S>, z.input<S>>;
}

/**
 * A record keyed by names the caller chooses, a reserved key refused with
 * `code` ({@link refuseReservedKeys}); `key` checks the other keys (any string
 * by default).
 * @internal
 */
export function namedRecord<S extends z.ZodType>(
  value: S,
  code: ErrorCode,
  key: z.ZodType<string, string> = z.string(),
): z.ZodType<Record<string, z.output<S>>, Record<string, z.input<S>>> {
  return refuseReservedKeys(z.record(key as z.ZodType<string, string> & z.core.$ZodRecordKey, value), code) as unknown as z.ZodType<
    Record<string, z.output<S>>,
    Record<string, z.input<S>>
  >;
}
