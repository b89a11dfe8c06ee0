/**
 * computeLevies and streamLevies with { errors: "collect" }: every good record
 * computed (the same figures as one by one), every bad one listed with its
 * index and employerId, totals over the good ones only.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeLevies,
  computeLevy,
  definePolicy,
  isPoolingError,
  type Levy,
  type LevyInput,
  type LevyOutcome,
  PoolingError,
  policyRef,
  SUZHOU_2020,
  streamLevies,
} from "../../src/index.js";
import { MAX_LISTED_ERRORS } from "../../src/schemas.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

const good: LevyInput[] = [
  { employerId: "A", period: "2021-07", industryClass: 2, payroll: "5.00" },
  { employerId: "B", period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2", ownCutFraction: "0" },
  { period: "2021-07", industryClass: 1, payroll: 10000 },
];
const bad: unknown[] = [
  { employerId: "C", period: "2020-04", industryClass: 2, payroll: "5.00" }, // POLICY_NOT_IN_FORCE
  { employerId: "D", period: "2020-09", industryClass: 3, payroll: "100" }, // CUT_FRACTION_REQUIRED
  { employerId: 7, period: "2021-07", industryClass: 2, payroll: "1" }, // INVALID_TYPE (employerId); a non-string employerId is not echoed
  42, // NOT_AN_OBJECT
];
/** good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3] */
const mixed = [good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3]] as LevyInput[];

/** The error computeLevy gives for a record, with the batch index in front of its path. */
function singleError(input: unknown, index: number): { code: string; path: (string | number)[]; message: string } {
  try {
    computeLevy(input as LevyInput);
  } catch (e) {
    if (!(e instanceof PoolingError)) throw e;
    const prefixed = new PoolingError(e.code, [index, ...e.path], e.detail);
    return { code: prefixed.code, path: prefixed.path, message: prefixed.message };
  }
  throw new Error("expected an error");
}

describe('computeLevies(inputs, { errors: "collect" })', () => {
  it("computes the good records, lists the bad ones with index and employerId, totals over the good only", () => {
    const batch = computeLevies(mixed, { errors: "collect" });
    expect(batch.items).toEqual(good.map((g) => computeLevy(g)));
    expect(batch.errors.map((e) => [e.index, e.employerId, e.error.code])).toEqual([
      [1, "C", "POLICY_NOT_IN_FORCE"],
      [3, "D", "CUT_FRACTION_REQUIRED"],
      [4, undefined, "INVALID_TYPE"],
      [6, undefined, "NOT_AN_OBJECT"],
    ]);
    expect("employerId" in batch.errors[2]!).toBe(false);
    for (const e of batch.errors) {
      expect(e.error).toBeInstanceOf(PoolingError);
      expect({ code: e.error.code, path: e.error.path, message: e.error.message }).toEqual(singleError(mixed[e.index], e.index));
    }
    expect(batch.totals).toEqual(computeLevies(good).totals);
    expect(batch.totals.premium).toBe("6415.02");
    expect(batch.totals.policy).toEqual({ id: SUZHOU_2020.id, version: SUZHOU_2020.version, hash: policyRef(SUZHOU_2020).hash });
  });

  it("with every record good, errors is empty and the result is the throw mode's", () => {
    const batch = computeLevies(good, { errors: "collect" });
    expect(batch.errors).toEqual([]);
    expect({ items: batch.items, totals: batch.totals }).toEqual(computeLevies(good));
  });

  it("the throw mode (default) still throws at the first bad record, its path starting with the index", () => {
    expectPoolingError(() => computeLevies(mixed), "POLICY_NOT_IN_FORCE", [1, "period"]);
    expectPoolingError(() => computeLevies(mixed, { errors: "throw" }), "POLICY_NOT_IN_FORCE", [1, "period"]);
  });

  it("over generated batches: items = the good records one by one, errors = the bad ones, totals = exact sums of the items", () => {
    const recordArb = fc.record(
      {
        employerId: fc.oneof(fc.string({ maxLength: 4 }), fc.constant(3 as unknown as string)),
        period: fc.constantFrom("2020-04", "2020-05", "2020-12", "2021-05", "2022-01", "2020-13"),
        industryClass: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom("2", "x")),
        payroll: fc.oneof(
          fc.bigInt({ min: 0n, max: 10n ** 14n }).map((f) => new Decimal(f.toString()).div(100).toFixed(2)),
          fc.constantFrom("1000.005", "-1", "x", "5"),
          fc.integer({ min: 0, max: 1_000_000 }),
        ),
        floatMultiplier: fc.constantFrom("1", "0.5", "1.2", "0.9"),
        cutFraction: fc.constantFrom("0.2", "0.5", "1"),
        ownCutFraction: fc.constantFrom("0", "0.2", "0.5"),
      },
      { requiredKeys: ["period", "industryClass"] },
    ) as fc.Arbitrary<LevyInput>;
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), (inputs) => {
        const batch = computeLevies(inputs, { errors: "collect" });
        const expectedItems: Levy[] = [];
        const expectedErrors: unknown[] = [];
        inputs.forEach((input, i) => {
          try {
            expectedItems.push(computeLevy(input));
          } catch (e) {
            if (!(e instanceof PoolingError)) throw e;
            const id = typeof input.employerId === "string" ? input.employerId : undefined;
            expectedErrors.push([i, id, e.code, [i, ...e.path]]);
          }
        });
        expect(JSON.stringify(batch.items)).toBe(JSON.stringify(expectedItems));
        expect(batch.errors.map((e) => [e.index, e.employerId, e.error.code, e.error.path])).toEqual(expectedErrors);
        for (const k of ["premiumBeforeCut", "premium", "cutRelief", "syncInducedRelief", "reliefWaived", "premiumDue"] as const) {
          expect(batch.totals[k]).toBe(expectedItems.reduce((s, l) => s.plus(l[k]), new Decimal(0)).toFixed(2));
        }
        expect(new Decimal(batch.totals.payroll).eq(expectedItems.reduce((s, l) => s.plus(l.payroll), new Decimal(0)))).toBe(true);
      }),
      runs(200),
    );
  });

  it("keeps the 0.4 call form computeLevies(inputs, policy) and takes the policy last in the 0.5 form", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.rateCut[0].value.fraction = "0.5";
    json.version = "test-0.5";
    const policy = definePolicy(json);
    const input: LevyInput = { period: "2020-09", industryClass: 1, payroll: "10000" };
    const old = computeLevies([input], policy);
    expect(old.items[0]!.premium).toBe("7.50");
    expect(old.items[0]!.policy).toEqual(policyRef(policy));
    expect(old.totals.policy).toEqual(policyRef(policy));
    expect(computeLevies([input], {}, policy)).toEqual(old);
    expect(computeLevies([input], { errors: "collect" }, policy).items).toEqual(old.items);
    expect(computeLevies([input], undefined, policy)).toEqual(old);
  });

  it("lists the first 1,000 bad records and counts the rest in errorsOmitted; the good ones are all computed", () => {
    expect(MAX_LISTED_ERRORS).toBe(1000);
    // 2,500 records: every fifth good, the others bad (four kinds in turn)
    const inputs: unknown[] = [];
    for (let i = 0; i < 2500; i++) inputs.push(i % 5 === 0 ? good[(i / 5) % good.length] : bad[i % 4]);
    const goodCount = 500;
    const badCount = 2000;
    const batch = computeLevies(inputs as LevyInput[], { errors: "collect" });
    expect(batch.items).toHaveLength(goodCount);
    expect(batch.errors).toHaveLength(1000);
    expect(batch.errorsOmitted).toBe(badCount - 1000);
    expect(batch.errors.length + batch.errorsOmitted).toBe(badCount);
    // the listed ones are the first bad records, in input order
    const badIndexes = inputs.flatMap((_, i) => (i % 5 === 0 ? [] : [i]));
    expect(batch.errors.map((e) => e.index)).toEqual(badIndexes.slice(0, 1000));
    // the totals still cover every good record, past the last listed error too
    expect(batch.totals).toEqual(computeLevies(inputs.filter((_, i) => i % 5 === 0) as LevyInput[]).totals);
    // at the cap exactly nothing is omitted
    const atCap = computeLevies(bad.flatMap(() => Array.from({ length: 250 }, () => bad[0])) as LevyInput[], { errors: "collect" });
    expect([atCap.errors.length, atCap.errorsOmitted]).toEqual([1000, 0]);
    const overCap = computeLevies([...Array.from({ length: 1001 }, () => bad[3])] as LevyInput[], { errors: "collect" });
    expect([overCap.errors.length, overCap.errorsOmitted, overCap.errors[999]!.index]).toEqual([1000, 1, 999]);
  });

  it("errorsOmitted is 0 when every bad record is listed", () => {
    expect(computeLevies(mixed, { errors: "collect" }).errorsOmitted).toBe(0);
    expect(computeLevies(good, { errors: "collect" }).errorsOmitted).toBe(0);
  });

  it("refuses unknown options", () => {
    expectPoolingError(() => computeLevies(good, { errors: "ignore" } as never), "INVALID_TYPE", ["options", "errors"]);
    expectPoolingError(() => computeLevies(good, { error: "collect" } as never), "UNKNOWN_KEY", ["options", "error"]);
  });
});

describe('streamLevies(inputs, { errors: "collect" })', () => {
  const expectedOutcomes = () => {
    const batch = computeLevies(mixed, { errors: "collect" });
    let g = 0;
    return mixed.map((_, index) => {
      const err = batch.errors.find((e) => e.index === index);
      return err ? { ok: false, index, employerId: err.employerId, code: err.error.code } : { ok: true, index, levy: batch.items[g++] };
    });
  };
  const view = (o: LevyOutcome) => (o.ok ? o : { ok: false, index: o.index, employerId: o.employerId, code: o.error.code });

  it("yields one outcome per record, in order, and returns the totals of the good ones", () => {
    const stream = streamLevies(mixed, { errors: "collect" });
    const outcomes: LevyOutcome[] = [];
    let step = stream.next();
    for (; !step.done; step = stream.next()) outcomes.push(step.value);
    expect(outcomes.map(view)).toEqual(expectedOutcomes());
    expect(step.value).toEqual(computeLevies(good).totals);
  });

  it("takes an async iterable (records as they arrive) and gives the same outcomes", async () => {
    async function* source() {
      for (const r of mixed) {
        await Promise.resolve();
        yield r;
      }
    }
    const stream = streamLevies(source(), { errors: "collect" });
    const outcomes: LevyOutcome[] = [];
    let step = await stream.next();
    for (; !step.done; step = await stream.next()) outcomes.push(step.value);
    expect(outcomes.map(view)).toEqual(expectedOutcomes());
    expect(step.value).toEqual(computeLevies(good).totals);
  });

  it("in throw mode (async too) stops at the first bad record", async () => {
    expectPoolingError(() => [...streamLevies(mixed)], "POLICY_NOT_IN_FORCE", [1, "period"]);
    async function* source() {
      yield* mixed;
    }
    const levies: Levy[] = [];
    let caught: unknown;
    try {
      for await (const l of streamLevies(source())) levies.push(l);
    } catch (e) {
      caught = e;
    }
    expect(levies).toEqual([computeLevy(good[0]!)]);
    expect(isPoolingError(caught) && [caught.code, caught.path]).toEqual(["POLICY_NOT_IN_FORCE", [1, "period"]]);
  });
});
