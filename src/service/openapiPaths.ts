/**
 * The paths of the service's OpenAPI document: each route, its request body,
 * its answers and their examples, computed by the library under the policy.
 *
 * @module
 */
import { stressTest } from "../analysis.js";
import { EXAMPLE_SCENARIO } from "../examples.js";
import { budgetExecution, computeLevy, explain, type LevyInput, levyCorrection, levyCorrections, type Policy, simulate } from "../index.js";
import { auditStatements, correctionsCsv } from "../report.js";
import { toJSONSchema } from "../schemas.js";
import { STRESS_BUDGET } from "./analysis.js";
import { leviesWithErrors } from "./batch.js";
import { levyBatchCsv, NO_ROWS } from "./csv.js";
import { EXAMPLE_LEVIES_CSV } from "./exampleData.js";
import { errorResponses } from "./openapiErrors.js";
import { CSV_IN, compareExample, EXAMPLES, exampleOf, type Json, json, LEVIES_400, LIBRARY_400, STRESS_EXAMPLE } from "./openapiExamples.js";
import { ref, schemaNames } from "./openapiSchemas.js";

/** The clerk's query parameters of POST /levies (see docs/service.md): Chinese output, a byte-order mark, the common 社保 export forms (the first two also of POST /levy-corrections). */
const CLERK_PARAMETERS = [
  {
    name: "lang",
    in: "query",
    required: false,
    schema: { enum: ["zh", "en"] },
    description:
      "zh: a CSV answer with Chinese headers and Chinese labels for every code value, and a 合计 totals row (also chosen by Accept-Language: zh…); en (default): the CLI's English columns",
  },
  {
    name: "bom",
    in: "query",
    required: false,
    schema: { enum: ["1", "0"] },
    description: "with Accept: text/csv: 1 puts a UTF-8 byte-order mark before the file, so that Excel on Chinese Windows reads it as UTF-8",
  },
  {
    name: "normalize",
    in: "query",
    required: false,
    schema: { enum: ["1", "0"] },
    description:
      "1 reads the common 社保 export forms of a CSV body: YYYYMM periods, thousands separators, full-width digits, headers with their unit (缴费工资总额（元）); the changes are counted in the X-Normalized response header. Off by default: such a body is refused with a message that names normalize",
  },
];

/** The paths of the document, their examples computed by the library under `policy`. */
export function paths(policy: Policy, version: string): Json {
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
  const sim = simulate(EXAMPLES.scenario, { policy });
  const computed = (extra400 = LIBRARY_400) => errorResponses("computed", { 400: { codes: extra400 } });
  const get = (operationId: string, summary: string, description: string, content: Json, more: Json = {}, errors = errorResponses("get")) => ({
    get: { operationId, summary, description, ...more, responses: { "200": { description: summary, content }, ...errors } },
  });
  const post = (operationId: string, summary: string, description: string, body: Json, ok: Json, errors = computed(), more: Json = {}) => ({
    post: { operationId, summary, description, ...more, requestBody: { required: true, ...body }, responses: { "200": ok, ...errors } },
  });
  return {
    "/health": get(
      "health",
      "Liveness",
      "Answers 200 while the service is up: the package's name and version and the id of the policy it applies. Computes nothing.",
      json(ref("Health"), { status: "ok", name: "suzhou-wi-pooling", version, policy: policy.id }),
    ),
    "/policy": {
      get: {
        operationId: "policy",
        summary: "The policy the service applies; with ?at=YYYY-MM the versions in force on that month's first day",
        description:
          "Without at: the policy's data as definePolicy took it, every parameter with its dated versions and the clause it rests on. With at=YYYY-MM: each dated parameter reduced to the version in force on the month's first day (rateCut null outside every window), and the relief overlays in force; a month outside the policy's life is 400 POLICY_NOT_IN_FORCE.",
        parameters: [
          {
            name: "at",
            in: "query",
            required: false,
            description: "A month, YYYY-MM",
            schema: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" },
            example: "2020-09",
          },
        ],
        responses: {
          "200": {
            description: "the policy (PolicyData), or with ?at the versions in force (PolicyAt)",
            content: json({ oneOf: [ref("PolicyData"), ref("PolicyAt")] }, policy),
          },
          ...errorResponses("get", { 400: { codes: "INVALID_PERIOD (at is not YYYY-MM), POLICY_NOT_IN_FORCE (at is outside the policy's life)" } }),
        },
      },
    },
    "/schemas/{name}": get(
      "schema",
      "The JSON Schema (draft 2020-12) of an input or output",
      "The JSON Schema of an input (as the library's toJSONSchema) or an output, standalone: the schema to validate a body against before sending it, or a result after receiving it.",
      json({ type: "object", additionalProperties: true }, toJSONSchema("LevyInput")),
      { parameters: [{ name: "name", in: "path", required: true, description: "The schema's name", schema: { enum: schemaNames() }, example: "LevyInput" }] },
      errorResponses("get", { 404: { codes: "NOT_FOUND (no schema of that name)" } }),
    ),
    "/openapi.json": get(
      "openapi",
      "This document",
      "This OpenAPI 3.1 document; its servers entry is the address the service listens on.",
      json({ type: "object", additionalProperties: true }, { openapi: "3.1.0" }),
    ),
    "/examples/scenario": get(
      "exampleScenario",
      "The example scenario (EXAMPLE_SCENARIO)",
      "The library's worked example, EXAMPLE_SCENARIO: the five members from the pool's opening, month by month (ALL FIGURES ARE ILLUSTRATIVE). Send it to POST /simulate as it is.",
      json(ref("Scenario"), EXAMPLE_SCENARIO),
    ),
    "/examples/levies.csv": get(
      "exampleLevies",
      "An example levy file (CSV)",
      "The example levy records the package ships as examples/data/levies.csv: a CSV with the columns POST /levies (and wi-pooling levy) read. Send it to POST /levies with Content-Type: text/csv.",
      { "text/csv": { schema: { type: "string" }, example: EXAMPLE_LEVIES_CSV } },
    ),
    "/levy": post(
      "levy",
      "One employer's premium (computeLevy)",
      "computeLevy: the rate (base rate of the class × floating multiplier, 二（一）), the phased cut in its window, the premium rounded to the fen, and premiumDue, what the employer is billed (after any relief overlay). Money in yuan as two-decimal strings; rates exact decimal strings.",
      { content: json(ref("LevyInput"), EXAMPLES.levyInput) },
      { description: "computeLevy's result", content: json(ref("Levy"), levy) },
    ),
    "/levy-corrections": post(
      "levyCorrections",
      "Levy corrections (levyCorrection, or levyCorrections for an array)",
      "A levy corrected after the fact: arrears or refund under the record's own period's rules, and the late fee (《社会保险法》第八十六条) from the due day to paidOn. An array answered with Accept: text/csv (without errors=collect) is the CLI's corrections CSV (wi-pooling levy --corrections), with a totals row.",
      { content: json({ oneOf: [ref("LevyCorrectionInput"), { type: "array", items: ref("LevyCorrectionInput") }] }, correctionInput) },
      {
        description: "the correction (or { items, totals } for an array); an array with Accept: text/csv: the CLI's corrections CSV",
        content: {
          ...json({ anyOf: [ref("LevyCorrection"), { type: "object", additionalProperties: true }] }, levyCorrection(correctionInput, policy)),
          "text/csv": { schema: { type: "string" }, example: correctionsCsv(levyCorrections([correctionInput], undefined, policy), "en") },
        },
      },
      computed(),
      {
        parameters: [
          {
            name: "errors",
            in: "query",
            required: false,
            schema: { enum: ["collect"] },
            description: "collect (arrays): answer 200 with the good pairs' corrections and totals and every bad pair (index, codes)",
          },
          ...CLERK_PARAMETERS.slice(0, 2),
        ],
      },
    ),
    "/levies": post(
      "levies",
      "A batch of premiums (computeLevies): a JSON array, or text/csv with the CLI's columns",
      "computeLevies over a JSON array of LevyInput or a CSV file (the CLI's columns, or their Chinese names): each record's levy and exact totals. One bad record refuses the batch (400, with its index and line) unless errors=collect. A CSV answer (Accept: text/csv) is the CLI's file, streamed.",
      {
        description:
          "a JSON array (UTF-8), or a CSV file: UTF-8, or GB18030/GBK (what Excel on Chinese Windows saves) when the Content-Type says so (text/csv; charset=gb18030). Bytes not valid in the body's encoding are a 400 INVALID_ENCODING, never read as garbled text.",
        content: { ...json(ref("LevyInputs"), levyInputs), "text/csv": { schema: { type: "string" }, example: CSV_IN } },
      },
      {
        description: "computeLevies's result ({ items, totals }); with ?errors=collect also errors; with Accept: text/csv the CLI's CSV",
        content: {
          ...json({ oneOf: [ref("LevyBatch"), ref("CollectedLevyBatch")] }, plainBatch),
          "text/csv": { schema: { type: "string" }, example: levyBatchCsv(batch) },
        },
      },
      errorResponses("computed", {
        400: { codes: LEVIES_400, only: true, example: { name: "ServiceError", code: "NO_ROWS", path: [], message: NO_ROWS[0], messageZh: NO_ROWS[1] } },
      }),
      {
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
          ...CLERK_PARAMETERS,
        ],
      },
    ),
    "/simulate": post(
      "simulate",
      "Simulates a scenario month by month (simulate)",
      "simulate: each period settled in order (the pool's opening, provincial remittances, top-ups to the pool floor, deficit coverage and the 20% clawback, 二（二）–二（三）), the ledger conserved, and the years summed. The example here is the first two periods of EXAMPLE_SCENARIO; GET /examples/scenario serves the whole. asOf leaves out restatements known later.",
      { content: json(ref("Scenario"), EXAMPLES.scenario) },
      { description: "simulate's result", content: json(ref("Simulation"), sim) },
      computed(),
      {
        parameters: [
          { name: "asOf", in: "query", required: false, description: "A month, YYYY-MM: restatements known later are left out", schema: { type: "string" } },
        ],
      },
    ),
    "/explain": post(
      "explain",
      "Step-by-step explanation of a levy, a deficit coverage, a year-end true-up or a settlement period (explain)",
      "explain: the result's figures, step by step, each with the clause it applies, in Chinese or English. The result is checked to be one the library writes (400 INVALID_RESULT) before anything is computed.",
      { content: json(ref("ExplainInput"), levy) },
      { description: "explain's result", content: json(ref("Explanation"), explain(levy, { lang: "en" })) },
      computed(),
      { parameters: [{ name: "lang", in: "query", required: false, description: "The language of the text", schema: { enum: ["zh", "en"] }, example: "en" }] },
    ),
    "/compare": post(
      "compare",
      "One scenario under a base policy and a reform: every figure under both, year by year (compare)",
      "compare: the scenario (default EXAMPLE_SCENARIO) simulated under the base policy (default the service's) and under the reform, the parameters that differ, and every figure under both.",
      {
        content: json(
          {
            type: "object",
            required: ["reform"],
            properties: {
              scenario: ref("Scenario"),
              base: { ...ref("Policy"), description: "A policy (as definePolicy takes it); default the service's" },
              reform: { ...ref("Policy"), description: "A policy (as definePolicy takes it)" },
            },
          },
          { reform: { ...structuredClone(policy), version: `${policy.version}-copy` } },
        ),
      },
      {
        description: "compare's result (`changed`, `parameters`, `years`)",
        content: json({ type: "object", additionalProperties: true }, compareExample(policy)),
      },
    ),
    "/stress": post(
      "stressTest",
      `Monte Carlo stress test of the pool (stressTest), within ${STRESS_BUDGET} member-months`,
      `stressTest: runs of the flow model from a seeded generator (the same seed, the same figures), within ${STRESS_BUDGET} member-months (runs × horizon × members) a request; larger ones: shards or the CLI.`,
      {
        content: json(
          {
            type: "object",
            required: ["model", "runs", "seed"],
            properties: {
              model: { type: "object", additionalProperties: true, description: "The flow model (fitFlowModel's result, or EXAMPLE_FLOW_MODEL)" },
              runs: { type: "integer", description: "How many runs" },
              seed: { type: "integer", description: "The generator's seed" },
              horizon: { type: "integer", description: "Months a run lasts" },
              shard: { type: "object", additionalProperties: true, description: "This request's share of a larger run" },
            },
          },
          STRESS_EXAMPLE,
        ),
      },
      {
        description: "stressTest's result",
        content: json(
          { type: "object", additionalProperties: true },
          exampleOf(() => stressTest(STRESS_EXAMPLE.model, { runs: 2, seed: 1, horizon: 3, policy })),
        ),
      },
    ),
    "/budget-execution": post(
      "budgetExecution",
      "Budget execution (budgetExecution): budget, approved adjustments and the final accounts, per member and category",
      "budgetExecution (二（四）): per member and category the budget, the approved adjustments, the actual figures of the final accounts, the variance and the execution rate, and the city-district's consolidated lines. An adjustment without an approval reference is 400 BUDGET_ADJUSTMENT_UNAPPROVED.",
      { content: json(ref("BudgetExecutionInput"), EXAMPLES.budgetExecution) },
      {
        description: "budgetExecution's result",
        content: json(
          ref("BudgetExecution"),
          budgetExecution(EXAMPLES.budgetExecution.budget, EXAMPLES.budgetExecution.adjustments, EXAMPLES.budgetExecution.finalAccounts, policy),
        ),
      },
    ),
    "/statements": post(
      "statements",
      "The statements an auditor asks for (auditStatements), year by year",
      "auditStatements over simulate(scenario): per year the final accounts in the unified budget and final-account lines (二（四）; consolidated with eliminations; a line the scenario does not carry is null, not 0), the fiscal settlement statement (each subsidy by period, its rate, the 20% accrued and settled, 二（三）) and the top-up working papers (the floor, the pool before, the prior-year balances and weights, each member's share, paid and owed, 二（二）).",
      { content: json(ref("Scenario"), EXAMPLES.scenario) },
      {
        description: "{ years: auditStatements(simulate(scenario), scenario.opening) }",
        content: json(
          { type: "object", required: ["years"], properties: { years: { type: "array", items: { type: "object" } } } },
          { years: auditStatements(sim, EXAMPLES.scenario.opening) },
        ),
      },
    ),
  };
}
