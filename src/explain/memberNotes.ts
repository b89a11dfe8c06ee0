/**
 * The notes `explain` adds to a member's line of a settled period: the true
 * reason of its eligibility for the cut-gap grant (二（三）) and what it owes
 * (应上解未上解, 二（二）).
 *
 * @module
 */
import type { PeriodReport } from "../settlement/report.js";

type Lang = "zh" | "en";
const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** R8 (0.7): the true reason a member is or is not eligible for the cut-gap grant. @internal */
export function eligibilityText(lang: Lang, m: PeriodReport["members"][string]): string {
  const months = m.ownReserveMonths ?? "∞";
  switch (m.eligibilityReason) {
    case "outsideWindow":
      return t(lang, "本期不在阶段性降费期内，无同步降费造成的缺口：无降费缺口弥补", "the period is outside the rate-cut window: no cut, no cut-gap grant");
    case "reservesShort":
      return t(
        lang,
        `自身可支付 ${months} 个月，仅可享降费 ${m.ownCutFraction}，未达到市区同步降费要求：可获降费缺口弥补`,
        `own reserves ${months} months qualify only for a cut of ${m.ownCutFraction}: eligible for the cut-gap grant`,
      );
    case "reservesSufficient":
      return t(
        lang,
        `自身可支付 ${months} 个月，可享降费 ${m.ownCutFraction}：不属于备付期未达到降费要求的地区，无降费缺口弥补`,
        `own reserves ${months} months qualify for a cut of ${m.ownCutFraction}: not eligible for the cut-gap grant`,
      );
  }
}

/** R5–R7 (0.7): what a member could not pay (应上解未上解), paid from its later surpluses. @internal */
export function owedText(lang: Lang, m: PeriodReport["members"][string]): string {
  const parts: string[] = [];
  if (m.provincialRemittanceOwed !== "0.00")
    parts.push(t(lang, `省级储备金应上解未上解 ${m.provincialRemittanceOwed}`, `provincial reserve owed ${m.provincialRemittanceOwed}`));
  if (m.extractionOwed !== "0.00") parts.push(t(lang, `计提应上解未上解 ${m.extractionOwed}`, `extraction owed ${m.extractionOwed}`));
  if (m.topUpOwed !== "0.00") parts.push(t(lang, `上划应上解未上解 ${m.topUpOwed}`, `top-up owed ${m.topUpOwed}`));
  if (m.owedSettled !== "0.00") parts.push(t(lang, `以结余补缴欠款 ${m.owedSettled}`, `paid ${m.owedSettled} of what it owed`));
  if (m.owed !== "0.00") parts.push(t(lang, `期末仍欠 ${m.owed}`, `still owes ${m.owed}`));
  if (m.remittanceOverdue) parts.push(t(lang, "省级储备金逾期（6 月 20 日后）", "provincial reserve overdue (after 06-20)"));
  return parts.join(t(lang, "；", "; "));
}
