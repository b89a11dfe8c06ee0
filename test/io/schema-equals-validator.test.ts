/**
 * Schema = validator (issue 10, item 1): the exported JSON Schemas, run by a
 * draft 2020-12 validator (ajv), agree with the library on thousands of
 * generated inputs: every input the library accepts validates, and every
 * shape-level rejection is rejected by the schema. Outputs validate against
 * their schemas.
 *
 * Shape-level: the codes below, which the input's own shape decides (types,
 * keys, formats, signs, ranges, decimals, bounds, the member ids of
 * SUZHOU_2020). Not shape-level: rules that depend on other data (the policy's
 * dates and tiers, consecutive periods, a cut the policy requires), which a
 * JSON Schema cannot state.
 *
 * A rejection is shape-level when the input's zod schema (the one the JSON
 * Schema is generated from) refuses it, or when its code is one of the member
 * codes (the member ids of SUZHOU_2020 are in the JSON Schemas).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import type { LevyInput } from "../../src/index.js";
import { computeLevies, computeLevy, coverDeficit, initialState, isPoolingError, openPooling, settlePeriod, simulate } from "../../src/index.js";
import { type SchemaName, schemas, toJSONSchema } from "../../src/schemas.js";
import { runs } from "../support/fc.js";

/** The codes of shape-level rejections: what the zod schemas report, and the member checks (for the member ids of SUZHOU_2020). */
const SHAPE_CODES = new Set([
  "NOT_AN_OBJECT",
  "INVALID_TYPE",
  "UNKNOWN_KEY",
  "MISSING_FIELD",
  "INVALID_PERIOD",
  "INVALID_DATE",
  "INVALID_CLASS",
  "INVALID_AMOUNT",
  "NEGATIVE_AMOUNT",
  "AMOUNT_NOT_IN_FEN",
  "AMOUNT_OUT_OF_RANGE",
  "INVALID_FRACTION",
  "INVALID_RATE",
  "INVALID_RESERVE_MONTHS",
  "INVALID_NUMBER",
  "INVALID_MULTIPLIER", // a multiplier ≤ 0 (the zod schema); one not on the class's ladder is not shape-level
  "UNKNOWN_MEMBER",
  "MISSING_MEMBER",
  "DUPLICATE_ENTRY",
]);

/**
 * ajv, draft 2020-12, with `multipleOf` decided on the decimal value: a JSON
 * number is a decimal literal, and whole fen is `multipleOf: 0.01` of it.
 * ajv's own keyword divides binary floats (2496528.34 / 0.01 =
 * 249652833.99999997), so it is replaced by the exact test of the standard
 * keyword's meaning.
 */
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.removeKeyword("multipleOf");
ajv.addKeyword({
  keyword: "multipleOf",
  type: "number",
  schemaType: "number",
  validate: (factor: number, data: number) => new Decimal(String(data)).mod(String(factor)).isZero(),
});
const validators = new Map<SchemaName, ReturnType<typeof ajv.compile>>();
function validator(name: SchemaName) {
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile(toJSONSchema(name));
    validators.set(name, v);
  }
  return v;
}

type Outcome = { kind: "ok" } | { kind: "shape" | "other"; code: string; path: unknown };

const MEMBER_CODES = new Set(["UNKNOWN_MEMBER", "MISSING_MEMBER", "DUPLICATE_ENTRY"]);

/** The library's answer: accepted, refused at the shape level (by the zod schema, or a member check), or refused by a rule. */
function outcome(call: () => unknown, name?: SchemaName, input?: unknown): Outcome {
  try {
    call();
    return { kind: "ok" };
  } catch (e) {
    if (!isPoolingError(e)) throw e;
    const zodRefuses = name !== undefined && !schemas[name].safeParse(input).success;
    // (a batch reports its first bad record, which may fail a rule while a later one fails its shape)
    if (zodRefuses && name !== "LevyInputs") expect(SHAPE_CODES.has(e.code), `${e.code} is a shape-level code`).toBe(true);
    const shape = zodRefuses || MEMBER_CODES.has(e.code);
    return { kind: shape ? "shape" : "other", code: e.code, path: e.path };
  }
}

interface Tally {
  accepted: number;
  shape: number;
  other: number;
}
const FIGURES: Record<string, Tally> = {};

/** Checks one input both ways and tallies the outcome. */
function agree(name: SchemaName, input: unknown, call: (x: unknown) => unknown): void {
  const json = JSON.parse(JSON.stringify(input)) as unknown; // what a JSON caller sends
  const lib = outcome(() => call(json), name, json);
  const ok = validator(name)(json);
  const t = FIGURES[name] ?? { accepted: 0, shape: 0, other: 0 };
  FIGURES[name] = t;
  const detail = () => `${JSON.stringify(json)} → ${JSON.stringify(lib)}; ajv: ${JSON.stringify(validator(name).errors)}`;
  if (lib.kind === "ok") {
    t.accepted++;
    expect(ok, `the library accepts, the schema rejects: ${detail()}`).toBe(true);
  } else if (lib.kind === "shape") {
    t.shape++;
    expect(ok, `the library rejects (shape), the schema accepts: ${detail()}`).toBe(false);
  } else t.other++;
}

// ---------- value generators: valid and invalid forms of each kind of field ----------

const fenString = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.constantFrom(0, 1, 2), fc.constantFrom("", "0", "000")).map(([n, dp, pad]) => {
  const s = (Number(dp) === 0 ? n.toString() : `${n / 10n ** BigInt(dp)}.${(n % 10n ** BigInt(dp)).toString().padStart(dp, "0")}`) + (dp > 0 ? pad : "");
  return s;
});
const moneyEdge = fc.constantFrom(
  "0",
  "-0",
  "-0.00",
  "0.00",
  "+5",
  ".5",
  "5.",
  "5.001",
  "5.000",
  "-5.00",
  "-1000",
  "1e5",
  " 1",
  "1,000",
  "",
  "abc",
  "1000000000000000",
  "1000000000000000.00",
  "1000000000000000.01",
  "999999999999999.99",
  "0001000000000000000",
  "10000000000000000",
  `1.${"0".repeat(70)}`,
  `${"9".repeat(65)}`,
  "1.005",
  "0.1",
);
const moneyNumber = fc.oneof(
  fc.integer({ min: -1000000, max: 1_000_000_000 }).map((n) => n / 100),
  fc.constantFrom(0, 1, 0.07, 0.001, -1, 1e15, 1e15 + 2, 1e16, 123.456, 5.5, 1e-7),
);
const money = fc.oneof(
  { arbitrary: fenString, weight: 6 },
  { arbitrary: moneyEdge, weight: 2 },
  { arbitrary: moneyNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, [], {}), weight: 1 },
);
/** Mostly valid values, sometimes a bad one: so that whole records are accepted often enough. */
const mostly = <T>(good: fc.Arbitrary<T>, any: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 9 }, { arbitrary: any, weight: 1 });
const goodMoney = fc.integer({ min: 0, max: 100_000_000 }).map((n) => (n / 100).toFixed(2));
const fraction = fc.oneof(
  fc.constantFrom("0", "0.2", "0.5", "1", "1.0", "1.5", "-0.2", "-0", ".5", "0.999", `0.${"1".repeat(30)}`, `0.${"1".repeat(31)}`, "0.2x", "1e-1"),
  fc.constantFrom(0, 0.2, 0.5, 1, 1.5, -0.2, 0.999),
  fc.integer({ min: 0, max: 1000 }).map((n) => `0.${String(n).padStart(3, "0")}`),
);
const months = fc.oneof(
  fc.constantFrom("0", "3", "-3", "6.5", "24", "1e3", "abc", null, "1000000000000001", `1.${"5".repeat(31)}`),
  fc.constantFrom(0, 3, -3, 6.5, 1e16),
);
const multiplier = fc.oneof(fc.constantFrom("1", "0.8", "1.2", "1.5", "-1", "0", "-0", "0.00", "2", "x", "+1"), fc.constantFrom(1, 0.8, -1, 0, 1.5));
const period = fc.oneof(
  fc.constantFrom("2020-05", "2020-09", "2021-04", "2021-05", "2021-07", "2022-01", "2020-04", "2020-13", "September", "2020-9", "", "2020-06"),
  fc.constantFrom(202009, null),
);
const industryClass = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom("1", "3", "8", "9", "three", "03", 3.5, null));

/** Records shaped like an input: each field drawn, dropped, or an unknown key added. */
function record(fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) {
  const keys = Object.keys(fields);
  return fc
    .tuple(fc.record(fields), fc.subarray(keys.filter((k) => !required.includes(k))), fc.constantFrom(null, "extra", ...required))
    .map(([values, kept, twist]) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) if (required.includes(k) || kept.includes(k)) out[k] = values[k];
      if (twist === "extra") out.extra = 1;
      else if (twist !== null) delete out[twist];
      return out;
    });
}

const levyInput = record(
  {
    employerId: mostly(fc.constantFrom("E1", "单位 2"), fc.constantFrom(5)),
    period: mostly(fc.constantFrom("2021-07", "2022-01", "2020-09"), period),
    industryClass: mostly(fc.integer({ min: 1, max: 8 }), industryClass),
    payroll: mostly(goodMoney, money),
    employees: fc.array(money, { maxLength: 3 }),
    baseFloor: money,
    baseCeiling: money,
    floatMultiplier: mostly(fc.constant("1"), multiplier),
    cutFraction: mostly(fc.constantFrom("0.5", "0.2"), fraction),
    cityReserveMonths: months,
    ownCutFraction: mostly(fc.constantFrom("0", "0.2"), fraction),
    ownReserveMonths: months,
    enterpriseSize: fc.constantFrom("micro", "small", "medium", "large", "huge"),
  },
  ["period", "industryClass", "payroll"],
);

const MEMBER_IDS = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];

// ---------- the issue's cases ----------

const OK_LEVY = { period: "2021-07", industryClass: 3, payroll: "1000.00" } satisfies LevyInput;
const ISSUE_LEVY_CASES: unknown[] = [
  { ...OK_LEVY, payroll: "-1000" },
  { ...OK_LEVY, payroll: undefined, employees: ["100.00", "-5.00"] },
  { ...OK_LEVY, cutFraction: "1.5" },
  { ...OK_LEVY, cutFraction: "-0.2" },
  { ...OK_LEVY, cityReserveMonths: "-3" },
  { ...OK_LEVY, floatMultiplier: "-1" },
  { ...OK_LEVY, ownCutFraction: "1" },
  { ...OK_LEVY, ownReserveMonths: "-1" },
  { ...OK_LEVY, payroll: "1000.001" },
  { ...OK_LEVY, payroll: -5 },
  { ...OK_LEVY, payroll: "1e3" },
  { ...OK_LEVY, payroll: " 1000" },
  { ...OK_LEVY, payroll: "" },
  { ...OK_LEVY, payroll: true },
  { ...OK_LEVY, payroll: "10000000000000000" },
  { ...OK_LEVY, baseFloor: "-1" },
  { ...OK_LEVY, baseCeiling: "1.234" },
  { ...OK_LEVY, floatMultiplier: "0" },
  { ...OK_LEVY, floatMultiplier: "x" },
  { ...OK_LEVY, cutFraction: 1 },
  { ...OK_LEVY, cutFraction: "abc" },
  { ...OK_LEVY, ownCutFraction: 1.5 },
  { ...OK_LEVY, cityReserveMonths: -3 },
  { ...OK_LEVY, period: "September" },
  { ...OK_LEVY, period: "2021-13" },
  { ...OK_LEVY, period: 202107 },
  { ...OK_LEVY, industryClass: "three" },
  { ...OK_LEVY, industryClass: 9 },
  { ...OK_LEVY, industryClass: 0 },
  { ...OK_LEVY, industryClass: "03" },
  { ...OK_LEVY, industryClass: 2.5 },
  { ...OK_LEVY, enterpriseSize: "huge" },
  { ...OK_LEVY, employerId: 7 },
  { ...OK_LEVY, extra: true },
  { payroll: "1000.00", industryClass: 3 },
];

function smallScenario() {
  const s = structuredClone(EXAMPLE_SCENARIO) as unknown as {
    opening: { members: Record<string, Record<string, unknown>> };
    periods: { period: string; members: Record<string, Record<string, unknown>>; majorAccidentClaims?: unknown[] }[];
  };
  s.periods = s.periods.slice(0, 2);
  return s;
}

describe("JSON Schema = validator", () => {
  it("LevyInput: the issue's 35 cases are refused by both", () => {
    expect(ISSUE_LEVY_CASES).toHaveLength(35);
    for (const c of ISSUE_LEVY_CASES) {
      const lib = outcome(() => computeLevy(JSON.parse(JSON.stringify(c))), "LevyInput", JSON.parse(JSON.stringify(c)));
      expect(lib.kind, JSON.stringify(c)).toBe("shape");
      agree("LevyInput", c, (x) => computeLevy(x as never));
    }
  });

  it("LevyInput: 4,000 generated inputs, computeLevy and the schema agree", () => {
    fc.assert(
      fc.property(levyInput, (input) => agree("LevyInput", input, (x) => computeLevy(x as never))),
      { ...runs(4000), seed: 10 },
    );
    // a meaningful mix: many accepted, many refused at the shape level
    expect(FIGURES.LevyInput!.accepted).toBeGreaterThan(100);
    expect(FIGURES.LevyInput!.shape).toBeGreaterThan(1000);
  });

  it("LevyInputs (a batch): computeLevies and the schema agree", () => {
    fc.assert(
      fc.property(fc.array(levyInput, { maxLength: 4 }), (inputs) => agree("LevyInputs", inputs, (x) => computeLevies(x as never))),
      { ...runs(1000), seed: 11 },
    );
  });

  it("Scenario: the issue's cases are refused by both", () => {
    const cases: ((s: ReturnType<typeof smallScenario>) => void)[] = [
      (s) => {
        s.periods[0]!.members.sip!.income = "-5.00";
      },
      (s) => {
        s.periods[0]!.members.sip!.income = "5.001";
      },
      (s) => {
        s.periods[0]!.majorAccidentClaims = [{ member: "sip", amount: "-100.00" }];
      },
      (s) => {
        s.periods[0]!.members.nowhere = { expenditure: "0" };
      },
      (s) => {
        delete s.periods[0]!.members.sip;
      },
      (s) => {
        delete s.opening.members.wujiang;
      },
      (s) => {
        s.opening.members.nowhere = structuredClone(s.opening.members.sip!);
      },
      (s) => {
        s.periods[0]!.majorAccidentClaims = [{ member: "nowhere", amount: "100.00" }];
      },
      (s) => {
        s.periods[0]!.members.sip!.expenditure = -1;
      },
    ];
    for (const mutate of cases) {
      const s = smallScenario();
      mutate(s);
      const lib = outcome(() => simulate(JSON.parse(JSON.stringify(s))), "Scenario", JSON.parse(JSON.stringify(s)));
      expect(lib.kind, JSON.stringify(lib)).toBe("shape");
      agree("Scenario", s, (x) => simulate(x as never));
    }
    // duplicate periods: refused by the library (PERIOD_OUT_OF_ORDER, which depends on the order of the
    // periods); JSON Schema has no keyword for "unique by a key", so the schema cannot state it
    const dup = smallScenario();
    dup.periods[1] = structuredClone(dup.periods[0]!);
    expect(outcome(() => simulate(dup as never))).toMatchObject({ kind: "other", code: "PERIOD_OUT_OF_ORDER" });
  });

  it("Scenario: 1,500 generated scenarios, simulate and the schema agree", () => {
    const flow = record({ income: money, expenditure: money, cutRelief: money, syncInducedRelief: money, levies: fc.array(levyInput, { maxLength: 2 }) }, [
      "expenditure",
    ]);
    const arb = fc
      .record({
        member: fc.constantFrom(...MEMBER_IDS, "nowhere", "__proto__"),
        flow,
        which: fc.constantFrom("flow", "opening", "drop", "claim", "remit"),
        value: money,
        field: fc.constantFrom("priorYearBalance", "priorYearExpenditure", "currentSurplus", "legacyFunds", "yearToDateIncome"),
      })
      .map(({ member, flow, which, value, field }) => {
        const s = smallScenario();
        if (which === "flow") s.periods[0]!.members[member] = flow;
        else if (which === "opening") s.opening.members[member] = { ...(s.opening.members[member] ?? s.opening.members.sip!), [field]: value };
        else if (which === "drop") delete s.periods[1]!.members[member];
        else if (which === "claim") s.periods[0]!.majorAccidentClaims = [{ member, amount: value }];
        else (s.periods[1] as Record<string, unknown>).provincialRemittances = { [member]: value };
        return s;
      });
    fc.assert(
      fc.property(arb, (s) => agree("Scenario", s, (x) => simulate(x as never))),
      { ...runs(1500), seed: 12 },
    );
    expect(FIGURES.Scenario!.accepted).toBeGreaterThan(100);
    expect(FIGURES.Scenario!.shape).toBeGreaterThan(300);
  }); // 1,500 simulations: seconds on a loaded 2-core machine (the property project gives 120 s)

  it("OpenPoolingInput: 2,000 generated inputs, openPooling and the schema agree", () => {
    const item = record({ id: fc.constantFrom(...MEMBER_IDS, "nowhere"), priorYearBalance: money, legacyFunds: money }, ["id", "priorYearBalance"]);
    const arb = fc.oneof(
      fc.array(item, { maxLength: 6 }),
      fc
        .tuple(fc.shuffledSubarray(MEMBER_IDS, { minLength: 4 }), money, money)
        .map(([ids, a, b]) => ids.map((id, i) => ({ id, priorYearBalance: i === 0 ? a : "100.00", ...(i === 1 ? { legacyFunds: b } : {}) }))),
    );
    fc.assert(
      fc.property(arb, fc.boolean(), (members, extra) => agree("OpenPoolingInput", extra ? { members, extra } : { members }, (x) => openPooling(x as never))),
      { ...runs(2000), seed: 13 },
    );
    expect(FIGURES.OpenPoolingInput!.accepted).toBeGreaterThan(50);
  });

  it("CoverDeficitInput: 2,000 generated inputs, coverDeficit and the schema agree", () => {
    const arb = record(
      {
        gap: mostly(goodMoney, money),
        currentSurplus: mostly(
          goodMoney.map((m) => `-${m}`),
          money,
        ),
        cumulativeBalance: mostly(goodMoney, money),
        syncInducedRelief: mostly(goodMoney, money),
        poolAvailable: mostly(goodMoney, money),
        period: mostly(fc.constantFrom("2021-07", "2022-01"), period),
        claimSubsidy: fc.oneof(fc.boolean(), fc.constantFrom("yes")),
        deficitBefore: mostly(goodMoney, money),
        deficitAfter: mostly(goodMoney, money),
      },
      ["gap", "currentSurplus", "cumulativeBalance", "syncInducedRelief", "poolAvailable"],
    );
    fc.assert(
      fc.property(arb, (input) => agree("CoverDeficitInput", input, (x) => coverDeficit(x as never))),
      { ...runs(2000), seed: 14 },
    );
    expect(FIGURES.CoverDeficitInput!.accepted).toBeGreaterThan(50);
  });

  it("outputs validate against their schemas: a levy, a batch, a coverage, a simulation of EXAMPLE_SCENARIO and its parts", () => {
    const levy = computeLevy({ employerId: "E1", period: "2020-09", industryClass: 3, payroll: "2000000.00", cutFraction: "0.5", ownCutFraction: "0.2" });
    const batch = computeLevies([{ period: "2021-07", industryClass: 1, payroll: "10.00" }, OK_LEVY]);
    const cover = coverDeficit({ gap: "100.00", currentSurplus: "20.00", cumulativeBalance: "30.00", syncInducedRelief: "10.00", poolAvailable: "1000.00" });
    const sim = simulate(EXAMPLE_SCENARIO);
    const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));
    const check = (name: SchemaName, value: unknown) => {
      const v = validator(name);
      expect(v(json(value)), `${name}: ${JSON.stringify(v.errors)}`).toBe(true);
      expect(schemas[name].safeParse(json(value)).success, name).toBe(true);
    };
    check("Levy", levy);
    check("LevyBatch", batch);
    check("LevyTotals", batch.totals);
    check("DeficitCoverage", cover);
    check("Simulation", sim);
    check("PeriodReport", sim.periods[0]);
    check("YearSummary", sim.years[0]);
    check("ConservationReport", sim.conservation);
    const start = initialState(EXAMPLE_SCENARIO.opening, EXAMPLE_SCENARIO.options);
    const settlement = settlePeriod(start.state, structuredClone(EXAMPLE_SCENARIO.periods[0]) as never);
    check("Settlement", settlement);
    for (const name of ["Levy", "LevyBatch", "Settlement", "Simulation", "PeriodReport", "YearSummary", "DeficitCoverage"] as const) {
      expect(toJSONSchema(name)).toMatchObject({ title: name, "x-io": "output", additionalProperties: false });
    }
  });

  it("figures", () => {
    // printed for the record (the issue's report); each schema saw thousands of inputs
    console.log(JSON.stringify(FIGURES));
    expect(Object.keys(FIGURES).length).toBeGreaterThanOrEqual(4);
  });
});
