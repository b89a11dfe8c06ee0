import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clawback, coverDeficit, definePolicy, SUZHOU_2020 } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

const money = (maxFen: bigint, min = 0n) => fc.bigInt({ min, max: maxFen }).map((f) => new Decimal(f.toString()).div(100).toFixed(2));

describe("coverDeficit (R8, R9: 二（三）)", () => {
  it("the rules' example: gap 500, surplus 100, carried 0, sync-induced 150, pool 1,000", () => {
    const r = coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" });
    expect(r).toMatchObject({
      gap: "500.00",
      fromCurrentSurplus: "100.00",
      fromCumulativeBalance: "0.00",
      poolGrant: "150.00",
      poolSubsidy: "250.00",
      clawback: "50.00",
      uncovered: "0.00",
    });
    expect(r.citations.map((c) => c.clause)).toEqual(["二（三）", "二（三）", "二（三）", "二（三）"]);
  });
  it("the carried balance pays before the pool, down to zero", () => {
    const r = coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "300.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" });
    expect(r).toMatchObject({ fromCurrentSurplus: "100.00", fromCumulativeBalance: "300.00", poolGrant: "100.00", poolSubsidy: "0.00", clawback: "0.00" });
  });
  it("negative surplus or balance pays nothing", () => {
    const r = coverDeficit({ gap: "10.00", currentSurplus: "-5.00", cumulativeBalance: "-100.00", syncInducedRelief: "0", poolAvailable: "3.00" });
    expect(r).toMatchObject({
      fromCurrentSurplus: "0.00",
      fromCumulativeBalance: "0.00",
      poolGrant: "0.00",
      poolSubsidy: "3.00",
      clawback: "0.60",
      uncovered: "7.00",
    });
  });
  it("without subsidy claiming the rest is a recorded deficit", () => {
    const r = coverDeficit({
      gap: "500.00",
      currentSurplus: "100.00",
      cumulativeBalance: "0.00",
      syncInducedRelief: "150.00",
      poolAvailable: "1000.00",
      claimSubsidy: false,
    });
    expect(r).toMatchObject({ poolGrant: "150.00", poolSubsidy: "0.00", clawback: "0.00", uncovered: "250.00" });
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.deficitCoverage[0].value.autoClaimSubsidy = false;
    const noClaim = definePolicy(json);
    expect(
      coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00", syncInducedRelief: "150.00", poolAvailable: "1000.00" }, noClaim)
        .uncovered,
    ).toBe("250.00");
  });
  it("with the member's deficit before and after, what the pool is asked for is the deficit's growth (the settlement's measure)", () => {
    const base = { gap: "300.00", currentSurplus: "500.00", cumulativeBalance: "-1000.00", syncInducedRelief: "100.00", poolAvailable: "1000.00" };
    // by the steps alone, this year's surplus pays the whole gap
    expect(coverDeficit(base)).toMatchObject({ fromCurrentSurplus: "300.00", fromCumulativeBalance: "0.00", poolGrant: "0.00", poolSubsidy: "0.00" });
    // the member's deficit grew from 500.00 to 800.00: the growth is claimed, and this year's surplus (which only
    // offsets the carried deficit) paid nothing of it: the steps add up to the gap (0.6: 300.00 + 300.00 for 300.00)
    expect(coverDeficit({ ...base, deficitBefore: "500.00", deficitAfter: "800.00" })).toMatchObject({
      fromCurrentSurplus: "0.00",
      fromCumulativeBalance: "0.00",
      poolGrant: "100.00",
      poolSubsidy: "200.00",
      clawback: "40.00",
      uncovered: "0.00",
    });
    // without a deficit's growth, steps 1–2 pay what the gap leaves
    expect(coverDeficit({ ...base, currentSurplus: "-100.00", cumulativeBalance: "500.00", deficitBefore: "0.00", deficitAfter: "0.00" })).toMatchObject({
      fromCurrentSurplus: "0.00",
      fromCumulativeBalance: "300.00",
      poolGrant: "0.00",
      poolSubsidy: "0.00",
    });
    expectPoolingError(() => coverDeficit({ ...base, deficitBefore: "500.00" }), "MISSING_FIELD", ["deficitAfter"]);
    expectPoolingError(() => coverDeficit({ ...base, deficitAfter: "500.00" }), "MISSING_FIELD", ["deficitBefore"]);
  });
  it("clawback rounds half-up", () => {
    expect(clawback("250.00")).toBe("50.00");
    expect(clawback("0.03")).toBe("0.01"); // 0.006
    expect(clawback("0.02")).toBe("0.00"); // 0.004
    expect(clawback("0.05")).toBe("0.01"); // 0.010
    expect(clawback("0.07")).toBe("0.01"); // 0.014
    expect(clawback("0.08")).toBe("0.02"); // 0.016
    expect(clawback("12.34")).toBe("2.47"); // 2.468
    expect(clawback("0.00")).toBe("0.00");
    expectPoolingError(() => clawback("1.005"), "AMOUNT_NOT_IN_FEN", ["subsidy"]);
  });
  it("rejects bad input", () => {
    expectPoolingError(
      () => coverDeficit({ gap: "-1.00", currentSurplus: "0", cumulativeBalance: "0", syncInducedRelief: "0", poolAvailable: "0" }),
      "NEGATIVE_AMOUNT",
      ["gap"],
    );
    expectPoolingError(() => coverDeficit({ gap: "1.00", currentSurplus: "0", cumulativeBalance: "0", syncInducedRelief: "0" } as never), "MISSING_FIELD", [
      "poolAvailable",
    ]);
  });

  it("properties: order, caps and the clawback", () => {
    const inputArb = fc.record({
      gap: money(10_000_000n),
      currentSurplus: money(10_000_000n, -10_000_000n),
      cumulativeBalance: money(10_000_000n, -10_000_000n),
      syncInducedRelief: money(10_000_000n),
      poolAvailable: money(10_000_000n, -1_000n),
      claimSubsidy: fc.boolean(),
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = coverDeficit(input);
        const d = (s: string) => new Decimal(s);
        const steps = [r.fromCurrentSurplus, r.fromCumulativeBalance, r.poolGrant, r.poolSubsidy, r.uncovered].map(d);
        for (const s of steps) expect(s.gte(0)).toBe(true);
        expect(steps.reduce((a, b) => a.plus(b)).toFixed(2)).toBe(r.gap);
        // a later source only when every earlier one is exhausted
        if (d(r.fromCumulativeBalance).gt(0)) expect(r.fromCurrentSurplus).toBe(Decimal.max(0, input.currentSurplus).toFixed(2));
        if (d(r.poolGrant).gt(0) || d(r.poolSubsidy).gt(0) || d(r.uncovered).gt(0)) {
          expect(r.fromCurrentSurplus).toBe(Decimal.max(0, input.currentSurplus).toFixed(2));
          expect(r.fromCumulativeBalance).toBe(Decimal.max(0, input.cumulativeBalance).toFixed(2));
        }
        expect(d(r.poolGrant).lte(input.syncInducedRelief)).toBe(true);
        expect(d(r.poolGrant).plus(r.poolSubsidy).lte(Decimal.max(0, input.poolAvailable))).toBe(true);
        if (d(r.poolSubsidy).gt(0))
          expect(r.poolGrant).toBe(Decimal.min(input.syncInducedRelief, d(r.gap).minus(r.fromCurrentSurplus).minus(r.fromCumulativeBalance)).toFixed(2));
        if (!input.claimSubsidy) expect(r.poolSubsidy).toBe("0.00");
        expect(r.clawback).toBe(d(r.poolSubsidy).times("0.2").toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      }),
      runs(500),
    );
  });
});
