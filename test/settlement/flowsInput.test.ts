/**
 * The scenario's fast read (plain money strings straight to fen) against the
 * scenario's schema: on valid scenarios the same figures; on any other input
 * the very error the schema reports (code, path, messages), or the same figures
 * when the schema accepts an unusual form.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deficitScenario } from "../../bench/simScenario.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { PoolingError } from "../../src/index.js";
import { parseInput } from "../../src/schema/parse.js";
import { flowsInFen, parseScenario } from "../../src/settlement/flowsInput.js";
import { ScenarioSchema } from "../../src/settlement/schema.js";
import { runs } from "../support/fc.js";
import { scenarioArb } from "./arbitraries.js";

/** What the schema alone gives (or throws). */
function bySchema(scenario: unknown) {
  const parsed = parseInput(ScenarioSchema, scenario);
  return { ...parsed, periods: parsed.periods.map(flowsInFen) };
}

/** The outcome of a read: the value, or the error's code, path and messages. */
function outcome(read: () => unknown): unknown {
  try {
    return { value: read() };
  } catch (e) {
    if (!(e instanceof PoolingError)) throw e;
    return { code: e.code, path: e.path, message: e.message, messageZh: e.messageZh };
  }
}

/** Figures compared as values: the opening's decimals by their text, fen as bigint. */
const comparable = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)));

function expectSameAsSchema(scenario: unknown) {
  expect(comparable(outcome(() => parseScenario(scenario)))).toEqual(comparable(outcome(() => bySchema(scenario))));
}

describe("the scenario's fast read equals the schema's", () => {
  it("the example and deficit-heavy scenarios", () => {
    expectSameAsSchema(EXAMPLE_SCENARIO);
    expectSameAsSchema(deficitScenario(7, 30));
  });

  it("generated scenarios", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(scenarioArb(24), (s) => expectSameAsSchema(s)),
      runs(60),
    );
  });

  const base = () => structuredClone(deficitScenario(3, 4)) as Record<string, unknown> & { periods: Record<string, unknown>[] };
  const memberOf = (s: ReturnType<typeof base>, k = 1) => (s.periods[k]!.members as Record<string, Record<string, unknown>>).m1!;
  const variants: [string, (s: ReturnType<typeof base>) => void][] = [
    [
      "a number",
      (s) => {
        memberOf(s).income = 1234.5;
      },
    ],
    [
      "one decimal",
      (s) => {
        memberOf(s).income = "1234.5";
      },
    ],
    [
      "no decimals",
      (s) => {
        memberOf(s).expenditure = "1234";
      },
    ],
    [
      "a leading zero",
      (s) => {
        memberOf(s).expenditure = "01234.00";
      },
    ],
    [
      "three decimals",
      (s) => {
        memberOf(s).expenditure = "1.005";
      },
    ],
    [
      "three decimals, zero",
      (s) => {
        memberOf(s).expenditure = "1.000";
      },
    ],
    [
      "negative",
      (s) => {
        memberOf(s).income = "-1.00";
      },
    ],
    [
      "an exponent",
      (s) => {
        memberOf(s).income = "1e3";
      },
    ],
    [
      "too large",
      (s) => {
        memberOf(s).income = "1000000000000001.00";
      },
    ],
    [
      "10^15",
      (s) => {
        memberOf(s).income = "1000000000000000.00";
      },
    ],
    [
      "spaces",
      (s) => {
        memberOf(s).income = " 1.00";
      },
    ],
    [
      "null",
      (s) => {
        memberOf(s).income = null;
      },
    ],
    [
      "undefined",
      (s) => {
        memberOf(s).income = undefined;
      },
    ],
    [
      "expenditure missing",
      (s) => {
        delete memberOf(s).expenditure;
      },
    ],
    [
      "an unknown key",
      (s) => {
        memberOf(s).bonus = "1.00";
      },
    ],
    ["a reserved member key", (s) => void Object.defineProperty(s.periods[1]!.members, "constructor", { value: { expenditure: "1.00" }, enumerable: true })],
    [
      "a bad period",
      (s) => {
        s.periods[2]!.period = "2020-13";
      },
    ],
    [
      "an unknown period key",
      (s) => {
        s.periods[2]!.extra = 1;
      },
    ],
    [
      "lastPeriod not boolean",
      (s) => {
        s.periods[3]!.lastPeriod = "yes";
      },
    ],
    [
      "lastPeriod",
      (s) => {
        s.periods[3]!.lastPeriod = true;
      },
    ],
    [
      "a claim",
      (s) => {
        s.periods[0]!.majorAccidentClaims = [{ member: "m2", amount: "5.00", note: "n" }];
      },
    ],
    [
      "a claim without member",
      (s) => {
        s.periods[0]!.majorAccidentClaims = [{ member: "", amount: "5.00" }];
      },
    ],
    [
      "a claim with a bad note",
      (s) => {
        s.periods[0]!.majorAccidentClaims = [{ member: "m2", amount: "5.00", note: 3 }];
      },
    ],
    [
      "claims not an array",
      (s) => {
        s.periods[0]!.majorAccidentClaims = { member: "m2", amount: "5.00" };
      },
    ],
    [
      "a remittance in another form",
      (s) => {
        s.periods[1]!.provincialRemittances = { m0: 10, m1: "2.5" };
      },
    ],
    [
      "a reserved remittance key",
      (s) => {
        s.periods[1]!.provincialRemittances = { toString: "1.00" };
      },
    ],
    [
      "levy records",
      (s) => {
        memberOf(s).levies = [];
      },
    ],
    [
      "bad levy records",
      (s) => {
        memberOf(s).levies = [{ nope: 1 }];
      },
    ],
    [
      "no periods",
      (s) => {
        s.periods = [];
      },
    ],
    [
      "periods not an array",
      (s) => {
        (s as Record<string, unknown>).periods = {};
      },
    ],
    [
      "a bad name",
      (s) => {
        s.name = 3;
      },
    ],
    ["a name and options", (s) => Object.assign(s, { name: "n", description: "d", options: { claimSubsidy: true } })],
    [
      "bad options",
      (s) => {
        s.options = { claimSubsidy: "yes" };
      },
    ],
    [
      "an unknown scenario key",
      (s) => {
        s.extra = 1;
      },
    ],
    [
      "a bad opening",
      (s) => {
        (s.opening as Record<string, unknown>).start = "2020-5";
      },
    ],
    [
      "restatements",
      (s) => {
        s.restatements = [];
      },
    ],
    [
      "a period as an array",
      (s) => {
        s.periods[1] = [] as never;
      },
    ],
    [
      "a member as null",
      (s) => {
        (s.periods[1]!.members as Record<string, unknown>).m1 = null;
      },
    ],
  ];
  for (const [name, change] of variants) {
    it(`the same outcome: ${name}`, () => {
      const s = base();
      change(s);
      expectSameAsSchema(s);
    });
  }

  it("a scenario that is not an object, and a class instance", () => {
    expectSameAsSchema(null);
    expectSameAsSchema([]);
    expectSameAsSchema("scenario");
    expectSameAsSchema(Object.assign(new (class Scenario {})(), base()));
  });

  it("the read copies: changing the input afterwards changes nothing read", () => {
    const s = base();
    const read = parseScenario(s);
    memberOf(s).income = "9.99";
    expect(read.periods[1]!.members.m1!.income).not.toBe(999n);
  });
});
