/**
 * Running totals of a batch of levies, in integer fen (see `fen.ts`).
 *
 * @module
 */
import type { PolicyRef } from "../policy/paramsAt.js";
import { LIBRARY } from "../version.js";
import type { LevyAmounts } from "./core.js";
import { fenToYuan, type Int, IntSum, pow10 } from "./fen.js";
import type { LevyTotals } from "./schema.js";

/** The sums of a part of a batch, as {@link LevyTotalsSum.parts} gives them. @internal */
export interface LevyTotalsParts {
  /** premiumBeforeCut, premium, cutRelief, syncInducedRelief, reliefWaived and the payroll, in fen. */
  fen: bigint[];
  /** The payrolls with more than two decimals: a numerator over 10^payrollExp. */
  payrollRest: bigint;
  payrollExp: number;
}

/** Exact sums of a batch's amounts, fed by each computed record's amounts in fen. @internal */
export class LevyTotalsSum {
  private readonly before = new IntSum();
  private readonly premium = new IntSum();
  private readonly relief = new IntSum();
  private readonly sync = new IntSum();
  private readonly waived = new IntSum();
  /** The payroll in fen (every record written with at most two decimals). */
  private readonly payrollFen = new IntSum();
  /** The payrolls with more than two decimals: a numerator over 10^payrollExp. */
  private payrollRest = 0n;
  private payrollExp = 2;

  constructor(private readonly policy: PolicyRef) {}

  /** Adds one record: its amounts, and its payroll `payrollNum / 10^payrollExp` yuan. */
  add(a: LevyAmounts, payrollNum: Int, payrollExp: number): void {
    this.before.add(a.premiumBeforeCut);
    this.premium.add(a.premium);
    this.relief.add(a.cutRelief);
    this.sync.add(a.syncInducedRelief);
    if (a.reliefWaived !== 0) this.waived.add(a.reliefWaived);
    if (payrollExp === 2) this.payrollFen.add(payrollNum);
    else if (payrollExp < 2) this.payrollFen.add(BigInt(payrollNum) * pow10(2 - payrollExp));
    else {
      if (payrollExp > this.payrollExp) {
        this.payrollRest *= pow10(payrollExp - this.payrollExp);
        this.payrollExp = payrollExp;
      }
      this.payrollRest += BigInt(payrollNum) * pow10(this.payrollExp - payrollExp);
    }
  }

  /**
   * The sums as plain data (bigints and a number: they cross a worker
   * thread's message as they are), to be added to another batch's with
   * {@link addParts}: the totals of a batch cut into parts are the totals of
   * its parts.
   */
  parts(): LevyTotalsParts {
    return {
      fen: [this.before, this.premium, this.relief, this.sync, this.waived, this.payrollFen].map((s) => s.value()),
      payrollRest: this.payrollRest,
      payrollExp: this.payrollExp,
    };
  }

  /** Adds the sums of another part of the batch (its {@link parts}), exactly. */
  addParts(p: LevyTotalsParts): void {
    [this.before, this.premium, this.relief, this.sync, this.waived, this.payrollFen].forEach((s, i) => {
      s.add(p.fen[i]!);
    });
    let rest = p.payrollRest;
    if (p.payrollExp > this.payrollExp) {
      this.payrollRest *= pow10(p.payrollExp - this.payrollExp);
      this.payrollExp = p.payrollExp;
    } else rest *= pow10(this.payrollExp - p.payrollExp);
    this.payrollRest += rest;
  }

  /** The totals as two-decimal yuan (the payroll with every digit it has). */
  result(): LevyTotals {
    const premium = this.premium.value();
    const waived = this.waived.value();
    return {
      payroll: formatPayroll(this.payrollFen.value() * pow10(this.payrollExp - 2) + this.payrollRest, this.payrollExp),
      premiumBeforeCut: fenToYuan(this.before.value()),
      premium: fenToYuan(premium),
      cutRelief: fenToYuan(this.relief.value()),
      syncInducedRelief: fenToYuan(this.sync.value()),
      reliefWaived: fenToYuan(waived),
      premiumDue: fenToYuan(premium - waived),
      policy: this.policy,
      library: LIBRARY,
    };
  }
}

/** `num / 10^exp` yuan as `formatAmount` writes it: two decimals when in whole fen, else every significant digit. */
function formatPayroll(num: bigint, exp: number): string {
  let n = num;
  let e = exp;
  while (e > 2 && n % 10n === 0n) {
    n /= 10n;
    e--;
  }
  if (e === 2) return fenToYuan(n);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(e + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -e)}.${digits.slice(-e)}`;
}
