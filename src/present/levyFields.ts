/**
 * The one table of the levy output fields: each column of a levy CSV with its
 * Chinese term (from the library's glossary, the same word the Chinese error
 * messages use), its unit and an English description; and the Chinese label
 * of every code value a levy carries (`cutSource`, `ownCutSource`). The
 * Chinese CSV headers of the CLI, the service and the playground, and the
 * playground's table headings, are read from here.
 *
 * @module
 */
import { GLOSSARY_ZH } from "../glossary.js";
import type { Levy } from "../levy/schema.js";
import { LEVY_COLUMNS } from "./levyCsv.js";

/** A column of the levy CSV. */
export type LevyColumn = (typeof LEVY_COLUMNS)[number];

/** One output field: its name, Chinese term, unit (元 for money, none otherwise) and English description. */
export interface LevyOutputField {
  name: LevyColumn;
  zh: string;
  unit: "元" | null;
  en: string;
}

/** The English description and unit of each column (the record's type makes every column present). */
const DESCRIBED: Readonly<Record<LevyColumn, readonly [unit: "元" | null, en: string]>> = {
  employerId: [null, "The caller's identifier of the employer, as given"],
  period: [null, "The month the premium is for, YYYY-MM"],
  industryClass: [null, "The industry class, 1 to 8"],
  payroll: ["元", "The wage base of the period (the clamped sum of the employees' bases when they were given)"],
  baseRate: [null, "The class's base rate (行业基准费率)"],
  floatMultiplier: [null, "The employer's floating multiplier, a tier of its class's ladder"],
  floatedRate: [null, "baseRate × floatMultiplier"],
  cutFraction: [null, "The city-wide phased cut fraction applied (0 outside the cut window)"],
  cutSource: [null, "Where the cut fraction came from"],
  ownCutFraction: [null, "The cut the employer's own district would qualify for (empty when not given)"],
  ownCutSource: [null, "Where the own cut came from"],
  effectiveRate: [null, "floatedRate × (1 − cutFraction)"],
  premiumBeforeCut: ["元", "round_fen(payroll × floatedRate)"],
  premium: ["元", "round_fen(payroll × effectiveRate)"],
  cutRelief: ["元", "premiumBeforeCut − premium"],
  syncInducedRelief: ["元", "The part of the cut relief due to the city-wide cut exceeding the own district's"],
  reliefFraction: [null, "The relief overlay's fraction applied (0 when none)"],
  reliefWaived: ["元", "round_fen(premium × reliefFraction)"],
  premiumDue: ["元", "What the employer pays: premium − reliefWaived (the amount to bill)"],
  clauses: [null, "The clauses of the document the figures rest on"],
};

/**
 * The levy output fields, in the order of the CSV columns.
 *
 * @example
 * ```ts
 * LEVY_OUTPUT_FIELDS.find((f) => f.name === "premiumDue")?.zh; // "应缴金额"
 * ```
 */
export const LEVY_OUTPUT_FIELDS: readonly LevyOutputField[] = Object.freeze(
  LEVY_COLUMNS.map((name) => {
    const [unit, en] = DESCRIBED[name];
    return Object.freeze({ name, zh: GLOSSARY_ZH[name] ?? name, unit, en });
  }),
);

/**
 * A column's Chinese header: its term, with its unit in full-width brackets
 * (`缴费工资总额（元）`), the form `--normalize` reads back.
 *
 * @param field - an output field
 * @returns the header cell
 * @throws never
 * @example
 * ```ts
 * levyHeaderZh(LEVY_OUTPUT_FIELDS[3]!); // "缴费工资总额（元）"
 * ```
 */
export function levyHeaderZh(field: LevyOutputField): string {
  return field.unit === null ? field.zh : `${field.zh}（${field.unit}）`;
}

/**
 * The Chinese label of every code value of a levy (the record's types make
 * every value present: a new code does not compile without its label).
 *
 * @example
 * ```ts
 * LEVY_CODE_LABELS_ZH.ownCutSource.notGiven; // "未提供"
 * ```
 */
export const LEVY_CODE_LABELS_ZH: Readonly<{
  cutSource: Readonly<Record<Levy["cutSource"], string>>;
  ownCutSource: Readonly<Record<Levy["ownCutSource"], string>>;
}> = Object.freeze({
  cutSource: Object.freeze({
    outsideWindow: "降费期外",
    policy: "政策规定",
    caller: "按所给降费比例",
    reserveMonths: "按市区可支付月数",
  }),
  ownCutSource: Object.freeze({
    ownCutFraction: "按所给本地区降费比例",
    ownReserveMonths: "按本地区可支付月数",
    notGiven: "未提供",
  }),
});
