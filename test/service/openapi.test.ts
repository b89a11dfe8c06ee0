import { compileErrors, validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SUZHOU_2020 } from "../../src/index.js";
import { schemas } from "../../src/schemas.js";
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
        expect(ok?.content?.["application/json"]?.schema, `${path} response`).toBeDefined();
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
