/**
 * The accounts of the fund's results: how a deficit is covered
 * (`coverDeficit`) and a year-end true-up (`yearEndTrueUp`).
 *
 * @module
 */
import type { DeficitCoverage } from "../fund/coverDeficit.js";
import type { YearEndTrueUp } from "../fund/trueUp.js";
import type { Citation } from "../policy/citation.js";
import { type Explanation, type ExplanationStep, finish, type Lang, rounded, t } from "./text.js";

/** The steps of a deficit coverage (`coverDeficit`). @internal */
export function explainCoverage(r: DeficitCoverage, lang: Lang): Explanation {
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

/** The steps of a year-end true-up (`yearEndTrueUp`). @internal */
export function explainTrueUp(r: YearEndTrueUp, lang: Lang): Explanation {
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
