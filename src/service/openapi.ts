/**
 * The OpenAPI 3.1 document of the service, generated from the library's own
 * schemas: request bodies from `toJSONSchema`, responses from the exported zod
 * schemas through zod's `z.toJSONSchema`; every example is computed by the
 * library when the document is built.
 *
 * @module
 */
import { type LevyInput, type Policy, SUZHOU_2020 } from "../index.js";
import { type SchemaName, schemas, toJSONSchema } from "../schemas.js";
import { leviesWithErrors } from "./batch.js";
import { invalidEncodingText } from "./decode.js";
import { EXAMPLES, exampleOf, type Json } from "./openapiExamples.js";
import { paths } from "./openapiPaths.js";
import { component, outputSchemas, ref } from "./openapiSchemas.js";
import { policyAt } from "./policyAt.js";

export { EXAMPLES } from "./openapiExamples.js";

export { outputSchemas, schemaByName, schemaNames } from "./openapiSchemas.js";

/** The components `paths` reaches, and those they reach: a component nobody uses is left out (its schema is still served at /schemas). */
function used(doc: Json, components: Record<string, Json>): Record<string, Json> {
  const seen = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string") {
          const name = /^#\/components\/schemas\/([^/]+)/.exec(x)?.[1];
          if (name !== undefined && !seen.has(name)) {
            seen.add(name);
            visit(components[name]);
          }
        } else visit(x);
      }
    }
  };
  visit(doc);
  return Object.fromEntries(Object.entries(components).filter(([name]) => seen.has(name)));
}

let cached: { policy: Policy; version: string; server: string; doc: Json } | undefined;

/**
 * The OpenAPI 3.1 document of the service for a policy (cached per policy),
 * its `servers` the address the service answers at.
 *
 * @example
 * ```ts
 * const doc = openApiDocument(SUZHOU_2020, "0.7.0", "http://127.0.0.1:3000");
 * doc.openapi; // "3.1.0"
 * Object.keys(doc.paths).includes("/levy"); // true
 * ```
 */
export function openApiDocument(policy: Policy = SUZHOU_2020, version = "0.0.0", server = "http://127.0.0.1:8080"): Json {
  if (cached?.policy === policy && cached.version === version && cached.server === server) return cached.doc;
  const all: Record<string, Json> = {};
  for (const name of Object.keys(schemas) as SchemaName[]) component(name, toJSONSchema(name), all);
  for (const [name, s] of Object.entries(outputSchemas())) component(name, s, all);
  const docPaths = paths(policy, version);
  const components = used({ docPaths, extra: [ref("CollectedLevyBatch"), ref("PolicyAt")] }, all);
  const doc: Json = {
    openapi: "3.1.0",
    info: {
      title: "suzhou-wi-pooling service",
      version,
      summary: "Suzhou work-injury insurance city-district pooling (苏府办〔2020〕86号) over HTTP",
      description:
        "An adapter over the suzhou-wi-pooling library: every figure is the library's, byte for byte. Money is a two-decimal string in yuan, rates exact decimal strings. Errors: { code, path, message, messageZh }, the codes listed in ErrorCode with their meanings. Every computation runs in a worker thread under the service's limits (413 beyond the body, row and period limits, 503 beyond the time limit or when saturated, with Retry-After). An unknown path is 404 NOT_FOUND; a method a path does not take, 405 METHOD_NOT_ALLOWED with Allow. The service has no authentication (security: []): run it where only its callers reach it. Browsers of other origins are refused unless the service was started with --cors ORIGIN; OPTIONS answers 204 with Allow (and a CORS preflight's headers for an allowed origin).",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: server, description: "the address this service answers at" }],
    security: [],
    paths: docPaths,
    components: { schemas: components },
  };
  // the collected-batch example lives on the component, where it is validated like the others
  const levyInputs: LevyInput[] = [EXAMPLES.levyInput, { employerId: "E005", period: "2021-07", industryClass: 2, payroll: "5.00" }];
  (components.CollectedLevyBatch as Json).examples = [leviesWithErrors([...levyInputs, EXAMPLES.badLevyInput], policy)];
  (components.PolicyAt as Json).examples = [exampleOf(() => policyAt(policy, "2020-09"))];
  // the service's own codes that no response example shows: a GBK body sent without charset=gb18030
  const [notUtf8, notUtf8Zh] = invalidEncodingText("utf-8", "text/csv");
  (components.Error as Json).examples = [{ name: "ServiceError", code: "INVALID_ENCODING", path: [], message: notUtf8, messageZh: notUtf8Zh }];
  cached = { policy, version, server, doc };
  return doc;
}
