/**
 * The account of a period's settlement report: the members' figures, the
 * pool's payments and top-up, and the conservation check.
 *
 * @module
 */
import { D } from "../money.js";
import { paramsAt } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import { SUZHOU_2020 } from "../policy/suzhou2020.js";
import type { PeriodReport } from "../settlement/report.js";
import { eligibilityText, owedText } from "./memberNotes.js";
import { type Explanation, type ExplanationStep, finish, type Lang, t } from "./text.js";

/** A rate as a percentage, exactly: `"0.1"` → `"10%"`. */
const percent = (rate: string): string => `${new D(rate).times(100).toFixed()}%`;

/**
 * The members' names to show: in Chinese, each member's `nameZh` from the
 * policy that produced the report (the one given, else the built-in one when
 * the report names it); in English, the ids.
 */
function memberNames(r: PeriodReport, lang: Lang, policy: Policy | undefined): (id: string) => string {
  const p = lang === "zh" ? (policy ?? (r.policy.id === SUZHOU_2020.id ? SUZHOU_2020 : undefined)) : undefined;
  const names = new Map(p ? paramsAt(p, r.period).members.value.map((m) => [m.id, m.nameZh]) : []);
  return (id) => names.get(id) ?? id;
}

/** The steps of a period's report (`settlePeriod`, `simulate(...).periods`). @internal */
export function explainReport(r: PeriodReport, lang: Lang, policy?: Policy): Explanation {
  const name = memberNames(r, lang, policy);
  const steps: ExplanationStep[] = [];
  const c = r.citations;
  const k = r.parameters;
  if (r.pool.extractions !== "0.00") {
    steps.push({
      text: t(
        lang,
        `统筹基金建立：各地按 ${k.openingBalanceYear} 年末累计结余的 ${percent(k.openingExtractionRate)} 计提上解，合计 ${r.pool.extractions}`,
        `Opening: each member transfers ${percent(k.openingExtractionRate)} of its ${k.openingBalanceYear} year-end balance, ${r.pool.extractions} in all`,
      ),
      citation: c.opening,
    });
  }
  for (const [id, m] of Object.entries(r.members)) {
    const parts = [
      t(lang, `收入 ${m.income}，支出 ${m.expenditure}`, `income ${m.income}, expenditure ${m.expenditure}`),
      m.provincialRemittance !== "0.00" ? t(lang, `上解省级储备金 ${m.provincialRemittance}`, `provincial reserve ${m.provincialRemittance}`) : "",
      m.gap !== "0.00"
        ? t(
            lang,
            `缺口 ${m.gap}：当期结余 ${m.fromCurrentSurplus}、累计结余 ${m.fromCumulativeBalance}，申请降费缺口弥补 ${m.grantClaimed}、补助 ${m.subsidyClaimed}`,
            `gap ${m.gap}: surplus ${m.fromCurrentSurplus}, carried ${m.fromCumulativeBalance}, grant claimed ${m.grantClaimed}, subsidy claimed ${m.subsidyClaimed}`,
          )
        : "",
      m.openingDeficitClaimed !== "0.00"
        ? k.deficitCoverageCharged
          ? t(lang, `建立时累计结余赤字 ${m.openingDeficitClaimed} 申请统筹基金补助`, `opening deficit ${m.openingDeficitClaimed} claimed as a subsidy`)
          : t(
              lang,
              `建立时累计结余赤字 ${m.openingDeficitClaimed} 由统筹基金弥补（弥补基金累计结余赤字，不属补助，不按补助额20%上解）`,
              `opening deficit ${m.openingDeficitClaimed} covered by the pool (an accumulated deficit, not a subsidy: no 20%)`,
            )
        : "",
      owedText(lang, m),
      m.gap !== "0.00" ? eligibilityText(lang, m) : "",
      m.topUp !== "0.00" ? t(lang, `上划 ${m.topUp}`, `top-up ${m.topUp}`) : "",
      m.clawbackAccrued !== "0.00"
        ? t(
            lang,
            `补助上解应计（比例 ${k.clawbackRate}）${m.clawbackAccrued}，年终财力结算`,
            `clawback accrued (rate ${k.clawbackRate}) ${m.clawbackAccrued}, settled at year end`,
          )
        : "",
      m.clawback !== "0.00"
        ? t(lang, `本年补助上解通过财力结算上解市财政 ${m.clawback}`, `the year's clawback settled with municipal finance ${m.clawback}`)
        : "",
      id === "municipal" && k.clawbackMunicipal === "none" && m.subsidyPaid !== "0.00"
        ? t(lang, "市本级政府即市级政府：无补助上解", "市本级's government is the municipal government: no clawback")
        : "",
      t(lang, `期末结余 ${m.balance}（可支付 ${m.reserveMonths ?? "∞"} 个月）`, `balance ${m.balance} (${m.reserveMonths ?? "∞"} months)`),
    ].filter(Boolean);
    steps.push({
      text: `${name(id)}${t(lang, "：", ": ")}${parts.join(t(lang, "；", "; "))}`,
      citation: m.gap !== "0.00" ? (m.grantClaimed !== "0.00" || !m.eligibleForCutGapGrant ? c.cutGapGrant : c.localCoverage) : c.provincialRemittance,
    });
    if (m.trueUpReturned !== "0.00" || m.trueUpReclassified !== "0.00") {
      steps.push({
        text: `${name(id)}${t(
          lang,
          `：年终清算（预拨后清算）：退回统筹基金 ${m.trueUpReturned}，补助 ${m.trueUpReclassified} 按本年同步降费减收额转为降费缺口弥补；补助上解按清算后的补助计`,
          `: year-end true-up (advances settled on the year): ${m.trueUpReturned} returned to the pool, ${m.trueUpReclassified} of subsidies settled as grants within the year's sync-induced relief; the clawback is on the settled subsidies`,
        )}`,
        citation: c.trueUp,
      });
    }
  }
  if (r.pool.open) {
    steps.push({
      text: t(
        lang,
        `备付下限（${k.poolFloorMonths} 个月）${r.pool.floor}；应付 重大事故 ${r.pool.claimed.majorAccident}、降费缺口弥补 ${r.pool.claimed.cutGapGrant}、补助 ${r.pool.claimed.subsidy}、历年赤字 ${r.pool.claimed.recordedDeficit}；各地上划 ${r.pool.topUp}${topUpReasonText(lang, r.pool.topUpReason, k.topUpSchedule)}，缺口 ${r.pool.shortfall}`,
        `Floor (${k.poolFloorMonths} months) ${r.pool.floor}; due: major accidents ${r.pool.claimed.majorAccident}, grants ${r.pool.claimed.cutGapGrant}, subsidies ${r.pool.claimed.subsidy}, deficits ${r.pool.claimed.recordedDeficit}; members' top-up ${r.pool.topUp}${topUpReasonText(lang, r.pool.topUpReason, k.topUpSchedule)}, shortfall ${r.pool.shortfall}`,
      ),
      citation: r.pool.topUpReason === "whenShort" || r.pool.topUpReason === "scheduled" ? c.topUpSchedule : c.poolFloor,
    });
    steps.push({
      text: t(
        lang,
        `统筹基金按顺序支付（顺序为本库默认，文件未规定）：${k.priority.map((p) => `${PRIORITY_ZH[p]} ${r.pool.paid[p]}`).join("、")}；补助上解应计 ${r.clawbacksAccrued}（比例 ${k.clawbackRate}），财力结算 ${r.clawbacks}；期末余额 ${r.pool.balance}`,
        `The pool pays in order (the library's default order; the document ranks none): ${k.priority.map((p) => `${PRIORITY_EN[p]} ${r.pool.paid[p]}`).join(", ")}; clawbacks accrued ${r.clawbacksAccrued} (rate ${k.clawbackRate}), settled ${r.clawbacks}; pool balance ${r.pool.balance}`,
      ),
      citation: c.priority,
    });
  } else {
    steps.push({
      text: t(lang, `统筹基金尚未建立；待付 ${r.pool.pendingClaims}`, `The pool is not yet open; pending claims ${r.pool.pendingClaims}`),
      citation: c.opening,
    });
  }
  steps.push({ text: t(lang, `守恒检查：${r.conservationOk ? "通过" : "未通过"}`, `Conservation: ${r.conservationOk ? "ok" : "FAILED"}`) });
  return finish(lang, "settlement", t(lang, `市区统筹结算（${r.period}）`, `City-district settlement (${r.period})`), steps);
}

const PRIORITY_ZH = { majorAccident: "重大事故", cutGapGrant: "降费缺口弥补", subsidy: "补助", recordedDeficit: "历年赤字" } as const;
const PRIORITY_EN = { majorAccident: "major accidents", cutGapGrant: "grants", subsidy: "subsidies", recordedDeficit: "deficits" } as const;

/** Why the period's top-up was raised, as a parenthesis (empty when none was). */
function topUpReasonText(lang: Lang, reason: PeriodReport["pool"]["topUpReason"], schedule: PeriodReport["parameters"]["topUpSchedule"]): string {
  if (reason === null) return "";
  if (reason === "whenShort") return t(lang, "（统筹基金不足支付本期应付）", " (the pool could not pay this period's claims)");
  if (schedule === "monthEnd") return t(lang, "（月末测试下限，补足至目标月数）", " (the month-end floor test, to the target months)");
  return schedule === "monthly" ? t(lang, "（按月测试下限）", " (monthly floor test)") : t(lang, "（年度测试下限）", " (the yearly floor test)");
}
