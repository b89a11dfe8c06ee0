import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevies, computeLevy, floatTiers, type LevyInput, type NumericInput } from "../../src/index.js";
import { deepFreeze } from "../helpers.js";
import { runs } from "../support/fc.js";

const periodArb = fc
  .record({ year: fc.integer({ min: 2020, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) })
  .filter(({ year, month }) => year > 2020 || month >= 5)
  .map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}` as LevyInput["period"]);

/** Money up to 10^13 yuan with up to 2 decimals (whole fen: 0.5 refuses more), as a string. */
const payrollArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10_000_000_000_000n }), fc.constantFrom(0, 1, 2))
  .map(([units, dp]) => new Decimal(units.toString()).div(new Decimal(10).pow(dp)).toFixed());

/** The cuts the national rule knows (`rateCut.fractions`); any other is INVALID_CUT_FRACTION (tested below). */
const fractionArb = fc.constantFrom("0", "0.2", "0.5");

const levyInputArb: fc.Arbitrary<LevyInput> = fc
  .record({
    period: periodArb,
    industryClass: fc.integer({ min: 1, max: 8 }).map((n) => n as LevyInput["industryClass"]),
    payroll: payrollArb,
    tier: fc.nat(),
    cutFraction: fractionArb,
    ownCutFraction: fractionArb,
  })
  .map(({ tier, industryClass, ...rest }) => {
    const ladder = floatTiers(industryClass as never);
    return { ...rest, industryClass, floatMultiplier: ladder[tier % ladder.length]! } as LevyInput;
  });

describe("computeLevy properties (R4)", () => {
  it("premium + cutRelief = premiumBeforeCut, and premium ≤ premiumBeforeCut", () => {
    fc.assert(
      fc.property(levyInputArb, (input) => {
        const l = computeLevy(input);
        expect(new Decimal(l.premium).plus(l.cutRelief).toFixed(2)).toBe(l.premiumBeforeCut);
        expect(new Decimal(l.premium).lte(l.premiumBeforeCut)).toBe(true);
        expect(new Decimal(l.cutRelief).gte(0)).toBe(true);
        expect(new Decimal(l.syncInducedRelief).gte(0)).toBe(true);
        expect(new Decimal(l.syncInducedRelief).lte(l.cutRelief)).toBe(true);
        for (const k of ["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const) {
          expect(l[k]).toMatch(/^\d+\.\d{2}$/);
        }
      }),
      runs(500),
    );
  });

  it("premium is exactly payroll × effectiveRate rounded half-up to the fen", () => {
    fc.assert(
      fc.property(levyInputArb, (input) => {
        const l = computeLevy(input);
        const exact = new Decimal(l.payroll).times(l.effectiveRate);
        expect(l.premium).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        expect(new Decimal(l.premium).minus(exact).abs().lte("0.005")).toBe(true);
      }),
      runs(300),
    );
  });

  it("premium is monotone in payroll", () => {
    fc.assert(
      fc.property(levyInputArb, payrollArb, (input, extra) => {
        const a = computeLevy(input);
        const b = computeLevy({ ...input, payroll: new Decimal(String(input.payroll)).plus(extra).toFixed() as NumericInput });
        expect(new Decimal(b.premium).gte(a.premium)).toBe(true);
        expect(new Decimal(b.premiumBeforeCut).gte(a.premiumBeforeCut)).toBe(true);
      }),
      runs(300),
    );
  });

  it("a cut the rule does not know (city's or own) is INVALID_CUT_FRACTION", () => {
    fc.assert(
      fc.property(levyInputArb, fc.constantFrom("0.1", "0.25", "0.3", "0.75", "0.999"), fc.boolean(), (input, bad, own) => {
        const wrong = own ? { ...input, ownCutFraction: bad } : { ...input, cutFraction: bad };
        expect(() => computeLevy(wrong)).toThrow(expect.objectContaining({ code: "INVALID_CUT_FRACTION" }));
      }),
      runs(100),
    );
  });

  it("syncInducedRelief is 0 when ownCut ≥ cut and equals cutRelief when ownCut is 0", () => {
    fc.assert(
      fc.property(levyInputArb, (input) => {
        const own = computeLevy(input);
        if (new Decimal(own.ownCutFraction ?? "1").gte(own.cutFraction)) expect(own.syncInducedRelief).toBe("0.00");
        const zero = computeLevy({ ...input, ownCutFraction: "0" });
        expect(zero.syncInducedRelief).toBe(zero.cutRelief);
        // The own cut is never assumed (0.5): without it, no gap is attributed to the city-wide cut.
        const { ownCutFraction: _omit, ...withoutOwn } = input;
        const notGiven = computeLevy(withoutOwn);
        expect(notGiven.syncInducedRelief).toBe("0.00");
        expect(notGiven.ownCutSource).toBe("notGiven");
        expect(notGiven.ownCutFraction).toBeNull();
      }),
      runs(300),
    );
  });

  it("computeLevies equals computeLevy item by item, and its totals are the sums", () => {
    fc.assert(
      fc.property(fc.array(levyInputArb, { maxLength: 30 }), (inputs) => {
        const batch = computeLevies(inputs);
        expect(batch.items).toEqual(inputs.map((i) => computeLevy(i)));
        for (const k of ["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const) {
          const sum = batch.items.reduce((s, l) => s.plus(l[k]), new Decimal(0));
          expect(batch.totals[k]).toBe(sum.toFixed(2));
        }
        const payroll = batch.items.reduce((s, l) => s.plus(l.payroll), new Decimal(0));
        expect(new Decimal(batch.totals.payroll).eq(payroll)).toBe(true);
      }),
      runs(100),
    );
  });

  it("accepts any iterable, e.g. a generator", () => {
    fc.assert(
      fc.property(fc.array(levyInputArb, { maxLength: 10 }), (inputs) => {
        function* gen() {
          yield* inputs;
        }
        expect(computeLevies(gen())).toEqual(computeLevies(inputs));
      }),
      runs(50),
    );
  });

  it("never mutates its input (deep-frozen inputs pass) and gives the same output twice", () => {
    fc.assert(
      fc.property(levyInputArb, (input) => {
        const snapshot = JSON.stringify(input);
        const frozen = deepFreeze(structuredClone(input));
        const a = computeLevy(frozen);
        expect(JSON.stringify(frozen)).toBe(snapshot);
        expect(computeLevy(frozen)).toEqual(a);
        expect(JSON.stringify(computeLevy(frozen))).toBe(JSON.stringify(a));
      }),
      runs(200),
    );
    const batch = deepFreeze([{ period: "2021-05", industryClass: 1, payroll: "1" } satisfies LevyInput]);
    expect(computeLevies(batch).items).toHaveLength(1);
  });
});
