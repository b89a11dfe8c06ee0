/**
 * The JSON Schema (draft 2020-12) of a zod schema, as the library publishes
 * it: the fields' own JSON forms, a description in English with the Chinese
 * term on every property, the output fields' doc comments, and the member
 * ids of `SUZHOU_2020` on member-keyed records and lists.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { fieldNameEn, termZh } from "../glossary.js";
import { SUZHOU_2020 } from "../policy/suzhou2020.js";
import { FIELD_JSON_SCHEMA } from "../schema/fields.js";
import { recordFieldDoc, recordsIn } from "./fieldOwners.js";

/** The inputs whose member ids the library checks against the policy; the first must list every member. */
export const MEMBERS_CHECKED = ["OpenPoolingInput", "TopUpInput", "ProvincialRemittanceInput", "ScenarioOpening", "PeriodFlows", "Scenario"];

type Node = Record<string, unknown>;

/**
 * Calls `visit` on every property of a JSON Schema (its name, its schema, the property it is in, `parent` at
 * the top, and the result record it is a field of, when the object holding it is one), then goes into it; a
 * custom field's `$comment` and the record's mark are taken off.
 */
function eachProperty(node: unknown, visit: (key: string, value: Node, parent: string, record?: string) => void, parent: string): void {
  if (node === null || typeof node !== "object") return;
  delete (node as Node).$comment;
  const record = (node as Node)[RECORD] as string | undefined;
  delete (node as Node)[RECORD];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, Node>)) {
        visit(k, v, parent, record);
        eachProperty(v, visit, k);
      }
    } else eachProperty(value, visit, parent);
  }
}

/** The mark of a JSON Schema object that is a result record (its name), for {@link eachProperty}. */
const RECORD = "x-result-record";

/**
 * A property's description: its meaning (an output field's doc comment, else the schema's own `.describe()`, else
 * its name spelled out), its Chinese term, and a custom field's format.
 */
function describeProperty(key: string, value: Node, parent: string, doc?: string): void {
  const format = value.$comment as string | undefined;
  const own = doc ?? (value.description !== format ? (value.description as string | undefined) : undefined);
  const zh = termZh(key, parent);
  let text = own ?? fieldNameEn(key);
  if (zh && !text.includes(zh)) text += ` (${zh})`;
  value.description = format === undefined ? text : `${text}. ${format}`;
}

/** The member ids of `SUZHOU_2020` on member-keyed records, member lists (each member at most once, or exactly once) and member fields. */
function memberConstraints(ids: string[], every: boolean) {
  const listed = `member ids (${ids.join(", ")})`;
  return (key: string, value: Node): void => {
    if (key === "member" && value.type === "string") value.enum = ids;
    if (key === "members" && value.type === "object") {
      value.propertyNames = { enum: ids };
      value.required = ids;
      value.description += `; keys: ${listed}, each present`;
    }
    if (key === "provincialRemittances" && value.type === "object") value.propertyNames = { enum: ids };
    const item = (value.items as Node | undefined)?.properties as Record<string, Node> | undefined;
    if (key === "members" && item?.id) {
      item.id.enum = ids;
      value.allOf = ids.map((id) => ({ contains: { properties: { id: { const: id } } }, minContains: every ? 1 : 0, maxContains: 1 }));
      value.description += `; ${listed}, each ${every ? "exactly" : "at most"} once`;
    }
  };
}

/**
 * Throws `INVALID_TYPE` at `name` unless `name` is a key of `table` (a table of schemas by name): the
 * check of every function that writes a schema by name. @internal
 */
export function checkSchemaName(name: unknown, table: object): asserts name is string {
  if (typeof name === "string" && Object.hasOwn(table, name)) return;
  const shown = typeof name === "string" ? JSON.stringify(name.slice(0, 40)) : typeof name;
  throw new PoolingError("INVALID_TYPE", ["name"], {
    en: `unknown schema ${shown}; known: ${Object.keys(table).join(", ")}`,
    zh: `没有名为 ${shown} 的结构；可用：${Object.keys(table).join("、")}`,
  });
}

/**
 * The JSON Schema of a zod schema named `name`, as {@link toJSONSchema} writes it (for the schemas of
 * higher layers: the analysis's flow model, comparison and stress result).
 * @internal
 */
export function jsonSchemaOf(name: string, schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const records = io === "output" ? recordsIn(schema) : new Map<z.ZodType, string>();
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const record = records.get(ctx.zodSchema as unknown as z.ZodType);
      if (record !== undefined) (ctx.jsonSchema as Record<string, unknown>)[RECORD] = record;
      const custom = FIELD_JSON_SCHEMA.get(ctx.zodSchema as unknown as z.ZodType);
      if (custom) {
        const target = ctx.jsonSchema as Record<string, unknown>;
        for (const key of Object.keys(target)) delete target[key];
        const { description, ...rest } = structuredClone(custom);
        Object.assign(target, rest, { description, $comment: description });
      }
    },
  }) as Record<string, unknown>;
  const ids = [...new Set(SUZHOU_2020.members.flatMap((version) => version.value.map((m) => m.id)))];
  // apportionTopUp takes ids of the caller's choosing (each once): its schema lists no member ids
  const checked = name === "TopUpInput" ? -1 : MEMBERS_CHECKED.indexOf(name);
  const members = checked < 0 ? null : memberConstraints(ids, checked === 0);
  eachProperty(
    json,
    (key, value, parent, record) => {
      describeProperty(key, value, parent, record === undefined ? undefined : recordFieldDoc(record, key));
      members?.(key, value);
    },
    name,
  );
  return { ...json, title: name, "x-io": io };
}
