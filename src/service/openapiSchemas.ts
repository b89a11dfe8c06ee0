/**
 * The JSON Schemas of the OpenAPI document's components: the library's
 * inputs and outputs (`toJSONSchema`), and the service's own outputs (the
 * collected batch, the policy and its versions in force, the explanation,
 * the health check, the error body with every code and its meaning).
 *
 * @module
 */
import { DATED_PARAMETERS, type SchemaName, schemas, toJSONSchema } from "../schemas.js";
import { allErrorCodes } from "./codes.js";

type Json = Record<string, unknown>;

/** A reference to a component of the document. */
export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Every code an error may carry, with its meaning (the library's, then the service's own). */
function errorCodeSchema(): Json {
  const codes = allErrorCodes();
  return {
    type: "string",
    enum: Object.keys(codes),
    "x-enumDescriptions": codes,
    description:
      "A stable code: the library's (docs/errors.md: never changes meaning, new ones may be added) or the service's own (docs/service.md). The meaning of each is in x-enumDescriptions.",
  };
}

const ERROR_FIELDS: Json = {
  name: {
    type: "string",
    enum: ["PoolingError", "ServiceError"],
    description: '"PoolingError" (the library refused the input) or "ServiceError" (the service\'s own)',
  },
  code: ref("ErrorCode"),
  path: {
    type: "array",
    items: { type: ["string", "integer"] },
    description: "The path of the offending field in the input: object keys and array indices ([] for the request as a whole)",
  },
  message: { type: "string", description: "In English: `CODE at path: what is wrong (the value seen)`" },
  messageZh: { type: "string", description: "In Chinese, for end users: the field's Chinese name and what is wrong" },
};

/** The JSON body of every error response: a `PoolingError`'s `toJSON()`, or one of the service's own codes. */
const ERROR_BODY: Json = {
  type: "object",
  description: "An error: its stable code, the path of the field, and the message in English and Chinese",
  properties: {
    ...ERROR_FIELDS,
    line: { type: "integer", minimum: 1, description: "For a CSV file: the line (the header is line 1)" },
    index: { type: "integer", minimum: 0, description: "For a batch: the bad record's position in the input (0-based)" },
    errors: {
      type: "array",
      items: { anyOf: [ref("BatchError"), ref("Problem")] },
      description:
        "For a batch: the bad records (BatchError), the first 1,000 of them; for one refused input with more than one problem (POST /levy, /simulate): every problem with its path (Problem), the first 1,000",
    },
    errorsOmitted: {
      type: "integer",
      minimum: 0,
      description: "For a batch of more than 1,000 bad records: how many more there were beyond those listed in errors",
    },
  },
  required: ["code", "path", "message", "messageZh"],
};

const PROBLEM: Json = {
  type: "object",
  description: "One problem of a refused input, at its field's path",
  properties: { ...ERROR_FIELDS, details: { type: "object", description: "The code's details, when it has any" } },
  required: ["name", "code", "path", "message", "messageZh"],
};

const BATCH_ERROR: Json = {
  type: "object",
  description: "One bad record of a batch",
  properties: {
    ...ERROR_FIELDS,
    name: { const: "PoolingError", description: "Always PoolingError: the library refused the record" },
    index: { type: "integer", minimum: 0, description: "The record's position in the input (0-based)" },
    line: { type: "integer", minimum: 1, description: "For a CSV file: the record's line (the header is line 1)" },
    employerId: { type: "string", description: "The record's employerId, when it has one" },
  },
  required: ["name", "code", "path", "message", "messageZh", "index"],
  additionalProperties: false,
};

const CITATION: Json = {
  type: "object",
  description: "Where a step's rule comes from",
  properties: {
    doc: { type: "string", description: "The document (苏府办〔2020〕86号, or a national or provincial one)" },
    clause: { type: "string", description: "The clause, e.g. 二（一）" },
    note: { type: "string", description: "The clause's words, or what the library reads in them" },
  },
  required: ["doc"],
};

const EXPLANATION: Json = {
  type: "object",
  description: "A result explained step by step, each step with the clause it applies",
  properties: {
    lang: { enum: ["zh", "en"], description: "The language of the text" },
    kind: { enum: ["levy", "deficitCoverage", "yearEndTrueUp", "settlement"], description: "What was explained" },
    title: { type: "string", description: "A one-line title" },
    steps: {
      type: "array",
      description: "The steps, in the order the rules apply",
      items: {
        type: "object",
        properties: { text: { type: "string", description: "The step, with its figures" }, citation: CITATION },
        required: ["text"],
      },
    },
    text: { type: "string", description: "The whole explanation as plain text" },
  },
  required: ["lang", "kind", "title", "steps", "text"],
  additionalProperties: false,
};

/** The policy's data as `GET /policy` answers it: the JSON `definePolicy` takes (its input schema). */
function policyData(): Json {
  const { $schema: _, title: __, "x-io": ___, ...rest } = toJSONSchema("Policy") as Json;
  return rest;
}

/**
 * `GET /policy?at=`: the policy with each dated parameter reduced to its
 * version in force on the month's first day, built from the policy's own
 * schema (one version of each parameter in place of the list).
 */
function policyAtSchema(): Json {
  const policy = policyData() as Json & { properties: Record<string, Json & { items?: Json }> };
  const version = (name: string): Json => policy.properties[name]?.items ?? {};
  const properties: Json = {
    at: { type: "string", format: "date", description: "The day the versions are in force on: the first day of the month asked for (YYYY-MM-DD)" },
    policy: {
      ...((toJSONSchema("Levy") as { properties: Record<string, Json> }).properties.policy as Json),
      description: "The policy the versions are of: its id, version and SHA-256 hash",
    },
    period: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "The month asked for (YYYY-MM)" },
  };
  properties.rateCut = {
    anyOf: [version("rateCut"), { type: "null" }],
    description: "The rate-cut window in force on at (二（一）), or null outside every window",
  };
  for (const name of DATED_PARAMETERS) {
    properties[name] = { ...version(name), description: `The version of ${name} in force on at: its window (from, to), value and citation` };
  }
  properties.reliefOverlays = { ...policy.properties.reliefOverlays, description: "The relief overlays in force on at (none: [])" };
  return {
    type: "object",
    description: "The policy with each dated parameter reduced to the version in force on `at`",
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/**
 * A JSON Schema made fit to live under `components/schemas/<name>`: its
 * `$schema` dropped, its `$defs` moved beside it as `<name>_<def>`, its
 * references rewritten, and each map whose keys are all required (the
 * members of the policy) given those keys as properties, its value schema
 * moved to a component of its own (`<name>_<where>`) that each refers to.
 */
export function component(name: string, schema: Json, out: Record<string, Json>): void {
  const { $schema: _, $defs, ...rest } = schema as Json & { $defs?: Record<string, Json> };
  const rewrite = (v: unknown, where: string[]): unknown => {
    if (Array.isArray(v)) return v.map((x) => rewrite(x, where));
    if (v === null || typeof v !== "object") return v;
    const o: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") {
        o[k] = x === "#" ? `#/components/schemas/${name}` : x.replace(/^#\/\$defs\//, `#/components/schemas/${name}_`);
      } else o[k] = rewrite(x, k === "properties" || k === "items" || k === "anyOf" || k === "oneOf" ? where : [...where, k]);
    }
    const required = o.required as string[] | undefined;
    if (required && o.properties === undefined && o.additionalProperties && typeof o.additionalProperties === "object") {
      const valueName = [name, ...where, "value"].join("_");
      out[valueName] = o.additionalProperties as Json;
      o.additionalProperties = ref(valueName);
      o.properties = Object.fromEntries(required.map((key) => [key, ref(valueName)]));
    }
    return o;
  };
  out[name] = rewrite(rest, []) as Json;
  for (const [d, s] of Object.entries($defs ?? {})) out[`${name}_${d}`] = rewrite(s, [d]) as Json;
}

/**
 * The JSON Schemas of the service's own outputs, those the library's
 * `schemas` registry has no name for (the library's outputs, `Levy`,
 * `LevyBatch`, `Simulation`, …, come from `toJSONSchema`): the collected batch,
 * the policy, the explanation, the health check and the error body.
 *
 * @example
 * ```ts
 * outputSchemas().CollectedLevyBatch.required.includes("errors"); // true
 * ```
 */
export function outputSchemas(): Record<string, Json> {
  return {
    CollectedLevyBatch: {
      type: "object",
      description: "A batch computed with ?errors=collect: the good records' levies and totals, and every bad record",
      properties: {
        items: { type: "array", items: ref("Levy"), description: "Each good record's levy, in input order" },
        totals: ref("LevyTotals"),
        errors: { type: "array", items: ref("BatchError"), maxItems: 1000, description: "The bad records, in input order: the first 1,000 of them" },
        errorsOmitted: { type: "integer", minimum: 0, description: "How many more bad records there were beyond those listed in errors" },
      },
      required: ["items", "totals", "errors", "errorsOmitted"],
    },
    BatchError: BATCH_ERROR,
    Problem: PROBLEM,
    PolicyData: { ...policyData(), description: "The policy the service applies: its dated, cited parameters, as definePolicy takes them" },
    PolicyAt: policyAtSchema(),
    Explanation: EXPLANATION,
    ExplainInput: {
      anyOf: [ref("Levy"), ref("DeficitCoverage"), ref("YearEndTrueUp"), ref("PeriodReport")],
      description: "A result of computeLevy, coverDeficit, yearEndTrueUp or settlePeriod (or one of simulate(...).periods)",
    },
    Health: {
      type: "object",
      description: "The service is up",
      properties: {
        status: { const: "ok", description: "Always ok" },
        name: { type: "string", description: "The package's name" },
        version: { type: "string", description: "The package's version" },
        policy: { type: "string", description: "The id of the policy the service applies" },
      },
      required: ["status", "name", "version", "policy"],
    },
    ErrorCode: errorCodeSchema(),
    Error: ERROR_BODY,
  };
}

/**
 * Names served at `/schemas/{Name}`: the library's inputs, then the outputs above.
 *
 * @example
 * ```ts
 * schemaNames().includes("Scenario"); // true (an input)
 * schemaNames().includes("Simulation"); // true (an output)
 * ```
 */
export function schemaNames(): string[] {
  return [...Object.keys(schemas), ...Object.keys(outputSchemas())];
}

/** Inlines the references to the service's own components, for a schema served alone. */
function standalone(schema: Json): Json {
  const out = outputSchemas();
  const inline = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(inline);
    if (v === null || typeof v !== "object") return v;
    const r = (v as Json).$ref;
    if (typeof r === "string" && r.startsWith("#/components/schemas/")) {
      const name = r.slice("#/components/schemas/".length);
      if (Object.hasOwn(out, name)) return inline(out[name]);
      if (Object.hasOwn(schemas, name)) {
        const { $schema: _, ...s } = toJSONSchema(name as SchemaName) as Json;
        return s;
      }
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inline(x)]));
  };
  return inline(schema) as Json;
}

/**
 * The JSON Schema served at `/schemas/{name}`: `toJSONSchema(name)` for an
 * input of the library, otherwise an output schema; `undefined` if unknown.
 *
 * @example
 * ```ts
 * schemaByName("LevyInput")?.title; // "LevyInput"
 * schemaByName("Nope"); // undefined
 * ```
 */
export function schemaByName(name: string): Json | undefined {
  if (Object.hasOwn(schemas, name)) return toJSONSchema(name as SchemaName);
  const out = outputSchemas();
  if (Object.hasOwn(out, name)) return { $schema: "https://json-schema.org/draft/2020-12/schema", ...standalone(out[name] as Json), title: name };
  return undefined;
}
