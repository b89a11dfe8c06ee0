/**
 * Restatements (更正): a figure of a settled period corrected later, on two
 * time axes: the `period` it belongs to and the period `knownIn` it became
 * known. Schema and type side by side.
 *
 * @module
 */
import * as z from "zod";
import { JournalEntrySchema } from "../../ledger/journal.js";
import { MoneyStringSchema, moneyField, PeriodStringSchema, periodField } from "../../schema/fields.js";
import { freezeSchemas } from "../../schema/freeze.js";
import { PeriodReportSchema } from "../report.js";

/**
 * The figures a restatement may correct, each a member's figure of one period:
 * `income` (its contribution income, levy records' premiums included),
 * `expenditure` (benefits paid by its fund), `majorAccidentClaims` (the
 * major-accident benefits it submitted to the pool), `provincialRemittance`
 * (its June remittance to the provincial reserve).
 *
 * @example
 * ```ts
 * RESTATED_FIELDS.includes("expenditure"); // true
 * ```
 */
export const RESTATED_FIELDS = Object.freeze(["income", "expenditure", "majorAccidentClaims", "provincialRemittance"] as const);
/** A figure a restatement may correct. */
export type RestatedField = (typeof RESTATED_FIELDS)[number];

/** zod schema of one {@link Restatement}. */
export const RestatementSchema = z
  .object({
    period: periodField().describe("The settled period whose figure is corrected"),
    member: z.string().min(1).describe("The member whose figure it is"),
    field: z.enum(RESTATED_FIELDS).describe("The figure: income, expenditure, majorAccidentClaims or provincialRemittance"),
    value: moneyField({ fen: true }).describe("The corrected figure: the member's whole figure of the period, not a difference"),
    knownIn: periodField().describe("The period in which the correction became known: a later period of the scenario"),
    note: z.string().optional(),
  })
  .strict();
/** A restatement of one member's figure of a settled period. */
export type Restatement = z.input<typeof RestatementSchema>;

/** zod schema of one account's prior-period adjustment in a {@link RestatedSchema}. */
export const AdjustmentSchema = z
  .object({
    /** The period the adjustment is posted in (when the restatement became known). */
    knownIn: PeriodStringSchema,
    /** The settled period it corrects. */
    corrects: PeriodStringSchema,
    account: z.string(),
    /** The change of the account's balance (signed). */
    amount: MoneyStringSchema,
  })
  .strict();

/** zod schema of the restatement part of a simulation's result. */
export const RestatedSchema = z
  .object({
    /** The restatements applied (those known by `asOf`), as given, in order of knowledge. */
    restatements: z.array(
      z
        .object({
          period: PeriodStringSchema,
          member: z.string(),
          field: z.enum(RESTATED_FIELDS),
          value: MoneyStringSchema,
          knownIn: PeriodStringSchema,
          note: z.string().optional(),
        })
        .strict(),
    ),
    /** Each period's report as restated: the same rules on the corrected figures (beside `periods`, as settled). */
    periods: z.array(PeriodReportSchema),
    /** Each account's prior-period adjustment, by the period it is posted in and the period it corrects. */
    adjustments: z.array(AdjustmentSchema),
    /** The adjusting entries of the journal (kind `priorPeriodAdjustment`), in order. */
    entries: z.array(JournalEntrySchema),
  })
  .strict();

// the validators are exported: nobody may change what they check
freezeSchemas(RestatementSchema, AdjustmentSchema, RestatedSchema);
