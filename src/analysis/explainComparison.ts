/**
 * `explainComparison`: which parameter changes drove each difference of a
 * {@link compare} result, in English or Chinese.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { citationText } from "../explain/explain.js";
import { parseInput } from "../schema/parse.js";
import { type Comparison, ComparisonSchema, type FigurePair, type LabelPair } from "./comparisonSchema.js";
import type { PolicyDifference } from "./diffPolicies.js";

/** One line of an explained comparison. */
export interface ComparisonStep {
  year: number;
  /** `"pool"`, `"clawbacks"` or a member id. */
  who: string;
  figure: string;
  base: string | null;
  reform: string | null;
  difference: string | null;
  /** The changed parameters that act on this figure directly (in force in the year), `parameter.field`. */
  drivers: string[];
  /** True when no changed parameter acts on the figure directly: it moved through balances carried from earlier periods. */
  indirect: boolean;
  /** The sentence. */
  text: string;
}

/** The result of {@link explainComparison}. */
export interface ComparisonExplanation {
  lang: "en" | "zh";
  title: string;
  /** The parameters that differ, one sentence each, with both values and citations. */
  parameters: string[];
  steps: ComparisonStep[];
  /** Everything as lines. */
  text: string;
}

/**
 * The parameters that act directly on each figure (the rules that compute it):
 * R7 top-ups (floor, schedule, opening), R8 grants and subsidies, R9 clawbacks,
 * R11 warnings. Balances and reserve months depend on all of them.
 */
const DRIVERS: Record<string, readonly string[]> = {
  grantPaid: ["deficitCoverage", "rateCut", "nationalCutBands", "pool", "poolFloor", "topUp", "members"],
  subsidyPaid: ["deficitCoverage", "pool", "poolFloor", "topUp", "opening", "members"],
  clawback: ["clawback", "deficitCoverage"],
  clawbackAccrued: ["clawback"],
  topUp: ["poolFloor", "topUp", "opening"],
  shortfall: ["poolFloor", "topUp", "opening"],
  floor: ["poolFloor"],
  risk: ["riskBands", "poolFloor"],
  paidMajorAccident: ["pool", "poolFloor", "topUp"],
  paidCutGapGrant: ["deficitCoverage", "rateCut", "nationalCutBands", "pool", "poolFloor", "topUp"],
  paidSubsidy: ["deficitCoverage", "pool", "poolFloor", "topUp", "opening"],
  paidRecordedDeficit: ["pool", "poolFloor", "topUp"],
  pendingClaims: ["pool", "poolFloor", "topUp"],
};
const EVERYTHING = ["*"];

function inYear(d: PolicyDifference, year: number): boolean {
  return d.from <= `${year}-12-31` && (d.to === null || d.to >= `${year}-01-01`);
}

function show(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function changed(p: FigurePair | LabelPair): boolean {
  return "changed" in p ? p.changed : p.base !== p.reform;
}

/**
 * Explains a comparison: the parameters that differ (both values, both
 * citations), then, year by year, every figure that moved, with the changed
 * parameters that act on it directly, or "through balances carried from
 * earlier periods" when none does (a change in one year moves the balances,
 * and so the reserve months and warnings, of the years after).
 *
 * @param comparison - a result of `compare` (or `compareSimulations`)
 * @param lang - `"en"` (default) or `"zh"`
 * @returns the title, one sentence per changed parameter, one step per moved figure, and the text
 * @throws PoolingError `INVALID_TYPE` for a `lang` other than `"en"` or `"zh"`
 * @example
 * ```ts
 * const e = explainComparison(compare(EXAMPLE_SCENARIO, SUZHOU_2020, reform));
 * e.steps[0].drivers; // ["clawback.rate"]
 * ```
 */
export function explainComparison(comparison: Comparison, lang: "en" | "zh" = "en"): ComparisonExplanation {
  if (lang !== "en" && lang !== "zh") throw new PoolingError("INVALID_TYPE", ["lang"], { en: "lang is en or zh", zh: "语言须为 en 或 zh" });
  // a comparison read back (a JSON file, another process): checked field by field, INVALID_RESULT or the field's code at its path
  return explainParsed(parseInput(ComparisonSchema, comparison, ["comparison"]), lang);
}

function explainParsed(comparison: Comparison, lang: "en" | "zh"): ComparisonExplanation {
  const zh = lang === "zh";
  const parameters = comparison.parameters.map((d) => {
    const name = d.field ? `${d.parameter}.${d.field}` : d.parameter;
    const window = `${d.from}${d.to ? ` – ${d.to}` : zh ? " 起" : " onwards"}`;
    const cites = [d.baseCitation, d.reformCitation].map((c) => (c ? citationText(c) : "—")).join(" / ");
    return zh
      ? `${name}（${window}）：基准 ${show(d.base)}，改革 ${show(d.reform)}（依据：${cites}）`
      : `${name} (${window}): base ${show(d.base)}, reform ${show(d.reform)} (cited: ${cites})`;
  });
  const steps: ComparisonStep[] = [];
  for (const y of comparison.years) {
    const active = comparison.parameters.filter((d) => inYear(d, y.year));
    const add = (who: string, figure: string, p: FigurePair | LabelPair) => {
      if (!changed(p)) return;
      const acting = DRIVERS[figure] ?? EVERYTHING;
      const direct = active
        .filter((d) => acting.includes("*") || acting.includes(d.parameter))
        .map((d) => (d.field ? `${d.parameter}.${d.field}` : d.parameter));
      const drivers = [...new Set(direct)];
      const indirect = drivers.length === 0;
      const difference = "difference" in p ? p.difference : null;
      const via = indirect ? (zh ? "经由以前期间结转的余额" : "through balances carried from earlier periods") : drivers.join(", ");
      const text = zh
        ? `${y.year} 年 ${who} ${figure}：${p.base ?? "—"} → ${p.reform ?? "—"}${difference ? `（差额 ${difference}）` : ""}，原因：${via}`
        : `${y.year} ${who} ${figure}: ${p.base ?? "—"} → ${p.reform ?? "—"}${difference ? ` (difference ${difference})` : ""}, driven by ${via}`;
      steps.push({ year: y.year, who, figure, base: p.base, reform: p.reform, difference, drivers, indirect, text });
    };
    for (const [id, m] of Object.entries(y.members)) {
      for (const [figure, p] of Object.entries(m)) if (figure !== "warningPeriods") add(id, figure, p as FigurePair | LabelPair);
    }
    for (const [figure, p] of Object.entries(y.pool)) add("pool", figure, p);
    add("clawbacks", "clawback", y.clawbacks);
  }
  const title = zh
    ? `政策比较：${comparison.base.id} ${comparison.base.version} 与 ${comparison.reform.id} ${comparison.reform.version}`
    : `Comparison: ${comparison.base.id} ${comparison.base.version} against ${comparison.reform.id} ${comparison.reform.version}`;
  const none = zh ? "两项政策的测算结果完全相同。" : "The two policies give the same figures.";
  const text = [title, ...parameters, ...(steps.length === 0 ? [none] : steps.map((s) => s.text))].join("\n");
  return { lang, title, parameters, steps, text };
}
