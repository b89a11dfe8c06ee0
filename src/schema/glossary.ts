/**
 * The glossary of input and output fields: each field name with its Chinese
 * term, as the document and the agencies write it. It names fields in Chinese
 * error messages (`messageZh`) and, with the field name spelled out in
 * English, describes every field of the exported JSON Schemas.
 *
 * @module
 */

/** Field name and Chinese term, in pairs (one string: the smallest form in the bundle). */
const PAIRS =
  "kind 类别 opening 期初数据 doc 文件 clause 条款 note 备注 options 选项 name 名称 description 说明 accidentRate 工伤事故发生率 accidentRateBelow 事故发生率上限 amount 金额 atLadderEnd 档次端点处理 available 可上划金额 balances 各账户余额 bands 浮动档次调整表 baseCeiling 缴费基数上限 baseFloor 缴费基数下限 citation 政策依据 cityReserveMonths 市区可支付月数 claimSubsidy 申请统筹基金补助 closing 期末余额 cumulativeBalance 累计结余 current 现行浮动费率档次 currentSurplus 当期结余 cutFraction 降费比例 cutGapGrant 降费缺口补助 cutRelief 降费减收额 date 日期 deficitAfter 补助后赤字 deficitBefore 补助前赤字 employees 职工个人缴费基数 employerId 单位编号 enterpriseSize 企业规模 entity 报表主体 expenditure 基金支出 floatMultiplier 浮动费率档次 from 转出账户 gap 收支缺口 id 统筹地区 includeLegacyFunds 计入历年储备金 income 基金收入 indicators 考核指标 industryClass 行业类别 legacyFunds 历年储备金 levies 单位缴费记录 majorAccident 重大事故待遇申请 majorAccidentClaims 重大工伤事故待遇 member 统筹地区 members 统筹地区 nextPeriod 下一结算期 nextSeq 下一分录序号 origin 来源 ownCutFraction 本地区降费比例 ownReserveMonths 本地区可支付月数 payoutRatio 工伤保险支缴率 payoutRatioBelow 支缴率上限 payroll 缴费工资总额 pendingClaims 待支付申请 period 费款所属期 periods 结算期 poolAvailable 统筹基金可用余额 poolOpen 统筹基金已建立 priorYearBalance 上年末累计结余 priorYearExpenditure 上年基金支出 priorYearIncome 上年基金收入 provincialRemittances 省级储备金上解额 recordedDeficit 记录在案的赤字 seq 分录序号 start 测算起始期 steps 调整档数 subsidy 统筹基金补助 syncInducedRelief 同步降费减收额 to 转入账户 transfersIn 调入 transfersOut 调出 year 年度 yearExpenditure 本年累计支出 yearIncome 本年累计收入 yearToDateExpenditure 本年累计支出 yearToDateIncome 本年累计收入 eligibilityBalance 资格测算年末累计结余 eligibilityExpenditure 资格测算年度基金支出 beforePooling 统筹前各月 contributions 缴费收入 benefits 待遇支出 majorAccidentBenefits 重大工伤事故待遇支出 changes 调整内容 approval 报批 ref 批准文号 statements 基金报表 budget 预算 adjustments 预算调整 finalAccounts 决算 lastPeriod 最后结算期 poolBenefits 统筹基金支付的待遇 yearSubsidies 本年统筹基金补助 priorYear 上年 yearGrants 本年降费缺口补助 yearSyncInducedRelief 本年同步降费减收额 grantsPaid 已拨降费缺口补助 subsidiesPaid 已拨统筹基金补助 yearEndBalance 年末基金余额 trueUp 年终清算 grantableSubsidies 可转为降费补缺的补助 grantsWaiting 待支付的降费补缺 yearGrantableSubsidies 本年可转为降费补缺的补助";

/** Field name → Chinese term. Null prototype: any key is safe to look up. @internal */
export const GLOSSARY_ZH: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = Object.create(null);
  const words = PAIRS.split(" ");
  for (let i = 0; i + 1 < words.length; i += 2) out[words[i] as string] = words[i + 1] as string;
  return Object.freeze(out);
})();

/** A field name spelled out in English: `priorYearBalance` → "Prior year balance". @internal */
export function fieldNameEn(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The Chinese name of the field a path points at: the last key with a glossary
 * entry, with the item's position when it is inside a list (`第 3 项的缴费工资总额`).
 * @internal
 */
export function fieldNameZh(path: ReadonlyArray<string | number>): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === "string" && Object.hasOwn(GLOSSARY_ZH, key)) {
      let index: number | undefined;
      for (let j = i - 1; j >= 0 && index === undefined; j--) if (typeof path[j] === "number") index = path[j] as number;
      const zh = GLOSSARY_ZH[key] as string;
      return index === undefined ? zh : `第 ${index + 1} 项的${zh}`;
    }
  }
  return null;
}
