import { describe, expect, it } from "vitest";
import { computeLevies, isPoolingError, type PoolingError, streamLevies } from "../../src/index.js";

function caught(call: () => unknown): PoolingError {
  try {
    call();
  } catch (e) {
    if (isPoolingError(e)) return e;
    throw e;
  }
  throw new Error("expected a PoolingError");
}

const GOOD = { employerId: "A", period: "2021-07", industryClass: 2, payroll: "5.00" } as const;

describe('"throw" mode: the error carries the record\'s employerId, as "collect" mode does', () => {
  it("computeLevies: employerId on the error; the messages and the JSON form unchanged", () => {
    const e = caught(() => computeLevies([GOOD, { ...GOOD, employerId: "E123", payroll: "-5" }]));
    expect(e.employerId).toBe("E123");
    expect(e.toJSON()).toEqual({
      name: "PoolingError",
      code: "NEGATIVE_AMOUNT",
      path: [1, "payroll"],
      message: "NEGATIVE_AMOUNT at [1].payroll: the amount must not be negative (got -5)",
      messageZh: "第 2 项的缴费工资总额：金额不得为负数（收到 -5）",
    });
    // the same record in "collect" mode: the same error, the id beside it
    const collected = computeLevies([GOOD, { ...GOOD, employerId: "E123", payroll: "-5" }], { errors: "collect" });
    expect(collected.errors.map((r) => [r.index, r.employerId, r.error.code, r.error.path])).toEqual([[1, "E123", "NEGATIVE_AMOUNT", [1, "payroll"]]]);
  });
  it("streamLevies, and a rule broken (not the shape)", () => {
    const e = caught(() => [...streamLevies([GOOD, { ...GOOD, employerId: "B", period: "2020-04" }])]);
    expect([e.code, e.path, e.employerId]).toEqual(["POLICY_NOT_IN_FORCE", [1, "period"], "B"]);
  });
  it("no employerId when the record has none or not a string one", () => {
    const none = caught(() => computeLevies([{ period: "2021-07", industryClass: 2, payroll: "-5" }]));
    expect(none.employerId).toBeUndefined();
    expect("employerId" in none).toBe(false);
    const numeric = caught(() => computeLevies([{ ...GOOD, employerId: 7 as never }]));
    expect([numeric.code, numeric.path, numeric.employerId]).toEqual(["INVALID_TYPE", [0, "employerId"], undefined]);
  });
});
