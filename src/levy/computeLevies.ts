import { PoolingError, withPathPrefix } from "../errors.js";
import { D, type Dec, formatAmount, formatMoney, ZERO } from "../money.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { createLevyCalculator, type LevyCalculator } from "./fastLevy.js";
import type { Levy, LevyInput, LevyTotals } from "./schema.js";

/** Result of {@link computeLevies}. */
export interface LevyBatch {
  items: Levy[];
  totals: LevyTotals;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** Running totals: integer fen while exact, decimals beyond. @internal */
export class Totals {
  // premiumBeforeCut, premium, cutRelief, syncInducedRelief, payroll (reliefWaived and premiumDue follow)
  private readonly fen = [0, 0, 0, 0, 0];
  private readonly rest: Dec[] = [ZERO, ZERO, ZERO, ZERO, ZERO];
  private waived: Dec = ZERO;

  /** Adds the calculator's last result: from its amounts in fen when the fast path made it, else from its strings. */
  addLast(levy: LevyCalculator, item: Levy): void {
    if (levy.lastFast) this.addFen(levy.lastFen);
    else this.add(item);
  }

  /** Adds a fast-path result from its amounts in fen. */
  addFen(amounts: readonly number[]): void {
    const fen = this.fen;
    for (let i = 0; i < 5; i++) {
      const next = fen[i]! + amounts[i]!;
      if (next <= MAX) fen[i] = next;
      else this.rest[i] = this.rest[i]!.plus(amounts[i]!);
    }
  }

  /** Adds any result from its strings. */
  add(levy: Levy): void {
    const texts = [levy.premiumBeforeCut, levy.premium, levy.cutRelief, levy.syncInducedRelief, levy.payroll];
    for (let i = 0; i < 5; i++) this.rest[i] = this.rest[i]!.plus(new D(texts[i]!).times(100));
    this.waived = this.waived.plus(levy.reliefWaived);
  }

  result(): LevyTotals {
    const yuan = (i: number) => new D(this.fen[i]!).plus(this.rest[i]!).div(100);
    const premium = yuan(1);
    return {
      payroll: formatAmount(yuan(4)),
      premiumBeforeCut: formatMoney(yuan(0)),
      premium: formatMoney(premium),
      cutRelief: formatMoney(yuan(2)),
      syncInducedRelief: formatMoney(yuan(3)),
      reliefWaived: formatMoney(this.waived),
      premiumDue: formatMoney(premium.minus(this.waived)),
    };
  }
}

/** One record through the calculator, its amounts into the totals; errors carry the record's index. @internal */
export function compute(levy: LevyCalculator, totals: Totals, input: LevyInput, i: number): Levy {
  let item: Levy;
  try {
    item = levy.compute(input);
  } catch (e) {
    throw withPathPrefix(e, [i]);
  }
  totals.addLast(levy, item);
  return item;
}

function assertIterable(inputs: unknown): asserts inputs is Iterable<LevyInput> {
  if (inputs === null || typeof inputs !== "object" || typeof (inputs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new PoolingError("INVALID_TYPE", [], { en: "expected an array or iterable of levy inputs", zh: "应为缴费记录数组或可迭代对象" });
  }
}

/**
 * R4 as a stream: yields each employer's levy, identical to
 * {@link computeLevy}, without holding the batch; the generator's return
 * value is the totals. The first bad item throws a `PoolingError` whose path
 * starts with its index.
 *
 * @example
 * ```ts
 * const stream = streamLevies(readRecords()); // any iterable of LevyInput
 * let step = stream.next();
 * while (!step.done) { write(step.value); step = stream.next(); }
 * const totals = step.value; // { premium: "…", … }
 * ```
 */
export function* streamLevies(inputs: Iterable<LevyInput>, policy?: Policy): Generator<Levy, LevyTotals, undefined> {
  const p = resolvePolicy(policy);
  assertIterable(inputs);
  const levy = createLevyCalculator(p);
  const totals = new Totals();
  let i = 0;
  for (const input of inputs) {
    yield compute(levy, totals, input, i++);
  }
  return totals.result();
}

/**
 * R4 in batch: the levies of many employers, item by item identical to
 * {@link computeLevy} (a fast exact path computes common records in scaled
 * integers), with totals that are the exact sums of the items. Takes any
 * iterable. The first bad item throws a `PoolingError` whose path starts with
 * its index; no partial result is returned.
 *
 * @example
 * ```ts
 * const { items, totals } = computeLevies([
 *   { period: "2021-07", industryClass: 2, payroll: "5.00" },
 *   { period: "2021-07", industryClass: 1, payroll: "10000" },
 * ]);
 * items[0].premium; // "0.02"
 * totals.premium;   // "15.02"
 * ```
 */
export function computeLevies(inputs: Iterable<LevyInput>, policy?: Policy): LevyBatch {
  const p = resolvePolicy(policy);
  assertIterable(inputs);
  const levy = createLevyCalculator(p);
  const totals = new Totals();
  const items: Levy[] = [];
  let i = 0;
  try {
    for (const input of inputs) {
      const item = levy.compute(input);
      totals.addLast(levy, item);
      items.push(item);
      i++;
    }
  } catch (e) {
    throw withPathPrefix(e, [i]);
  }
  return { items, totals: totals.result() };
}
