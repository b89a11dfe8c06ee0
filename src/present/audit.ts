/**
 * The statements an auditor asks for, as the summary's text and the report's
 * HTML sections: each year's final account in the unified lines (二（四）),
 * its fiscal settlement statement (二（三）) and its top-up working papers
 * (二（二）), as `auditStatements` computed them (the presentations print
 * them, they do not compute them). Presentation, not rules: the figures are
 * the statements' own exact strings (yuan, with thousands separators).
 *
 * @module
 */

import type { TopUpWorkingPapers } from "../statements/topUpPapers.js";
import type { UnifiedStatement } from "../statements/unifiedLines.js";
import type { AuditYear } from "./auditData.js";

/** Exact yuan with thousands separators: `"1234567.80"` → `"1,234,567.80"`. @internal */
export function yuan(amount: string | null): string {
  if (amount === null) return "未提供 not given";
  const [int, dec] = amount.split(".");
  const sign = int!.startsWith("-") ? "-" : "";
  return `${sign}${int!.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${dec === undefined ? "" : `.${dec}`}`;
}

const sumOf = (xs: readonly string[]) => {
  const fen = xs.reduce((a, x) => a + BigInt(x.replace(".", "")), 0n);
  const s = (fen < 0n ? -fen : fen).toString().padStart(3, "0");
  return `${fen < 0n ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
};

/** Each member's totals over a year's top-ups: Σ share, Σ paid, Σ owed. @internal */
export function topUpTotals(papers: TopUpWorkingPapers): { member: string; share: string; paid: string; coveredByOthers: string; owed: string }[] {
  const ids = papers.papers[0]?.members.map((m) => m.member) ?? [];
  return ids.map((id) => {
    const lines = papers.papers.map((p) => p.members.find((m) => m.member === id)!);
    return {
      member: id,
      share: sumOf(lines.map((l) => l.share)),
      paid: sumOf(lines.map((l) => l.paid)),
      coveredByOthers: sumOf(lines.map((l) => l.coveredByOthers)),
      owed: sumOf(lines.map((l) => l.owed)),
    };
  });
}

const lineText = (s: UnifiedStatement) =>
  [...s.income, ...s.expenditure].map((l) => `${l.zh} ${l.amount === null ? "未提供 not given" : yuan(l.amount)}`).join("; ");

/**
 * The auditor's statements as the summary's lines: per year the consolidated final account in the unified
 * lines, the fiscal settlement per district and the top-ups per member. @internal
 */
export function auditText(years: readonly AuditYear[]): string[] {
  const out: string[] = [];
  for (const a of years) {
    out.push(`══ ${a.year} 审计报表 statements for the auditor (元 yuan) ══`);
    const c = a.unified.consolidated;
    out.push(`  统一格式决算 unified final account (二（四）, 市区合并 consolidated, ${a.unified.eliminations.length} 笔内部往来抵销 eliminations):`);
    out.push(`    期初 opening ${yuan(c.opening)}; ${lineText(c)}; 期末 closing ${yuan(c.closing)}`);
    out.push(`  财力结算 fiscal settlement (二（三）, 补助额的20% 20% of the pool's subsidies):`);
    const charged = a.fiscalSettlement.districts.filter((d) => d.subsidyTotal !== "0.00" || d.settled !== "0.00");
    if (charged.length === 0) out.push("    无补助 no subsidy");
    for (const d of charged) {
      const when = [...new Set(d.settlements.map((s) => s.period))].join(", ") || "未结算 not yet settled";
      out.push(
        `    ${d.member}: 补助 subsidies ${yuan(d.subsidyTotal)} (${d.subsidies.length} 期 periods); 应上解 accrued ${yuan(d.accrued)}; 已上解 settled ${yuan(d.settled)} @ ${when}`,
      );
    }
    out.push(
      `    合计 total: 补助 ${yuan(a.fiscalSettlement.totals.subsidies)}, 应上解 ${yuan(a.fiscalSettlement.totals.accrued)}, 已上解 ${yuan(a.fiscalSettlement.totals.settled)} (= 记账 journal ${yuan(a.fiscalSettlement.journal.clawbacks)})`,
    );
    out.push(`  上划底稿 top-up working papers (二（二）, 按上年度累计结余占比 by prior-year balance): ${a.topUpWorkingPapers.papers.length} 次 top-ups`);
    for (const t of topUpTotals(a.topUpWorkingPapers)) {
      if (t.share === "0.00" && t.paid === "0.00" && t.owed === "0.00") continue;
      out.push(
        `    ${t.member}: 应分摊 share ${yuan(t.share)}; 已上划 paid ${yuan(t.paid)}; 他地代付 covered by others ${yuan(t.coveredByOthers)}; 欠上划 owed ${yuan(t.owed)}`,
      );
    }
    out.push("");
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function table(header: string[], rows: string[][], left = 1): string {
  const cell = (tag: string, c: string, i: number) => (i < left ? `<${tag} class="l">${c}</${tag}>` : `<${tag}>${c}</${tag}>`);
  return `<table><tr>${header.map((h, i) => cell("th", h, i)).join("")}</tr>${rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("")}</table>`;
}

/**
 * The auditor's statements as the report's HTML sections: per year the unified final account (each fund and
 * the consolidation, lines down, funds across), the fiscal settlement statement and the top-up totals. @internal
 */
export function auditHtml(years: readonly AuditYear[]): string {
  if (years.length === 0) return "";
  const unified = years
    .map((a) => {
      const cols = [...a.unified.entities, a.unified.consolidated];
      const codes = [...new Set(cols.flatMap((s) => [...s.income, ...s.expenditure].map((l) => l.code)))];
      const label = (code: string) => cols.flatMap((s) => [...s.income, ...s.expenditure]).find((l) => l.code === code)!;
      const cellOf = (s: UnifiedStatement, code: string) => {
        const l = [...s.income, ...s.expenditure].find((x) => x.code === code);
        return l === undefined ? "" : l.amount === null ? "—" : yuan(l.amount);
      };
      const rows = [
        ["期初 opening", ...cols.map((s) => yuan(s.opening))],
        ...codes.map((code) => [esc(`${label(code).zh} ${label(code).en}`), ...cols.map((s) => cellOf(s, code))]),
        ["期末 closing", ...cols.map((s) => yuan(s.closing))],
      ];
      return `<h3>${a.year}</h3>${table(["科目 line", ...cols.map((s) => esc(s.entity === "city-district" ? "市区合并 consolidated" : s.entity))], rows)}
<p class="note">内部往来抵销 eliminations: ${a.unified.eliminations.length}; — 未提供 not given (${esc(a.unified.notGiven)}).</p>`;
    })
    .join("\n");
  const fiscal = years
    .map((a) => {
      const rows = a.fiscalSettlement.districts
        .filter((d) => d.subsidyTotal !== "0.00" || d.settled !== "0.00")
        .map((d) => [
          esc(d.member),
          yuan(d.subsidyTotal),
          esc([...new Set(d.subsidies.map((s) => s.rate))].join(", ")),
          yuan(d.accrued),
          yuan(d.settled),
          esc([...new Set(d.settlements.map((s) => s.period))].join(", ") || "—"),
          yuan(d.unsettled),
        ]);
      const total = [
        "合计 total",
        yuan(a.fiscalSettlement.totals.subsidies),
        "",
        yuan(a.fiscalSettlement.totals.accrued),
        yuan(a.fiscalSettlement.totals.settled),
        "",
        yuan(a.fiscalSettlement.totals.unsettled),
      ];
      return `<h3>${a.year}</h3>${table(["地区 district", "补助 subsidies", "比例 rate", "应上解 accrued", "已上解 settled", "结算期 settled in", "未结算 unsettled"], [...rows, total])}`;
    })
    .join("\n");
  const topUps = years
    .filter((a) => a.topUpWorkingPapers.papers.length > 0)
    .map((a) => {
      const rows = topUpTotals(a.topUpWorkingPapers).map((t) => [esc(t.member), yuan(t.share), yuan(t.paid), yuan(t.coveredByOthers), yuan(t.owed)]);
      return `<h3>${a.year}: ${a.topUpWorkingPapers.papers.length} 次上划 top-ups</h3>${table(["地区 member", "应分摊 share", "已上划 paid", "他地代付 covered by others", "欠上划 owed"], rows)}`;
    })
    .join("\n");
  return `<h2>统一格式决算 / Final accounts in the unified lines (二（四）)</h2>
<p class="note">元 yuan; 各基金及市区合并，基金之间的往来已抵销 / each fund and the city-district, transfers between the funds eliminated.</p>
${unified}
<h2>财力结算表 / Fiscal settlement statement (二（三）)</h2>
<p class="note">当地政府按市区统筹基金补助额的20%通过财力结算上解市级财政 (二（三）); 已上解合计与记账一致 / the settled totals are the journal's.</p>
${fiscal}
<h2>上划底稿 / Top-up working papers (二（二）)</h2>
<p class="note">按上年度工伤保险基金累计结余占比上划 (二（二）); 每次上划的明细见 statements 输出 / each top-up's paper: <code>wi-pooling statements</code>.</p>
${topUps}`;
}
