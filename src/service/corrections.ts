/**
 * `POST /levy-corrections`: one `{ original, corrected, knownOn, paidOn? }`
 * pair (`levyCorrection`) or a JSON array of them (`levyCorrections`;
 * `?errors=collect` answers with the good pairs and every bad one); a batch
 * answered as the CLI's CSV when asked (`Accept: text/csv`).
 *
 * @module
 */

import type { LevyCorrectionBatch } from "../index.js";
import { levyCorrection, levyCorrections, type Policy, PoolingError } from "../index.js";
import { correctionsCsv } from "../report.js";
import type { JobSpec } from "./protocol.js";

/**
 * The answer of `POST /levy-corrections` for a parsed body.
 * @throws PoolingError the codes of `levyCorrection` (a 400), `INVALID_TYPE` for an `errors` query other than `collect`
 */
export function levyCorrectionsRoute(value: unknown, errors: string | null, policy: Policy): unknown {
  if (errors !== null && errors !== "collect") {
    throw new PoolingError("INVALID_TYPE", ["errors"], { en: `errors must be "collect", not ${JSON.stringify(errors)}`, zh: `errors 参数只能为 "collect"` });
  }
  if (!Array.isArray(value)) return levyCorrection(value as never, policy);
  if (errors === null) return levyCorrections(value, undefined, policy);
  const batch = levyCorrections(value, { errors: "collect" }, policy);
  return {
    items: batch.items,
    totals: batch.totals,
    errors: (batch.errors ?? []).map((e) => ({ index: e.index, ...(e.employerId === undefined ? {} : { employerId: e.employerId }), ...e.error.toJSON() })),
    errorsOmitted: batch.errorsOmitted ?? 0,
  };
}

/**
 * The CSV answer of `POST /levy-corrections` when one is asked for
 * (`Accept: text/csv`): a batch (a JSON array, without `?errors=collect`) as
 * `wi-pooling levy --corrections` writes it (`correctionsCsv`, in `?lang=` /
 * `Accept-Language`'s language, a UTF-8 BOM first with `?bom=1`); null for
 * a JSON answer (not asked, one pair, or the collected batch).
 */
export function levyCorrectionsCsvAnswer(result: unknown, spec: Pick<JobSpec, "csvOut" | "errors" | "lang" | "bom">): string | null {
  if (!spec.csvOut || spec.errors !== null) return null;
  const batch = result as Partial<LevyCorrectionBatch>;
  if (!Array.isArray(batch.items) || batch.totals === undefined) return null;
  const csv = correctionsCsv(batch as LevyCorrectionBatch, spec.lang === "zh" ? "zh" : "en");
  return spec.bom === true ? `\uFEFF${csv}` : csv;
}
