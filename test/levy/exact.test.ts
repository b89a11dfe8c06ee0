/**
 * Exactness of the integer-fen representation at every scale: rates with 23
 * and more decimals (where a float power of ten, `BigInt(10 ** n)`, is no
 * longer exact) give the same figures in batch as one by one, equal to an
 * independent exact computation; and syncInducedRelief is the levy's own.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevies, computeLevy, definePolicy, type LevyInput, type NumericInput, SUZHOU_2020, streamLevies, syncInducedRelief } from "../../src/index.js";
import { runs } from "../support/fc.js";

const X = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });
const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/**
 * SUZHOU_2020 with its cut window listing `fractions` as cuts the rule knows: a cut must be one the
 * policy lists (0.5), so exactness at long fractions is tested on a policy that lists them.
 */
function policyKnowing(fractions: readonly string[]) {
  const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
  json.rateCut[0].value.fractions = ["0", ...new Set(fractions)];
  return definePolicy(json);
}

/** A fraction in (0, 1) written with exactly `n` decimals. */
const longFraction = (n: number) => fc.bigInt({ min: 1n, max: 10n ** BigInt(n) - 1n }).map((k) => `0.${k.toString().padStart(n, "0")}`);

describe("10^23 scale and beyond: batch = single = exact", () => {
  it("a rate of 25 decimals whose product is exactly half a fen (0.4's fast path, scaling by BigInt(10 ** 25), gave 18518.50)", () => {
    // rate = 5^22 × 1234567 / 10^25; payroll 2^24 × 125 × 3 fen: the product is 3 × 1234567 / 2 = 1851850.5 fen exactly
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.baseRates[0].value["1"] = "0.0002943437099456787109375";
    const policy = definePolicy(json);
    const input: LevyInput = { employerId: "half-fen", period: "2021-07", industryClass: 1, payroll: "62914560.00" };
    const exact = new X("62914560.00").times("0.0002943437099456787109375");
    expect(exact.toFixed()).toBe("18518.505");
    const single = computeLevy(input, policy);
    expect(single.premium).toBe("18518.51");
    expect(computeLevies([input, input], {}, policy).items).toEqual([single, single]);
    expect(computeLevies([input, input], {}, policy).totals.premium).toBe("37037.02");
    const streamed = [...streamLevies([input], {}, policy)];
    expect(streamed).toEqual([single]);
  });

  it("a record whose effective rate has 28 decimals", () => {
    // floated 0.0225 (class 8 × 1.5) × (1 − f) with f of 23 decimals: 4 + 23 decimals, plus the multiplier's one
    const input: LevyInput = {
      employerId: "big",
      period: "2020-09",
      industryClass: 8,
      floatMultiplier: "1.5",
      payroll: "847087703.00",
      cutFraction: "0.20000000000000000000001",
      ownCutFraction: "0.00000000000000000000003",
    };
    const policy = policyKnowing([input.cutFraction as string, input.ownCutFraction as string]);
    const single = computeLevy(input, policy);
    const batch = computeLevies([input, input], {}, policy);
    expect(batch.items).toEqual([single, single]);
    const floated = new X("0.015").times("1.5");
    expect(single.premium).toBe(fen(new X("847087703.00").times(floated).times(new X(1).minus(input.cutFraction as string))));
    expect(single.premiumBeforeCut).toBe(fen(new X("847087703.00").times(floated)));
    expect(single.effectiveRate).toBe(floated.times(new X(1).minus(input.cutFraction as string)).toFixed());
    expect(batch.totals.premium).toBe(new X(single.premium).times(2).toFixed(2));
  });

  it("generated: cut fractions of 20 to 40 decimals, payrolls to 10^12 yuan", () => {
    const arb = fc
      .record({
        cls: fc.integer({ min: 2, max: 8 }),
        tier: fc.constantFrom("0.5", "0.8", "1", "1.2", "1.5"),
        payroll: fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2)),
        cut: fc.integer({ min: 20, max: 40 }).chain(longFraction),
        own: fc.option(fc.integer({ min: 20, max: 40 }).chain(longFraction), { nil: undefined }),
      })
      .map(({ cls, tier, payroll, cut, own }) => {
        const input = { period: "2020-09", industryClass: cls, floatMultiplier: tier, payroll, cutFraction: cut } as LevyInput;
        if (own !== undefined) input.ownCutFraction = own as NumericInput;
        return input;
      });
    const BASE = ["0.0015", "0.003", "0.005", "0.006", "0.008", "0.009", "0.011", "0.015"];
    fc.assert(
      fc.property(fc.array(arb, { minLength: 1, maxLength: 30 }), (inputs) => {
        const policy = policyKnowing(
          inputs.flatMap((input) => [input.cutFraction as string, ...(input.ownCutFraction !== undefined ? [input.ownCutFraction as string] : [])]),
        );
        const batch = computeLevies(inputs, {}, policy);
        inputs.forEach((input, i) => {
          const single = computeLevy(input, policy);
          expect(batch.items[i]).toEqual(single);
          const amount = new X(input.payroll as string).times(BASE[(input.industryClass as number) - 1]!).times(input.floatMultiplier as string);
          const premium = fen(amount.times(new X(1).minus(input.cutFraction as string)));
          expect(single.premium).toBe(premium);
          // The own cut is never assumed (0.5): without it the sync-induced relief is 0.
          const own = new X((input.ownCutFraction as string | undefined) ?? 1);
          const sync = own.gte(input.cutFraction as string) ? "0.00" : new X(fen(amount.times(new X(1).minus(own)))).minus(premium).toFixed(2);
          expect(single.syncInducedRelief).toBe(sync);
        });
      }),
      runs(100),
    );
  });
});

describe("syncInducedRelief: the levy's own rule", () => {
  it("the worked example: class 3 at 0.8, 2,000,000.00, cut 0.2, own cut 0", () => {
    expect(syncInducedRelief({ payroll: "2000000.00", floatedRate: "0.004", cutFraction: "0.2", ownCutFraction: "0" })).toBe("1600.00");
    expect(syncInducedRelief({ payroll: "8000.00", cutFraction: "0.5", ownCutFraction: "0.2" })).toBe("2400.00");
    expect(syncInducedRelief({ payroll: "8000.00", cutFraction: "0.2", ownCutFraction: "0.5" })).toBe("0.00");
  });

  it("equals computeLevy's syncInducedRelief on generated records", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom("0.5", "0.8", "1", "1.2", "1.5"),
        fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2)),
        fc.constantFrom("0.2", "0.5"),
        fc.constantFrom("0", "0.2", "0.5"),
        (cls, tier, payroll, cut, own) => {
          const levy = computeLevy({
            period: "2020-09",
            industryClass: cls,
            floatMultiplier: tier,
            payroll,
            cutFraction: cut,
            ownCutFraction: own,
          } as LevyInput);
          expect(syncInducedRelief({ payroll, floatedRate: levy.floatedRate, cutFraction: cut, ownCutFraction: own })).toBe(levy.syncInducedRelief);
        },
      ),
      runs(300),
    );
  });
});
