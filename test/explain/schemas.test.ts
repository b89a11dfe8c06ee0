import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO, type SchemaName, SUZHOU_2020, schemas, toJSONSchema } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

const dir = new URL("../../docs/schemas", import.meta.url).pathname;

describe("schemas and toJSONSchema", () => {
  it("docs/schemas holds the current JSON Schema of every input (run `npm run schemas` after a change)", () => {
    const names = Object.keys(schemas) as SchemaName[];
    expect(readdirSync(dir).sort()).toEqual(names.map((n) => `${n}.schema.json`).sort());
    for (const name of names) {
      const onDisk = JSON.parse(readFileSync(join(dir, `${name}.schema.json`), "utf8"));
      expect(onDisk, `docs/schemas/${name}.schema.json is out of date`).toEqual(toJSONSchema(name));
    }
  });
  it("the zod schemas accept the built-in data", () => {
    expect(schemas.Scenario.safeParse(EXAMPLE_SCENARIO).success).toBe(true);
    expect(schemas.Policy.safeParse(JSON.parse(JSON.stringify(SUZHOU_2020))).success).toBe(true);
  });
  it("custom fields appear as the strings and numbers they accept", () => {
    const js = toJSONSchema("LevyInput") as { properties: Record<string, Record<string, unknown>> };
    expect(js.properties.period).toMatchObject({ type: "string", pattern: "^(\\d{4})-(0[1-9]|1[0-2])$" });
    expect(js.properties.payroll!.anyOf).toEqual([{ type: "string", pattern: "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$" }, { type: "number" }]);
  });
  it("rejects unknown names", () => {
    expectPoolingError(() => toJSONSchema("Nope" as SchemaName), "INVALID_TYPE", ["name"]);
  });
});

describe("toJSONSchema on hostile input", () => {
  it("answers a bigint or an object with a PoolingError, not a TypeError", () => {
    for (const bad of [10n, {}, null, Symbol.iterator]) {
      expect(() => toJSONSchema(bad as never)).toThrow(expect.objectContaining({ code: "INVALID_TYPE" }));
    }
  });
});
