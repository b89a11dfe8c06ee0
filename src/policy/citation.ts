/**
 * Citations: which clause of which document produced a value or a figure.
 *
 * @module
 */
import * as z from "zod";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";

/** The document this library implements. */
export const DOC = "苏府办〔2020〕86号";

/**
 * A reference to a clause of a document, e.g.
 * `{ doc: "苏府办〔2020〕86号", clause: "二（一）" }`. `note` says how the
 * clause is applied when that is not obvious.
 */
export interface Citation {
  doc: string;
  clause: string;
  note?: string | undefined;
}

/** zod schema of a {@link Citation}. */
export const CitationSchema = z
  .object({
    doc: z.string().min(1),
    clause: z.string(),
    note: z.string().optional(),
  })
  .strict();

/**
 * Builds a citation of 苏府办〔2020〕86号 (or of another document).
 *
 * @param clause - the clause, e.g. `"二（三）"`
 * @param note - how the clause applies, optional
 * @param doc - the document (default: 苏府办〔2020〕86号; pass the policy's own `doc` for another policy)
 * @returns a validated citation `{ doc, clause, note? }`
 * @throws PoolingError `INVALID_TYPE` for a non-string
 * @example
 * ```ts
 * cite("二（三）"); // { doc: "苏府办〔2020〕86号", clause: "二（三）" }
 * ```
 */
export function cite(clause: string, note?: string, doc: string = DOC): Citation {
  return parseInput(CitationSchema, note === undefined ? { doc, clause } : { doc, clause, note });
}

// the validators are exported: nobody may change what they check
freezeSchemas(CitationSchema);
