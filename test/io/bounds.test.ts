/**
 * Bounds (issue 10, item 6): every numeric input of every public function,
 * out of range in each form (a long string, a big number, a tiny or huge
 * `Decimal`, a `Decimal` with many digits), is answered with a PoolingError
 * (`AMOUNT_OUT_OF_RANGE` or the field's own code) within a millisecond, before
 * any arithmetic; each input field is read once.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import * as lib from "../../src/index.js";
import { isPoolingError } from "../../src/index.js";

/** Out-of-range values, one per form. */
const HUGE: [string, unknown][] = [
  ["a 70-digit string", "1".repeat(70)],
  ["a 65-character string of zeros and a one", `${"0".repeat(64)}1`],
  ["a 20-digit string", "9".repeat(20)],
  ["70 decimals", `0.${"1".repeat(68)}`],
  ["the number 1e300", 1e300],
  ["the number 1e16", 1e16],
  ["the number 1e-300", 1e-300],
  ["Decimal 1e9000000", new Decimal("1e9000000")],
  ["Decimal 1e-9000000", new Decimal("1e-9000000")],
  ["Decimal -1e9000000", new Decimal("-1e9000000")],
  ["a Decimal of 1,000 digits", new Decimal(`0.${"7".repeat(1000)}`)],
  ["a Decimal of 1e16", new Decimal("1e16")],
];

const scenario = () => {
  const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: { members: Record<string, Record<string, unknown>> }[] };
  s.periods = s.periods.slice(0, 1);
  return s;
};
const start = lib.initialState(EXAMPLE_SCENARIO.opening);
const flows = () => structuredClone(EXAMPLE_SCENARIO.periods[0]) as unknown as { members: Record<string, Record<string, unknown>> };

const SIM = scenario();
const FLOWS = flows();
const OPENING = structuredClone(EXAMPLE_SCENARIO.opening) as unknown as { members: Record<string, Record<string, unknown>> };

/** Each public function, with the out-of-range value in one of its numeric fields. */
const CALLS: [string, (x: unknown) => unknown][] = [
  ["computeLevy payroll", (x) => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: x as never })],
  ["computeLevy floatMultiplier", (x) => lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1", floatMultiplier: x as never })],
  ["computeLevy cityReserveMonths", (x) => lib.computeLevy({ period: "2020-09", industryClass: 1, payroll: "1", cityReserveMonths: x as never })],
  ["computeLevy employees", (x) => lib.computeLevy({ period: "2021-07", industryClass: 1, employees: ["1.00", x as never] })],
  ["computeLevies payroll", (x) => lib.computeLevies([{ period: "2021-07", industryClass: 1, payroll: x as never }])],
  [
    "computeLevies (collect) payroll",
    (x) => {
      const r = lib.computeLevies([{ period: "2021-07", industryClass: 1, payroll: x as never }], { errors: "collect" });
      throw r.errors[0]?.error;
    },
  ],
  ["syncInducedRelief payroll", (x) => lib.syncInducedRelief({ payroll: x as string, floatedRate: "0.002", cutFraction: "0.5", ownCutFraction: "0" })],
  ["effectiveRate cityReserveMonths", (x) => lib.effectiveRate({ industryClass: 1, period: "2020-09", cityReserveMonths: x as string })],
  ["floatedRate multiplier", (x) => lib.floatedRate(1, x as string, "2021-07")],
  ["moveFloatTier current", (x) => lib.moveFloatTier({ industryClass: 2, current: x as string, steps: 1 })],
  ["moveFloatTier steps", (x) => lib.moveFloatTier({ industryClass: 2, current: "1", steps: x as number })],
  ["nationalCutFraction", (x) => lib.nationalCutFraction(x as string)],
  ["requiredReserveMonths", (x) => lib.requiredReserveMonths(x as string)],
  ["reserveMonths balance", (x) => lib.reserveMonths(x as string, "100")],
  ["reserveMonths expenditure", (x) => lib.reserveMonths("100", x as string)],
  ["poolFloor", (x) => lib.poolFloor([x as string])],
  ["clawback", (x) => lib.clawback(x as string)],
  ["apportion total", (x) => lib.apportion(x as string, [1, 2])],
  ["apportion weight", (x) => lib.apportion("100.00", [1, x as string])],
  ["apportionTopUp amount", (x) => lib.apportionTopUp({ amount: x as string, members: [{ id: "municipal", priorYearBalance: "1", available: "1" }] })],
  ["coverDeficit gap", (x) => lib.coverDeficit({ gap: x as string, currentSurplus: "0", cumulativeBalance: "0", syncInducedRelief: "0", poolAvailable: "0" })],
  ["payByPriority poolAvailable", (x) => lib.payByPriority({ poolAvailable: x as string })],
  [
    "openPooling priorYearBalance",
    (x) =>
      lib.openPooling({
        members: ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"].map((id) => ({ id, priorYearBalance: id === "sip" ? (x as string) : "1" })),
      }),
  ],
  ["provincialRemittance year", (x) => lib.provincialRemittance({ year: x as number, members: [{ id: "municipal", amount: "1.00" }] })],
  ["provincialRemittance amount", (x) => lib.provincialRemittance({ year: 2021, members: [{ id: "municipal", amount: x as string }] })],
  ["fundStatements year", (x) => lib.fundStatements([], x as number)],
  [
    "consolidate opening",
    (x) => lib.consolidate([{ entity: "pool", opening: x as string, income: "0", expenditure: "0", closing: "0" } as unknown as lib.FundStatement]),
  ],
  [
    "simulate income",
    (x) => {
      SIM.periods[0]!.members.sip!.income = x; // the inputs are built once, outside the timing
      return lib.simulate(SIM as never);
    },
  ],
  [
    "settlePeriod income",
    (x) => {
      FLOWS.members.sip!.income = x;
      return lib.settlePeriod(start.state, FLOWS as never);
    },
  ],
  [
    "initialState priorYearBalance",
    (x) => {
      OPENING.members.sip!.priorYearBalance = x;
      return lib.initialState(OPENING as never);
    },
  ],
];

describe("out-of-range numbers: a PoolingError within a millisecond, whatever the form", () => {
  for (const [name, call] of CALLS) {
    it(name, () => {
      for (const [form, value] of HUGE) {
        // a bad value in a field that is not money, or whose own check comes first, may carry the field's code
        let error: unknown;
        try {
          call(value); // once before timing: zod compiles a schema on its first use
        } catch {}
        // the median of 21 timed calls: a bound on the work, not on the machine's load (a GC pause, a busy CPU)
        const times: number[] = [];
        for (let i = 0; i < 21; i++) {
          const t0 = performance.now();
          try {
            call(value);
            error = undefined;
          } catch (e) {
            error = e;
          }
          times.push(performance.now() - t0);
        }
        const each = times.sort((a, b) => a - b)[10]!;
        expect(isPoolingError(error), `${name}, ${form}: ${String(error)}`).toBe(true);
        expect(each, `${name}, ${form}: ${each.toFixed(3)} ms`).toBeLessThan(1);
      }
    });
  }

  it("AMOUNT_OUT_OF_RANGE is the code for a money value beyond the bounds, in every form", () => {
    for (const [form, value] of HUGE) {
      let code: string | undefined;
      try {
        lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: value as never });
      } catch (e) {
        code = (e as lib.PoolingError).code;
      }
      // "1e-300" and "1e-9000000" are tiny rather than huge: many decimals, refused as out of range too
      expect(code, form).toBe("AMOUNT_OUT_OF_RANGE");
    }
    // at the bound: accepted
    expect(lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: "1000000000000000" }).payroll).toBe("1000000000000000.00");
    expect(lib.computeLevy({ period: "2021-07", industryClass: 1, payroll: 1e15 }).payroll).toBe("1000000000000000.00");
  });

  it('new Decimal("1e9000000") as a member\'s income in settlePeriod is refused at once', () => {
    const f = flows();
    f.members.sip!.income = new Decimal("1e9000000");
    const t0 = performance.now();
    let caught: unknown;
    try {
      lib.settlePeriod(start.state, f as never);
    } catch (e) {
      caught = e;
    }
    expect(performance.now() - t0).toBeLessThan(50);
    expect(caught).toMatchObject({ code: "AMOUNT_OUT_OF_RANGE", path: ["flows", "members", "sip", "income"] });
  });
});

describe("each input field is read once", () => {
  it("a record whose getter changes its value on a second read: its own levy is one of the two readings, and every later record is computed correctly", () => {
    let reads = 0;
    const shifty = {
      employerId: "shifty",
      period: "2020-09",
      industryClass: 3,
      payroll: "1000.00",
      get cutFraction() {
        reads++;
        return reads === 1 ? "0.5" : "0.2";
      },
    };
    const plain = { employerId: "plain", period: "2020-09", industryClass: 3, payroll: "1000.00", cutFraction: "0.5" } satisfies lib.LevyInput;
    const batch = lib.computeLevies([shifty, plain, plain] as lib.LevyInput[]);
    expect(reads).toBe(1);
    expect(batch.items[0]!.cutFraction).toBe("0.5");
    expect(batch.items[1]).toEqual(lib.computeLevy(plain));
    expect(batch.items[2]).toEqual(lib.computeLevy(plain));
    // and the other way round: a getter that reads "0.2" second on a path the fast path leaves
    let reads2 = 0;
    const shifty2 = {
      period: "2020-09",
      industryClass: 3,
      payroll: "1000.001",
      get cutFraction() {
        reads2++;
        return reads2 === 1 ? "0.5" : "abc";
      },
    };
    const r = lib.computeLevies([shifty2, plain] as lib.LevyInput[], { errors: "collect" });
    expect(reads2).toBe(1);
    expect(r.errors[0]!.error.code).toBe("AMOUNT_NOT_IN_FEN"); // the payroll, not a cutFraction read a second time
    expect(r.items).toEqual([lib.computeLevy(plain)]);
  });
});
