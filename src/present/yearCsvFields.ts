/**
 * The columns of a simulation's yearly CSV (the playground's download): each
 * column's Chinese header with its unit, and the Chinese label of each
 * warning level, so that a clerk's spreadsheet reads in Chinese. One table;
 * the CSV writer reads it.
 *
 * @module
 */
import type { RiskLevel } from "../policy/schema.js";

/**
 * Each column of the yearly CSV (a member's or the pool's year: `paid.*` are the pool's payments by
 * class) → its Chinese term and unit (元 for money, 月 for reserve months).
 *
 * @example
 * ```ts
 * YEAR_CSV_FIELDS_ZH.balance; // ["年末累计结余", "元"]
 * ```
 */
export const YEAR_CSV_FIELDS_ZH: Readonly<Record<string, readonly [zh: string, unit: "元" | "月" | null]>> = Object.freeze({
  year: ["年度", null],
  from: ["起始期", null],
  to: ["截止期", null],
  who: ["地区", null],
  income: ["基金收入", "元"],
  expenditure: ["基金支出", "元"],
  cutRelief: ["降费减收额", "元"],
  extraction: ["统筹基金计提上解", "元"],
  provincialRemittance: ["省级储备金上解额", "元"],
  topUp: ["统筹基金补足", "元"],
  grantPaid: ["收到降费缺口弥补", "元"],
  subsidyPaid: ["收到统筹基金补助", "元"],
  deficitPaid: ["收到赤字弥补", "元"],
  majorAccidentPaid: ["收到重大工伤事故待遇", "元"],
  clawback: ["补助额20%上解结算额", "元"],
  clawbackAccrued: ["补助额20%上解应计额", "元"],
  trueUpReturned: ["年终清算退回", "元"],
  trueUpReclassified: ["年终清算转为降费缺口弥补", "元"],
  balance: ["年末累计结余", "元"],
  reserveMonths: ["可支付月数", "月"],
  risk: ["风险等级", null],
  warnings: ["严重或预警的结算期", null],
  floor: ["统筹基金下限", "元"],
  extractions: ["计提上解收入", "元"],
  shortfall: ["未能补足的金额", "元"],
  "paid.majorAccident": ["支付重大工伤事故待遇", "元"],
  "paid.cutGapGrant": ["支付降费缺口弥补", "元"],
  "paid.subsidy": ["支付统筹基金补助", "元"],
  "paid.recordedDeficit": ["支付记录在案的赤字", "元"],
  pendingClaims: ["待支付申请", "元"],
  clawbacks: ["补助额20%上解合计", "元"],
});

/**
 * A column's Chinese header (`年末累计结余（元）`), or the column's own name when the table has none.
 *
 * @param column - a column of the yearly CSV
 * @returns the header cell
 * @throws never
 * @example
 * ```ts
 * yearCsvHeaderZh("reserveMonths"); // "可支付月数（月）"
 * ```
 */
export function yearCsvHeaderZh(column: string): string {
  const f = Object.hasOwn(YEAR_CSV_FIELDS_ZH, column) ? YEAR_CSV_FIELDS_ZH[column] : undefined;
  if (f === undefined) return column;
  return f[1] === null ? f[0] : `${f[0]}（${f[1]}）`;
}

/**
 * The Chinese label of each warning level.
 *
 * @example
 * ```ts
 * RISK_LABELS_ZH.critical; // "严重"
 * ```
 */
export const RISK_LABELS_ZH: Readonly<Record<RiskLevel, string>> = Object.freeze({ critical: "严重", warning: "预警", normal: "正常", surplus: "充裕" });
