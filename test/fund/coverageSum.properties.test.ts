/**
 * The steps of R8 add up to the gap, whatever the member's deficits say; what R10's pool pays and what it keeps
 * add up to what it had, an overdrawn pool included (0.6.0: a 100.00 gap got a 1,000,000.00 subsidy and a
 * 200,000.00 clawback; `poolAvailable: "-0.01"` left `poolRemaining: "0.00"`).
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverDeficit, payByPriority } from "../../src/index.js";
import { runs } from "../support/fc.js";

const money = (maxFen: bigint, min = 0n) => fc.bigInt({ min, max: maxFen }).map((f) => new Decimal(f.toString()).div(100).toFixed(2));
const d = (s: string) => new Decimal(s);
const sum = (xs: string[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

describe("coverDeficit: the steps add up to the gap (with deficitBefore/deficitAfter)", () => {
  it("a 100.00 gap is never covered by 1,000,000.00: the pool is asked for the deficit's growth, at most the gap", () => {
    const r = coverDeficit({
      gap: "100.00",
      currentSurplus: "0.00",
      cumulativeBalance: "0.00",
      syncInducedRelief: "0.00",
      poolAvailable: "10000000.00",
      deficitBefore: "0.00",
      deficitAfter: "1000000.00",
    });
    expect(r).toMatchObject({ fromCurrentSurplus: "0.00", fromCumulativeBalance: "0.00", poolGrant: "0.00", poolSubsidy: "100.00", clawback: "20.00" });
    expect(r.uncovered).toBe("0.00");
  });
  it("a surplus that only offsets a carried deficit pays nothing of what the pool is asked for", () => {
    const r = coverDeficit({
      gap: "300.00",
      currentSurplus: "500.00",
      cumulativeBalance: "-1000.00",
      syncInducedRelief: "100.00",
      poolAvailable: "1000.00",
      deficitBefore: "500.00",
      deficitAfter: "700.00",
    });
    // 200.00 of the gap deepened the deficit (the pool is asked for it); the surplus paid the other 100.00
    expect(r).toMatchObject({ fromCurrentSurplus: "100.00", fromCumulativeBalance: "0.00", poolGrant: "100.00", poolSubsidy: "100.00", uncovered: "0.00" });
  });
  it("property: over any inputs with deficitBefore/deficitAfter, each step ≥ 0, their sum is the gap, the pool pays at most the gap", () => {
    const inputArb = fc.record({
      gap: money(10_000_000n),
      currentSurplus: money(10_000_000n, -10_000_000n),
      cumulativeBalance: money(10_000_000n, -10_000_000n),
      syncInducedRelief: money(10_000_000n),
      poolAvailable: money(100_000_000n, -1_000n),
      claimSubsidy: fc.boolean(),
      deficitBefore: money(100_000_000n),
      deficitAfter: money(100_000_000n),
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = coverDeficit(input);
        const steps = [r.fromCurrentSurplus, r.fromCumulativeBalance, r.poolGrant, r.poolSubsidy, r.uncovered];
        for (const s of steps) expect(d(s).gte(0)).toBe(true);
        expect(sum(steps).toFixed(2)).toBe(r.gap);
        const growth = Decimal.max(0, d(input.deficitAfter).minus(input.deficitBefore));
        // what the pool is asked for (steps 3–5) is the deficit's growth, at most the gap
        expect(sum([r.poolGrant, r.poolSubsidy, r.uncovered]).toFixed(2)).toBe(Decimal.min(growth, input.gap).toFixed(2));
        expect(d(r.fromCurrentSurplus).lte(Decimal.max(0, input.currentSurplus))).toBe(true);
        expect(d(r.poolGrant).plus(r.poolSubsidy).lte(Decimal.max(0, input.poolAvailable))).toBe(true);
        expect(d(r.clawback).lte(r.poolSubsidy)).toBe(true);
      }),
      runs(2000),
    );
  }, 60_000);
});

describe("payByPriority: paid + remaining = available, an overdrawn pool shown negative", () => {
  it("poolAvailable -0.01: nothing paid, poolRemaining -0.01 (0.6.0: 0.00)", () => {
    const r = payByPriority({ poolAvailable: "-0.01", subsidy: [{ member: "sip", amount: "5.00" }] });
    expect(r.paid.subsidy).toBe("0.00");
    expect(r.classes.subsidy).toEqual([{ member: "sip", claimed: "5.00", paid: "0.00", unpaid: "5.00", clawback: "0.00" }]);
    expect(r.poolRemaining).toBe("-0.01");
    expect(payByPriority({ poolAvailable: "-5.00" }).poolRemaining).toBe("-5.00");
    expect(payByPriority({ poolAvailable: "0.00" }).poolRemaining).toBe("0.00");
  });
  it("property: over pools negative, empty and ample, paid + poolRemaining = poolAvailable, nothing paid beyond a claim", () => {
    const claims = fc.array(fc.record({ member: fc.constantFrom("sip", "wujiang", "municipal"), amount: money(1_000_000n) }), { maxLength: 4 });
    const inputArb = fc.record({
      poolAvailable: fc.oneof(money(1_000n, -1_000n), money(5_000_000n, -5_000_000n)),
      majorAccident: claims,
      cutGapGrant: claims,
      subsidy: claims,
      recordedDeficit: claims,
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = payByPriority(input);
        const paid = sum(Object.values(r.paid));
        expect(paid.plus(r.poolRemaining).toFixed(2)).toBe(d(input.poolAvailable).toFixed(2));
        if (d(input.poolAvailable).lte(0)) expect(paid.toFixed(2)).toBe("0.00");
        else expect(d(r.poolRemaining).gte(0)).toBe(true);
        for (const lines of Object.values(r.classes)) for (const l of lines) expect(d(l.paid).plus(l.unpaid).toFixed(2)).toBe(l.claimed);
      }),
      runs(2000),
    );
  }, 60_000);
});
