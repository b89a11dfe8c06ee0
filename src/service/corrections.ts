/**
 * `POST /levy-corrections`: one `{ original, corrected, knownOn, paidOn? }`
 * pair (`levyCorrection`) or a JSON array of them (`levyCorrections`;
 * `?errors=collect` answers with the good pairs and every bad one).
 *
 * @module
 */
import { levyCorrection, levyCorrections, type Policy, PoolingError } from "../index.js";

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
