/**
 * The fast path of computeLevies against the decimal path (computeLevy, one by
 * one): the same items to the fen, byte for byte, the same totals, the same errors.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeLevies,
  computeLevy,
  floatTiers,
  type LevyInput,
  type Policy,
  PoolingError,
  RELIEF_2020,
  SUZHOU_2020,
  streamLevies,
  withReliefOverlays,
} from "../../src/index.js";
import { runs } from "../support/fc.js";

const periodArb = fc.constantFrom("2020-05", "2020-06", "2020-12", "2021-04", "2021-05", "2021-07", "2023-01", "2020-04", "2020-13");
/** Payrolls up to 10^12 yuan, as strings and numbers, with 0–3 decimals. */
const payrollArb = fc.oneof(
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom(0, 1, 2, 3)).map(([n, dp]) => new Decimal(n.toString()).div(10 ** dp).toFixed(dp)),
  fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n / 100),
  // exact half-fen products: class 2 at 0.5 is 0.0015, so odd multiples of 1/3 fen… and 0.015 × 5.00
  fc.constantFrom("5.00", "15", "25.00", "1000.005", "0.01", "0", "1e5", "-1", " 1"),
);
const numArb = (values: string[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map(Number),
    fc.constantFrom(...values).map((v) => new Decimal(v)),
  );

const inputArb: fc.Arbitrary<LevyInput> = fc
  .record(
    {
      employerId: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(7 as unknown as string)),
      period: periodArb,
      industryClass: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom("1", "8", "3.0", "x")),
      payroll: payrollArb,
      floatMultiplier: numArb(["1", "0.5", "0.8", "1.2", "1.5", "1.20", "0.9"]),
      cutFraction: numArb(["0", "0.2", "0.5", "0.50", "1"]),
      cityReserveMonths: fc.oneof(numArb(["0", "18", "23.5", "30"]), fc.constant(null)),
      ownCutFraction: numArb(["0", "0.2", "0.5"]),
      ownReserveMonths: fc.oneof(numArb(["10", "20", "24"]), fc.constant(null)),
      enterpriseSize: fc.constantFrom("large", "small", "micro", "huge"),
      extra: fc.constant("?"),
    },
    { requiredKeys: ["period", "industryClass"] },
  )
  .map((r) => r as unknown as LevyInput);

function slowBatch(inputs: LevyInput[], policy: Policy = SUZHOU_2020) {
  return inputs.map((input, i) => {
    try {
      return computeLevy(input, policy);
    } catch (e) {
      if (e instanceof PoolingError) return { error: e.code, path: [i, ...e.path], message: e.message.replace(/ at [^:]*:/, "") };
      throw e;
    }
  });
}

describe("fast path = decimal path", () => {
  for (const [name, policy] of [
    ["SUZHOU_2020", SUZHOU_2020],
    ["with the 2020 relief overlay", withReliefOverlays(SUZHOU_2020, RELIEF_2020)],
  ] as const) {
    it(`item by item, byte for byte, ${name}`, () => {
      fc.assert(
        fc.property(fc.array(inputArb, { maxLength: 40 }), (inputs) => {
          const expected = slowBatch(inputs, policy);
          const firstError = expected.findIndex((r) => "error" in r);
          if (firstError >= 0) {
            // the batch fails at the first bad record, with the same code and path
            let caught: unknown;
            try {
              computeLevies(inputs, policy);
            } catch (e) {
              caught = e;
            }
            const err = caught as PoolingError;
            expect(err).toBeInstanceOf(PoolingError);
            const want = expected[firstError] as { error: string; path: unknown[] };
            expect([err.code, err.path]).toEqual([want.error, want.path]);
            return;
          }
          const batch = computeLevies(inputs, policy);
          expect(JSON.stringify(batch.items)).toBe(JSON.stringify(expected));
          for (const k of ["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const) {
            expect(batch.totals[k]).toBe(batch.items.reduce((s, l) => s.plus(l[k]), new Decimal(0)).toFixed(2));
          }
          expect(new Decimal(batch.totals.payroll).eq(batch.items.reduce((s, l) => s.plus(l.payroll), new Decimal(0)))).toBe(true);
        }),
        runs(300),
      );
    });
  }

  it("valid records only: thousands of them, up to 10^12 yuan, with half-fen edges", () => {
    const valid = fc
      .record({
        period: fc.constantFrom("2020-05", "2020-09", "2021-04", "2021-05", "2022-01"),
        industryClass: fc.integer({ min: 1, max: 8 }),
        tier: fc.nat(),
        payroll: fc.oneof(
          fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2)),
          fc.integer({ min: 1, max: 100000 }).map((n) => `${n}.00`),
        ),
        cut: fc.constantFrom("0.2", "0.5"),
        own: fc.constantFrom(undefined, "0", "0.2", "0.5"),
      })
      .map(({ tier, industryClass, cut, own, ...r }) => {
        const ladder = floatTiers(industryClass as never);
        const input = { ...r, industryClass, floatMultiplier: ladder[tier % ladder.length]!, cutFraction: cut } as LevyInput;
        if (own !== undefined) input.ownCutFraction = own;
        return input;
      });
    fc.assert(
      fc.property(fc.array(valid, { minLength: 50, maxLength: 200 }), (inputs) => {
        expect(computeLevies(inputs).items).toEqual(inputs.map((i) => computeLevy(i)));
      }),
      runs(30),
    );
  });

  it("streamLevies yields the same items and returns the totals", () => {
    const inputs: LevyInput[] = [
      { period: "2021-07", industryClass: 2, payroll: "5.00" },
      { period: "2021-07", industryClass: 1, payroll: "10000" },
      { period: "2020-09", industryClass: 3, payroll: "2000000.00", floatMultiplier: "0.8", cutFraction: "0.2", employees: undefined },
    ];
    const stream = streamLevies(inputs);
    const items = [];
    let step = stream.next();
    while (!step.done) {
      items.push(step.value);
      step = stream.next();
    }
    const batch = computeLevies(inputs);
    expect(items).toEqual(batch.items);
    expect(step.value).toEqual(batch.totals);
    expect(step.value.premium).toBe("6415.02");
  });

  it("results do not share mutable state: citations are frozen where shared", () => {
    const { items } = computeLevies([
      { period: "2021-07", industryClass: 2, payroll: "5.00" },
      { period: "2021-07", industryClass: 2, payroll: "6.00" },
    ]);
    expect(() => (items[0]!.citations as unknown[]).push(1)).toThrow(TypeError);
    expect(items[1]!.citations).toHaveLength(2);
  });
});
