/**
 * The result of a summary-only run of `simulate` (`keep: "summary"`): the
 * yearly summaries, a short outline of each period (what an analysis reads
 * of it), the final balances and the conservation check; no journal, no
 * period reports, no final state.
 *
 * @module
 */
import * as z from "zod";
import { ConservationReportSchema } from "../ledger/fold.js";
import { LibraryRefSchema, PolicyRefSchema, ResultWarningSchema } from "../policy/provenance.js";
import { RiskLevelSchema } from "../policy/schema.js";
import { MoneyStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import type { MemberPeriodReport, PeriodReport } from "./report.js";
import type { Simulation } from "./results.js";
import { type YearSummary, YearSummarySchema } from "./years.js";

/** zod schema of a period's outline in a summary-only run. */
export const PeriodOutlineSchema = z
  .object({
    period: z.string(),
    /** The pool's figures read by analyses: open, balance, floor, the top-up and why, reserve months, risk. */
    pool: z
      .object({
        open: z.boolean(),
        balance: MoneyStringSchema,
        floor: MoneyStringSchema,
        topUp: MoneyStringSchema,
        topUpReason: z.enum(["scheduled", "whenShort"]).nullable(),
        shortfall: MoneyStringSchema,
        reserveMonths: MoneyStringSchema.nullable(),
        risk: RiskLevelSchema.nullable(),
      })
      .strict(),
    /** The members whose fund needed the pool this period: a cut-gap grant, a subsidy or an opening deficit claimed, or a gap left unclaimed. */
    claimants: z.array(z.string()),
  })
  .strict();
/** A period's outline in a summary-only run. */
export type PeriodOutline = z.output<typeof PeriodOutlineSchema>;

/** zod schema of the result of `simulate(scenario, { policy, keep: "summary" })`. */
export const SimulationSummarySchema = z
  .object({
    /** What the result is: `"simulationSummary"`. */
    kind: z.literal("simulationSummary"),
    name: z.string().optional(),
    policy: PolicyRefSchema,
    library: LibraryRefSchema,
    warnings: z.array(ResultWarningSchema).optional(),
    keep: z.literal("summary"),
    /** Yearly summaries: those of the full run. */
    periods: z.array(PeriodOutlineSchema),
    years: z.array(YearSummarySchema),
    balances: z.record(z.string(), MoneyStringSchema),
    /** R13's invariants, folded over every entry as it was written (the entries are not kept). */
    conservation: ConservationReportSchema,
  })
  .strict();
/** Result of `simulate(scenario, { policy, keep: "summary" })`. */
export type SimulationSummary<M extends string = string> = Omit<z.output<typeof SimulationSummarySchema>, "years"> & {
  /** Yearly summaries; members keyed by the policy's member ids. */
  years: YearSummary<M>[];
};

type Claims = Pick<MemberPeriodReport, "grantClaimed" | "subsidyClaimed" | "unclaimed" | "openingDeficitClaimed">;

/** A period's outline, from its report (full, or a summary-only run's). @internal */
export function outlineOf(report: { period: string; pool: PeriodReport["pool"]; members: Record<string, Claims> }): PeriodOutline {
  const { pool } = report;
  const claimants: string[] = [];
  for (const [id, r] of Object.entries(report.members)) {
    if (r.grantClaimed !== "0.00" || r.subsidyClaimed !== "0.00" || r.unclaimed !== "0.00" || r.openingDeficitClaimed !== "0.00") claimants.push(id);
  }
  return {
    period: report.period,
    pool: {
      open: pool.open,
      balance: pool.balance,
      floor: pool.floor,
      topUp: pool.topUp,
      topUpReason: pool.topUpReason,
      shortfall: pool.shortfall,
      reserveMonths: pool.reserveMonths,
      risk: pool.risk,
    },
    claimants,
  };
}

/** The summary-only result from its parts (the order of its fields fixed here). @internal */
export function assembleSummary(parts: Omit<SimulationSummary, "keep" | "kind">): SimulationSummary {
  return {
    kind: "simulationSummary",
    ...(parts.name === undefined ? {} : { name: parts.name }),
    policy: parts.policy,
    library: parts.library,
    ...(parts.warnings === undefined ? {} : { warnings: parts.warnings }),
    keep: "summary",
    periods: parts.periods,
    years: parts.years,
    balances: parts.balances,
    conservation: parts.conservation,
  };
}

/** The summary of a full run (a run with restatements is settled in full, then summarized). @internal */
export function summaryOfSimulation(sim: Simulation): SimulationSummary {
  const { name, policy, library, warnings, years, balances, conservation } = sim;
  return assembleSummary({ name, policy, library, warnings, periods: sim.periods.map(outlineOf), years, balances, conservation });
}

// the validators are exported: nobody may change what they check
freezeSchemas(PeriodOutlineSchema, SimulationSummarySchema);
