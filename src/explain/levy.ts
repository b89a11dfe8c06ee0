/**
 * The account of a levy: base rate, floating tier, the cut and its source,
 * the sync-induced relief and any relief overlay, each with its clause.
 *
 * @module
 */
import type { Levy } from "../levy/schema.js";
import { D, formatMoney } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { type Explanation, type ExplanationStep, finish, type Lang, rounded, t } from "./text.js";

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

/** The steps of a levy (`computeLevy`). @internal */
export function explainLevy(l: Levy, lang: Lang): Explanation {
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
