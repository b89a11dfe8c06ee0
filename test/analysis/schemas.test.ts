/**
 * The JSON Schemas of the analysis (the flow model, a flow history, a comparison, a stress test's result):
 * docs/schemas holds the current ones (`npm run schemas`), `wi-pooling schema` prints them, and a draft
 * 2020-12 validator (ajv) accepts what the library takes and returns and refuses a result that is not one.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ComparisonSchema } from "../../src/analysis/comparisonSchema.js";
import { ANALYSIS_SCHEMAS, analysisJSONSchema } from "../../src/analysis/schemas.js";
import { StressResultSchema } from "../../src/analysis/stressResultSchema.js";
import { compare, mergeStressResults, stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, SUZHOU_2020 } from "../../src/index.js";

const dir = new URL("../../docs/schemas", import.meta.url).pathname;
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const validate = (name: string, value: unknown) => {
  const v = ajv.compile(analysisJSONSchema(name));
  return v(JSON.parse(JSON.stringify(value))) ? null : v.errors;
};

const reformJson = JSON.parse(JSON.stringify(SUZHOU_2020));
reformJson.version = "clawback-0.3-schemas";
reformJson.clawback[0].value.rate = "0.3";
const comparison = compare(EXAMPLE_SCENARIO, SUZHOU_2020, definePolicy(reformJson));
const options = { runs: 6, seed: 3, horizon: 12 };
const stress = stressTest(EXAMPLE_FLOW_MODEL, options);

describe("the analysis's JSON Schemas", { timeout: 120_000 }, () => {
  it("docs/schemas holds the current schema of each (run `npm run schemas` after a change)", () => {
    expect(Object.keys(ANALYSIS_SCHEMAS)).toEqual(["FlowModel", "FlowHistory", "Comparison", "StressResult"]);
    for (const name of Object.keys(ANALYSIS_SCHEMAS)) {
      const onDisk = JSON.parse(readFileSync(`${dir}/${name}.schema.json`, "utf8"));
      expect(onDisk, `docs/schemas/${name}.schema.json is out of date`).toEqual(analysisJSONSchema(name));
      expect(onDisk.title).toBe(name);
      expect(onDisk["x-io"]).toBe(ANALYSIS_SCHEMAS[name]!.io);
    }
  });

  it("accept the example flow model, a flow history, a comparison, a stress result and merged shards", () => {
    expect(validate("FlowModel", EXAMPLE_FLOW_MODEL)).toBeNull();
    expect(validate("FlowHistory", { start: "2019-01", contributions: Array(24).fill("100.00"), benefits: Array(24).fill("80.00") })).toBeNull();
    expect(validate("Comparison", comparison)).toBeNull();
    expect(validate("StressResult", stress)).toBeNull();
    const shards = [0, 1].map((index) => stressTest(EXAMPLE_FLOW_MODEL, { ...options, shard: { index, count: 2 } }));
    expect(validate("StressResult", mergeStressResults(shards))).toBeNull();
    // the zod schemas they come from agree, and parse the JSON back to the same value
    expect(ComparisonSchema.parse(JSON.parse(JSON.stringify(comparison)))).toEqual(comparison);
    expect(StressResultSchema.parse(JSON.parse(JSON.stringify(stress)))).toEqual(stress);
  });

  it("refuse what the library does not write", () => {
    const badStress = JSON.parse(JSON.stringify(stress));
    badStress.years[0].pool.belowFloor.count = -1;
    expect(validate("StressResult", badStress)).not.toBeNull();
    expect(StressResultSchema.safeParse(badStress).success).toBe(false);
    const extra = JSON.parse(JSON.stringify(stress));
    extra.runs.extra = 1;
    expect(validate("StressResult", extra)).not.toBeNull();
    const badComparison = JSON.parse(JSON.stringify(comparison));
    badComparison.years[0].clawbacks.base = 12.5;
    expect(validate("Comparison", badComparison)).not.toBeNull();
    const badModel = JSON.parse(JSON.stringify(EXAMPLE_FLOW_MODEL));
    badModel.correlation = "0.5";
    expect(validate("FlowModel", badModel)).not.toBeNull();
  });
});
