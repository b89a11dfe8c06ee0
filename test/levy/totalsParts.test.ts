/**
 * The totals of a batch cut into parts (`LevyTotalsSum.parts` / `addParts`,
 * what `levy --workers` adds up) are the totals of the whole batch, exactly,
 * whatever the cut and whatever the payrolls' decimals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevies, type LevyInput, SUZHOU_2020 } from "../../src/index.js";
import { createLevyCalculator } from "../../src/levy/fastLevy.js";
import { LevyTotalsSum } from "../../src/levy/totals.js";
import { policyRef } from "../../src/policy/paramsAt.js";
import { runs } from "../support/fc.js";

const record = fc.record({
  period: fc.constantFrom("2021-07", "2022-01", "2023-03"),
  industryClass: fc.integer({ min: 1, max: 8 }),
  payroll: fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => `${f / 100n}.${String(f % 100n).padStart(2, "0")}`),
    fc.bigInt({ min: 0n, max: 10n ** 9n }).map(String),
  ),
});

describe("LevyTotalsSum parts", () => {
  it("the parts' sums added up are the whole batch's totals", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 4 }), (inputs, cuts) => {
        const whole = computeLevies(inputs as LevyInput[]).totals;
        const bounds = [0, ...[...new Set(cuts.map((c) => c % inputs.length))].sort((a, b) => a - b), inputs.length];
        const merged = new LevyTotalsSum(policyRef(SUZHOU_2020));
        for (let i = 0; i + 1 < bounds.length; i++) {
          const part = computeLevies(inputs.slice(bounds[i], bounds[i + 1]) as LevyInput[]);
          const sum = new LevyTotalsSum(policyRef(SUZHOU_2020));
          // the part's sums through the calculator the batch (and each worker of levy --workers) uses
          const calc = createLevyCalculator(SUZHOU_2020);
          for (const input of inputs.slice(bounds[i], bounds[i + 1])) calc.compute(input as LevyInput, sum);
          expect(sum.result()).toEqual(part.totals);
          merged.addParts(sum.parts());
        }
        expect(merged.result()).toEqual(whole);
      }),
      runs(200),
    );
  });

  it("a payroll with more decimals in one part only: the merged payroll keeps every digit", () => {
    const a = new LevyTotalsSum(policyRef(SUZHOU_2020));
    const b = new LevyTotalsSum(policyRef(SUZHOU_2020));
    const zero = { premiumBeforeCut: 0, premium: 0, cutRelief: 0, syncInducedRelief: 0, reliefWaived: 0 } as never;
    a.add(zero, 1234, 2); // 12.34
    b.add(zero, 5, 3); // 0.005
    const merged = new LevyTotalsSum(policyRef(SUZHOU_2020));
    merged.addParts(a.parts());
    merged.addParts(b.parts());
    expect(merged.result().payroll).toBe("12.345");
    const other = new LevyTotalsSum(policyRef(SUZHOU_2020));
    other.addParts(b.parts());
    other.addParts(a.parts());
    expect(other.result()).toEqual(merged.result());
  });
});
