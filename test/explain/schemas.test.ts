import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYSIS_SCHEMAS } from "../../src/analysis/schemas.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { apportionTopUp, SUZHOU_2020 } from "../../src/index.js";
import { type SchemaName, schemas, toJSONSchema } from "../../src/schemas.js";
import { expectPoolingError } from "../helpers.js";

const dir = new URL("../../docs/schemas", import.meta.url).pathname;

describe("schemas and toJSONSchema", () => {
  it("docs/schemas holds the current JSON Schema of every input (run `npm run schemas` after a change)", () => {
    const names = Object.keys(schemas) as SchemaName[];
    // beside them, the analysis's (FlowModel, FlowHistory, Comparison, StressResult: test/analysis/schemas.test.ts)
    const all = [...names, ...Object.keys(ANALYSIS_SCHEMAS)];
    expect(readdirSync(dir).sort()).toEqual(all.map((n) => `${n}.schema.json`).sort());
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
    const [str, num] = js.properties.payroll!.anyOf as [{ pattern: string; maxLength: number }, Record<string, unknown>];
    // exact: non-negative, whole fen, at most 10^15 (0.4's pattern allowed "-" and any decimals)
    expect(num).toEqual({ type: "number", minimum: 0, maximum: 1e15, multipleOf: 0.01 });
    expect(str.maxLength).toBe(64);
    const re = new RegExp(str.pattern, "u");
    for (const ok of ["0", "1000", "1000.5", "1000.50", "1000.500", ".5", "5.", "+5", "-0", "1000000000000000", "1000000000000000.00"])
      expect(re.test(ok), ok).toBe(true);
    for (const bad of ["-1000", "-0.01", "1000.001", "1e3", " 1", "", "1000000000000000.01", "10000000000000000", "1,000"])
      expect(re.test(bad), bad).toBe(false);
    expect(js.properties.payroll!.description).toMatch(/缴费工资总额/);
  });
  it("every property of every input schema (the policy aside) has a description in English with its Chinese term", () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${where}[${i}]`);
        return;
      }
      if (node === null || typeof node !== "object") return;
      const obj = node as Record<string, unknown>;
      const props = obj.properties as Record<string, { description?: string }> | undefined;
      if (props && typeof props === "object") {
        for (const [k, v] of Object.entries(props)) if (!/[\u4e00-\u9fff]/.test(v.description ?? "")) missing.push(`${where}.${k}`);
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${where}/${k}`);
    };
    const names = (Object.keys(schemas) as SchemaName[]).filter((n) => n !== "Policy" && toJSONSchema(n)["x-io"] === "input");
    for (const name of names) walk(toJSONSchema(name), name);
    expect(missing).toEqual([]);
  });
  it("the member ids of SUZHOU_2020 are in the schemas of member-keyed inputs", () => {
    const ids = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];
    const flows = toJSONSchema("PeriodFlows") as { properties: { members: { propertyNames: unknown; required: unknown } } };
    expect(flows.properties.members.propertyNames).toEqual({ enum: ids });
    expect(flows.properties.members.required).toEqual(ids);
    const industry = (toJSONSchema("LevyInput") as { properties: { industryClass: { anyOf: unknown[] } } }).properties.industryClass.anyOf;
    expect(industry).toEqual([
      { type: "integer", minimum: 1, maximum: 8 },
      { type: "string", pattern: "^[1-8]$" },
    ]);
  });
  it("apportionTopUp takes ids of the caller's choosing: its schema lists no member ids (its own example uses A, B, C)", () => {
    const json = JSON.stringify(toJSONSchema("TopUpInput"));
    expect(json).not.toContain('"municipal"');
    const input = { amount: "500000.00", members: [{ id: "A", priorYearBalance: "3000000", available: "9000000" }] };
    expect(apportionTopUp(input).contributions).toEqual({ A: "500000.00" });
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
