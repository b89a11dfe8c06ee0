/**
 * The fast path of batch levies (R4): the same figures, to the fen, as
 * `computeLevy`, computed in scaled integers (float64 integers while exact,
 * BigInt beyond 2^53) after a light structural check. Everything unusual —
 * per-employee bases, relief overlays in force, Decimal instances, any value
 * the light check does not recognise, and every invalid record — goes through
 * the decimal path, so that results and errors are the decimal path's own.
 *
 * @module
 */
import { D, formatRate, ONE } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import { PERIOD_RE } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { computeParsedLevy } from "./computeLevy.js";
import { type Levy, type LevyInput, LevyInputSchema } from "./schema.js";

/** An optional numeric field the fast path accepts: absent, a number, or a plain decimal string. */
function numericOk(v: unknown): boolean {
  return v === undefined || typeof v === "number" || (typeof v === "string" && DECIMAL_RE.test(v));
}

const FAST_KEYS = new Set([
  "employerId",
  "period",
  "industryClass",
  "payroll",
  "floatMultiplier",
  "cutFraction",
  "cityReserveMonths",
  "ownCutFraction",
  "ownReserveMonths",
  "enterpriseSize",
]);
/** What a numeric string may look like on the fast path (never a "|", so cache keys cannot collide). */
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const SIZE_RE = /^[a-z]+$/;
const MAX = Number.MAX_SAFE_INTEGER;

/** A rate as an integer numerator over a power of ten. */
interface Scaled {
  num: number;
  big: bigint;
  scale: number;
  bigScale: bigint;
}

/** Everything about a record that does not depend on its payroll. */
interface Combo {
  baseRate: string;
  floatMultiplier: string;
  floatedRate: string;
  cutFraction: string;
  cutSource: Levy["cutSource"];
  ownCutFraction: string;
  effectiveRate: string;
  reliefFraction: string;
  floated: Scaled;
  effective: Scaled;
  /** floated × (1 − ownCut), when the own cut is below the city's; else null (no sync-induced relief). */
  ownEffective: Scaled | null;
  cutPositive: boolean;
  /** Shared and frozen across the records of a batch. */
  citations: readonly Citation[];
  citationsWithSync: readonly Citation[];
}

function scaled(text: string): Scaled {
  const [int, frac = ""] = text.split(".");
  const digits = `${int}${frac}`.replace(/^0+(?=\d)/, "");
  const scale = 10 ** frac.length;
  return { num: Number(digits), big: BigInt(digits), scale, bigScale: BigInt(scale) };
}

/** round(n / d), half-up, for 0 ≤ n ≤ 2^53 and d a power of ten. */
function divRound(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

function divRoundBig(n: bigint, d: bigint): bigint {
  const q = n / d;
  return 2n * (n - q * d) >= d ? q + 1n : q;
}

/** payroll (fen) × rate, rounded half-up to the fen: float64 integers while exact, else BigInt. */
function premiumFen(payrollFen: number, rate: Scaled): number | bigint {
  const n = payrollFen * rate.num;
  if (n <= MAX) return divRound(n, rate.scale);
  return divRoundBig(BigInt(payrollFen) * rate.big, rate.bigScale);
}

const CENTS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Fen (a non-negative integer) as two-decimal yuan. */
export function fenToYuan(fen: number | bigint): string {
  if (fen === 0) return "0.00";
  if (typeof fen === "number") {
    const cents = fen % 100;
    return `${(fen - cents) / 100}.${CENTS[cents]}`;
  }
  const cents = fen % 100n;
  return `${fen / 100n}.${cents < 10n ? "0" : ""}${cents}`;
}

/** A cache-key part: strings on the fast path never contain "|" (see DECIMAL_RE and SIZE_RE). */
function keyPart(v: unknown): string {
  return v === undefined ? "" : typeof v === "string" ? v : typeof v === "number" ? `#${v}` : "null";
}

/**
 * Parses a payroll written as up to 13 integer digits and at most two decimals
 * into fen, without allocating; −1 when it is anything else (longer, more
 * decimals, other characters).
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
  compute(input: LevyInput): Levy;
  /**
   * The last fast-path result's amounts in fen (premiumBeforeCut, premium,
   * cutRelief, syncInducedRelief, payroll), valid when `lastFast` is true.
   */
  readonly lastFen: number[];
  lastFast: boolean;
}

/**
 * A levy calculator for one policy. Keeps a small cache of what records share
 * (period, class, tier, cut).
 * @internal
 */
export function createLevyCalculator(policy: Policy): LevyCalculator {
  // The cache of combos: nested maps keyed by the raw values (period, class, tier, cut, own cut, then the rarer fields).
  type Node = Map<unknown, Node | Combo | null>;
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
  const slow = (input: LevyInput): Levy => computeParsedLevy(policy, parseInput(LevyInputSchema, input));

  const comboFor = (r: Record<string, unknown>, leaf: Node, key: string): Combo | null => {
    let combo = leaf.get(key) as Combo | null | undefined;
    if (combo !== undefined) return combo;
    combo = null;
    try {
      const probe: Record<string, unknown> = {};
      for (const k of FAST_KEYS) if (k !== "payroll" && k !== "employerId" && r[k] !== undefined) probe[k] = r[k];
      probe.payroll = "0";
      const l = slow(probe as LevyInput);
      if (l.reliefFraction === "0") {
        const floated = new D(l.floatedRate);
        const own = new D(l.ownCutFraction);
        const cut = new D(l.cutFraction);
        combo = {
          baseRate: l.baseRate,
          floatMultiplier: l.floatMultiplier,
          floatedRate: l.floatedRate,
          cutFraction: l.cutFraction,
          cutSource: l.cutSource,
          ownCutFraction: l.ownCutFraction,
          effectiveRate: l.effectiveRate,
          reliefFraction: l.reliefFraction,
          floated: scaled(l.floatedRate),
          effective: scaled(l.effectiveRate),
          ownEffective: own.gte(cut) ? null : scaled(formatRate(floated.times(ONE.minus(own)))),
          cutPositive: cut.gt(0),
          citations: Object.freeze(l.citations),
          citationsWithSync: Object.freeze([...l.citations, paramsAt(policy, l.period).clauses.value.syncInducedRelief]),
        };
      }
    } catch {
      combo = null; // the decimal path will report the error for the record itself
    }
    if (++cached > 10_000) {
      // a bound on memory for pathological batches: start the cache afresh
      root = new Map();
      cached = 0;
    }
    leaf.set(key, combo);
    return combo;
  };

  const calc: LevyCalculator = { compute, lastFen: [0, 0, 0, 0, 0], lastFast: false };
  const lastFen = calc.lastFen;
  return calc;

  function compute(input: LevyInput): Levy {
    calc.lastFast = false;
    if (input === null || typeof input !== "object" || Array.isArray(input)) return slow(input);
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
          return slow(input);
      }
    }
    const { period, industryClass, payroll, employerId, enterpriseSize, floatMultiplier, cutFraction, ownCutFraction, cityReserveMonths, ownReserveMonths } = r;
    if (typeof period !== "string" || !PERIOD_RE.test(period)) return slow(input);
    if (employerId !== undefined && typeof employerId !== "string") return slow(input);
    if (enterpriseSize !== undefined && (typeof enterpriseSize !== "string" || !SIZE_RE.test(enterpriseSize))) return slow(input);
    let cls: number;
    if (typeof industryClass === "number") cls = industryClass;
    else if (typeof industryClass === "string" && industryClass.length === 1) cls = industryClass.charCodeAt(0) - 48;
    else return slow(input);
    if (!(cls >= 1 && cls <= 8 && Number.isInteger(cls))) return slow(input);
    const payrollText = typeof payroll === "string" ? payroll : typeof payroll === "number" && Number.isFinite(payroll) ? String(payroll) : null;
    const fen = payrollText === null ? -1 : payrollToFen(payrollText);
    if (fen < 0) return slow(input);
    if (!numericOk(floatMultiplier) || !numericOk(cutFraction) || !numericOk(ownCutFraction)) return slow(input);
    if (!(cityReserveMonths === null || numericOk(cityReserveMonths)) || !(ownReserveMonths === null || numericOk(ownReserveMonths))) return slow(input);
    const leaf = child(child(child(child(child(root, period), cls), floatMultiplier), cutFraction), ownCutFraction);
    const rare =
      cityReserveMonths === undefined && ownReserveMonths === undefined && enterpriseSize === undefined
        ? ""
        : `${keyPart(cityReserveMonths)}|${keyPart(ownReserveMonths)}|${keyPart(enterpriseSize)}`;
    const combo = comboFor(r, leaf, rare);
    if (combo === null) return slow(input);

    // R4 rounding points: the two premiums, to the fen, half-up.
    const before = premiumFen(fen, combo.floated);
    const premium = premiumFen(fen, combo.effective);
    let sync: number | bigint = 0;
    if (combo.ownEffective !== null) {
      const own = premiumFen(fen, combo.ownEffective);
      sync = typeof own === "bigint" || typeof premium === "bigint" ? BigInt(own) - BigInt(premium) : own - premium;
    }
    const relief = typeof before === "bigint" || typeof premium === "bigint" ? BigInt(before) - BigInt(premium) : before - premium;
    const beforeText = fenToYuan(before);
    const premiumText = premium === before ? beforeText : fenToYuan(premium);
    const syncText = fenToYuan(sync);
    const citations = (combo.cutPositive && syncText !== "0.00" ? combo.citationsWithSync : combo.citations) as Citation[];
    // the payroll as given when it is already written with two decimals and no leading zero
    const n = payrollText!.length;
    const payrollOut = n >= 4 && payrollText!.charCodeAt(n - 3) === 46 && (payrollText!.charCodeAt(0) !== 48 || n === 4) ? payrollText! : fenToYuan(fen);
    if (typeof before === "number" && typeof premium === "number" && typeof relief === "number" && typeof sync === "number") {
      lastFen[0] = before;
      lastFen[1] = premium;
      lastFen[2] = relief;
      lastFen[3] = sync;
      lastFen[4] = fen;
      calc.lastFast = true;
    }
    const reliefText = fenToYuan(relief);
    // Two literal shapes (with and without employerId, which comes first as in computeLevy): spreading is slow.
    const levy: Levy =
      employerId === undefined
        ? {
            period,
            industryClass: cls as Levy["industryClass"],
            payroll: payrollOut,
            baseRate: combo.baseRate,
            floatMultiplier: combo.floatMultiplier,
            floatedRate: combo.floatedRate,
            cutFraction: combo.cutFraction,
            cutSource: combo.cutSource,
            ownCutFraction: combo.ownCutFraction,
            effectiveRate: combo.effectiveRate,
            premiumBeforeCut: beforeText,
            premium: premiumText,
            cutRelief: reliefText,
            syncInducedRelief: syncText,
            reliefFraction: combo.reliefFraction,
            reliefWaived: "0.00",
            premiumDue: premiumText,
            citations,
          }
        : {
            employerId,
            period,
            industryClass: cls as Levy["industryClass"],
            payroll: payrollOut,
            baseRate: combo.baseRate,
            floatMultiplier: combo.floatMultiplier,
            floatedRate: combo.floatedRate,
            cutFraction: combo.cutFraction,
            cutSource: combo.cutSource,
            ownCutFraction: combo.ownCutFraction,
            effectiveRate: combo.effectiveRate,
            premiumBeforeCut: beforeText,
            premium: premiumText,
            cutRelief: reliefText,
            syncInducedRelief: syncText,
            reliefFraction: combo.reliefFraction,
            reliefWaived: "0.00",
            premiumDue: premiumText,
            citations,
          };
    return levy;
  }
}
