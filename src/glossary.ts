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
  "kind 类别 opening 期初数据 doc 文件 clause 条款 note 备注 options 选项 name 名称 description 说明 accidentRate 工伤事故发生率 accidentRateBelow 事故发生率上限 amount 金额 atLadderEnd 档次端点处理 available 可上划金额 balances 各账户余额 bands 浮动档次调整表 baseCeiling 缴费基数上限 baseFloor 缴费基数下限 citation 政策依据 cityReserveMonths 市区可支付月数 claimSubsidy 申请统筹基金补助 closing 期末余额 cumulativeBalance 累计结余 current 现行浮动费率档次 currentSurplus 当期结余 cutFraction 降费比例 cutGapGrant 降费缺口弥补 cutRelief 降费减收额 date 日期 deficitAfter 补助后赤字 deficitBefore 补助前赤字 employees 职工个人缴费基数 employerId 单位编号 enterpriseSize 企业规模 entity 报表主体 expenditure 基金支出 floatMultiplier 浮动费率档次 from 起始时间 gap 收支缺口 id 地区 includeLegacyFunds 计入原储备金和调剂金 income 基金收入 indicators 考核指标 industryClass 行业类别 legacyFunds 原储备金和调剂金 levies 单位缴费记录 majorAccident 重大事故待遇申请 majorAccidentClaims 重大工伤事故待遇 member 地区 members 各地 nextPeriod 下一结算期 nextSeq 下一分录序号 origin 来源 ownCutFraction 本地区降费比例 ownReserveMonths 本地区可支付月数 payoutRatio 工伤保险支缴率 payoutRatioBelow 支缴率上限 payroll 缴费工资总额 pendingClaims 待支付申请 period 费款所属期 periods 结算期 poolAvailable 统筹基金可用余额 poolOpen 统筹基金已建立 priorYearBalance 上年末累计结余 priorYearExpenditure 上年基金支出 priorYearIncome 上年基金收入 provincialRemittances 省级储备金上解额 recordedDeficit 记录在案的赤字 seq 分录序号 start 测算起始期 steps 调整档数 subsidy 统筹基金补助 syncInducedRelief 同步降费减收额 to 截止时间 transfersIn 调入 transfersOut 调出 year 年度 yearExpenditure 本年累计支出 yearIncome 本年累计收入 yearToDateExpenditure 本年累计支出 yearToDateIncome 本年累计收入 eligibilityBalance 资格测算年末累计结余 eligibilityExpenditure 资格测算年度基金支出 beforePooling 统筹前各月 contributions 缴费收入 benefits 待遇支出 majorAccidentBenefits 重大工伤事故待遇支出 changes 调整内容 approval 报批 ref 批准文号 statements 基金报表 budget 预算 adjustments 预算调整 finalAccounts 决算 lastPeriod 最后结算期 poolBenefits 统筹基金支付的待遇 yearSubsidies 本年统筹基金补助 priorYear 上年 yearGrants 本年降费缺口弥补 yearSyncInducedRelief 本年同步降费减收额 grantsPaid 已拨降费缺口弥补 subsidiesPaid 已拨统筹基金补助 yearEndBalance 年末基金余额 trueUp 年终清算 grantableSubsidies 可转为降费缺口弥补的补助 grantsWaiting 待支付的降费缺口弥补 yearGrantableSubsidies 本年可转为降费缺口弥补的补助 version 版本 title 标题 zh 中文 en 英文 inForce 施行期 until 失效日期 reviewedThrough 数据核对截至日期 hash 政策数据指纹 library 计算程序 warnings 提示 code 代码 message 英文说明 messageZh 中文说明 value 取值 nameZh 中文名称 nameEn 英文名称 baseRates 行业基准费率 1 一类行业 2 二类行业 3 三类行业 4 四类行业 5 五类行业 6 六类行业 7 七类行业 8 八类行业 floatTiers 浮动费率档次表 ladders 各类行业浮动档次 maxTierSteps 一次调整最大档数 rateCut 阶段性降费 fraction 比例 fractions 降费档次 nationalCutBands 国家降费档次表 minMonths 可支付月数下限 reliefOverlays 减免政策 enterpriseSizes 适用企业规模 provincialReserve 省级储备金 dueMonthDay 上解日期 rule 计算办法 rate 比率 base 计算基数 dueDate 完成日期 extractionRate 提取比例 balanceYear 基数年度 coverOpeningDeficits 弥补统筹前赤字 poolFloor 统筹基金下限 months 月数 clawback 补助额20%上解 municipal 市本级 split 分配权重 gusu 姑苏区 snd 苏州高新区 riskBands 风险等级表 level 风险等级 fromMonths 可支付月数起点 source 出处 deficitCoverage 赤字弥补 autoClaimSubsidy 自动申请统筹基金补助 yearEndTrueUp 年终清算办法 topUp 统筹基金补足 schedule 补足周期 whenShort 余额不足时补足 pool 统筹基金 priority 支付顺序 clauses 条款依据 rollover 结余结转 localCoverage 本地弥补 legacyFoldIn 原储备金和调剂金并入 balancesHeld 结余留存 consolidation 报表合并 floatReview 浮动费率调整 .from 转出账户 .to 转入账户 #.from 转出账户 #.to 转入账户 journal.from 转出账户 journal.to 转入账户 JournalEntry.from 转出账户 JournalEntry.to 转入账户 .id 政策编号 Policy.id 政策编号 reliefOverlays.id 减免政策编号 original 原缴费记录 corrected 更正后缴费记录 knownOn 发现日期 paidOn 补缴日期 field 更正项目 knownIn 发现期 corrects 更正所属期 restatements 以前期间更正 lateFees 滞纳金 dailyRate 日滞纳金率 waivers 免收滞纳金期间 monthsAfter 所属期后月数 day 日 restatement 更正调整依据 deficitCoverageCharged 弥补累计结余赤字计补助额20%上解 unpaidTransfers 应上解未上解的处理 targetMonths 上划目标月数 owed 应上解未上解 yearRemitted 本年已上解省级储备金 charged 计补助额20%上解 openingExtraction 统筹基金计提上解 provincialRemittance 省级储备金上解额 baseRate 基准费率 floatedRate 浮动后费率 cutSource 降费比例来源 ownCutSource 本地区降费比例来源 effectiveRate 实际费率 premiumBeforeCut 降费前缴费额 premium 降费后缴费额 reliefFraction 减免比例 reliefWaived 减免金额 premiumDue 应缴金额";

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
 * A field's Chinese term: the entry qualified by the field it is in, else its
 * own entry. The qualified entries (`parent.key`) name a field whose meaning
 * there differs from its own: a journal entry's `from` and `to` (accounts, not
 * times), a policy's `id`. The parent is `""` at the top of an input, `#` in
 * an item of a list input (error paths), the schema's name at the top of a
 * JSON Schema. @internal
 */
export function termZh(key: string, parent: string): string | undefined {
  return GLOSSARY_ZH[`${parent}.${key}`] ?? GLOSSARY_ZH[key];
}

/** The records keyed by member id: `members.sip` is 苏州工业园区, `provincialRemittances.sip` its remittance. */
const MEMBER_KEYED = new Set(["members", "provincialRemittances"]);

/** A member's Chinese name from `names` (the policy in use), else its id: `地区 gusu`. */
function memberNameZh(id: string, names: Readonly<Record<string, string>> | undefined): string {
  return names !== undefined && Object.hasOwn(names, id) ? (names[id] as string) : `地区 ${id}`;
}

/**
 * The Chinese name of the field a path points at, from the input down:
 * each key by its glossary term (a key without one, by itself: `字段 bogus`),
 * each item by its position (`第 3 项`; a scenario's period, `第 3 个结算期`),
 * each member id after `members` by the member's Chinese name (from
 * `memberNames`, the names of the policy in use; an id without one, by
 * itself: `地区 gusu`), joined by 的:
 * `periods[0].members.sip.income` → `第 1 个结算期的苏州工业园区的基金收入`.
 * Null for the input itself.
 * @internal
 */
export function fieldNameZh(path: ReadonlyArray<string | number>, memberNames?: Readonly<Record<string, string>>): string | null {
  const parts: string[] = [];
  let parent = "";
  let outer = ""; // the field `parent` is in, for the term of a list itself
  const named = (key: string, within = parent) => termZh(key, within) ?? `字段 ${key}`;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string | number;
    const next = path[i + 1];
    if (typeof key === "number") {
      const owner = path[i - 1];
      if (owner === "periods") parts.push(`第 ${key + 1} 个结算期`);
      else if (typeof owner === "string") parts.push(`${named(owner, outer)}第 ${key + 1} 项`);
      else {
        parts.push(`第 ${key + 1} 项`);
        parent = "#"; // an item of the input, not its top
      }
      continue;
    }
    if (typeof next === "number") {
      // named with its item's position; the field its items' fields are in
      outer = parent;
      parent = key;
      continue;
    }
    if (MEMBER_KEYED.has(key) && typeof next === "string") {
      const member = memberNameZh(next, memberNames);
      parts.push(key === "members" ? member : `${member}的${named(key)}`);
      parent = next;
      i++;
      continue;
    }
    parts.push(named(key));
    parent = key;
  }
  return parts.length === 0 ? null : parts.join("的");
}
