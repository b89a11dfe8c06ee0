/**
 * `npx tsx examples/levy-window.ts`: premiums for a handful of sample employers across the edges
 * of the 2020-05-01 to 2021-04-30 rate-cut window (苏府办〔2020〕86号 二（一）).
 *
 * The employers, payrolls and reserve months are ILLUSTRATIVE, not real data.
 */
import { computeLevies, computeLevy, type LevyInput, PoolingError, rateCutWindow } from "suzhou-wi-pooling";

/** Illustrative: the city-district's reserve months, which qualify it for the national 50% cut. */
const CITY_RESERVE_MONTHS = "26";

const employers = [
  { employerId: "A 精密机械", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", ownReserveMonths: "30" },
  { employerId: "B 软件公司", industryClass: 1, floatMultiplier: "1", payroll: "850000.00", ownReserveMonths: "30" },
  { employerId: "C 建筑工程", industryClass: 8, floatMultiplier: "1.2", payroll: "1234567.89", ownReserveMonths: "20" },
  { employerId: "D 物流运输", industryClass: 6, floatMultiplier: "1", payroll: "640000.00", ownReserveMonths: "12" },
] as const;

const periods = ["2020-05", "2021-04", "2021-05"] as const;

const inputs: LevyInput[] = periods.flatMap((period) => employers.map((e) => ({ ...e, period, cityReserveMonths: CITY_RESERVE_MONTHS })));
const { items, totals } = computeLevies(inputs);

const window = rateCutWindow();
console.log("苏州市区工伤保险费测算（示例数据） / Suzhou city-district work-injury premiums (illustrative data)");
console.log(`降费期 Rate-cut window: ${window.from} → ${window.to}; city reserve months 可支付月数 = ${CITY_RESERVE_MONTHS}\n`);

const header = [
  "employer 单位",
  "period 所属期",
  "class 类别",
  "tier 浮动",
  "payroll 工资总额",
  "rate 费率",
  "before cut 降费前",
  "premium 应缴",
  "cut relief 降费额",
  "sync-induced 同步降费缺口",
];
const rows = items.map((l) => [
  l.employerId ?? "",
  l.period,
  String(l.industryClass),
  l.floatMultiplier,
  l.payroll,
  l.effectiveRate,
  l.premiumBeforeCut,
  l.premium,
  l.cutRelief,
  l.syncInducedRelief,
]);
rows.push(["合计 Total", "", "", "", totals.payroll, "", totals.premiumBeforeCut, totals.premium, totals.cutRelief, totals.syncInducedRelief]);

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
const pad = (s: string, i: number) => (i >= 4 ? " ".repeat(widths[i]! - width(s)) + s : s + " ".repeat(widths[i]! - width(s)));
const line = (r: string[]) => r.map(pad).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log("\nRounding: each premium rounded to the fen, half-up (四舍五入); rates exact. Clauses: 二（一） rates and window, 二（三） sync-induced gap.");

// The other edge: the pooling rules start on 2020-05-01 (一（二）), so 2020-04 is refused, not guessed.
try {
  computeLevy({ period: "2020-04", industryClass: 3, payroll: "2000000.00", cutFraction: "0.5" });
} catch (e) {
  if (!(e instanceof PoolingError)) throw e;
  console.log(`\n2020-04 → ${e.code}: ${e.messageZh}`);
}
