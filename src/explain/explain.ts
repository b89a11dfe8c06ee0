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
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import type { PeriodReport } from "../settlement/report.js";
import { PeriodReportSchema } from "../settlement/report.js";
import type { Settlement } from "../settlement/results.js";
import { explainCorrection } from "./correction.js";
import { explainCoverage, explainTrueUp } from "./fund.js";
import { explainLevy } from "./levy.js";
import { explainReport } from "./report.js";
import { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t } from "./text.js";
import { withWarnings } from "./warnings.js";

export { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t };

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
