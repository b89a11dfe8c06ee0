/**
 * Reserved names (`__proto__`, `constructor`, `prototype`, every property of a plain object) in every map-shaped
 * input and every id that keys a result: refused before any figure is read (`RESERVED_KEY`; `UNKNOWN_MEMBER` in a
 * map keyed by the policy's members), never dropped, so no money is lost (0.6.0: `apportionTopUp` lost the share of
 * a member `__proto__`; `consolidate` dropped an own `"__proto__"` category; `yearEndTrueUp` dropped an own
 * `"__proto__"` key of `subsidiesPaid`, its subsidy with it; a state's `__proto__` balance vanished).
 */
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import * as lib from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

/** The same object with an own key `key` (a literal `{ __proto__: … }` would set the prototype instead). */
const withKey = (object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> => {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
};
const RESERVED = ["__proto__", "constructor", "prototype", "toString"];

describe("reserved names are refused in every map-shaped input, no money lost", () => {
  it("apportionTopUp: a member id __proto__ (0.6.0: 50.00 to raise, contributions { B: 25.00 }, shortfall 0.00)", () => {
    for (const id of RESERVED) {
      const input = {
        amount: "50.00",
        members: [
          { id, priorYearBalance: "1", available: "100.00" },
          { id: "B", priorYearBalance: "1", available: "100.00" },
        ],
      };
      expectPoolingError(() => lib.apportionTopUp(input), "RESERVED_KEY", ["members", 0, "id"]);
    }
    // the same split with ordinary ids: both shares and no shortfall
    const ok = lib.apportionTopUp({
      amount: "50.00",
      members: [
        { id: "A", priorYearBalance: "1", available: "100.00" },
        { id: "B", priorYearBalance: "1", available: "100.00" },
      ],
    });
    expect(ok.contributions).toEqual({ A: "25.00", B: "25.00" });
  });

  it("consolidate: an own __proto__ (or constructor) category of income, expenditure and the months before pooling", () => {
    const base = {
      entity: "member:sip",
      opening: "0.00",
      income: { contributions: "10.00" },
      expenditure: {},
      transfersIn: [],
      transfersOut: [],
      closing: "10.00",
    };
    for (const key of RESERVED) {
      const income = withKey({}, key, "10.00");
      expectPoolingError(() => lib.consolidate([{ ...base, income } as never]), "RESERVED_KEY", [0, "income", key]);
      const expenditure = withKey({}, key, "0.00");
      expectPoolingError(() => lib.consolidate([{ ...base, expenditure } as never]), "RESERVED_KEY", [0, "expenditure", key]);
      const beforePooling = { from: "2020-01", to: "2020-04", income: withKey({}, key, "1.00"), expenditure: {} };
      expectPoolingError(() => lib.consolidate([{ ...base, closing: "11.00", beforePooling } as never]), "RESERVED_KEY", [0, "beforePooling", "income", key]);
    }
    // parsed JSON, as a service or a CLI receives it
    const json = JSON.parse(
      '[{"entity":"pool","opening":"0.00","income":{"__proto__":"10.00"},"expenditure":{},"transfersIn":[],"transfersOut":[],"closing":"10.00"}]',
    );
    expectPoolingError(() => lib.consolidate(json), "RESERVED_KEY", [0, "income", "__proto__"]);
  });

  it("yearEndTrueUp: an own __proto__ key of subsidiesPaid (0.6.0: dropped, its subsidy with it)", () => {
    const input = JSON.parse(
      '{"grantsPaid":"0.00","subsidiesPaid":{"2020-07":"100.00","__proto__":"200.00"},"yearEndBalance":"0.00","syncInducedRelief":"0.00","grantableSubsidies":"0.00","grantsWaiting":"0.00"}',
    );
    expectPoolingError(() => lib.yearEndTrueUp(input), "RESERVED_KEY", ["subsidiesPaid", "__proto__"]);
    expectPoolingError(() => lib.yearEndTrueUp({ ...input, subsidiesPaid: { constructor: "1.00" } }), "RESERVED_KEY", ["subsidiesPaid", "constructor"]);
  });

  it("budgets and adjustments: a member named __proto__ or constructor", () => {
    const statements = lib.fundStatements(lib.simulate(EXAMPLE_SCENARIO).journal, 2021);
    for (const member of RESERVED) {
      expectPoolingError(() => lib.budgetExecution([{ member, year: 2021, income: {}, expenditure: {} }], [], { year: 2021, statements }), "RESERVED_KEY", [
        "budget",
        0,
        "member",
      ]);
    }
  });

  it("a settlement state: its balances, members and a member's yearSubsidies", () => {
    const { state } = lib.initialState(EXAMPLE_SCENARIO.opening);
    const flows = EXAMPLE_SCENARIO.periods[0]!;
    const balances = withKey(state.balances, "__proto__", "100.00");
    expectPoolingError(() => lib.settlePeriod({ ...state, balances } as never, flows), "RESERVED_KEY", ["state", "balances", "__proto__"]);
    const members = withKey(state.members, "__proto__", state.members.sip);
    expectPoolingError(() => lib.settlePeriod({ ...state, members } as never, flows), "UNKNOWN_MEMBER", ["state", "members", "__proto__"]);
    const sip = { ...state.members.sip!, yearSubsidies: withKey({}, "__proto__", "5.00") };
    expectPoolingError(() => lib.settlePeriod({ ...state, members: { ...state.members, sip } } as never, flows), "RESERVED_KEY", [
      "state",
      "members",
      "sip",
      "yearSubsidies",
      "__proto__",
    ]);
  });

  it("a scenario's member maps: __proto__, constructor, prototype are unknown members", () => {
    for (const key of RESERVED) {
      const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { opening: { members: Record<string, unknown> } };
      s.opening.members = withKey(s.opening.members, key, s.opening.members.sip);
      expectPoolingError(() => lib.simulate(s as never), "UNKNOWN_MEMBER", ["opening", "members", key]);
    }
  });

  it("a policy's member ids: prototype too", () => {
    const json = JSON.parse(JSON.stringify(lib.SUZHOU_2020));
    json.members[0].value[0].id = "prototype";
    expect(() => lib.definePolicy(json)).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
  });

  it("explain: a report whose members map has a __proto__ key", () => {
    const { state } = lib.initialState(EXAMPLE_SCENARIO.opening);
    const { report } = lib.settlePeriod(state, EXAMPLE_SCENARIO.periods[0]!);
    const members = withKey(report.members, "__proto__", report.members.sip);
    expectPoolingError(() => lib.explain({ ...report, members } as never), "RESERVED_KEY", ["result", "members", "__proto__"]);
  });

  it("ids that are data, not keys, lose nothing: payByPriority pays a claim of a member named __proto__", () => {
    const r = lib.payByPriority({ poolAvailable: "10.00", subsidy: [{ member: "__proto__", amount: "4.00" }] });
    expect(r.classes.subsidy).toEqual([{ member: "__proto__", claimed: "4.00", paid: "4.00", unpaid: "0.00", clawback: "0.80" }]);
    expect(r.poolRemaining).toBe("6.00");
  });
});
