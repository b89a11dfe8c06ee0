/**
 * Hostile input (issue 10, item 7, the library's part): huge inputs, deep
 * junk, years out of the policy's range, account and member names that are
 * Object properties, and mutation attempts on the exported constants.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as analysisEntry from "../../src/analysis.js";
import * as examplesEntry from "../../src/examples.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import * as main from "../../src/index.js";
import { isPoolingError } from "../../src/index.js";
import * as schemasEntry from "../../src/schemas.js";
import { expectPoolingError } from "../helpers.js";

/** The public entries but the presentation (`/report`, tested on its own): the main one, `/schemas`, `/analysis` and `/examples`. */
const lib = { ...main, ...schemasEntry, ...analysisEntry, ...examplesEntry };

function poolingError(call: () => unknown): main.PoolingError {
  let caught: unknown;
  try {
    call();
  } catch (e) {
    caught = e;
  }
  expect(isPoolingError(caught), String(caught)).toBe(true);
  return caught as main.PoolingError;
}

describe("huge and deep junk: a PoolingError at the first problem, not a RangeError", () => {
  const junk = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 1 : { nonsense: true }));

  it("200,000 junk items in transfersIn (consolidate)", () => {
    const e = poolingError(() =>
      lib.consolidate([{ entity: "pool", opening: "0", income: {}, expenditure: {}, closing: "0", transfersIn: junk } as unknown as main.FundStatement]),
    );
    expect(e.path.slice(0, 2)).toEqual([0, "transfersIn"]);
  });

  it("200,000 junk items in a member's levies (simulate and settlePeriod)", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: { members: Record<string, Record<string, unknown>> }[] };
    s.periods = s.periods.slice(0, 1);
    s.periods[0]!.members.sip!.levies = junk;
    expect(poolingError(() => lib.simulate(s as never)).path.slice(0, 6)).toEqual(["periods", 0, "members", "sip", "levies", 0]);
    const start = lib.initialState(EXAMPLE_SCENARIO.opening);
    expect(poolingError(() => lib.settlePeriod(start.state, s.periods[0] as never)).path.slice(0, 5)).toEqual(["flows", "members", "sip", "levies", 0]);
  });

  it("a million bad records: validation stops at the first (computeLevies, throw mode)", () => {
    // its speed is a benchmark's business (bench/), not a unit test's: a timed assertion flakes on a loaded machine
    const records = Array.from({ length: 1_000_000 }, () => ({ period: "September" }));
    expect(poolingError(() => lib.computeLevies(records as never)).path).toEqual([0, "period"]);
    // one huge array given to a validator: zod stops at the first bad item
    expect(poolingError(() => lib.poolFloor(Array.from({ length: 1_000_000 }, () => "x"))).path).toEqual(["priorYearExpenditures", 0]);
  });

  it("deeply nested junk is a type error at its top", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(poolingError(() => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: deep as never })).code).toBe("INVALID_AMOUNT");
    expect(poolingError(() => lib.simulate(deep as never)).code).toBe("NOT_AN_OBJECT");
  });
});

describe("years and periods bounded to the policy's range", () => {
  const members = [{ id: "municipal", amount: "1.00" }];
  it("provincialRemittance refuses year -1, 12345, 1e21, 2019 (before the policy) and 2020.5", () => {
    expectPoolingError(() => lib.provincialRemittance({ year: -1, members }), "POLICY_NOT_IN_FORCE", ["year"]);
    expectPoolingError(() => lib.provincialRemittance({ year: 12345, members }), "POLICY_NOT_IN_FORCE", ["year"]);
    expectPoolingError(() => lib.provincialRemittance({ year: 1e21, members }), "AMOUNT_OUT_OF_RANGE", ["year"]);
    expectPoolingError(() => lib.provincialRemittance({ year: "1e21" as never, members }), "INVALID_DATE", ["year"]);
    expectPoolingError(() => lib.provincialRemittance({ year: 2019, members }), "POLICY_NOT_IN_FORCE", ["year"]);
    expectPoolingError(() => lib.provincialRemittance({ year: 2020.5, members }), "INVALID_DATE", ["year"]);
    expect(lib.provincialRemittance({ year: 2021, members }).remittances.municipal).toBe("1.00");
  });
  it("a period before the policy is refused; a period is always YYYY-MM", () => {
    expectPoolingError(() => lib.computeLevy({ period: "0000-01", industryClass: 1, payroll: "1" }), "POLICY_NOT_IN_FORCE", ["period"]);
    expectPoolingError(() => lib.computeLevy({ period: "+2021-01", industryClass: 1, payroll: "1" }), "INVALID_PERIOD", ["period"]);
    expectPoolingError(() => lib.computeLevy({ period: "12021-01", industryClass: 1, payroll: "1" }), "INVALID_PERIOD", ["period"]);
  });
});

describe("names that are Object properties", () => {
  const entry = (seq: number, from: string, to: string, amount: string) => ({
    seq,
    period: "2020-05",
    from,
    to,
    amount,
    kind: "income" as const,
    citation: { doc: "d", clause: "c" },
  });
  const journal = [entry(1, "__proto__", "constructor", "5.00"), entry(2, "toString", "__proto__", "2.00"), entry(3, "hasOwnProperty", "valueOf", "1.00")];

  it("foldJournal keeps a __proto__ balance as an own key, and the balances sum to zero", () => {
    const balances = lib.foldJournal(journal);
    expect(Object.keys(balances).sort()).toEqual(["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf"]);
    expect(Object.getOwnPropertyDescriptor(balances, "__proto__")?.value).toBe("-3.00");
    expect(Object.getPrototypeOf(balances)).toBe(Object.prototype); // the prototype was not replaced
    const sum = Object.values(balances).reduce((s, v) => s + Math.round(Number(v) * 100), 0);
    expect(sum).toBe(0);
    expect(JSON.stringify(balances)).toBe('{"__proto__":"-3.00","constructor":"5.00","hasOwnProperty":"-1.00","toString":"-2.00","valueOf":"1.00"}');
  });

  it("checkConservation works on them, and compares balances with such keys", () => {
    const report = lib.checkConservation(journal, lib.foldJournal(journal));
    expect(report.totalOfAllAccounts).toBe("0.00");
    expect(report.balancesMatchFold).toBe(true);
    const wrong = JSON.parse('{"__proto__":"-4.00","constructor":"5.00","hasOwnProperty":"-1.00","toString":"-2.00","valueOf":"1.00"}');
    expect(lib.checkConservation(journal, wrong).balancesMatchFold).toBe(false);
  });

  it("definePolicy refuses a member named __proto__, constructor or toString", () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      const json = { ...JSON.parse(JSON.stringify(lib.SUZHOU_2020)), version: "1.0-test" };
      json.members[0].value[0].id = name;
      expectPoolingError(() => lib.definePolicy(json), "INVALID_POLICY");
    }
  });

  it("scenario members named __proto__, constructor or toString are unknown members (zod alone drops a __proto__ key without a word)", () => {
    const base = JSON.stringify({ ...EXAMPLE_SCENARIO, periods: EXAMPLE_SCENARIO.periods.slice(0, 1) });
    for (const name of ["__proto__", "constructor", "toString"]) {
      for (const where of ["opening", "flows"] as const) {
        const s = JSON.parse(base);
        const target = where === "opening" ? s.opening.members : s.periods[0].members;
        // an own key named like an Object property, as JSON.parse makes it
        Object.defineProperty(target, name, { value: where === "opening" ? s.opening.members.sip : { expenditure: "0" }, enumerable: true });
        const e = poolingError(() => lib.simulate(s));
        expect(e.code, `${name} in ${where}`).toBe("UNKNOWN_MEMBER");
        expect(e.path.at(-1)).toBe(name);
      }
    }
    const s = JSON.parse(base);
    s.periods[0].provincialRemittances = JSON.parse('{"__proto__":"1.00"}');
    expect(poolingError(() => lib.simulate(s)).code).toBe("UNKNOWN_MEMBER");
  });
});

describe("every exported constant is deeply frozen", () => {
  /** Walks a value; every object in it must be frozen. */
  function assertDeepFrozen(value: unknown, where: string, seen = new Set<unknown>()): void {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    expect(Object.isFrozen(value), `${where} is frozen`).toBe(true);
    for (const [k, v] of Object.entries(value)) assertDeepFrozen(v, `${where}.${k}`, seen);
  }
  const constants = {
    ERROR_CODES: lib.ERROR_CODES,
    ACCOUNTS: lib.ACCOUNTS,
    ENTRY_KINDS: lib.ENTRY_KINDS,
    CLAUSE_NAMES: lib.CLAUSE_NAMES,
    RELIEF_2020: lib.RELIEF_2020,
    EXAMPLE_SCENARIO: lib.EXAMPLE_SCENARIO,
    SUZHOU_2020: lib.SUZHOU_2020,
  };

  for (const [name, value] of Object.entries(constants)) {
    it(`${name}: frozen, and a mutation attempt throws and changes nothing`, () => {
      assertDeepFrozen(value, name);
      const before = JSON.stringify(value);
      const target = value as unknown as Record<string, unknown> | unknown[];
      expect(() => {
        if (Array.isArray(target)) (target as unknown[]).push("x");
        else (target as Record<string, unknown>).injected = "x";
      }).toThrow(TypeError);
      expect(JSON.stringify(value)).toBe(before);
    });
  }

  it('the issue\'s case: RELIEF_2020[0].enterpriseSizes.push("large") throws; ERROR_CODES entries cannot be rewritten', () => {
    expect(() => (lib.RELIEF_2020[0]!.enterpriseSizes as string[]).push("large")).toThrow(TypeError);
    expect(() => {
      (lib.ERROR_CODES.NEGATIVE_AMOUNT as unknown as string[])[1] = "x";
    }).toThrow(TypeError);
    expect(() => {
      (lib.ACCOUNTS as Record<string, string>).pool = "hijacked";
    }).toThrow(TypeError);
    expect(lib.ACCOUNTS.pool).toBe("pool");
    expect(() => Object.assign(lib.schemas, { LevyInput: null })).toThrow(TypeError);
  });
});

describe("the exported validators cannot be changed", () => {
  type Zod = { _zod: { def: Record<string, unknown> }; shape?: Record<string, unknown> };
  const exported = [
    // the *Schema exports that are schemas (toJSONSchema is a function)
    ...Object.entries(lib).filter(([name, value]) => name.endsWith("Schema") && typeof value === "object"),
    ...Object.entries(lib.schemas).map(([name, schema]) => [`schemas.${name}`, schema] as const),
  ] as unknown as [string, Zod][];

  it("every exported object schema's fields are frozen (the *Schema exports and the registry's)", () => {
    const objects = exported.filter(([, schema]) => schema._zod.def.type === "object");
    expect(objects.length).toBeGreaterThan(60);
    for (const [name, schema] of objects) expect(Object.isFrozen(schema.shape), `${name}'s fields`).toBe(true);
  });

  it("a schema derived from a frozen one (describe) leaves the original validating as before", () => {
    const derived = lib.LevyInputSchema.describe("a copy");
    expect((derived as unknown as Zod).shape).toBeDefined();
    expect(() => {
      (lib.LevyInputSchema as unknown as Zod).shape!.payroll = z.any();
    }).toThrow(TypeError);
    expect(poolingError(() => lib.computeLevy({ period: "2020-09", industryClass: 3, payroll: "lots", cutFraction: "0.2" } as never)).code).toBe(
      "INVALID_AMOUNT",
    );
  });

  it("the review's case: replacing a field of LevyInputSchema throws, and validation still refuses 'lots'", () => {
    expect(() => {
      (lib.schemas.LevyInput as unknown as Zod).shape!.payroll = z.any();
    }).toThrow(TypeError);
    expect(() => {
      (lib.LevyInputSchema as unknown as Zod).shape!.injected = z.any();
    }).toThrow(TypeError);
    expect(() => {
      delete (lib.ScenarioSchema as unknown as Zod).shape!.periods;
    }).toThrow(TypeError);
    expect(poolingError(() => lib.computeLevy({ period: "2020-09", industryClass: 3, payroll: "lots", cutFraction: "0.2" } as never)).code).toBe(
      "INVALID_AMOUNT",
    );
  });
});

describe("toJSONSchema on any name", () => {
  it("a bigint, a symbol, an object or an inherited name is a PoolingError", () => {
    for (const bad of [10n, Symbol("x"), {}, null, "toString", "__proto__", "constructor"]) {
      expect(poolingError(() => lib.toJSONSchema(bad as never)).code).toBe("INVALID_TYPE");
    }
  });
});
