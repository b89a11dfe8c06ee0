/**
 * The collected batch (`computeLevies(…, { errors: "collect" })`) has its own
 * output schema, `LevyBatchCollected`: its JSON form validates against it (zod
 * and the published JSON Schema, run by ajv), where `LevyBatch` refuses it.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { computeLevies } from "../../src/index.js";
import { LevyBatchCollectedSchema, LevyBatchSchema, PoolingErrorJSONSchema, schemas, toJSONSchema } from "../../src/schemas.js";

const ajv = new Ajv2020({ strict: false, validateFormats: false });
const GOOD = { employerId: "A", period: "2021-07", industryClass: 2, payroll: "5.00" } as const;
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("LevyBatchCollected: the collected batch's output schema", () => {
  const batch = computeLevies(
    [
      GOOD,
      { ...GOOD, employerId: "B", period: "2020-04" },
      { period: "2021-07", industryClass: 9, payroll: "-1" } as never,
      { ...GOOD, employerId: "D", payroll: "7.00" },
    ],
    { errors: "collect" },
  );
  it("the JSON form of a collected batch validates; LevyBatch refuses it (errors, errorsOmitted)", () => {
    const data = json(batch);
    expect(data.errors).toEqual([
      {
        index: 1,
        employerId: "B",
        error: {
          name: "PoolingError",
          code: "POLICY_NOT_IN_FORCE",
          path: [1, "period"],
          message: batch.errors[0]!.error.message,
          messageZh: batch.errors[0]!.error.messageZh,
        },
      },
      { index: 2, error: expect.objectContaining({ code: "INVALID_CLASS", path: [2, "industryClass"] }) },
    ]);
    expect(data.items.map((l: { employerId: string }) => l.employerId)).toEqual(["A", "D"]);
    expect(data.errorsOmitted).toBe(0);
    expect(LevyBatchCollectedSchema.safeParse(data).success).toBe(true);
    expect(schemas.LevyBatchCollected).toBe(LevyBatchCollectedSchema);
    expect(ajv.validate(toJSONSchema("LevyBatchCollected"), data), JSON.stringify(ajv.errors)).toBe(true);
    // the published file is the same schema
    const file = JSON.parse(readFileSync(new URL("../../docs/schemas/LevyBatchCollected.schema.json", import.meta.url), "utf8"));
    expect(ajv.validate(file, data)).toBe(true);
    // what failed before: the collected batch against LevyBatch (strict: items and totals only)
    expect(LevyBatchSchema.safeParse(data).success).toBe(false);
    expect(ajv.validate(toJSONSchema("LevyBatch"), data)).toBe(false);
    // a plain batch is not a collected one
    expect(LevyBatchCollectedSchema.safeParse(json(computeLevies([GOOD]))).success).toBe(false);
  });
  it("1,003 bad records: 1,000 listed (the schema's maxItems), 3 omitted; 1,001 listed is refused", () => {
    const many = json(
      computeLevies(
        Array.from({ length: 1003 }, () => ({ period: "2021-07", industryClass: 9, payroll: "1" }) as never),
        { errors: "collect" },
      ),
    );
    expect([many.errors.length, many.errorsOmitted]).toEqual([1000, 3]);
    const js = toJSONSchema("LevyBatchCollected");
    expect(ajv.validate(js, many)).toBe(true);
    expect(ajv.validate(js, { ...many, errors: [...many.errors, many.errors[0]] })).toBe(false);
    expect(LevyBatchCollectedSchema.safeParse({ ...many, errors: [...many.errors, many.errors[0]] }).success).toBe(false);
  });
  it("one definition of a PoolingError's JSON form: every error's toJSON() validates, an unknown code does not", () => {
    for (const e of batch.errors) expect(PoolingErrorJSONSchema.parse(e.error.toJSON())).toEqual(e.error.toJSON());
    expect(PoolingErrorJSONSchema.safeParse({ ...batch.errors[0]!.error.toJSON(), code: "NOPE" }).success).toBe(false);
    expect(PoolingErrorJSONSchema.safeParse({ ...batch.errors[0]!.error.toJSON(), extra: 1 }).success).toBe(false);
  });
});
