/**
 * The words of an explanation: its types, the language switch, a product
 * shown with its rounding, citations as text, and the numbering of the steps.
 * Shared by `explain` and the explanations of each result kind.
 *
 * @module
 */
import { D } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import { parseInput } from "../schema/parse.js";

/** One step of an explanation. */
export interface ExplanationStep {
  /** The sentence, in the requested language. */
  text: string;
  /** The clause behind the step, if any. */
  citation?: Citation;
}

/** Result of {@link explain}. */
export interface Explanation {
  lang: "zh" | "en";
  kind: "levy" | "levyCorrection" | "deficitCoverage" | "yearEndTrueUp" | "settlement";
  title: string;
  steps: ExplanationStep[];
  /** Title and steps as numbered lines, each followed by its clause (the warnings, if any, right under the title). */
  text: string;
  /** The result's warnings as sentences (e.g. a period after the policy's review date); absent when it has none. */
  warnings?: string[];
}

/**
 * Renders a citation as `苏府办〔2020〕86号 二（三）`.
 * @param c - a citation `{ doc, clause, note? }`
 * @returns `doc clause`
 * @throws PoolingError `NOT_AN_OBJECT`, `UNKNOWN_KEY`, `MISSING_FIELD`
 * @example
 * ```ts
 * formatCitation({ doc: "苏府办〔2020〕86号", clause: "二（三）" }); // "苏府办〔2020〕86号 二（三）"
 * ```
 */
export function formatCitation(c: Citation): string {
  return citationText(parseInput(CitationSchema, c, ["citation"]));
}

/** {@link formatCitation} for citations the library made itself. @internal */
export function citationText(c: Citation): string {
  return c.clause ? `${c.doc} ${c.clause}` : c.doc;
}

/** The language of an explanation. @internal */
export type Lang = "zh" | "en";
/** Picks the sentence of the language. @internal */
export const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** Shows an exact product and its rounding to the fen. @internal */
export function rounded(lang: Lang, a: string, b: string, result: string): string {
  const exact = new D(a).times(b);
  const shown = exact.toFixed();
  if (exact.eq(result)) return `${a} × ${b} = ${result}`;
  return `${a} × ${b} = ${shown} → ${result} ${t(lang, "（四舍五入到分）", "(rounded half-up to the fen)")}`;
}

/** Numbers the steps into an explanation. @internal */
export function finish(lang: Lang, kind: Explanation["kind"], title: string, steps: ExplanationStep[]): Explanation {
  const lines = [title, ...steps.map((s, i) => `${i + 1}. ${s.text}${s.citation ? ` — ${citationText(s.citation)}` : ""}`)];
  return { lang, kind, title, steps, text: lines.join("\n") };
}
