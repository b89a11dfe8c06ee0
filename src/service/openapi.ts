/**
 * The OpenAPI 3.1 document of the service, generated from the library's own
 * schemas: request bodies from `toJSONSchema`, responses from the exported zod
 * schemas through zod's `z.toJSONSchema`; every example is computed by the
 * library when the document is built.
 *
 * @module
 */
import * as z from "zod";
import { compare, stressTest } from "../analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../examples.js";
import { budgetExecution, computeLevy, definePolicy, explain, type LevyInput, levyCorrection, type Policy, SUZHOU_2020, simulate } from "../index.js";
import { PolicySchema, type SchemaName, schemas, toJSONSchema } from "../schemas.js";
import { STRESS_BUDGET } from "./analysis.js";
import { leviesWithErrors } from "./batch.js";
import { levyBatchCsv, NO_ROWS } from "./csv.js";
import { invalidEncodingText } from "./decode.js";
import { policyAt } from "./policyAt.js";

type Json = Record<string, unknown>;

/** The example body of `POST /stress`: two runs of three months of the example model. */
const STRESS_EXAMPLE = { model: EXAMPLE_FLOW_MODEL, runs: 2, seed: 1, horizon: 3 };

/** An example result computed by the library, or a note when the service's policy does not fit the example (other members). */
function exampleOf(compute: () => unknown): unknown {
  try {
    return compute();
  } catch {
    return { note: "the example needs a policy with the members of SUZHOU_2020" };
  }
}

function compareExample(policy: Policy): unknown {
  return exampleOf(() => compare(EXAMPLE_SCENARIO, policy, definePolicy({ ...structuredClone(policy), version: `${policy.version}-copy` })));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The JSON body of every error response: a `PoolingError`'s `toJSON()`, or one of the service's own codes. */
const ERROR_BODY: Json = {
  type: "object",
  properties: {
    name: { type: "string", description: '"PoolingError" (the library) or "ServiceError" (the service)' },
    code: { type: "string", description: "a stable code: the library's (docs/errors.md) or the service's (docs/service.md)" },
    path: { type: "array", items: { type: ["string", "integer"] } },
    message: { type: "string" },
    messageZh: { type: "string" },
    line: { type: "integer", description: "for a CSV file: the line (the header is line 1)" },
    errors: { type: "array", items: ref("BatchError"), description: "for a batch: the bad records, the first 1,000 of them" },
    errorsOmitted: {
      type: "integer",
      minimum: 0,
      description: "for a batch of more than 1,000 bad records: how many more there were beyond those listed in errors",
    },
  },
  required: ["code", "path", "message", "messageZh"],
};

const BATCH_ERROR: Json = {
  type: "object",
  properties: {
    name: { const: "PoolingError" },
    code: { type: "string" },
    path: { type: "array", items: { type: ["string", "integer"] } },
    message: { type: "string" },
    messageZh: { type: "string" },
    index: { type: "integer", minimum: 0 },
    line: { type: "integer", minimum: 1 },
    employerId: { type: "string", description: "the record's employerId, when it has one" },
  },
  required: ["name", "code", "path", "message", "messageZh", "index"],
  additionalProperties: false,
};

const CITATION: Json = {
  type: "object",
  properties: { doc: { type: "string" }, clause: { type: "string" }, note: { type: "string" } },
  required: ["doc"],
};

const EXPLANATION: Json = {
  type: "object",
  properties: {
    lang: { enum: ["zh", "en"] },
    kind: { enum: ["levy", "deficitCoverage", "yearEndTrueUp", "settlement"] },
    title: { type: "string" },
    steps: { type: "array", items: { type: "object", properties: { text: { type: "string" }, citation: CITATION }, required: ["text"] } },
    text: { type: "string" },
  },
  required: ["lang", "kind", "title", "steps", "text"],
  additionalProperties: false,
};

/**
 * A JSON Schema made fit to live under `components/schemas/<name>`: its
 * `$schema` dropped, its `$defs` moved beside it as `<name>_<def>`, and its
 * references rewritten.
 */
function component(name: string, schema: Json, out: Record<string, Json>): void {
  const { $schema: _, $defs, ...rest } = schema as Json & { $defs?: Record<string, Json> };
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v === null || typeof v !== "object") return v;
    const o: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") {
        o[k] = x === "#" ? `#/components/schemas/${name}` : x.replace(/^#\/\$defs\//, `#/components/schemas/${name}_`);
      } else o[k] = rewrite(x);
    }
    return o;
  };
  out[name] = rewrite(rest) as Json;
  for (const [d, s] of Object.entries($defs ?? {})) out[`${name}_${d}`] = rewrite(s) as Json;
}

const output = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" }) as Json;

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
      properties: {
        items: { type: "array", items: ref("Levy") },
        totals: ref("LevyTotals"),
        errors: { type: "array", items: ref("BatchError"), maxItems: 1000, description: "the bad records, in input order: the first 1,000 of them" },
        errorsOmitted: { type: "integer", minimum: 0, description: "how many more bad records there were beyond those listed in errors" },
      },
      required: ["items", "totals", "errors", "errorsOmitted"],
    },
    BatchError: BATCH_ERROR,
    PolicyData: output(PolicySchema),
    PolicyAt: {
      type: "object",
      properties: { at: { type: "string", format: "date" } },
      required: ["at"],
      description: "the policy with each dated parameter reduced to the version in force on `at` (or null)",
    },
    Explanation: EXPLANATION,
    ExplainInput: {
      anyOf: [ref("Levy"), ref("DeficitCoverage"), ref("YearEndTrueUp"), ref("PeriodReport")],
      description: "a result of computeLevy, coverDeficit, yearEndTrueUp or settlePeriod (or one of simulate(...).periods)",
    },
    Health: {
      type: "object",
      properties: { status: { const: "ok" }, name: { type: "string" }, version: { type: "string" }, policy: { type: "string" } },
      required: ["status", "name", "version", "policy"],
    },
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
  if (Object.hasOwn(out, name)) return { $schema: "https://json-schema.org/draft/2020-12/schema", ...out[name], title: name };
  return undefined;
}

const json = (schema: Json, example: unknown) => ({ "application/json": { schema, example } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: ERROR_TEXT[s] ?? "error",
        ...(s === 503
          ? { headers: { "Retry-After": { description: "with SERVICE_BUSY: seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } } }
          : {}),
        content: json(ref("Error"), EXAMPLE_ERRORS[s] ?? EXAMPLE_ERRORS[400]),
      },
    ]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: "invalid input: the library's PoolingError (or INVALID_JSON / INVALID_ENCODING / INVALID_CSV / UNKNOWN_KEY / DUPLICATE_COLUMN / NO_ROWS)",
  404: "unknown route or name",
  405: "wrong method (see the Allow header)",
  413: "too large: a body over --max-body (PAYLOAD_TOO_LARGE), a batch over --max-rows records (TOO_MANY_ROWS), a scenario over --max-periods periods (TOO_MANY_PERIODS), or a computation needing more memory than a worker has (MEMORY_BUDGET_EXCEEDED)",
  415: "wrong Content-Type",
  503: "SERVICE_BUSY: every worker is busy and the queue is full (try again after Retry-After seconds); or TIME_BUDGET_EXCEEDED: the computation ran longer than --max-time and was stopped",
};

const EXAMPLE_ERRORS: Record<number, Json> = {
  400: {
    name: "PoolingError",
    code: "INVALID_CLASS",
    path: ["industryClass"],
    message: "INVALID_CLASS at industryClass: the industry class must be an integer from 1 to 8",
    messageZh: "INVALID_CLASS（industryClass）：行业类别须为 1 至 8 的整数",
  },
  404: { name: "ServiceError", code: "NOT_FOUND", path: [], message: "no such route: /nope", messageZh: "没有这个地址：/nope" },
  405: {
    name: "ServiceError",
    code: "METHOD_NOT_ALLOWED",
    path: [],
    message: "GET is not allowed here; allowed: POST",
    messageZh: "此地址不接受 GET；可用：POST",
  },
  413: { name: "ServiceError", code: "PAYLOAD_TOO_LARGE", path: [], message: "the body exceeds 52428800 bytes", messageZh: "请求体超过 52428800 字节" },
  415: {
    name: "ServiceError",
    code: "UNSUPPORTED_MEDIA_TYPE",
    path: [],
    message: "Content-Type must be application/json",
    messageZh: "Content-Type 须为 application/json",
  },
  503: {
    name: "ServiceError",
    code: "SERVICE_BUSY",
    path: [],
    message: "every worker is busy and the queue is full; retry after 2 s",
    messageZh: "所有计算线程繁忙且队列已满，请 2 秒后重试",
  },
};

/** The example inputs of the document. */
export const EXAMPLES = {
  levyInput: { employerId: "E001", period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies LevyInput,
  badLevyInput: { employerId: "E002", period: "2020-09", industryClass: 9, payroll: "1000.00", cutFraction: "0.2" },
  scenario: { ...EXAMPLE_SCENARIO, name: "EXAMPLE_SCENARIO, first two periods", periods: EXAMPLE_SCENARIO.periods.slice(0, 2) },
  budgetExecution: {
    budget: [{ member: "wujiang", year: 2021, income: { contributions: "48.00" }, expenditure: { benefits: "36.00" } }],
    adjustments: [
      { member: "wujiang", year: 2021, changes: { expenditure: { benefits: "4.00" } }, approval: { ref: "吴财社〔2021〕12号", date: "2021-09-15" as const } },
    ],
    finalAccounts: {
      year: 2021,
      statements: [
        {
          entity: "member:wujiang",
          opening: "100.00",
          income: { contributions: "50.00" },
          expenditure: { benefits: "40.00" },
          transfersIn: [],
          transfersOut: [],
          closing: "110.00",
        },
      ],
    },
  },
};

let cached: { policy: Policy; doc: Json } | undefined;

/**
 * The OpenAPI 3.1 document of the service for a policy (cached per policy).
 *
 * @example
 * ```ts
 * const doc = openApiDocument();
 * doc.openapi; // "3.1.0"
 * Object.keys(doc.paths).includes("/levy"); // true
 * ```
 */
export function openApiDocument(policy: Policy = SUZHOU_2020, version = "0.0.0"): Json {
  if (cached?.policy === policy && (cached.doc.info as Json).version === version) return cached.doc;
  const components: Record<string, Json> = {};
  for (const name of Object.keys(schemas) as SchemaName[]) component(name, toJSONSchema(name), components);
  for (const [name, s] of Object.entries(outputSchemas())) component(name, s, components);

  const levy = computeLevy(EXAMPLES.levyInput, policy);
  const correctionInput = {
    original: { period: "2020-09", industryClass: 3, cutFraction: "0.5", payroll: "1000000.00" },
    corrected: { period: "2020-09", industryClass: 3, cutFraction: "0.5", payroll: "1200000.00" },
    knownOn: "2022-03-10",
    paidOn: "2022-03-31",
  } as const;
  const levyInputs: LevyInput[] = [EXAMPLES.levyInput, { employerId: "E005", period: "2021-07", industryClass: 2, payroll: "5.00" }];
  const batch = leviesWithErrors(levyInputs, policy);
  const { errors: _, errorsOmitted: __, ...plainBatch } = batch;
  const collected = leviesWithErrors([...levyInputs, EXAMPLES.badLevyInput], policy);
  const sim = simulate(EXAMPLES.scenario, policy);
  const csvIn = "employerId,period,industryClass,payroll,floatMultiplier,cutFraction\nE001,2020-09,3,2000000.00,0.8,0.2\nE005,2021-07,2,5.00,,\n";

  const doc: Json = {
    openapi: "3.1.0",
    info: {
      title: "suzhou-wi-pooling service",
      version,
      summary: "Suzhou work-injury insurance city-district pooling (苏府办〔2020〕86号) over HTTP",
      description:
        "An adapter over the suzhou-wi-pooling library: every figure is the library's, byte for byte. Money is a two-decimal string in yuan, rates exact decimal strings. Errors: { code, path, message, messageZh }. Every computation runs in a worker thread under the service's limits (413 beyond the body, row and period limits, 503 beyond the time limit or when saturated, with Retry-After). Browsers of other origins are refused unless the service was started with --cors ORIGIN; OPTIONS answers 204 with Allow (and a CORS preflight's headers for an allowed origin).",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "http://127.0.0.1:8080" }],
    paths: {
      "/health": {
        get: {
          operationId: "health",
          summary: "Liveness",
          responses: { "200": { description: "up", content: json(ref("Health"), { status: "ok", name: "suzhou-wi-pooling", version, policy: policy.id }) } },
        },
      },
      "/policy": {
        get: {
          operationId: "policy",
          summary: "The policy the service applies; with ?at=YYYY-MM the versions in force on that month's first day",
          parameters: [{ name: "at", in: "query", required: false, schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" }, example: "2020-09" }],
          responses: {
            "200": {
              description: "the policy (PolicyData), or with ?at the versions in force (PolicyAt)",
              content: json({ oneOf: [ref("PolicyData"), ref("PolicyAt")] }, policy),
            },
            ...errors(400),
          },
        },
      },
      "/schemas/{name}": {
        get: {
          operationId: "schema",
          summary: "The JSON Schema (draft 2020-12) of an input or output",
          parameters: [{ name: "name", in: "path", required: true, schema: { enum: schemaNames() }, example: "LevyInput" }],
          responses: {
            "200": { description: "a JSON Schema", content: json({ type: "object" }, toJSONSchema("LevyInput")) },
            ...errors(404),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }, { openapi: "3.1.0" }) } },
        },
      },
      "/levy": {
        post: {
          operationId: "levy",
          summary: "One employer's premium (computeLevy, R4)",
          requestBody: { required: true, content: json(ref("LevyInput"), EXAMPLES.levyInput) },
          responses: { "200": { description: "computeLevy's result", content: json(ref("Levy"), levy) }, ...errors(400, 413, 415, 503) },
        },
      },
      "/levy-corrections": {
        post: {
          operationId: "levyCorrections",
          summary:
            "Levy corrections (levyCorrection, or levyCorrections for an array): arrears or refund under the record's own period's rules, and the late fee (《社会保险法》第八十六条)",
          parameters: [
            {
              name: "errors",
              in: "query",
              required: false,
              schema: { enum: ["collect"] },
              description: "collect (arrays): answer 200 with the good pairs' corrections and totals and every bad pair (index, codes)",
            },
          ],
          requestBody: {
            required: true,
            content: json({ oneOf: [ref("LevyCorrectionInput"), { type: "array", items: ref("LevyCorrectionInput") }] }, correctionInput),
          },
          responses: {
            "200": {
              description: "the correction (or { items, totals } for an array)",
              content: json({ anyOf: [ref("LevyCorrection"), { type: "object" }] }, levyCorrection(correctionInput, policy)),
            },
            ...errors(400, 413, 415),
          },
        },
      },
      "/levies": {
        post: {
          operationId: "levies",
          summary: "A batch of premiums (computeLevies): a JSON array, or text/csv with the CLI's columns",
          parameters: [
            {
              name: "errors",
              in: "query",
              required: false,
              schema: { enum: ["collect"] },
              description: "collect: answer 200 with the good records' levies and totals and every bad record (index, line, codes)",
            },
            {
              name: "rawCells",
              in: "query",
              required: false,
              schema: { enum: ["1", "0"] },
              description:
                "with Accept: text/csv: 1 writes text cells as they are; by default (0) a text cell (employerId, the codes, the clauses) starting with =, +, -, @, a tab or a carriage return gets a ' before it, so that a spreadsheet never runs it as a formula (the figures are written as they are)",
            },
          ],
          requestBody: {
            required: true,
            description:
              "a JSON array (UTF-8), or a CSV file: UTF-8, or GB18030/GBK (what Excel on Chinese Windows saves) when the Content-Type says so (text/csv; charset=gb18030). Bytes not valid in the body's encoding are a 400 INVALID_ENCODING, never read as garbled text.",
            content: {
              ...json(ref("LevyInputs"), levyInputs),
              "text/csv": { schema: { type: "string" }, example: csvIn },
            },
          },
          responses: {
            "200": {
              description: "computeLevies's result ({ items, totals }); with ?errors=collect also errors; with Accept: text/csv the CLI's CSV",
              content: {
                ...json({ oneOf: [ref("LevyBatch"), ref("CollectedLevyBatch")] }, plainBatch),
                "text/csv": { schema: { type: "string" }, example: levyBatchCsv(batch) },
              },
            },
            ...errors(400, 413, 415, 503),
            "400": {
              description:
                "invalid input: a bad record (the library's PoolingError, with index and, for CSV, line), INVALID_JSON, INVALID_ENCODING (the body is not valid UTF-8, or not valid GB18030 with charset=gb18030: send charset=gb18030 or re-save as UTF-8), INVALID_CSV, UNKNOWN_KEY or DUPLICATE_COLUMN (a CSV header), or NO_ROWS: the batch has no record (an empty CSV, a header only, or [])",
              content: json(ref("Error"), { name: "ServiceError", code: "NO_ROWS", path: [], message: NO_ROWS[0], messageZh: NO_ROWS[1] }),
            },
          },
        },
      },
      "/simulate": {
        post: {
          operationId: "simulate",
          summary: "Simulates a scenario month by month (simulate, R14)",
          requestBody: { required: true, content: json(ref("Scenario"), EXAMPLES.scenario) },
          responses: { "200": { description: "simulate's result", content: json(ref("Simulation"), sim) }, ...errors(400, 413, 415, 503) },
        },
      },
      "/explain": {
        post: {
          operationId: "explain",
          summary: "Step-by-step explanation of a levy, a deficit coverage, a year-end true-up or a settlement period (explain)",
          parameters: [{ name: "lang", in: "query", required: false, schema: { enum: ["zh", "en"] }, example: "en" }],
          requestBody: { required: true, content: json(ref("ExplainInput"), levy) },
          responses: {
            "200": { description: "explain's result", content: json(ref("Explanation"), explain(levy, { lang: "en" })) },
            ...errors(400, 413, 415, 503),
          },
        },
      },
      "/compare": {
        post: {
          operationId: "compare",
          summary: "One scenario under a base policy and a reform: every figure under both, year by year (compare)",
          requestBody: {
            required: true,
            content: json(
              { type: "object", required: ["reform"], properties: { scenario: ref("Scenario"), base: { type: "object" }, reform: { type: "object" } } },
              {
                reform: { ...structuredClone(policy), version: `${policy.version}-copy` },
              },
            ),
          },
          responses: {
            "200": { description: "compare's result (`changed`, `parameters`, `years`)", content: json({ type: "object" }, compareExample(policy)) },
            ...errors(400, 413, 415),
          },
        },
      },
      "/stress": {
        post: {
          operationId: "stressTest",
          summary: `Monte Carlo stress test of the pool (stressTest), within ${STRESS_BUDGET} member-months (runs × horizon × members); larger ones: shards or the CLI`,
          requestBody: {
            required: true,
            content: json(
              {
                type: "object",
                required: ["model", "runs", "seed"],
                properties: {
                  model: { type: "object" },
                  runs: { type: "integer" },
                  seed: { type: "integer" },
                  horizon: { type: "integer" },
                  shard: { type: "object" },
                },
              },
              STRESS_EXAMPLE,
            ),
          },
          responses: {
            "200": {
              description: "stressTest's result",
              content: json(
                { type: "object" },
                exampleOf(() => stressTest(STRESS_EXAMPLE.model, { runs: 2, seed: 1, horizon: 3, policy })),
              ),
            },
            ...errors(400, 413, 415),
          },
        },
      },
      "/budget-execution": {
        post: {
          operationId: "budgetExecution",
          summary: "Budget execution (budgetExecution, R12): budget, approved adjustments and the final accounts, per member and category",
          requestBody: { required: true, content: json(ref("BudgetExecutionInput"), EXAMPLES.budgetExecution) },
          responses: {
            "200": {
              description: "budgetExecution's result",
              content: json(
                ref("BudgetExecution"),
                budgetExecution(EXAMPLES.budgetExecution.budget, EXAMPLES.budgetExecution.adjustments, EXAMPLES.budgetExecution.finalAccounts, policy),
              ),
            },
            ...errors(400, 413, 415, 503),
          },
        },
      },
    },
    components: { schemas: components },
  };
  // the collected-batch example lives on the component, where it is validated like the others
  (components.CollectedLevyBatch as Json).examples = [collected];
  (components.PolicyAt as Json).examples = [policyAt(policy, "2020-09")];
  // the service's own codes that no response example shows: a GBK body sent without charset=gb18030
  const [notUtf8, notUtf8Zh] = invalidEncodingText("utf-8", "text/csv");
  (components.Error as Json).examples = [{ name: "ServiceError", code: "INVALID_ENCODING", path: [], message: notUtf8, messageZh: notUtf8Zh }];
  cached = { policy, doc };
  return doc;
}
