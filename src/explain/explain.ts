/**
 * `explain`: a step-by-step account of a result, in Chinese or English, with
 * each figure, each rounding point and the clause behind it.
 *
 * @module
 */

import * as z from "zod";
import { PoolingError } from "../errors.js";
import type { DeficitCoverage } from "../fund/coverDeficit.js";
import { DeficitCoverageSchema } from "../fund/coverDeficit.js";
import { type YearEndTrueUp, YearEndTrueUpSchema } from "../fund/trueUp.js";
import { type LevyCorrection, LevyCorrectionSchema } from "../levy/correction.js";
import type { Levy } from "../levy/schema.js";
import { LevySchema } from "../levy/schema.js";
import { D, formatMoney } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramsAt } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { SUZHOU_2020 } from "../policy/suzhou2020.js";
import { parseInput } from "../schema/parse.js";
import type { PeriodReport } from "../settlement/report.js";
import { PeriodReportSchema } from "../settlement/report.js";
import type { Settlement } from "../settlement/results.js";
import { explainCorrection } from "./correction.js";
import { eligibilityText, owedText } from "./memberNotes.js";
import { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t } from "./text.js";
import { withWarnings } from "./warnings.js";

export { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t };

/** The levy's citations by role, in the order the levy lists them: base rate, tiers, the cut's, the sync clause, the overlay. */
function levyCitations(l: Levy) {
  const [base, tiers, ...rest] = l.citations;
  const cutCount = l.cutSource === "outsideWindow" ? 0 : l.cutSource === "reserveMonths" ? 2 : 1;
  const cut = rest.slice(0, cutCount);
  let i = cutCount;
  const sync = l.cutFraction !== "0" && l.syncInducedRelief !== "0.00" ? rest[i++] : undefined;
  const overlay = l.reliefFraction !== "0" ? rest[i++] : undefined;
  return { base, tiers, cut, sync, overlay };
}

function explainLevy(l: Levy, lang: Lang): Explanation {
  const steps: ExplanationStep[] = [];
  const cites = levyCitations(l);
  const cited = (text: string, citation: Citation | undefined): ExplanationStep => (citation ? { text, citation } : { text });
  const who = l.employerId ? `${l.employerId}, ` : "";
  steps.push(cited(t(lang, `行业基准费率：第 ${l.industryClass} 类 ${l.baseRate}`, `Base rate of class ${l.industryClass}: ${l.baseRate}`), cites.base));
  steps.push(
    cited(
      t(
        lang,
        `浮动费率：${l.baseRate} × ${l.floatMultiplier} = ${l.floatedRate}（费率不作舍入）`,
        `Floated rate: ${l.baseRate} × ${l.floatMultiplier} = ${l.floatedRate} (rates are never rounded)`,
      ),
      cites.tiers,
    ),
  );
  const cutText: Record<string, [string, string]> = {
    outsideWindow: [`所属期 ${l.period} 不在阶段性降费期内，降费比例为 0`, `${l.period} is outside the rate-cut window: no cut`],
    policy: [
      `所属期 ${l.period} 在降费期内，降费比例 ${l.cutFraction} 由政策规定`,
      `${l.period} is in the rate-cut window; the policy fixes the cut at ${l.cutFraction}`,
    ],
    caller: [
      `所属期 ${l.period} 在降费期内，降费比例 ${l.cutFraction} 由调用方提供`,
      `${l.period} is in the rate-cut window; the caller gives the cut, ${l.cutFraction}`,
    ],
    reserveMonths: [
      `所属期 ${l.period} 在降费期内，按市区累计结余可支付月数对应国家降费档次，降费比例 ${l.cutFraction}`,
      `${l.period} is in the rate-cut window; the city's reserve months qualify for a cut of ${l.cutFraction} under the national bands`,
    ],
  };
  const [zh, en] = cutText[l.cutSource] ?? ["", ""];
  steps.push(cited(t(lang, zh, en), cites.cut[0]));
  if (cites.cut[1]) {
    steps.push(
      cited(t(lang, `国家降费档次：可支付月数对应降费比例 ${l.cutFraction}`, `National bands: the reserve months qualify for ${l.cutFraction}`), cites.cut[1]),
    );
  }
  steps.push({
    text: t(
      lang,
      `实际费率：${l.floatedRate} × (1 − ${l.cutFraction}) = ${l.effectiveRate}`,
      `Effective rate: ${l.floatedRate} × (1 − ${l.cutFraction}) = ${l.effectiveRate}`,
    ),
  });
  steps.push({
    text: t(
      lang,
      `降费前应缴费额：${rounded(lang, l.payroll, l.floatedRate, l.premiumBeforeCut)}`,
      `Premium before the cut: ${rounded(lang, l.payroll, l.floatedRate, l.premiumBeforeCut)}`,
    ),
  });
  steps.push({
    text: t(lang, `应缴费额：${rounded(lang, l.payroll, l.effectiveRate, l.premium)}`, `Premium: ${rounded(lang, l.payroll, l.effectiveRate, l.premium)}`),
  });
  steps.push({
    text: t(lang, `降费额：${l.premiumBeforeCut} − ${l.premium} = ${l.cutRelief}`, `Cut relief: ${l.premiumBeforeCut} − ${l.premium} = ${l.cutRelief}`),
  });
  if (l.cutFraction !== "0") {
    steps.push({
      text:
        l.ownCutFraction === null
          ? t(
              lang,
              "未提供本地自身可享降费比例（ownCutFraction 或 ownReserveMonths），不将缺口归因于市区同步降费，同步降费缺口为 0.00",
              "The district's own cut was not given (ownCutFraction or ownReserveMonths): no gap is attributed to the city-wide cut, sync-induced relief 0.00",
            )
          : l.syncInducedRelief === "0.00"
            ? t(
                lang,
                `本地自身可享降费比例 ${l.ownCutFraction} 不低于市区降费比例，同步降费缺口为 0.00`,
                `The district's own cut ${l.ownCutFraction} is at least the city's: no sync-induced relief`,
              )
            : t(
                lang,
                `因市区整体同步降费造成的缺口：按本地自身降费比例 ${l.ownCutFraction} 应缴 ${rounded(lang, l.payroll, new D(l.floatedRate).times(new D(1).minus(l.ownCutFraction ?? "0")).toFixed(), formatMoney(new D(l.premium).plus(l.syncInducedRelief)))}，减去应缴 ${l.premium}，得 ${l.syncInducedRelief}`,
                `Sync-induced relief: at the district's own cut ${l.ownCutFraction} the premium would be ${rounded(lang, l.payroll, new D(l.floatedRate).times(new D(1).minus(l.ownCutFraction ?? "0")).toFixed(), formatMoney(new D(l.premium).plus(l.syncInducedRelief)))}; less the premium ${l.premium}: ${l.syncInducedRelief}`,
              ),
      ...(cites.sync ? { citation: cites.sync } : {}),
    });
  }
  if (l.reliefFraction !== "0") {
    const overlay = cites.overlay;
    steps.push({
      text: t(
        lang,
        `阶段性减免：${rounded(lang, l.premium, l.reliefFraction, l.reliefWaived)}；实缴 ${l.premium} − ${l.reliefWaived} = ${l.premiumDue}`,
        `Relief programme: ${rounded(lang, l.premium, l.reliefFraction, l.reliefWaived)}; due ${l.premium} − ${l.reliefWaived} = ${l.premiumDue}`,
      ),
      ...(overlay ? { citation: overlay } : {}),
    });
  }
  return finish(lang, "levy", t(lang, `工伤保险费计算（${who}所属期 ${l.period}）`, `Work-injury premium (${who}period ${l.period})`), steps);
}

function explainCoverage(r: DeficitCoverage, lang: Lang): Explanation {
  // The result's citations, in the order coverDeficit adds them: the local order,
  // then the grant's clause (when a grant was paid), then the subsidy's and the clawback's.
  const [local, ...rest] = r.citations;
  const grant = r.poolGrant !== "0.00" ? rest.shift() : undefined;
  const subsidy = r.poolSubsidy !== "0.00" ? rest.shift() : undefined;
  const clawbackCitation = r.poolSubsidy !== "0.00" ? rest.shift() : undefined;
  const deficit = r.uncovered !== "0.00" ? rest.shift() : undefined;
  const cited = (text: string, citation: Citation | undefined): ExplanationStep => (citation ? { text, citation } : { text });
  const steps: ExplanationStep[] = [
    cited(t(lang, `当期缺口：${r.gap}`, `The period's gap: ${r.gap}`), local),
    cited(t(lang, `第一步，当地当期结余支付 ${r.fromCurrentSurplus}`, `Step 1: this year's surplus pays ${r.fromCurrentSurplus}`), local),
    cited(
      t(
        lang,
        `第二步，当地累计结余支付 ${r.fromCumulativeBalance}（至多用完为止）`,
        `Step 2: the carried balance pays ${r.fromCumulativeBalance} (down to zero at most)`,
      ),
      local,
    ),
    cited(
      t(
        lang,
        `第三步，因市区整体同步执行降费政策造成的缺口，由市区统筹基金弥补 ${r.poolGrant}（以同步降费缺口为限）`,
        `Step 3: the pool grants ${r.poolGrant} for the gap the city-wide cut caused (at most the sync-induced relief)`,
      ),
      grant,
    ),
    cited(t(lang, `第四步，仍存在缺口的，申请市区统筹基金补助 ${r.poolSubsidy}`, `Step 4: a pool subsidy of ${r.poolSubsidy} for the rest`), subsidy),
    cited(
      t(
        lang,
        `补助上解（比例 ${r.clawbackRate}）：${rounded(lang, r.poolSubsidy, r.clawbackRate, r.clawback)}，由当地政府通过财力结算上解市级财政`,
        `Clawback (rate ${r.clawbackRate}): ${rounded(lang, r.poolSubsidy, r.clawbackRate, r.clawback)}, remitted by the district government to municipal finance`,
      ),
      clawbackCitation,
    ),
    cited(t(lang, `未弥补部分（累计结余赤字）：${r.uncovered}`, `Left uncovered (a recorded deficit): ${r.uncovered}`), deficit),
  ];
  return finish(lang, "deficitCoverage", t(lang, "基金缺口弥补顺序", "How the gap is covered"), steps);
}

function explainTrueUp(r: YearEndTrueUp, lang: Lang): Explanation {
  // The result's citations, in the order yearEndTrueUp adds them: the true-up's clause, then the grant's
  // (when subsidies became grants), then the clawback's (when settled subsidies remain).
  const [own, ...rest] = r.citations;
  const grant = r.reclassified !== "0.00" ? rest.shift() : undefined;
  const clawbackCitation = r.subsidiesSettled !== "0.00" ? rest.shift() : undefined;
  const cited = (text: string, citation: Citation | undefined): ExplanationStep => (citation ? { text, citation } : { text });
  const steps: ExplanationStep[] = [
    cited(
      t(lang, `本年预拨：降费缺口弥补 ${r.grantsPaid}，补助 ${r.subsidiesPaid}`, `The year's advances: grants ${r.grantsPaid}, subsidies ${r.subsidiesPaid}`),
      own,
    ),
    cited(
      t(
        lang,
        `第一步，年末仍结存的部分退回统筹基金 ${r.returned}（先退补助 ${r.subsidiesReturned}，再退降费缺口弥补 ${r.grantsReturned}）`,
        `Step 1: what the member still holds at year end goes back to the pool: ${r.returned} (subsidies ${r.subsidiesReturned} first, then grants ${r.grantsReturned})`,
      ),
      own,
    ),
    cited(
      t(
        lang,
        `第二步，保留的补助在全年同步降费减收额未用部分内转为降费缺口弥补 ${r.reclassified}；清算后降费缺口弥补 ${r.grantsSettled}，补助 ${r.subsidiesSettled}`,
        `Step 2: kept subsidies become grants within the year's unused sync-induced relief: ${r.reclassified}; settled: grants ${r.grantsSettled}, subsidies ${r.subsidiesSettled}`,
      ),
      grant,
    ),
    cited(trueUpClawbackText(r, lang), clawbackCitation),
  ];
  return finish(lang, "yearEndTrueUp", t(lang, "年终清算（预拨后清算）", "Year-end true-up (advances settled on the year)"), steps);
}

/** The true-up's clawback step: one product at one rate, or one per rate (each rounded) and their sum. */
function trueUpClawbackText(r: YearEndTrueUp, lang: Lang): string {
  const lines = r.clawbackRates ?? [];
  if (lines.length <= 1) {
    const rate = lines[0]?.rate ?? r.clawbackRate;
    return t(
      lang,
      `补助上解（比例 ${rate}，按清算后的补助）：${rounded(lang, r.subsidiesSettled, rate, r.clawback)}`,
      `Clawback (rate ${rate}, on the settled subsidies): ${rounded(lang, r.subsidiesSettled, rate, r.clawback)}`,
    );
  }
  const parts = lines.map((line) => rounded(lang, line.subsidies, line.rate, line.clawback));
  return t(
    lang,
    `补助上解（按清算后的补助，各按支付所属期的比例）：${parts.join("；")}；合计 ${r.clawback}`,
    `Clawback (on the settled subsidies, each at the rate of the period it was paid in): ${parts.join("; ")}; in all ${r.clawback}`,
  );
}

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

function explainReport(r: PeriodReport, lang: Lang, policy?: Policy): Explanation {
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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

const ExplainOptionsSchema = z.object({ lang: z.enum(["zh", "en"]).optional(), policy: z.custom<Policy>().optional() }).strict();

/** A result {@link explain} can account for. */
export type Explainable = Levy | LevyCorrection | DeficitCoverage | YearEndTrueUp | Settlement | PeriodReport;

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** The language, Chinese by default. */
  lang?: "zh" | "en";
  /** The policy that produced the result, for the members' Chinese names (default: the built-in one, when the result names it). */
  policy?: Policy;
}

/**
 * A step-by-step account of a levy (`computeLevy`), a levy correction (`levyCorrection`), a deficit coverage
 * (`coverDeficit`), a year-end true-up (`yearEndTrueUp`) or a settlement (`settlePeriod`, or one of
 * `simulate(...).periods`), in Chinese (`zh`, default) or English, with each
 * figure, each rounding point and the clause behind it.
 *
 * @param result - a result of `computeLevy`, `levyCorrection`, `coverDeficit`, `yearEndTrueUp` or `settlePeriod` (or one of `simulate(...).periods`)
 * @param options - `{ lang: "zh" | "en", policy? }`, Chinese by default; in Chinese, a settlement names the members by their Chinese names (市本级, 吴江区, …) from `policy` (default `SUZHOU_2020` when the result was produced by it)
 * @returns the title, the steps with their clauses, and the same as numbered text
 * @throws PoolingError `INVALID_TYPE` for anything else, and the schema codes of a malformed result
 * @example
 * ```ts
 * const levy = computeLevy({ period: "2020-09", industryClass: 3, floatMultiplier: "0.8",
 *                            payroll: "2000000.00", cutFraction: "0.2" });
 * console.log(explain(levy, { lang: "en" }).text);
 * // Work-injury premium (period 2020-09)
 * // 1. Base rate of class 3: 0.005 — 苏府办〔2020〕86号 二（一）
 * // …
 * ```
 */
export function explain(result: Explainable, options: ExplainOptions = {}): Explanation {
  const opts = parseInput(ExplainOptionsSchema, options, ["options"]);
  const lang = opts.lang ?? "zh";
  const policy = opts.policy === undefined ? undefined : resolvePolicy(opts.policy);
  if (isObject(result)) {
    if ("corrected" in result && "arrears" in result) return explainCorrection(parseInput(LevyCorrectionSchema, result, ["result"]), lang);
    if ("premiumBeforeCut" in result) {
      const levy = parseInput(LevySchema, result, ["result"]);
      return withWarnings(explainLevy(levy, lang), levy.warnings, lang);
    }
    if ("fromCurrentSurplus" in result) return explainCoverage(parseInput(DeficitCoverageSchema, result, ["result"]), lang);
    if ("subsidiesSettled" in result) return explainTrueUp(parseInput(YearEndTrueUpSchema, result, ["result"]), lang);
    if ("report" in result || "pool" in result) {
      const report =
        "report" in result ? parseInput(PeriodReportSchema, result.report, ["result", "report"]) : parseInput(PeriodReportSchema, result, ["result"]);
      return withWarnings(explainReport(report, lang, policy), report.warnings, lang);
    }
  }
  throw new PoolingError("INVALID_TYPE", ["result"], {
    en: "explain takes a levy, a deficit coverage, a year-end true-up or a settlement result",
    zh: "explain 仅接受缴费、缺口弥补、年终清算或结算结果",
  });
}
