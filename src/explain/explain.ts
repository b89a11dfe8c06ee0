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
import { type Settlement, SettlementSchema } from "../settlement/results.js";
import { explainCorrection } from "./correction.js";
import { explainCoverage, explainTrueUp } from "./fund.js";
import { explainLevy } from "./levy.js";
import { explainReport } from "./report.js";
import { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t } from "./text.js";
import { withWarnings } from "./warnings.js";

export { citationText, type Explanation, type ExplanationStep, finish, formatCitation, type Lang, rounded, t };

/** The kinds of result explain accounts for (a levy correction's by its direction). */
const EXPLAINED = ["levy", "arrears", "refund", "none", "deficitCoverage", "yearEndTrueUp", "settlement", "periodReport"];

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
 * @throws PoolingError `INVALID_TYPE` at `result` for a non-object and at `result.kind` for a kind it does not explain, `MISSING_FIELD`
 *   at `result.kind` for a result without one, and the schema codes of a malformed result
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
  if (!isObject(result)) {
    throw new PoolingError("INVALID_TYPE", ["result"], {
      en: "explain takes a result of the library (an object with its kind)",
      zh: "explain 仅接受本库的计算结果（带 kind 的对象）",
    });
  }
  // dispatch on the result's kind, never on which properties it has (a levy correction's kind is its direction)
  const kind: unknown = result.kind;
  switch (kind) {
    case "levy": {
      const levy = parseInput(LevySchema, result, ["result"]);
      return withWarnings(explainLevy(levy, lang), levy.warnings, lang);
    }
    case "arrears":
    case "refund":
    case "none":
      return explainCorrection(parseInput(LevyCorrectionSchema, result, ["result"]), lang);
    case "deficitCoverage":
      return explainCoverage(parseInput(DeficitCoverageSchema, result, ["result"]), lang);
    case "yearEndTrueUp":
      return explainTrueUp(parseInput(YearEndTrueUpSchema, result, ["result"]), lang);
    case "settlement":
    case "periodReport": {
      const report = kind === "settlement" ? parseInput(SettlementSchema, result, ["result"]).report : parseInput(PeriodReportSchema, result, ["result"]);
      return withWarnings(explainReport(report, lang, policy), report.warnings, lang);
    }
    case undefined:
      throw new PoolingError("MISSING_FIELD", ["result", "kind"], { en: `one of ${EXPLAINED.join(", ")}`, zh: `取值为 ${EXPLAINED.join("、")} 之一` });
  }
  throw new PoolingError("INVALID_TYPE", ["result", "kind"], {
    en: `explain takes one of ${EXPLAINED.join(", ")} (got ${JSON.stringify(String(kind).slice(0, 40))})`,
    zh: `explain 仅接受 ${EXPLAINED.join("、")}（收到 ${JSON.stringify(String(kind).slice(0, 40))}）`,
  });
}
