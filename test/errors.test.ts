import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeLevies, computeLevy, ERROR_CODES, isPoolingError, type LevyInput, PoolingError } from "../src/index.js";
import { expectPoolingError } from "./helpers.js";

describe("PoolingError", () => {
  it("has a stable code, a path, English and Chinese messages, and a JSON form", () => {
    const err = expectPoolingError(() => computeLevy({ period: "2021-05", industryClass: 1, payroll: "-5" }), "NEGATIVE_AMOUNT", ["payroll"]);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("PoolingError");
    expect(err.message).toBe("NEGATIVE_AMOUNT at payroll: the amount must not be negative (got -5)");
    // plain Chinese for end users: the field's Chinese name; the code and the path are in their own fields
    expect(err.messageZh).toBe("缴费工资总额：金额不得为负数（收到 -5）");
    expect(err.messageZh).not.toMatch(/NEGATIVE_AMOUNT|payroll/);
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "PoolingError",
      code: "NEGATIVE_AMOUNT",
      path: ["payroll"],
      message: err.message,
      messageZh: err.messageZh,
    });
  });

  it("every code has both messages and is listed in docs/errors.md", () => {
    const doc = readFileSync(new URL("../docs/errors.md", import.meta.url), "utf8");
    for (const [code, [en, zh]] of Object.entries(ERROR_CODES)) {
      expect(en.length, code).toBeGreaterThan(5);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(doc, `docs/errors.md lists ${code}`).toContain(`\`${code}\``);
    }
    const listed = [...doc.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});

describe("bad input to computeLevy: each has a clear code and path", () => {
  const ok = { period: "2021-05", industryClass: 1, payroll: "100" } satisfies LevyInput;
  const cases: [string, unknown, string, (string | number)[]][] = [
    ["non-object", 42, "NOT_AN_OBJECT", []],
    ["array", [ok], "NOT_AN_OBJECT", []],
    ["null", null, "NOT_AN_OBJECT", []],
    ["unknown key", { ...ok, payrol: "1" }, "UNKNOWN_KEY", ["payrol"]],
    ["missing period", { industryClass: 1, payroll: "1" }, "MISSING_FIELD", ["period"]],
    ["missing class", { period: "2021-05", payroll: "1" }, "MISSING_FIELD", ["industryClass"]],
    ["period as a date", { ...ok, period: "2021-05-01" }, "INVALID_PERIOD", ["period"]],
    ["period month 00", { ...ok, period: "2021-00" }, "INVALID_PERIOD", ["period"]],
    ["period as a number", { ...ok, period: 202105 }, "INVALID_PERIOD", ["period"]],
    ["period before 2020-05", { ...ok, period: "2019-12" }, "POLICY_NOT_IN_FORCE", ["period"]],
    ["class 0", { ...ok, industryClass: 0 }, "INVALID_CLASS", ["industryClass"]],
    ["class 9", { ...ok, industryClass: "9" }, "INVALID_CLASS", ["industryClass"]],
    ["class 2.5", { ...ok, industryClass: 2.5 }, "INVALID_CLASS", ["industryClass"]],
    ["negative payroll", { ...ok, payroll: -0.01 }, "NEGATIVE_AMOUNT", ["payroll"]],
    ["NaN payroll", { ...ok, payroll: Number.NaN }, "INVALID_AMOUNT", ["payroll"]],
    ["infinite payroll", { ...ok, payroll: Number.POSITIVE_INFINITY }, "INVALID_AMOUNT", ["payroll"]],
    ["non-numeric payroll", { ...ok, payroll: "12,000" }, "INVALID_AMOUNT", ["payroll"]],
    ["exponent payroll", { ...ok, payroll: "1e5" }, "INVALID_AMOUNT", ["payroll"]],
    ["empty payroll", { ...ok, payroll: "" }, "INVALID_AMOUNT", ["payroll"]],
    ["padded payroll", { ...ok, payroll: " 100" }, "INVALID_AMOUNT", ["payroll"]],
    ["boolean payroll", { ...ok, payroll: true }, "INVALID_AMOUNT", ["payroll"]],
    ["multiplier off ladder", { ...ok, floatMultiplier: "0.5" }, "INVALID_MULTIPLIER", ["floatMultiplier"]],
    ["negative multiplier", { ...ok, floatMultiplier: "-1" }, "INVALID_MULTIPLIER", ["floatMultiplier"]],
    ["fraction 1", { ...ok, cutFraction: 1 }, "INVALID_FRACTION", ["cutFraction"]],
    ["negative fraction", { ...ok, ownCutFraction: "-0.2" }, "INVALID_FRACTION", ["ownCutFraction"]],
    ["NaN fraction", { ...ok, cutFraction: Number.NaN }, "INVALID_FRACTION", ["cutFraction"]],
    ["negative months", { ...ok, cityReserveMonths: -1 }, "INVALID_RESERVE_MONTHS", ["cityReserveMonths"]],
    ["unknown size", { ...ok, enterpriseSize: "huge" }, "INVALID_TYPE", ["enterpriseSize"]],
    ["employerId not a string", { ...ok, employerId: 7 }, "INVALID_TYPE", ["employerId"]],
  ];
  it.each(cases)("%s", (_name, input, code, path) => {
    expectPoolingError(() => computeLevy(input as never), code, path);
  });

  it("computeLevies names the failing item and returns nothing partial", () => {
    expectPoolingError(() => computeLevies([ok, ok, { ...ok, payroll: "x" } as never]), "INVALID_AMOUNT", [2, "payroll"]);
    expectPoolingError(() => computeLevies(5 as never), "INVALID_TYPE", []);
    expectPoolingError(() => computeLevies({ period: "2021-05" } as never), "INVALID_TYPE", []);
  });

  it("throws nothing but PoolingError for arbitrary JSON", () => {
    const samples: unknown[] = [undefined, "", [], {}, { period: null }, { ...ok, employees: "1,2" }, { ...ok, employees: [null] }];
    for (const s of samples) {
      try {
        computeLevy(s as never);
      } catch (e) {
        expect(e).toBeInstanceOf(PoolingError);
      }
    }
  });
});

describe("isPoolingError", () => {
  it("is false for anything else", () => {
    const lookalike = Object.assign(new Error("x"), { name: "PoolingError", code: "INVALID_TYPE", path: [], messageZh: "x" });
    for (const x of [undefined, null, 0, "PoolingError", {}, new Error("x"), lookalike, { code: "INVALID_TYPE" }, PoolingError]) {
      expect(isPoolingError(x)).toBe(false);
    }
    expect(isPoolingError(new PoolingError("INVALID_TYPE"))).toBe(true);
    // the JSON form is data, not an error
    expect(isPoolingError(JSON.parse(JSON.stringify(new PoolingError("INVALID_TYPE"))))).toBe(false);
  });
});
