/**
 * The compare tab's data, without the page: the reform built from the base
 * by the tab's edits (a copy under a version of its own), the rows of the
 * differences table (every figure of `compare`'s result with its unit), and
 * the tab's words in both languages. Every figure is a string the library
 * returned; nothing here computes a rule.
 *
 * @module
 */
import { type Comparison, MEMBER_FIGURES, POOL_FIGURES } from "../analysis.js";
import { definePolicy, type Policy } from "../index.js";

/** The edits of the tab: each a decimal string, or empty for "as in the base". */
export interface ReformEdits {
  /** `poolFloor.months`, in every window. */
  floorMonths: string;
  /** `clawback.rate`, in every window. */
  clawbackRate: string;
  /** `topUp.targetMonths`, in every window (empty: the floor's). */
  targetMonths: string;
}

type Windows = { value: Record<string, unknown> }[];

/**
 * The base with the edits, as a policy of its own: the base's JSON with each
 * edited field set in every window, under the version `<base>+` and the changed fields (e.g.
 * `2.0+clawback0.3`; `2.0+copy` when none changed): a changed policy never keeps the base's version. Throws the codes of `definePolicy`.
 */
export function reformOf(base: Policy, edits: ReformEdits): Policy {
  const json = JSON.parse(JSON.stringify(base)) as Record<string, unknown> & { version: string };
  // each edited field set in every window; the version names the fields that changed
  const set = (parameter: string, field: string, tag: string, value: string) => {
    const v = value.trim();
    if (v === "") return "";
    let changed = false;
    for (const w of json[parameter] as Windows) {
      changed ||= w.value[field] !== v;
      w.value[field] = v;
    }
    return changed ? `${tag}${v}` : "";
  };
  const tags = [
    set("poolFloor", "months", "floor", edits.floorMonths),
    set("clawback", "rate", "clawback", edits.clawbackRate),
    set("topUp", "targetMonths", "target", edits.targetMonths),
  ].filter(Boolean);
  json.version = `${base.version}+${tags.length === 0 ? "copy" : tags.join("-")}`;
  return definePolicy(json);
}

/** The value of a field in the base's first window, as the edit box shows it. */
export function firstValue(policy: Policy, parameter: "poolFloor" | "clawback" | "topUp", field: string): string {
  const v = (policy[parameter] as unknown as Windows)[0]?.value[field];
  return v === undefined ? "" : String(v);
}

/** One row of the differences table. */
export interface DiffRow {
  year: number;
  /** `pool`, `clawbacks` (all members) or a member id. */
  who: string;
  figure: string;
  unit: "yuan" | "months" | "level" | "periods";
  base: string;
  reform: string;
  difference: string;
  changed: boolean;
}

const shown = (v: string | number | null) => (v === null ? "—" : String(v));

/** Every figure of a comparison, year by year: the pool, the members' charges together, then each member. */
export function diffRows(c: Comparison): DiffRow[] {
  const rows: DiffRow[] = [];
  const pair = (year: number, who: string, figure: string, p: { base: string | null; reform: string | null; difference: string | null }) =>
    rows.push({
      year,
      who,
      figure,
      unit: figure === "reserveMonths" ? "months" : "yuan",
      base: shown(p.base),
      reform: shown(p.reform),
      difference: shown(p.difference),
      changed: p.base !== p.reform,
    });
  const label = (year: number, who: string, p: { base: string | null; reform: string | null; changed: boolean }) =>
    rows.push({
      year,
      who,
      figure: "risk",
      unit: "level",
      base: shown(p.base),
      reform: shown(p.reform),
      difference: p.changed ? "≠" : "=",
      changed: p.changed,
    });
  for (const y of c.years) {
    for (const k of POOL_FIGURES) pair(y.year, "pool", k, y.pool[k]);
    label(y.year, "pool", y.pool.risk);
    pair(y.year, "clawbacks", "clawback", y.clawbacks);
    for (const [id, m] of Object.entries(y.members)) {
      for (const k of MEMBER_FIGURES) pair(y.year, id, k, m[k]);
      label(y.year, id, m.risk);
      const w = m.warningPeriods;
      rows.push({
        year: y.year,
        who: id,
        figure: "warningPeriods",
        unit: "periods",
        base: String(w.base),
        reform: String(w.reform),
        difference: String(w.difference),
        changed: w.difference !== 0,
      });
    }
  }
  return rows;
}

/** The tab's words. */
export const COMPARE_TEXT = {
  zh: {
    title: "政策比较：同一情景下的基准政策与改革方案",
    help: "情景取自“统筹模拟”页签中的情景（JSON）。基准为内置政策或粘贴的政策 JSON；改革方案为基准的修改副本，或粘贴的政策 JSON。",
    base: "基准政策",
    builtin: "内置政策 SUZHOU_2020",
    pasted: "粘贴的政策 JSON",
    reform: "改革方案",
    edited: "基准的修改副本",
    floor: "统筹基金下限（月）poolFloor.months",
    clawback: "上解比例 clawback.rate",
    target: "补足目标（月，留空为下限）topUp.targetMonths",
    policyJson: "政策 JSON",
    run: "运行比较",
    onlyChanged: "只显示有差异的数字",
    download: "下载 JSON",
    parameters: "改变的参数",
    table: "差异（改革方案 − 基准）",
    explanation: "差异的来源",
    units: "单位：金额为元，备付月数为月，风险为等级，预警期数为期数。",
    unchanged: "两种政策下所有数字相同。",
    cols: ["年度", "对象", "项目", "单位", "基准", "改革方案", "差额"],
    who: { pool: "统筹基金", clawbacks: "各地上解合计" } as Record<string, string>,
    units_: { yuan: "元", months: "月", level: "等级", periods: "期" },
  },
  en: {
    title: "Compare policies: a base and a reform on the same scenario",
    help: "The scenario is the one in the Pooling simulation tab (JSON). The base is the built-in policy or a pasted policy JSON; the reform is an edited copy of the base, or a pasted policy JSON.",
    base: "Base policy",
    builtin: "Built-in SUZHOU_2020",
    pasted: "Pasted policy JSON",
    reform: "Reform",
    edited: "An edited copy of the base",
    floor: "Pool floor (months) poolFloor.months",
    clawback: "Charge rate clawback.rate",
    target: "Top-up target (months; empty: the floor) topUp.targetMonths",
    policyJson: "Policy JSON",
    run: "Compare",
    onlyChanged: "Only the figures that differ",
    download: "Download JSON",
    parameters: "Parameters changed",
    table: "Differences (reform − base)",
    explanation: "What drove each difference",
    units: "Units: money in yuan, reserve months in months, risk as a level, warning periods as a count of periods.",
    unchanged: "Every figure is the same under both policies.",
    cols: ["Year", "Who", "Figure", "Unit", "Base", "Reform", "Difference"],
    who: { pool: "pool", clawbacks: "all members' charges" } as Record<string, string>,
    units_: { yuan: "yuan", months: "months", level: "level", periods: "periods" },
  },
} as const;
