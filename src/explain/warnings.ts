/**
 * The warnings a result carries, shown by `explain` right under the title:
 * a figure computed for a period after the policy's review date is never
 * explained without saying so.
 *
 * @module
 */
import type { ResultWarning } from "../policy/provenance.js";

/**
 * `explanation` with the result's warnings, each a line under the title (`注意：…` / `Warning: …`)
 * and listed in `warnings`; as it is when there are none. @internal
 */
export function withWarnings<E extends { text: string; warnings?: string[] }>(
  explanation: E,
  warnings: readonly ResultWarning[] | undefined,
  lang: "zh" | "en",
): E {
  if (warnings === undefined || warnings.length === 0) return explanation;
  const lines = warnings.map((w) => (lang === "zh" ? `注意：${w.messageZh}` : `Warning: ${w.message}`));
  const [title, ...rest] = explanation.text.split("\n");
  return { ...explanation, warnings: lines, text: [title, ...lines, ...rest].join("\n") };
}
