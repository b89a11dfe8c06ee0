/**
 * `npm run demo`: simulates the city-district pooling of 苏府办〔2020〕86号 on
 * the built-in EXAMPLE_SCENARIO (ILLUSTRATIVE figures, not real data) and
 * prints a yearly summary with Chinese and English labels.
 */
import { EXAMPLE_SCENARIO, type RiskLevel, SUZHOU_2020, simulate } from "../src/index.js";

const sim = simulate(EXAMPLE_SCENARIO);
const names = Object.fromEntries(SUZHOU_2020.members.value.map((m) => [m.id, m.nameZh.replace(/（.*）/, "")]));
const RISK: Record<RiskLevel, string> = { critical: "严重 critical", warning: "预警 warning", normal: "正常 normal", surplus: "充裕 surplus" };

/** Yuan → 万元 with two decimals, grouped, for reading; the library's figures are exact. */
function wan(yuan: string): string {
  const negative = yuan.startsWith("-");
  const digits = (negative ? yuan.slice(1) : yuan).replace(".", "");
  const fen = BigInt(digits);
  // 1 万元 = 1,000,000 fen; round half-up to 0.01 万元 (100 元) for display only
  const hundredths = (fen + 5000n) / 10000n;
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${whole}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const cell = (s: string, i: number) => (i === 0 ? s + " ".repeat(widths[i]! - width(s)) : " ".repeat(widths[i]! - width(s)) + s);
  console.log(header.map(cell).join("  "));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of rows) console.log(r.map(cell).join("  "));
}

console.log("苏州市区工伤保险市区统筹模拟（示例数据，非真实数据）");
console.log("Suzhou work-injury insurance city-district pooling: simulation (ILLUSTRATIVE figures, not real data)");
console.log(`${EXAMPLE_SCENARIO.opening.start} → ${sim.periods.at(-1)!.period}; amounts in 万元 (10,000 yuan), rounded for display; the library is exact to the fen.\n`);

for (const y of sim.years) {
  console.log(`══ ${y.year} 年度 (${y.from} → ${y.to}) ══`);
  table(
    ["地区 member", "年末结余 balance", "可支付月数 months", "风险 risk", "计提 extraction", "省级上解 provincial", "上划 top-up", "降费补缺 grant", "补助 subsidy", "上解市财政 clawback"],
    Object.entries(y.members).map(([id, m]) => [
      `${names[id]} ${id}`,
      wan(m.balance),
      m.reserveMonths ?? "∞",
      RISK[m.risk],
      wan(m.extraction),
      wan(m.provincialRemittance),
      wan(m.topUp),
      wan(m.grantPaid),
      wan(m.subsidyPaid),
      wan(m.clawback),
    ]),
  );
  const p = y.pool;
  console.log(
    `\n统筹基金 pool: 年末 balance ${wan(p.balance)} / 备付下限 floor (3 个月) ${wan(p.floor)}; 可支付 ${p.reserveMonths ?? "∞"} 个月 (${RISK[p.risk]})`,
  );
  console.log(
    `  上划合计 top-ups ${wan(p.topUp)}, 缺口 shortfall ${wan(p.shortfall)}; 支付 paid: 重大事故 major accidents ${wan(p.paid.majorAccident)}, ` +
      `降费补缺 grants ${wan(p.paid.cutGapGrant)}, 补助 subsidies ${wan(p.paid.subsidy)}, 历年赤字 deficits ${wan(p.paid.recordedDeficit)}`,
  );
  const warned = Object.entries(y.members).filter(([, m]) => m.warnings.length > 0);
  if (warned.length > 0) {
    console.log(`  预警 warnings (二（五）): ${warned.map(([id, m]) => `${names[id]} ${m.warnings.length} 个月 months`).join("; ")}`);
  }
  console.log("");
}

const c = sim.conservation;
console.log(`守恒检查 conservation (R13): ${c.ok ? "通过 ok" : `失败 FAILED: ${c.failures.join("; ")}`}`);
console.log(
  `  journal ${sim.journal.length} entries; all accounts sum to ${c.totalOfAllAccounts}; funds ${wan(c.funds)} = external income ${wan(c.externalIn)} − benefits ${wan(c.benefitsOut)} − provincial ${wan(c.provincialOut)} (万元)`,
);
console.log("条款 Clauses: 二（一） rates and cut; 二（二） opening 10%, provincial reserve, 3-month floor and top-ups; 二（三） deficit order, grant, subsidy, 20% clawback; 二（五） warnings.");
