/**
 * The built-in policy: 苏府办〔2020〕86号, as dated and cited data.
 * Every number below is followed to its clause; see `docs/interpretations.md`
 * for the readings the document leaves open.
 *
 * @module
 */
import { cite, DOC } from "./citation.js";
import { definePolicy } from "./define.js";
import type { Policy, PolicyInput } from "./schema.js";

const FROM = "2020-05-01";

/** The national rule behind the floating tiers. */
const FLOAT_RULE = "人社部发〔2015〕71号";
/** The national rule behind the phased-cut bands (可支付月数 18–23 → 20%, ≥ 24 → 50%). */
const CUT_RULE = "国办发〔2019〕13号";
/** The law behind late fees on unpaid premiums. */
const LAW = "《中华人民共和国社会保险法》";

/** Marks the built-in policy's type (no value carries it at run time). */
declare const BUILT_IN: unique symbol;

/**
 * The type of {@link SUZHOU_2020}: a {@link Policy} whose member ids are known
 * to the compiler, so that the results of `simulate` and `settlePeriod` on it
 * (or without a policy) key their members by {@link SuzhouMemberId}.
 */
export type Suzhou2020Policy = Policy & { readonly [BUILT_IN]: "suzhou-2020" };

/**
 * The member ids of `SUZHOU_2020`: `"municipal"` (市本级), `"wujiang"` (吴江区),
 * `"wuzhong"` (吴中区), `"xiangcheng"` (相城区), `"sip"` (苏州工业园区).
 */
export type SuzhouMemberId = "municipal" | "wujiang" | "wuzhong" | "xiangcheng" | "sip";

/** The policy data of 苏府办〔2020〕86号 as JSON (the input of `definePolicy`). @internal */
export const SUZHOU_2020_DATA = {
  id: "suzhou-2020",
  version: "2.0",
  title: {
    zh: "市政府办公室关于工伤保险市区统筹的实施意见",
    en: "Implementing opinions of the Suzhou municipal government office on city-district pooling of work-injury insurance",
  },
  doc: DOC,
  inForce: { from: FROM, citation: cite("一（二）", "从 2020 年 5 月 1 日起，实施工伤保险市区统筹") },
  // the data were last checked against the document for the 0.6.0 release (its clawback citation reviewed)
  reviewedThrough: "2026-12-07",
  members: [
    {
      from: FROM,
      value: [
        { id: "municipal", nameZh: "市本级（含姑苏区、苏州高新区）", nameEn: "Municipal level (incl. Gusu District and Suzhou New District)" },
        { id: "wujiang", nameZh: "吴江区", nameEn: "Wujiang District" },
        { id: "wuzhong", nameZh: "吴中区", nameEn: "Wuzhong District" },
        { id: "xiangcheng", nameZh: "相城区", nameEn: "Xiangcheng District" },
        { id: "sip", nameZh: "苏州工业园区", nameEn: "Suzhou Industrial Park" },
      ],
      citation: cite("一（二）", "市本级（含姑苏区、苏州高新区）、吴江区、吴中区、相城区和苏州工业园区纳入市区统筹管理"),
    },
  ],

  baseRates: [
    {
      from: FROM,
      value: { "1": "0.0015", "2": "0.003", "3": "0.005", "4": "0.006", "5": "0.008", "6": "0.009", "7": "0.011", "8": "0.015" },
      citation: cite("二（一）", "一类至八类行业基准费率分别为 0.15%、0.3%、0.5%、0.6%、0.8%、0.9%、1.1%、1.5%"),
    },
  ],
  floatTiers: [
    {
      from: FROM,
      value: {
        ladders: {
          "1": ["1", "1.2", "1.5"],
          "2": ["0.5", "0.8", "1", "1.2", "1.5"],
          "3": ["0.5", "0.8", "1", "1.2", "1.5"],
          "4": ["0.5", "0.8", "1", "1.2", "1.5"],
          "5": ["0.5", "0.8", "1", "1.2", "1.5"],
          "6": ["0.5", "0.8", "1", "1.2", "1.5"],
          "7": ["0.5", "0.8", "1", "1.2", "1.5"],
          "8": ["0.5", "0.8", "1", "1.2", "1.5"],
        },
        maxTierSteps: 2,
      },
      citation: cite(
        "二（一）",
        `整体同步实施浮动费率政策; ladders per ${FLOAT_RULE} (class 1 floats up only; classes 2–8 five tiers); at most two tiers per review is the common reading`,
      ),
    },
  ],
  rateCut: [
    {
      // fractions: the national bands' cuts (国办发〔2019〕13号: 20% and 50%) and no cut.
      from: FROM,
      to: "2021-04-30",
      value: { fractions: ["0", "0.2", "0.5"] },
      citation: cite(
        "二（一）",
        "2020 年 5 月 1 日起，整体同步执行国家阶段性降费政策至 2021 年 4 月 30 日; the document does not state the fraction applied; the national notice extending the cut to 2021-04-30: to be confirmed",
      ),
    },
  ],
  nationalCutBands: [
    {
      from: FROM,
      value: [
        { minMonths: "24", fraction: "0.5" },
        { minMonths: "18", fraction: "0.2" },
      ],
      citation: cite("阶段性降低工伤保险费率", "累计结余可支付月数 18 至 23 个月下调 20%，24 个月以上下调 50%", CUT_RULE),
    },
  ],

  reliefOverlays: [],
  provincialReserve: [
    {
      from: FROM,
      value: { dueMonthDay: "06-20" },
      citation: cite("二（二）", "各地于每年 6 月 20 日前按省规定足额上解省级储备金; the amount follows the provincial rule"),
    },
  ],

  opening: [
    {
      from: FROM,
      value: {
        dueDate: "2020-06-30",
        extractionRate: "0.1",
        balanceYear: 2019,
        includeLegacyFunds: false,
        coverOpeningDeficits: true,
        deficitCoverageCharged: false,
      },
      citation: cite(
        "二（二）",
        "2020 年 6 月 30 日前，将上年度工伤保险基金累计结余的 10% 计提上解，作为市区工伤保险统筹基金，用于弥补基金累计结余赤字; covering an opening deficit is no 补助 of 二（三）: no 20% (library reading)",
      ),
    },
  ],

  poolFloor: [
    {
      from: FROM,
      value: { months: "3" },
      citation: cite("二（二）", "当市区工伤保险统筹基金不足市区备付期 3 个月时……上划"),
    },
  ],

  clawback: [
    {
      from: FROM,
      value: { rate: "0.2", municipal: "none" },
      citation: cite(
        "二（三）",
        "当地政府按市区统筹基金补助额的 20% 通过财力结算上解市级财政; settled once a year (the library's reading: the document sets no frequency); 市本级's government is the municipal government: it owes none (library default)",
      ),
    },
  ],

  riskBands: [
    {
      from: FROM,
      value: [
        { level: "critical", fromMonths: "0", source: "document" },
        { level: "warning", fromMonths: "3", source: "library default" },
        { level: "normal", fromMonths: "9", source: "library default" },
        { level: "surplus", fromMonths: "24", source: "library default" },
      ],
      note: "library default, except the critical band, below the 3-month pool floor of 二（二）: the document sets up early warning (二（五）) without bands",
      citation: cite(
        "二（五）",
        "建立健全基金运行风险预警机制; the document sets no bands: only the 3-month bound is the document's (the pool floor of 二（二）); 9 months (人社部发〔2015〕72号's normal size) and 24 months (the 50% national cut level) are library defaults",
      ),
    },
  ],

  deficitCoverage: [
    {
      from: FROM,
      value: { autoClaimSubsidy: true, yearEndTrueUp: false, unpaidTransfers: "owed" },
      citation: cite(
        "二（三）",
        "仍存在缺口的，可申请市区统筹基金补助; default: the subsidy is claimed; no year-end true-up (library default); an extraction or remittance a fund cannot pay is owed (应上解未上解), never a 补助 (library reading)",
      ),
    },
  ],

  topUp: [
    {
      from: FROM,
      value: { schedule: "monthEnd", whenShort: true },
      citation: cite(
        "二（二）",
        "当市区工伤保险统筹基金不足市区备付期 3 个月时，由各地按上年度工伤保险基金累计结余占比上划; tested at each month's end after the month's claims, topped up to the floor; what a member cannot pay it owes (library reading: the document sets no moment)",
      ),
    },
  ],

  pool: [
    {
      from: FROM,
      value: { priority: ["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"] },
      citation: cite(
        "二（二）",
        "用于弥补基金累计结余赤字和重大工伤事故的工伤保险待遇等支出; the document ranks none of the uses: this order is the library default",
      ),
      note: "library default",
    },
  ],

  clauses: [
    {
      from: FROM,
      value: {
        income: cite("二（五）", "工伤保险基金实行收支两条线管理，专款专用"),
        majorAccident: cite("二（二）", "用于弥补基金累计结余赤字和重大工伤事故的工伤保险待遇等支出"),
        rollover: cite("二（三）", "当期结余、累计结余; at year end this year's surplus rolls into the carried balance"),
        localCoverage: cite("二（三）", "各地基金出现当期缺口时，先按序由当地当期结余、累计结余支付"),
        cutGapGrant: cite(
          "二（三）",
          "基金备付期未达到国家阶段性降费政策要求的地区，在累计结余用完后，因市区整体同步执行降费政策造成的缺口，由市区统筹基金予以弥补",
        ),
        subsidy: cite("二（三）", "仍存在缺口的，可申请市区统筹基金补助"),
        trueUp: cite(
          "二（三）",
          "先按序由当地当期结余、累计结余支付……仍存在缺口的，可申请市区统筹基金补助; the year-end settlement of the year's advances (预拨 then 清算) is the library's option, the document names none",
        ),
        restatement: cite(
          "二（五）",
          "人社、财政、税务等部门要定期对基金征缴、支付及管理等环节开展监督检查; the document sets no rule for figures restated after settlement: the library posts the differences as prior-period adjustments (以前期间调整) in the period the restatement becomes known, tagged with the period they correct",
        ),
        recordedDeficit: cite("二（二）", "用于弥补基金累计结余赤字"),
        legacyFoldIn: cite("二（二）", "取消我市原有的市级统筹储备金和调剂金制度，原储备金和调剂金纳入本地基金结余"),
        balancesHeld: cite("二（二）", "各地基金累计结余由市级统一管理，暂委托各地财政部门属地存放"),
        topUp: cite("二（二）", "由各地按上年度工伤保险基金累计结余占比上划，充实市区工伤保险统筹基金"),
        priority: cite(
          "二（二）",
          "用于弥补基金累计结余赤字和重大工伤事故的工伤保险待遇等支出; order (a) major accidents, (b) cut-gap grants 二（三）, (c) subsidies 二（三）, (d) earlier deficits: the library's default, the document ranks none",
        ),
        consolidation: cite("二（四）", "在省统收统支办法出台前，市财政部门合并编报市区工伤保险基金预决算报表"),
        budget: cite("二（四）", "基金预算不得随意调整，确需调整，需按有关规定报批……强化预算执行管理"),
        syncInducedRelief: cite("二（三）", "因市区整体同步执行降费政策造成的缺口"),
        floatReview: cite(
          "二（一）",
          "整体同步实施浮动费率政策; indicator-based review is local practice (人社部发〔2015〕71号): the band table is the caller's",
        ),
      },
      citation: cite("二", "the clauses the rules cite, quoted where they apply"),
    },
  ],
  lateFees: {
    dailyRate: [
      {
        from: FROM,
        value: "0.0005",
        citation: cite("第八十六条", "用人单位未按时足额缴纳社会保险费的……自欠缴之日起，按日加收万分之五的滞纳金", LAW),
      },
    ],
    dueDate: [
      {
        from: FROM,
        value: { monthsAfter: 1, day: 15, source: "library default" },
        citation: cite(
          "二（一）",
          "统一市区费率政策; the document set fixes no due date of a period's premium: the 15th of the following month is the library default, to be replaced by the local collection calendar",
        ),
        note: "library default",
      },
    ],
    waivers: [],
  },
} as const satisfies Record<Exclude<keyof PolicyInput, "until">, unknown>;

/**
 * The built-in policy of 苏府办〔2020〕86号: the five pooling members, base
 * rates of classes 一 to 八, floating tiers, the 2020-05-01 to 2021-04-30
 * rate-cut window (fraction not fixed: callers pass it), the opening 10%
 * extraction, the 3-month pool floor, the 20% clawback and the risk bands.
 *
 * @example
 * ```ts
 * SUZHOU_2020.baseRates[0].value["1"]; // "0.0015"
 * SUZHOU_2020.members[0].value.map((m) => m.id); // ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"]
 * ```
 */
export const SUZHOU_2020: Suzhou2020Policy = definePolicy(SUZHOU_2020_DATA) as Suzhou2020Policy;
