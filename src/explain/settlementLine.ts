/**
 * The explanation of one district's line in the auditor's statements: its
 * fiscal settlement (二（三）: the 20% on the pool's subsidies, settled
 * through 财力结算) or its part in the year's top-ups (二（二）).
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import type { FiscalSettlementStatement } from "../statements/fiscalSettlement.js";
import type { TopUpWorkingPapers } from "../statements/topUpPapers.js";
import { type Explanation, type ExplanationStep, finish, rounded, t } from "./text.js";

/**
 * R9 (二（三）“当地政府按市区统筹基金补助额的20%通过财力结算上解市级财政”) and R7 (二（二）“由各地按上年度工伤保险基金累计结余占比上划”):
 * a step-by-step account of one district's line in a fiscal settlement statement (each subsidy, its rate
 * and the 20% accrued, the settlement and its period) or in a year's top-up working papers (per top-up: its
 * weight, its share, what it paid, what others paid for it, what it owes), each step with its clause.
 *
 * @param statement - a result of `fiscalSettlementStatement` or of `topUpWorkingPapers`
 * @param member - the district's member id
 * @param options - `{ lang: "zh" | "en" }`, Chinese by default
 * @returns the title, the steps with their clauses, and the same as numbered text
 * @throws PoolingError `MISSING_MEMBER` (no line of the member), `INVALID_TYPE` (neither statement)
 * @example
 * ```ts
 * const s = fiscalSettlementStatement(simulate(EXAMPLE_SCENARIO), 2021);
 * explainSettlementLine(s, "wuzhong", { lang: "en" }).steps[0].text;
 * // "2021-03: pool subsidy 22329366.94 at 0.2: 22329366.94 × 0.2 = 4465873.388 → 4465873.39 (rounded half-up to the fen)"
 * ```
 */
export function explainSettlementLine(
  statement: FiscalSettlementStatement | TopUpWorkingPapers,
  member: string,
  options: { lang?: "zh" | "en" } = {},
): Explanation {
  if (typeof statement !== "object" || statement === null || typeof member !== "string") {
    throw new PoolingError("INVALID_TYPE", typeof member !== "string" ? ["member"] : ["statement"]);
  }
  const lang = options?.lang === "en" ? "en" : "zh";
  const missing = () =>
    new PoolingError("MISSING_MEMBER", ["member"], {
      en: `no line of ${member} in the ${statement.year} statement`,
      zh: `${statement.year} 年报表中没有 ${member}`,
    });
  if ("districts" in statement) {
    const d = statement.districts.find((x) => x.member === member);
    if (!d) throw missing();
    const citation = statement.citation;
    const steps: ExplanationStep[] = d.charged
      ? d.subsidies.map((s) => ({
          text: t(
            lang,
            `${s.period}：市区统筹基金补助 ${s.subsidy}${s.paidAfterWaiting ? `（其中 ${s.paidAfterWaiting} 为待付后补付）` : ""}，按 ${s.rate}：${rounded(lang, s.subsidy, s.rate, s.accrued)}`,
            `${s.period}: pool subsidy ${s.subsidy}${s.paidAfterWaiting ? ` (${s.paidAfterWaiting} of it paid after waiting)` : ""} at ${s.rate}: ${rounded(lang, s.subsidy, s.rate, s.accrued)}`,
          ),
          citation,
        }))
      : [{ text: t(lang, "市本级政府即市级财政：不另行上解", "市本级's government is municipal finance: nothing to remit"), citation }];
    steps.push({ text: t(lang, `${statement.year} 年应上解合计 ${d.accrued}`, `${statement.year} accrued in all: ${d.accrued}`), citation });
    for (const s of d.settlements) {
      steps.push({
        text: t(
          lang,
          `${s.period} 通过财力结算上解：${s.from} → ${s.to} ${s.amount}`,
          `${s.period} settled through fiscal settlement: ${s.from} → ${s.to} ${s.amount}`,
        ),
        citation,
      });
    }
    steps.push({ text: t(lang, `未结算 ${d.unsettled}`, `unsettled: ${d.unsettled}`), citation });
    return finish(
      lang,
      "settlement",
      t(lang, `${member} ${statement.year} 年财力结算（补助额的20%）`, `${member}: fiscal settlement of ${statement.year} (20% of the pool's subsidies)`),
      steps,
    );
  }
  if ("papers" in statement) {
    const citation = statement.citation;
    const steps: ExplanationStep[] = [];
    for (const p of statement.papers) {
      const m = p.members.find((x) => x.member === member);
      if (!m) throw missing();
      steps.push({
        text: t(
          lang,
          `${p.period}：统筹基金 ${p.poolBefore}，备付下限 ${p.floor}，需上划 ${p.asked}；上年度累计结余 ${m.priorYearBalance}，占比 ${m.weight}，应分摊 ${m.share}；可支付 ${m.available}，已上划 ${m.paid}（代他地 ${m.paidForOthers}，他地代付 ${m.coveredByOthers}），欠上划 ${m.owed}`,
          `${p.period}: pool ${p.poolBefore}, floor ${p.floor}, top-up asked ${p.asked}; prior-year balance ${m.priorYearBalance}, weight ${m.weight}, share ${m.share}; could pay ${m.available}, paid ${m.paid} (for others ${m.paidForOthers}, by others ${m.coveredByOthers}), owes ${m.owed}`,
        ),
        citation,
      });
    }
    if (steps.length === 0) steps.push({ text: t(lang, "本年未上划", "no top-up this year"), citation });
    return finish(lang, "settlement", t(lang, `${member} ${statement.year} 年上划底稿`, `${member}: top-up working papers of ${statement.year}`), steps);
  }
  throw new PoolingError("INVALID_TYPE", ["statement"], {
    en: "explainSettlementLine takes a fiscal settlement statement or top-up working papers",
    zh: "仅接受财力结算表或上划底稿",
  });
}
