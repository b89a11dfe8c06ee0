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
import type { Fen } from "../money.js";
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
    /** The settled month, `YYYY-MM`. */
    period: z.string(),
    /** The pool's figures read by analyses: open, balance, floor, the top-up and why, reserve months, risk. */
    pool: z
      .object({
        /** Whether the city-district pool (市区统筹基金, 二（二）) is open at the end of the period. */
        open: z.boolean(),
        /** The pool's balance at the end of the period, in yuan. */
        balance: MoneyStringSchema,
        /** The pool's floor, 3 months of city-district payouts (备付期 3 个月, 二（二）), in yuan. */
        floor: MoneyStringSchema,
        /** The top-up raised from the members this period (上划, 二（二）), in yuan. */
        topUp: MoneyStringSchema,
        /** Why it was raised: `"scheduled"`, `"whenShort"` (the pool could not pay its claims) or null (none). */
        topUpReason: z.enum(["scheduled", "whenShort"]).nullable(),
        /** What the members could not pay of the top-up needed, in yuan. */
        shortfall: MoneyStringSchema,
        /** The pool's reserve months (two decimals, truncated); null before it opens. */
        reserveMonths: MoneyStringSchema.nullable(),
        /** The pool's warning level; null before it opens. */
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
    /** The scenario's `name`, echoed; absent when it has none. */
    name: z.string().optional(),
    /** The policy that produced the figures: `{ id, version, hash }`. */
    policy: PolicyRefSchema,
    /** The library that produced them: `{ name, version }`. */
    library: LibraryRefSchema,
    /** `POLICY_NOT_REVIEWED_FOR_PERIOD` from the first period after the policy's `reviewedThrough` (absent when none is). */
    warnings: z.array(ResultWarningSchema).optional(),
    /** `"summary"`: this is a summary-only run (no journal, no period reports, no final state). */
    keep: z.literal("summary"),
    /** An outline of each settled period (the pool's figures an analysis reads, and the members that claimed; see `PeriodOutline`). */
    periods: z.array(PeriodOutlineSchema),
    /** Yearly summaries, those of the full run byte for byte (see `YearSummary`). */
    years: z.array(YearSummarySchema),
    /** Final balance of every account, in yuan (two-decimal strings): the fold of every entry from zero. */
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

type ClaimFigure = "grantClaimed" | "subsidyClaimed" | "unclaimed" | "openingDeficitClaimed";
/** A period's claim figures: a full report's strings, or a summary-only run's fen. */
type Claims = Pick<MemberPeriodReport, ClaimFigure> | Record<ClaimFigure, Fen>;

/** A claim figure other than zero. */
function nonZero(figure: string | Fen): boolean {
  return typeof figure === "bigint" ? figure !== 0n : figure !== "0.00";
}

/** A period's outline, from its report (full, or a summary-only run's). @internal */
export function outlineOf(report: { period: string; pool: PeriodReport["pool"]; members: Record<string, Claims> }): PeriodOutline {
  const { pool } = report;
  const claimants: string[] = [];
  for (const [id, r] of Object.entries(report.members)) {
    if (nonZero(r.grantClaimed) || nonZero(r.subsidyClaimed) || nonZero(r.unclaimed) || nonZero(r.openingDeficitClaimed)) claimants.push(id);
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
