import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compileErrors, validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, SUZHOU_2020 } from "../../src/index.js";
import { schemas } from "../../src/schemas.js";
import { SERVICE_CODES } from "../../src/service/codes.js";
import { openApiDocument, schemaByName, schemaNames } from "../../src/service/openapi.js";

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document read back in tests
type Json = Record<string, any>;
const doc = openApiDocument(SUZHOU_2020, "0.0.0") as Json;

/** Every (where, schema, example) of the document: request bodies, responses, and examples on components. */
function examples(): { where: string; schema: Json; example: unknown }[] {
  const out: { where: string; schema: Json; example: unknown }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const bodies: [string, Json][] = [];
      if (op.requestBody) bodies.push([`${method} ${path} request`, op.requestBody.content]);
      for (const [status, r] of Object.entries(op.responses as Json)) bodies.push([`${method} ${path} ${status}`, (r as Json).content ?? {}]);
      for (const [where, content] of bodies) {
        for (const [type, media] of Object.entries(content)) {
          const m = media as Json;
          expect(m.example, `${where} ${type} has an example`).toBeDefined();
          out.push({ where: `${where} ${type}`, schema: m.schema, example: m.example });
        }
      }
    }
  }
  for (const [name, s] of Object.entries(doc.components.schemas as Json)) {
    for (const [i, example] of ((s as Json).examples ?? []).entries())
      out.push({ where: `components.${name}[${i}]`, schema: { $ref: `#/components/schemas/${name}` }, example });
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("has a request and response schema with an example for every endpoint", () => {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if (method === "post") expect(op.requestBody?.content?.["application/json"]?.schema, `${path} request`).toBeDefined();
        const ok = op.responses["200"] ?? op.responses["501"];
        expect(ok?.content?.[path.endsWith(".csv") ? "text/csv" : "application/json"]?.schema, `${path} response`).toBeDefined();
      }
    }
  });

  it("every example validates against its schema (ajv, draft 2020-12)", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: "urn:wi:openapi", components: doc.components } as Json);
    const all = examples();
    expect(all.length).toBeGreaterThan(15);
    // the validator does reject: a levy without its premium
    const levyCheck = ajv.compile({ $ref: "urn:wi:openapi#/components/schemas/Levy" });
    const { premium: _, ...noPremium } = doc.paths["/levy"].post.responses["200"].content["application/json"].example;
    expect(levyCheck(noPremium)).toBe(false);
    for (const { where, schema, example } of all) {
      const s = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"urn:wi:openapi#/components/'));
      const check = ajv.compile(s);
      expect(check(example), `${where}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("POST /levies documents NO_ROWS: a batch with no record is a 400", () => {
    const bad = doc.paths["/levies"].post.responses["400"];
    expect(bad.description).toContain("NO_ROWS: the batch has no record (an empty CSV, a header only, or [])");
    expect(bad.content["application/json"].example).toMatchObject({ code: "NO_ROWS", message: "no rows: the batch has no records" });
  });

  it("documents INVALID_ENCODING: a body not valid UTF-8 (or GB18030 with charset=gb18030) is a 400; text/csv; charset=gb18030 is read", () => {
    const levies = doc.paths["/levies"].post;
    expect(levies.requestBody.description).toBe(
      "a JSON array (UTF-8), or a CSV file: UTF-8, or GB18030/GBK (what Excel on Chinese Windows saves) when the Content-Type says so (text/csv; charset=gb18030). Bytes not valid in the body's encoding are a 400 INVALID_ENCODING, never read as garbled text.",
    );
    expect(levies.responses["400"].description).toContain(
      "INVALID_ENCODING (the body is not valid UTF-8, or not valid GB18030 with charset=gb18030: send charset=gb18030 or re-save as UTF-8)",
    );
    for (const path of ["/levy", "/simulate", "/explain"]) expect(doc.paths[path].post.responses["400"].description, path).toContain("INVALID_ENCODING");
    expect(doc.components.schemas.Error.examples).toEqual([
      {
        name: "ServiceError",
        code: "INVALID_ENCODING",
        path: [],
        message:
          "the body is not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: send it with Content-Type: text/csv; charset=gb18030, or re-save it as UTF-8",
        messageZh:
          "请求体不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的文件是 GBK/GB18030 编码：请以 Content-Type: text/csv; charset=gb18030 发送，或将文件另存为 UTF-8 编码",
      },
    ]);
  });

  it("serves every input schema as the library's toJSONSchema, and the output schemas", () => {
    for (const name of Object.keys(schemas)) expect(schemaNames()).toContain(name);
    for (const name of ["Levy", "LevyBatch", "Simulation", "Explanation", "Error"]) expect(schemaByName(name)?.title).toBe(name);
  });
});

const root = new URL("../..", import.meta.url).pathname;
const operations = () =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })));

describe("the OpenAPI document for generators and linters", () => {
  it("passes @redocly/cli lint (its recommended rules) with 0 errors and 0 warnings, offline", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "wi-openapi-lint-"));
    try {
      writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
      const { stdout } = await promisify(execFile)(join(root, "node_modules/.bin/redocly"), ["lint", join(dir, "openapi.json"), "--format=json"], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
        timeout: 170_000,
        maxBuffer: 64 * 1024 * 1024,
      }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
      const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as Json;
      const problems = (report.problems as Json[]).map((p) => `${p.ruleId} ${p.location?.[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists every error code as an enum with its meaning: the library's ERROR_CODES and the service's own", () => {
    const code = doc.components.schemas.ErrorCode;
    expect(code.enum).toEqual([...Object.keys(ERROR_CODES), ...Object.keys(SERVICE_CODES)]);
    expect(new Set(code.enum).size).toBe(code.enum.length);
    expect(code["x-enumDescriptions"].INVALID_CLASS).toBe("the industry class must be an integer from 1 to 8");
    expect(code["x-enumDescriptions"].METHOD_NOT_ALLOWED).toBe("wrong method; the Allow header lists the right ones");
    for (const c of code.enum) expect(code["x-enumDescriptions"][c], c).toMatch(/\w/);
    expect(doc.components.schemas.Error.properties.code).toEqual({ $ref: "#/components/schemas/ErrorCode" });
    expect(doc.components.schemas.BatchError.properties.code).toEqual({ $ref: "#/components/schemas/ErrorCode" });
  });

  it("docs/service.md's table of errors lists every service code with its status", () => {
    const table = readFileSync(join(root, "docs/service.md"), "utf8");
    for (const [c, { status }] of Object.entries(SERVICE_CODES)) expect(table, c).toContain(`| ${status} | \`${c}\` |`);
  });

  it("documents on every operation the statuses it can answer: 400, 405, 408 everywhere; 413, 415, 503 on every computation; 404 for a schema name", () => {
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const want = method === "post" ? ["200", "400", "405", "408", "413", "415", "503"] : ["200", "400", "405", "408"];
      if (path === "/schemas/{name}") want.push("404");
      expect(statuses.sort(), `${method} ${path}`).toEqual(want.sort());
      for (const s of statuses.filter((x) => x !== "200")) {
        expect(op.responses[s].content["application/json"].schema, `${path} ${s}`).toEqual({ $ref: "#/components/schemas/Error" });
        expect(op.responses[s].description, `${path} ${s}`).toMatch(/[A-Z_]{4,}/);
      }
    }
    expect(doc.paths["/levy"].post.responses["503"].headers["Retry-After"].schema).toEqual({ type: "integer", minimum: 1 });
    expect(doc.paths["/levy"].post.responses["405"].headers.Allow.schema).toEqual({ type: "string" });
    expect(doc.paths["/levy"].post.responses["413"].description).toContain("TOO_MANY_ROWS");
    expect(
      doc.paths["/schemas/{name}"].get.responses["404"].example ?? doc.paths["/schemas/{name}"].get.responses["404"].content["application/json"].example,
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(doc.info.description).toContain("An unknown path is 404 NOT_FOUND");
  });

  it("declares no security (security: []), a description on every operation, and GET /examples/*", () => {
    expect(doc.security).toEqual([]);
    for (const { path, method, op } of operations()) {
      expect(op.description, `${method} ${path}`).toMatch(/.{40}/);
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
    }
    expect(doc.paths["/examples/scenario"].get.responses["200"].content["application/json"].example.periods.length).toBeGreaterThan(12);
    expect(doc.paths["/examples/levies.csv"].get.responses["200"].content["text/csv"].example).toBe(
      readFileSync(join(root, "examples/data/levies.csv"), "utf8"),
    );
  });

  it("servers: the address given (the served document gives the service's own)", () => {
    expect(openApiDocument(SUZHOU_2020, "0.0.0", "http://10.0.0.7:3000").servers).toEqual([
      { url: "http://10.0.0.7:3000", description: "the address this service answers at" },
    ]);
  });

  it("describes PolicyAt in full: every key policyAt answers, each dated parameter one version", () => {
    const at = doc.components.schemas.PolicyAt;
    expect(Object.keys(at.properties).sort()).toEqual(Object.keys(at.examples[0]).sort());
    expect(at.required.sort()).toEqual(Object.keys(at.examples[0]).sort());
    expect(at.properties.baseRates.type).toBe("object");
    expect(at.properties.baseRates.properties.value.properties["3"]).toBeDefined();
    expect(at.properties.rateCut.anyOf[1]).toEqual({ type: "null" });
    for (const [k, v] of Object.entries(at.properties as Json)) expect((v as Json).description, k).toMatch(/\w/);
  });

  it("gives every map keyed by member its keys as properties (no required key left undefined)", () => {
    const walk = (v: unknown, where: string): void => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${where}/${i}`);
      } else if (v !== null && typeof v === "object") {
        const o = v as Json;
        if (Array.isArray(o.required) && !("$ref" in o)) for (const r of o.required) expect(o.properties?.[r], `${where} requires ${r}`).toBeDefined();
        for (const [k, x] of Object.entries(o)) if (k !== "examples" && k !== "example") walk(x, `${where}/${k}`);
      }
    };
    walk(doc.components, "#/components");
    expect(doc.components.schemas.Scenario_periods_members_value).toBeDefined();
  });
});
