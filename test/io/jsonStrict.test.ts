/**
 * Strict JSON input (src/service/json.ts, used by every JSON input of the CLI and the service): a number literal a
 * double does not hold exactly is AMOUNT_NOT_EXACT, a key given twice is DUPLICATE_KEY (0.6.0: 100000000000000.01
 * was priced as 100000000000000.02, 999999999999999.99 as 1000000000000000.00, and duplicate keys were last-wins).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkJsonText, isExactJsonNumber, parseJsonStrict } from "../../src/service/json.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

describe("parseJsonStrict", () => {
  it("refuses numbers a double changes, with the number's path and advice to send a string", () => {
    const e = expectPoolingError(() => parseJsonStrict('{"period":"2021-07","industryClass":2,"payroll":100000000000000.01}'), "AMOUNT_NOT_EXACT", ["payroll"]);
    expect(e.message).toContain('send it as the string "100000000000000.01"');
    expect(e.message).toContain("would be read as 100000000000000.02");
    expectPoolingError(() => parseJsonStrict('[{"payroll": 1}, {"payroll": 999999999999999.99}]'), "AMOUNT_NOT_EXACT", [1, "payroll"]);
    expectPoolingError(() => parseJsonStrict('{"a":{"b":[1, 2, 12345678901234567]}}'), "AMOUNT_NOT_EXACT", ["a", "b", 2]);
    expectPoolingError(() => parseJsonStrict("0.1234567890123456789"), "AMOUNT_NOT_EXACT", []);
    expectPoolingError(() => parseJsonStrict('{"x": 1e400}'), "AMOUNT_NOT_EXACT", ["x"]);
    expectPoolingError(() => parseJsonStrict(`{"x": 0.${"0".repeat(400)}1}`), "AMOUNT_NOT_EXACT", ["x"]);
  });
  it("accepts every number a double holds exactly, and strings of any length", () => {
    for (const n of [
      "0",
      "-0",
      "1",
      "1.0",
      "0.1",
      "2000000.00",
      "123456789012345",
      "999999999999999",
      "1234567890123456",
      "1e2",
      "1E-7",
      "1000000000000000000000",
      "0.000001",
    ]) {
      expect(isExactJsonNumber(n), n).toBe(true);
    }
    expect(parseJsonStrict('{"payroll":"100000000000000.01","n":2000000.5}')).toEqual({ payroll: "100000000000000.01", n: 2000000.5 });
  });
  it("refuses a key given twice, at the object's path (escapes decoded), and only within one object", () => {
    const e = expectPoolingError(() => parseJsonStrict('{"period":"2021-07","payroll":"1","payroll":"2"}'), "DUPLICATE_KEY", []);
    expect(e.message).toContain('the key "payroll" is given twice');
    expectPoolingError(() => parseJsonStrict('[{}, {"a": {"k": 1, "\\u006b": 2}}]'), "DUPLICATE_KEY", [1, "a"]);
    expectPoolingError(() => parseJsonStrict('{"__proto__": 1, "__proto__": 2}'), "DUPLICATE_KEY", []);
    // the same key in sibling objects, a key equal to a value, a quote escaped inside a key: fine
    expect(parseJsonStrict('[{"a":1},{"a":2},{"b":"a","a":"b"},{"x\\"y":1,"x":2}]')).toEqual([{ a: 1 }, { a: 2 }, { b: "a", a: "b" }, { 'x"y': 1, x: 2 }]);
  });
  it("text that is not JSON is JSON.parse's SyntaxError", () => {
    expect(() => parseJsonStrict("{")).toThrow(SyntaxError);
  });
  it("property: on JSON.stringify of any value with exact numbers, parseJsonStrict is JSON.parse", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(() => checkJsonText(text)).not.toThrow();
        expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
      }),
      runs(500),
    );
  });
  it("property: a number literal is refused exactly when its value is not the double's", () => {
    const literal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,19}$/), fc.stringMatching(/^[0-9]{0,6}$/))
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
    fc.assert(
      fc.property(literal, (lit) => {
        // exact: the shortest form of the double names the same decimal as the literal
        const n = Number(lit);
        const normal = (s: string) =>
          s
            .replace(/^(-?)0*(\d)/, "$1$2")
            .replace(/(\.\d*?)0+$/, "$1")
            .replace(/\.$/, "");
        expect(isExactJsonNumber(lit)).toBe(normal(String(n)) === normal(lit));
      }),
      runs(1000),
    );
  });
});
