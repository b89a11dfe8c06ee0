/**
 * `explain` for a levy correction: both records under their own period's
 * rules, the difference, and the late fee day by day to its one rounding.
 *
 * @module
 */
import type { LevyCorrection } from "../levy/correction.js";
import { D } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { type Explanation, type ExplanationStep, finish, type Lang, rounded, t } from "./text.js";

const cited = (text: string, citation: Citation | undefined): ExplanationStep => (citation ? { text, citation } : { text });

/** The steps of a levy correction. @internal */
export function explainCorrection(c: LevyCorrection, lang: Lang): Explanation {
  const { original: o, corrected: n } = c;
  const steps: ExplanationStep[] = [];
  const record = (label: [string, string], l: typeof o) =>
    cited(
      t(
        lang,
        `${label[0]}：缴费工资 ${l.payroll}，按所属期 ${l.period} 施行的规则，实际费率 ${l.baseRate} × ${l.floatMultiplier} × (1 − ${l.cutFraction}) = ${l.effectiveRate}，应缴 ${rounded(lang, l.payroll, l.effectiveRate, l.premium)}，实缴义务 ${l.premiumDue}`,
        `${label[1]}: payroll ${l.payroll}; under the rules in force for ${l.period}, effective rate ${l.baseRate} × ${l.floatMultiplier} × (1 − ${l.cutFraction}) = ${l.effectiveRate}; premium ${rounded(lang, l.payroll, l.effectiveRate, l.premium)}; due ${l.premiumDue}`,
      ),
      l.citations[0],
    );
  steps.push(record(["原记录", "As settled"], o));
  steps.push(record(["更正后", "As corrected"], n));
  const kindText = {
    arrears: t(lang, `应补缴 ${c.arrears}`, `arrears of ${c.arrears}`),
    refund: t(lang, `应退还 ${c.refund}（退费不计滞纳金）`, `a refund of ${c.refund} (a refund bears no late fee)`),
    none: t(lang, "无差额", "no difference"),
  }[c.kind];
  steps.push({
    text: t(
      lang,
      `差额：${n.premiumDue} − ${o.premiumDue} = ${c.difference.premiumDue}，${kindText}`,
      `Difference: ${n.premiumDue} − ${o.premiumDue} = ${c.difference.premiumDue}: ${kindText}`,
    ),
  });
  const f = c.lateFee;
  if (f !== null) {
    const [rateCite, dueCite, ...waiverCites] = f.citations;
    const source = f.dueDateSource === "library default" ? t(lang, "（文件未规定，本库默认）", " (not fixed by the document set: the library's default)") : "";
    steps.push(cited(t(lang, `应缴截止日：${f.dueDate}${source}`, `Due date: ${f.dueDate}${source}`), dueCite));
    const through = c.lateFeeThrough === "paidOn" ? t(lang, "缴纳之日", "the day paid") : t(lang, "发现之日（尚未缴纳）", "the day known (not yet paid)");
    steps.push(
      cited(
        t(
          lang,
          `滞纳天数：${f.dueDate} 次日起至 ${f.through}（${through}）共 ${f.overdueDays} 个自然日${f.waivedDays > 0 ? `，其中免收 ${f.waivedDays} 日` : ""}，计 ${f.days} 日`,
          `Days late: from the day after ${f.dueDate} through ${f.through} (${through}), ${f.overdueDays} calendar days${f.waivedDays > 0 ? `, of which ${f.waivedDays} waived` : ""}: ${f.days} days`,
        ),
        waiverCites[0],
      ),
    );
    const exact = new D(c.arrears).times(f.dailyRate).times(f.days);
    const shown = exact.eq(f.lateFee)
      ? f.lateFee
      : `${exact.toFixed()} → ${f.lateFee}${t(lang, "（四舍五入到分，仅此一次）", " (rounded half-up to the fen, once)")}`;
    steps.push(
      cited(
        t(lang, `滞纳金：${c.arrears} × ${f.dailyRate} × ${f.days} = ${shown}`, `Late fee: ${c.arrears} × ${f.dailyRate} × ${f.days} = ${shown}`),
        rateCite,
      ),
    );
    steps.push({ text: t(lang, `合计应缴：${c.arrears} + ${f.lateFee} = ${c.totalDue}`, `Total due: ${c.arrears} + ${f.lateFee} = ${c.totalDue}`) });
  }
  const who = c.employerId ? `${c.employerId}, ` : "";
  return finish(lang, "levyCorrection", t(lang, `工伤保险费更正（${who}所属期 ${c.period}）`, `Levy correction (${who}period ${c.period})`), steps);
}
