/**
 * zod schemas of the results of `settlePeriod` and `simulate` (R14), for
 * callers that validate what they receive or export JSON Schemas.
 *
 * @module
 */
import * as z from "zod";
import { ConservationReportSchema } from "../ledger/fold.js";
import { JournalEntrySchema } from "../ledger/journal.js";
import { LibraryRefSchema, PolicyRefSchema, ResultWarningSchema } from "../policy/provenance.js";
import { MoneyStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { type PeriodReport, PeriodReportSchema } from "./report.js";
import { RestatedSchema } from "./restate/schema.js";
import { SettlementStateSchema } from "./schema.js";
import { type YearSummary, YearSummarySchema } from "./years.js";

/** zod schema of the result of `settlePeriod`. */
export const SettlementSchema = z
  .object({
    /** What the result is: `"settlement"`. */
    kind: z.literal("settlement"),
    /** The state after the period, to pass to the next call. */
    state: SettlementStateSchema,
    /** The entries posted in this period (sequence numbers continue the state's). */
    journal: z.array(JournalEntrySchema),
    /** The period's report: every member's figures and the pool's (see `PeriodReport`). */
    report: PeriodReportSchema,
    /** The policy that produced the figures: `{ id, version, hash }`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
  })
  .strict();
/** Result of `settlePeriod`. */
export type Settlement<M extends string = string> = Omit<z.output<typeof SettlementSchema>, "report"> & {
  /** The period's report; its members keyed by the policy's member ids. */
  report: PeriodReport<M>;
};

/** zod schema of the result of `simulate`. */
export const SimulationSchema = z
  .object({
    /** What the result is: `"simulation"`. */
    kind: z.literal("simulation"),
    /** The scenario's `name`, echoed; absent when it has none. */
    name: z.string().optional(),
    /** The policy that produced the figures: `{ id, version, hash }`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
    /** `POLICY_NOT_REVIEWED_FOR_PERIOD` from the first period after the policy's `reviewedThrough` (absent when none is). */
    warnings: z.array(ResultWarningSchema).optional(),
    /** One report per settled period. */
    periods: z.array(PeriodReportSchema),
    /** Yearly summaries (fiscal years, or the part of one the scenario covers). */
    years: z.array(YearSummarySchema),
    /** Every entry, opening balances included, in order. */
    journal: z.array(JournalEntrySchema),
    /** Final balance of every account: the fold of `journal` from zero. */
    balances: z.record(z.string(), MoneyStringSchema),
    /** The state after the last period, to continue with `settlePeriod`. */
    finalState: SettlementStateSchema,
    /** R13's invariants, checked by the library over the whole journal. */
    conservation: ConservationReportSchema,
    /** Present when restatements apply: each period as restated, the adjustments posted and their entries. */
    restated: RestatedSchema.optional(),
  })
  .strict();
/** Result of `simulate`. */
export type Simulation<M extends string = string> = Omit<z.output<typeof SimulationSchema>, "periods" | "years" | "restated"> & {
  /** Present when restatements apply: each period as restated (members keyed by the policy's ids), the adjustments and their entries. */
  restated?: Omit<z.output<typeof RestatedSchema>, "periods"> & { periods: PeriodReport<M>[] };
  /** One report per settled period; members keyed by the policy's member ids. */
  periods: PeriodReport<M>[];
  /** Yearly summaries; members keyed by the policy's member ids. */
  years: YearSummary<M>[];
};

// the validators are exported: nobody may change what they check
freezeSchemas(SettlementSchema, SimulationSchema);
