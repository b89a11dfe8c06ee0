/**
 * The batch fast path (integer fen, the rates cached per period, class, tier
 * and cut) against an independent exact computation in decimal.js, field by
 * field: 100,000 generated records (payrolls up to 10^13 yuan, exact half-fen
 * products, payrolls with 0, 1 and 2 decimals) and a fast-check property over
 * batches whose records share rate keys with records that are bad in another
 * field (the cached rates must never let a bad record through).
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevies, computeLevy, type LevyInput } from "../../src/index.js";
import { runs } from "../support/fc.js";

/** 二（一）: the base rate of each industry class (1–8). */
const BASE = ["0.0015", "0.003", "0.005", "0.006", "0.008", "0.009", "0.011", "0.015"];
const LADDER1 = ["1", "1.2", "1.5"];
const LADDER = ["0.5", "0.8", "1", "1.2", "1.5"];
const PERIODS = ["2020-05", "2020-09", "2021-04", "2021-05", "2021-07", "2022-01"];
const inWindow = (p: string) => p <= "2021-04";

const Dx = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The amounts of a record by the formula, in decimal.js, from the base rate the result states. */
function exact(r: LevyInput, baseRate: string) {
  const payroll = new Dx(r.payroll as string);
  const floated = new Dx(baseRate).times((r.floatMultiplier as string | undefined) ?? "1");
  const f = new Dx((r.cutFraction as string | undefined) ?? "0");
  const own = r.ownCutFraction === undefined ? null : new Dx(r.ownCutFraction as string);
  const before = fen(payroll.times(floated));
  const premium = fen(payroll.times(floated).times(new Dx(1).minus(f)));
  const sync = own === null || own.gte(f) ? new Dx(0) : fen(payroll.times(floated).times(new Dx(1).minus(own))).minus(premium);
  return {
    payroll: payroll.toFixed(2),
    floatedRate: floated.toFixed(),
    effectiveRate: floated.times(new Dx(1).minus(f)).toFixed(),
    premiumBeforeCut: before.toFixed(2),
    premium: premium.toFixed(2),
    cutRelief: before.minus(premium).toFixed(2),
    syncInducedRelief: sync.toFixed(2),
    premiumDue: premium.toFixed(2),
  };
}

/** A small deterministic generator (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(n: number, seed: number): LevyInput[] {
  const rnd = prng(seed);
  const out: LevyInput[] = [];
  for (let i = 0; i < n; i++) {
    const cls = 1 + Math.floor(rnd() * 8);
    const ladder = cls === 1 ? LADDER1 : LADDER;
    const period = PERIODS[Math.floor(rnd() * PERIODS.length)]!;
    // payrolls to 10^13 yuan (13 integer digits), with 2, 1 or 0 decimals; every 7th an exact half-fen product
    const f = Math.floor(rnd() * 1e15);
    const decimals = i % 3;
    let payroll =
      decimals === 2
        ? `${Math.floor(f / 100)}.${String(f % 100).padStart(2, "0")}`
        : decimals === 1
          ? `${Math.floor(f / 100)}.${f % 10}`
          : `${Math.floor(f / 100)}`;
    let industryClass = cls;
    let floatMultiplier = ladder[Math.floor(rnd() * ladder.length)]!;
    if (i % 7 === 0) {
      industryClass = 2;
      floatMultiplier = "0.5";
      payroll = `${(i % 1000) + 1}.${i % 2 ? "00" : "01"}`;
    }
    const r = { employerId: `E${i}`, period, industryClass, payroll, floatMultiplier } as LevyInput;
    if (inWindow(period)) {
      r.cutFraction = rnd() < 0.5 ? "0.5" : "0.2";
      r.ownCutFraction = rnd() < 0.5 ? "0" : "0.5";
    }
    out.push(r);
  }
  return out;
}

describe("the batch fast path against decimal.js", () => {
  it("100,000 generated records: every amount and rate to the fen, field by field", { timeout: 300_000 }, () => {
    const inputs = generated(100_000, 2026);
    const { items, totals } = computeLevies(inputs);
    let premium = new Dx(0);
    for (let i = 0; i < inputs.length; i++) {
      const item = items[i]!;
      const want = exact(inputs[i]!, BASE[(inputs[i]!.industryClass as number) - 1]!);
      expect(item.baseRate).toBe(BASE[(inputs[i]!.industryClass as number) - 1]);
      for (const [k, v] of Object.entries(want))
        if ((item as unknown as Record<string, string>)[k] !== v)
          expect({ i, k, got: (item as unknown as Record<string, string>)[k] }).toEqual({ i, k, got: v });
      premium = premium.plus(want.premium);
    }
    expect(totals.premium).toBe(premium.toFixed(2));
  });

  it("a batch is item by item computeLevy's, cached rate keys shared with bad records (property)", () => {
    const good = fc.record({
      period: fc.constantFrom(...PERIODS),
      cls: fc.integer({ min: 2, max: 8 }),
      tier: fc.constantFrom(...LADDER),
      fen: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.constantFrom(0n, 1n, 50n, 100n, 101n, 3333n, 999_999_999_999_999n)),
      cut: fc.constantFrom("0.5", "0.2"),
      own: fc.constantFrom("0", "0.5", undefined),
    });
    // what may be wrong with a record whose rate fields are those of a good one
    const flaw = fc.constantFrom("none", "payroll", "employerId", "extra", "reserve", "size", "payrollDecimals", "payrollNumber");
    fc.assert(
      fc.property(fc.array(fc.tuple(good, flaw), { minLength: 1, maxLength: 40 }), (rows) => {
        const inputs = rows.map(([g, bad]) => {
          const r: Record<string, unknown> = {
            employerId: "E",
            period: g.period,
            industryClass: String(g.cls),
            payroll: `${g.fen / 100n}.${String(g.fen % 100n).padStart(2, "0")}`,
            floatMultiplier: g.tier,
          };
          if (inWindow(g.period)) {
            r.cutFraction = g.cut;
            if (g.own !== undefined) r.ownCutFraction = g.own;
          }
          if (bad === "payroll") r.payroll = "-1.00";
          if (bad === "employerId") r.employerId = 7;
          if (bad === "extra") r.extra = "?";
          if (bad === "reserve") r.cityReserveMonths = "x";
          if (bad === "size") r.enterpriseSize = "huge";
          if (bad === "payrollDecimals") r.payroll = `${g.fen}.001`;
          if (bad === "payrollNumber") r.payroll = Number(g.fen % 10_000_000n) / 100;
          return r as unknown as LevyInput;
        });
        const batch = computeLevies(inputs, { errors: "collect" });
        const one = inputs.map((input) => {
          try {
            return { ok: true as const, levy: computeLevy(input) };
          } catch (e) {
            return { ok: false as const, code: (e as { code: string }).code, path: (e as { path: unknown[] }).path };
          }
        });
        expect(batch.items).toEqual(one.filter((o) => o.ok).map((o) => o.levy));
        expect(batch.errors.map((e) => ({ index: e.index, code: e.error.code, path: e.error.path.slice(1) }))).toEqual(
          one.flatMap((o, index) => (o.ok ? [] : [{ index, code: o.code, path: o.path }])),
        );
      }),
      runs(200),
    );
  });
});
