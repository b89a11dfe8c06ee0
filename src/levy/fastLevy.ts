/**
 * The fast path of batch levies (R4): the same figures, to the fen, as
 * `computeLevy`, by the same functions (`levyRates`, `levyAmounts`,
 * `levyRecord`) after a light structural check, with the rates of each
 * distinct (period, class, tier, cut, own cut, …) cached. Everything unusual —
 * per-employee bases, Decimal instances, any value the light check does not
 * recognise, and every invalid record — goes through the decimal path, so
 * that results and errors are the decimal path's own.
 *
 * @module
 */
import type { Policy } from "../policy/schema.js";
import { PERIOD_RE } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { computeParsedLevy } from "./computeLevy.js";
import { type LevyRates, levyAmounts, levyRates, levyRecord } from "./core.js";
import { fenToYuan } from "./fen.js";
import { type Levy, type LevyInput, LevyInputSchema } from "./schema.js";
import type { LevyTotalsSum } from "./totals.js";

/** An optional numeric field the fast path accepts: absent, a number, or a plain decimal string. */
function numericOk(v: unknown): boolean {
  return v === undefined || typeof v === "number" || (typeof v === "string" && DECIMAL_RE.test(v));
}

const RATE_KEYS = [
  "period",
  "industryClass",
  "floatMultiplier",
  "cutFraction",
  "cityReserveMonths",
  "ownCutFraction",
  "ownReserveMonths",
  "enterpriseSize",
] as const;
/** What a numeric string may look like on the fast path (never a "|", so cache keys cannot collide). */
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const SIZE_RE = /^[a-z]+$/;

/** A cache-key part: strings on the fast path never contain "|" (see DECIMAL_RE and SIZE_RE). */
function keyPart(v: unknown): string {
  return v === undefined ? "" : typeof v === "string" ? v : typeof v === "number" ? `#${v}` : "null";
}

/**
 * Parses a payroll written as up to 13 integer digits and at most two decimals
 * into fen (an integer below 10^15, so below 2^53), without allocating; −1
 * when it is anything else (longer, more decimals, other characters).
 */
function payrollToFen(text: string): number {
  const n = text.length;
  let fen = 0;
  let i = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    fen = fen * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 13) return -1;
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return -1;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || decimals === 2) return -1;
      fen = fen * 10 + c;
      decimals++;
    }
    if (decimals === 0) return -1;
  }
  return decimals === 2 ? fen : decimals === 1 ? fen * 10 : fen * 100;
}

/** A levy calculator: `computeLevy`'s results and errors, with the fast path for common records. @internal */
export interface LevyCalculator {
  /** One record's levy; its amounts are added to `totals` when given (only when it succeeds). */
  compute(input: LevyInput, totals?: LevyTotalsSum): Levy;
}

/**
 * A levy calculator for one policy. Keeps a small cache of the rates records
 * share (period, class, tier, cut).
 * @internal
 */
export function createLevyCalculator(policy: Policy): LevyCalculator {
  // The cache of rates: nested maps keyed by the raw values (period, class, tier, cut, own cut, then the rarer fields).
  type Node = Map<unknown, Node | LevyRates | null>;
  let root: Node = new Map();
  let cached = 0;
  const child = (node: Node, key: unknown): Node => {
    let next = node.get(key) as Node | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(key, next);
    }
    return next;
  };
  const slow = (input: LevyInput, totals: LevyTotalsSum | undefined): Levy => computeParsedLevy(policy, parseInput(LevyInputSchema, input), totals);

  /**
   * The rates of a record from the values of its fields, read once by the
   * caller (a getter returning another value on a second read cannot make the
   * cache hold rates of values other than its key's), or null when invalid.
   */
  const ratesFor = (fields: Record<(typeof RATE_KEYS)[number], unknown>, leaf: Node, key: string): LevyRates | null => {
    let rates = leaf.get(key) as LevyRates | null | undefined;
    if (rates !== undefined) return rates;
    rates = null;
    try {
      const probe: Record<string, unknown> = { payroll: 0 };
      for (const k of RATE_KEYS) if (fields[k] !== undefined) probe[k] = fields[k];
      rates = levyRates(policy, parseInput(LevyInputSchema, probe));
    } catch {
      rates = null; // the decimal path will report the error for the record itself
    }
    if (++cached > 10_000) {
      // a bound on memory for pathological batches: start the cache afresh
      root = new Map();
      cached = 0;
    }
    leaf.set(key, rates);
    return rates;
  };

  return { compute };

  function compute(input: LevyInput, totals?: LevyTotalsSum): Levy {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return slow(input, totals);
    const r = input as Record<string, unknown>;
    for (const k in r) {
      switch (k) {
        case "period":
        case "industryClass":
        case "payroll":
        case "employerId":
        case "floatMultiplier":
        case "cutFraction":
        case "ownCutFraction":
        case "cityReserveMonths":
        case "ownReserveMonths":
        case "enterpriseSize":
          continue;
        default:
          return slow(input, totals);
      }
    }
    const { period, industryClass, payroll, employerId, enterpriseSize, floatMultiplier, cutFraction, ownCutFraction, cityReserveMonths, ownReserveMonths } = r;
    // The common case first: the rates of these exact values are cached (each value was checked when they were
    // cached; a value that fails a check is never a key), no rare field, a string employer id, a payroll in fen.
    if (typeof period === "string" && cityReserveMonths === undefined && ownReserveMonths === undefined && enterpriseSize === undefined) {
      const cls = classOf(industryClass);
      const rates = at(at(at(at(at(root.get(period), cls), floatMultiplier), cutFraction), ownCutFraction), "") as LevyRates | null | undefined;
      if (rates != null && (employerId === undefined || typeof employerId === "string")) {
        const payrollText = typeof payroll === "string" ? payroll : typeof payroll === "number" && Number.isFinite(payroll) ? String(payroll) : null;
        const fen = payrollText === null ? -1 : payrollToFen(payrollText);
        if (fen >= 0) return levyOf(employerId, period as Levy["period"], cls, payrollText!, fen, rates, totals);
      }
    }
    // each field is read once: the decimal path, when taken from here on, gets the values read, not the record again
    const read = {
      period,
      industryClass,
      payroll,
      employerId,
      enterpriseSize,
      floatMultiplier,
      cutFraction,
      ownCutFraction,
      cityReserveMonths,
      ownReserveMonths,
    };
    if (typeof period !== "string" || !PERIOD_RE.test(period)) return slow(read as LevyInput, totals);
    if (employerId !== undefined && typeof employerId !== "string") return slow(read as LevyInput, totals);
    if (enterpriseSize !== undefined && (typeof enterpriseSize !== "string" || !SIZE_RE.test(enterpriseSize))) return slow(read as LevyInput, totals);
    const cls = classOf(industryClass);
    if (cls < 0) return slow(read as LevyInput, totals);
    const payrollText = typeof payroll === "string" ? payroll : typeof payroll === "number" && Number.isFinite(payroll) ? String(payroll) : null;
    const fen = payrollText === null ? -1 : payrollToFen(payrollText);
    if (fen < 0) return slow(read as LevyInput, totals);
    if (!numericOk(floatMultiplier) || !numericOk(cutFraction) || !numericOk(ownCutFraction)) return slow(read as LevyInput, totals);
    if (!(cityReserveMonths === null || numericOk(cityReserveMonths)) || !(ownReserveMonths === null || numericOk(ownReserveMonths)))
      return slow(read as LevyInput, totals);
    const leaf = child(child(child(child(child(root, period), cls), floatMultiplier), cutFraction), ownCutFraction);
    const rare =
      cityReserveMonths === undefined && ownReserveMonths === undefined && enterpriseSize === undefined
        ? ""
        : `${keyPart(cityReserveMonths)}|${keyPart(ownReserveMonths)}|${keyPart(enterpriseSize)}`;
    const rates = ratesFor(
      { period, industryClass, floatMultiplier, cutFraction, cityReserveMonths, ownCutFraction, ownReserveMonths, enterpriseSize },
      leaf,
      rare,
    );
    if (rates === null) return slow(read as LevyInput, totals);
    return levyOf(employerId as string | undefined, period, cls, payrollText!, fen, rates, totals);
  }
}

/** A node of the rates cache's nested maps, or undefined (a missing node, or a leaf that is not a map). */
function at(node: unknown, key: unknown): unknown {
  return (node as Map<unknown, unknown> | undefined)?.get(key);
}

/** An industry class given as a number or a one-digit string, as the number 1–8; −1 when it is anything else. */
function classOf(industryClass: unknown): number {
  const cls =
    typeof industryClass === "number" ? industryClass : typeof industryClass === "string" && industryClass.length === 1 ? industryClass.charCodeAt(0) - 48 : -1;
  return cls >= 1 && cls <= 8 && Number.isInteger(cls) ? cls : -1;
}

/** R4 on the fast path: the decimal path's own amounts and record, from the payroll in fen and the rates. */
function levyOf(
  employerId: string | undefined,
  period: Levy["period"],
  cls: number,
  payrollText: string,
  fen: number,
  rates: LevyRates,
  totals: LevyTotalsSum | undefined,
): Levy {
  const amounts = levyAmounts(fen, 2, rates);
  totals?.add(amounts, fen, 2);
  // the payroll as given when it is already written with two decimals and no leading zero
  const n = payrollText.length;
  const payrollOut = n >= 4 && payrollText.charCodeAt(n - 3) === 46 && (payrollText.charCodeAt(0) !== 48 || n === 4) ? payrollText : fenToYuan(fen);
  return levyRecord(employerId, period, cls as Levy["industryClass"], payrollOut, rates, amounts);
}
