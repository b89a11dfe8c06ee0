/**
 * Issue 11 (item 5): the engine's integer shortcuts give the values of the
 * decimal computations they replace, on generated amounts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessRiskDec, assessRiskHundredths, reserveMonthsDec, reserveMonthsHundredths } from "../../src/fund/reserveMonths.js";
import { SUZHOU_2020 } from "../../src/index.js";
import { checkConservation, conservationOf } from "../../src/ledger/fold.js";
import { D, fenToDec, formatFen, parseFen, toFen } from "../../src/money.js";
import { paramsAt } from "../../src/policy/paramsAt.js";
import { reserveMonthsOfFen } from "../../src/settlement/steps/context.js";
import { runs } from "../support/fc.js";

const fenArb = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe("integer shortcuts (issue 11)", () => {
  it("reserve months from fen = reserveMonthsDec on the same amounts", () => {
    fc.assert(
      fc.property(fenArb, fc.bigInt({ min: 0n, max: 10n ** 15n }), (balance, expenditure) => {
        const fast = reserveMonthsOfFen(balance, expenditure);
        const slow = reserveMonthsDec(fenToDec(balance), fenToDec(expenditure));
        expect(fast === null ? null : fast.toFixed(2)).toBe(slow === null ? null : slow.toFixed(2));
      }),
    );
  });

  it("risk from hundredths of a month and fen = assessRiskDec on the same months and balance, any bands", () => {
    const policyBands = paramsAt(SUZHOU_2020, "2021-01").riskBands.value;
    type Bands = typeof policyBands;
    const odd = [
      { level: "critical", fromMonths: "0" },
      { level: "warning", fromMonths: "2.125" },
      { level: "normal", fromMonths: "2.5" },
      { level: "surplus", fromMonths: "7" },
    ] as unknown as Bands;
    fc.assert(
      fc.property(
        fc.constantFrom(policyBands, odd),
        fc.option(fc.bigInt({ min: -5000n, max: 5000n }), { nil: null }),
        fc.bigInt({ min: -1000n, max: 1000n }),
        (bands, hundredths, balance) => {
          const months = hundredths === null ? null : new D(formatFen(hundredths));
          expect(assessRiskHundredths(bands, hundredths, balance)).toBe(assessRiskDec(bands, months, fenToDec(balance)));
        },
      ),
      runs(500),
    );
  });

  it("reserve months in hundredths = reserveMonthsFen's two decimals", () => {
    fc.assert(
      fc.property(fenArb, fc.bigInt({ min: 0n, max: 10n ** 15n }), (balance, expenditure) => {
        const h = reserveMonthsHundredths(balance, expenditure);
        const d = reserveMonthsOfFen(balance, expenditure);
        expect(h === null ? null : formatFen(h)).toBe(d === null ? null : d.toFixed(2));
      }),
      runs(500),
    );
  });

  it("toFen and parseFen = round half-up of × 100, on amounts of any number of decimals", () => {
    fc.assert(
      fc.property(fenArb, fc.integer({ min: 0, max: 6 }), (units, places) => {
        const yuan = new D(units.toString()).div(new D(10).pow(places));
        const expected = BigInt(yuan.times(100).toFixed(0));
        expect(toFen(yuan)).toBe(expected);
        expect(parseFen(yuan.toFixed())).toBe(expected);
        expect(parseFen(yuan.toFixed(2))).toBe(BigInt(yuan.toFixed(2).replace(".", "")));
      }),
    );
  });

  it("the conservation check in fen = the decimal one, failures included", () => {
    const journal = [
      { from: "external:income", to: "member:a:current", amount: "10.05" },
      { from: "member:a:current", to: "pool", amount: "3.00" },
      { from: "pool", to: "fiscal:a", amount: "1.00" },
    ];
    const balances = { "external:income": "-10.05", "member:a:current": "7.05", pool: "2.00", "fiscal:a": "1.00", "member:b:current": "0.01" };
    const decimalOnly = [...journal, { from: "pool", to: "member:a:current", amount: "0.00" }];
    expect(conservationOf(journal, balances)).toEqual(checkConservation(journal, balances));
    expect(conservationOf(journal, balances).ok).toBe(false);
    expect(conservationOf(decimalOnly, balances)).toEqual(checkConservation(decimalOnly, balances));
  });
});

describe("formatFen (issue 11)", () => {
  it("is the two-decimal form of fen / 100, around zero and far from it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fenArb), (fen) => {
        expect(formatFen(fen)).toBe(
          new D(fen.toString())
            .div(100)
            .toFixed(2)
            .replace(/^-0\.00$/, "0.00"),
        );
      }),
    );
  });
});
