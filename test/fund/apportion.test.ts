import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, apportionTopUp } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

const fen = (s: string) => BigInt(new Decimal(s).times(100).toFixed(0));
const totalArb = fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2));
const weightArb = fc.oneof(
  fc.constant("0"),
  fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => new Decimal(n.toString()).div(100).toFixed(2)),
  fc.integer({ min: 0, max: 1000 }).map(String),
);

describe("apportion (R7: largest remainder in fen)", () => {
  it("the rules' example: 1.00 by 1, 1, 1 → 0.34, 0.33, 0.33", () => {
    expect(apportion("1.00", [1, 1, 1])).toEqual(["0.34", "0.33", "0.33"]);
  });
  it("10 fen by 7:2:1:1 → 6, 2, 1, 1 (not dinero's round-robin 7, 2, 1, 0)", () => {
    expect(apportion("0.10", [7, 2, 1, 1])).toEqual(["0.06", "0.02", "0.01", "0.01"]);
  });
  it("ties go to the larger weight, then to the earlier position", () => {
    // 0.05 by 1, 2, 2, 1 (sum 6): exact 0.8333, 1.6667, 1.6667, 0.8333 fen → floors 0,1,1,0; leftover 3
    // remainders 5/6, 4/6, 4/6, 5/6 → the two 5/6 first (weights equal: earlier first), then weight 2 earlier
    expect(apportion("0.05", [1, 2, 2, 1])).toEqual(["0.01", "0.02", "0.01", "0.01"]);
    // equal remainders and weights: the earlier wins
    expect(apportion("0.01", [1, 1])).toEqual(["0.01", "0.00"]);
    expect(apportion("0.02", [1, 1, 1])).toEqual(["0.01", "0.01", "0.00"]);
    // equal remainders, different weights: 0.01 by 3:3:... use weights whose remainders tie: 0.03 by 1, 3 → exact 0.75, 2.25 → floors 0, 2; remainders .75, .25 → first
    expect(apportion("0.03", [1, 3])).toEqual(["0.01", "0.02"]);
  });
  it("zero total gives zeros; zero weights get nothing", () => {
    expect(apportion("0.00", [0, 0])).toEqual(["0.00", "0.00"]);
    expect(apportion("5.00", [0, 1, 0])).toEqual(["0.00", "5.00", "0.00"]);
    expect(apportion("0", [])).toEqual([]);
  });
  it("rejects bad input", () => {
    expectPoolingError(() => apportion("1.00", [0, 0]), "NO_POSITIVE_WEIGHT", ["weights"]);
    expectPoolingError(() => apportion("1.00", [1, -1]), "INVALID_WEIGHT", ["weights", 1]);
    expectPoolingError(() => apportion("1.001", [1]), "AMOUNT_NOT_IN_FEN", ["total"]);
    expectPoolingError(() => apportion("-1.00", [1]), "NEGATIVE_AMOUNT", ["total"]);
    expectPoolingError(() => apportion("1.00", "1,1" as never), "INVALID_TYPE", ["weights"]);
  });

  it("property: parts sum to the total, each within one fen of its exact share, zero weight → zero", () => {
    fc.assert(
      fc.property(totalArb, fc.array(weightArb, { minLength: 1, maxLength: 12 }), (total, weights) => {
        const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
        fc.pre(sum.gt(0) || new Decimal(total).isZero());
        const parts = apportion(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((s, p) => s + fen(p), 0n)).toBe(fen(total));
        parts.forEach((p, i) => {
          expect(p).toMatch(/^\d+\.\d{2}$/);
          if (new Decimal(weights[i]!).isZero()) expect(p).toBe("0.00");
          if (sum.gt(0)) {
            const exact = new Decimal(total).times(weights[i]!).div(sum);
            expect(new Decimal(p).minus(exact).abs().lt("0.01")).toBe(true);
          }
        });
      }),
      runs(500),
    );
  });
  it("property: the same weights in another order give the same parts, permuted (except ties)", () => {
    fc.assert(
      fc.property(totalArb, fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 8 }), (total, weights) => {
        const parts = apportion(total, weights);
        const reversed = apportion(total, [...weights].reverse());
        // distinct weights: the tie-break is by weight, so order does not matter unless remainders tie with equal weights
        expect([...reversed].reverse()).toEqual(parts);
      }),
      runs(200),
    );
  });
});

describe("apportionTopUp (R7: shares by prior-year balance, capped, re-apportioned)", () => {
  it("the rules' example: 500,000 among A 3,000,000, B 1,000,000, C −200,000", () => {
    const r = apportionTopUp({
      amount: "500000.00",
      members: [
        { id: "A", priorYearBalance: "3000000", available: "99999999" },
        { id: "B", priorYearBalance: "1000000", available: "99999999" },
        { id: "C", priorYearBalance: "-200000", available: "99999999" },
      ],
    });
    expect(r.contributions).toEqual({ A: "375000.00", B: "125000.00", C: "0.00" });
    expect(r.shortfall).toBe("0.00");
    expect(r.citation.clause).toBe("二（二）");
  });
  it("a capped member pays what it has; the excess goes to the others by the same rule", () => {
    const r = apportionTopUp({
      amount: "600.00",
      members: [
        { id: "A", priorYearBalance: "100", available: "100.00" }, // share 200, capped at 100
        { id: "B", priorYearBalance: "100", available: "1000.00" },
        { id: "C", priorYearBalance: "100", available: "1000.00" },
      ],
    });
    expect(r.contributions).toEqual({ A: "100.00", B: "250.00", C: "250.00" });
    expect(r.shortfall).toBe("0.00");
  });
  it("what nobody can pay is the shortfall; nobody is pushed negative", () => {
    const r = apportionTopUp({
      amount: "1000.00",
      members: [
        { id: "A", priorYearBalance: "300", available: "200.00" },
        { id: "B", priorYearBalance: "100", available: "-50.00" },
        { id: "C", priorYearBalance: "0", available: "5000.00" },
      ],
    });
    expect(r.contributions).toEqual({ A: "200.00", B: "0.00", C: "0.00" });
    expect(r.shortfall).toBe("800.00");
  });
  it("rejects duplicates and bad amounts", () => {
    expectPoolingError(
      () =>
        apportionTopUp({
          amount: "1.00",
          members: [
            { id: "A", priorYearBalance: "1", available: "1" },
            { id: "A", priorYearBalance: "1", available: "1" },
          ],
        }),
      "DUPLICATE_ENTRY",
      ["members", 1, "id"],
    );
    expectPoolingError(() => apportionTopUp({ amount: "-1.00", members: [] }), "NEGATIVE_AMOUNT", ["amount"]);
    expectPoolingError(() => apportionTopUp({ amount: "1.00", members: [{ id: "A", priorYearBalance: "1", available: "0.001" }] }), "AMOUNT_NOT_IN_FEN", [
      "members",
      0,
      "available",
    ]);
  });

  it("property: caps never exceeded, contributions + shortfall = amount, no share without a positive balance", () => {
    const memberArb = fc.record({
      priorYearBalance: fc.integer({ min: -1_000_000, max: 5_000_000 }).map(String),
      available: fc.bigInt({ min: -100_000n, max: 500_000_000n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2)),
    });
    fc.assert(
      fc.property(totalArb, fc.array(memberArb, { maxLength: 8 }), (amount, ms) => {
        const members = ms.map((m, i) => ({ id: `m${i}`, ...m }));
        const r = apportionTopUp({ amount, members });
        let paid = 0n;
        for (const m of members) {
          const c = r.contributions[m.id]!;
          expect(new Decimal(c).gte(0)).toBe(true);
          expect(new Decimal(c).lte(Decimal.max(0, m.available))).toBe(true);
          if (new Decimal(m.priorYearBalance).lte(0)) expect(c).toBe("0.00");
          paid += fen(c);
        }
        expect(paid + fen(r.shortfall)).toBe(fen(amount));
        // a shortfall only when every member with a share is exhausted
        if (fen(r.shortfall) > 0n) {
          for (const m of members) {
            if (new Decimal(m.priorYearBalance).gt(0) && new Decimal(m.available).gt(0))
              expect(r.contributions[m.id]).toBe(new Decimal(m.available).toFixed(2));
          }
        }
      }),
      runs(400),
    );
  });
});
