import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, divRoundHalfUp, formatFen, formatMoney, mulRoundFen, parseFen, roundFen, roundFenOfProduct, toFen } from "../../src/money.js";

const fenArb = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });
const rateArb = fc.bigInt({ min: 0n, max: 10n ** 8n }).map((n) => new Decimal(n.toString()).div(1e6).toFixed());

describe("integer fen: the engine's money", () => {
  it("formats and parses yuan strings exactly", () => {
    expect(formatFen(0n)).toBe("0.00");
    expect(formatFen(5n)).toBe("0.05");
    expect(formatFen(-5n)).toBe("-0.05");
    expect(formatFen(123450n)).toBe("1234.50");
    expect(formatFen(-300n)).toBe("-3.00");
    expect(parseFen("1234.50")).toBe(123450n);
    expect(parseFen("-0.01")).toBe(-1n);
    fc.assert(
      fc.property(fenArb, (fen) => {
        const yuan = new D(fen.toString()).div(100);
        expect(formatFen(fen)).toBe(formatMoney(yuan));
        expect(toFen(yuan)).toBe(fen);
      }),
    );
  });

  it("rounds half-up (away from zero on a tie), as roundFen does", () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(-4n, 10n)).toBe(0n);
    expect(mulRoundFen(3n, "0.2")).toBe(1n); // 0.006 yuan → 0.01
    expect(mulRoundFen(2n, "0.2")).toBe(0n); // 0.004 yuan → 0.00
    fc.assert(
      fc.property(fenArb, rateArb, fc.bigInt({ min: 1n, max: 12n }), (fen, rate, divisor) => {
        const yuan = new D(fen.toString()).div(100);
        const exact = roundFen(yuan.times(rate).div(divisor.toString()));
        expect(formatFen(mulRoundFen(fen, rate, divisor))).toBe(formatMoney(exact));
        expect(formatFen(roundFenOfProduct({ numerator: fen, denominator: 100n }, rate))).toBe(formatMoney(roundFen(yuan.times(rate))));
      }),
    );
  });
});
