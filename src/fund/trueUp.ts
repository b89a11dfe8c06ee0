/**
 * R8, option `deficitCoverage.yearEndTrueUp` (二（三）): the year-end
 * settlement (清算) of the grants and subsidies the pool advanced to a member
 * during the year (预拨), on the year's net gap.
 *
 * The document says the pool covers the gap a member's own current surplus and
 * carried balance cannot pay (“先按序由当地当期结余、累计结余支付”), and that
 * the rest may be claimed as a subsidy whose 20% the member's government
 * remits “通过财力结算” (through the year-end fiscal settlement). Period by
 * period, a gap early in the year is covered by the pool even when later
 * months' surpluses would have covered it; the true-up settles the year as a
 * whole:
 *
 * 1. what the member still holds of this year's advances at year end (its
 *    fund balance, if positive, up to the advances) goes back to the pool;
 *    subsidies first, then grants (the reverse of the order they cover a gap);
 * 2. of what it keeps, the subsidies the cut could have caused become grants
 *    within the year's unused sync-induced relief (the relief of the periods
 *    it was eligible in, less the grants kept and the grants still waiting):
 *    a subsidy claimed in a month whose relief was small becomes a grant when
 *    another month's relief went unused. Only subsidies claimed in periods
 *    with a relief, beyond what the provincial remittance and the opening
 *    extraction left unpaid, qualify (never an opening deficit's, a
 *    remittance's or one after the cut window); a grant never becomes a
 *    subsidy.
 *
 * The clawback (R9) is then taken on the settled subsidies, each at the rate
 * of the period it was paid in; the subsidies taken off leave the last periods
 * first (the last advances settle first).
 *
 * @module
 */
import * as z from "zod";
import { D, type Dec, FEN_ZERO, type Fen, fenMax, fenMin, formatFen, toFen } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import { type PolicyParams, paramFor, paramsAt, policyRef } from "../policy/paramsAt.js";
import { LIBRARY, LibraryRefSchema, PolicyRefSchema } from "../policy/provenance.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, PeriodStringSchema, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { refuseReservedKeys } from "../schema/names.js";
import { parseInput } from "../schema/parse.js";
import { ResultMoneySchema, ResultRateSchema } from "../schema/resultFields.js";
import { clawbackLinesFen } from "./clawback.js";

/** zod schema of the input of {@link yearEndTrueUp}. */
export const YearEndTrueUpInputSchema = z
  .object({
    /** The cut-gap grants the pool paid the member this fiscal year (yuan, whole fen, ≥ 0). */
    grantsPaid: moneyField({ fen: true }),
    /**
     * The subsidies (补助) the pool paid the member this fiscal year: one amount (at the clawback rate in force in
     * `period`), or the amounts by the period each was paid in (`{ "2020-07": "19000000.00" }`, each at its
     * period's rate; the last periods settle first).
     */
    subsidiesPaid: refuseReservedKeys(z.union([moneyField({ fen: true }), z.record(PeriodStringSchema, moneyField({ fen: true }))]), "RESERVED_KEY"),
    /** The member's fund balance (current + carried) at year end, before the true-up; may be negative. */
    yearEndBalance: moneyField({ allowNegative: true, fen: true }),
    /** The year's sync-induced relief: the sum over the periods the member was eligible for the grant (the cap of the year's grants). */
    syncInducedRelief: moneyField({ fen: true }),
    /**
     * Of the year's subsidies, those claimed in periods with a sync-induced relief, beyond what the provincial
     * remittance and the opening extraction left unpaid (and not still waiting): the most that may become grants.
     */
    grantableSubsidies: moneyField({ fen: true }),
    /** The member's grant claims still waiting for the pool at year end: they will use the year's relief when paid. */
    grantsWaiting: moneyField({ fen: true }),
    /** The year-end period (selects the clawback rate and the clauses in force). Required when the policy has several versions of either. */
    period: periodField().optional(),
  })
  .strict();

/** The input of {@link yearEndTrueUp}. */
export type YearEndTrueUpInput = z.input<typeof YearEndTrueUpInputSchema>;

/** zod schema of the result of {@link yearEndTrueUp}. */
export const YearEndTrueUpSchema = z
  .object({
    /** What the result is: `"yearEndTrueUp"`. */
    kind: z.literal("yearEndTrueUp"),
    grantsPaid: ResultMoneySchema,
    subsidiesPaid: ResultMoneySchema,
    /** Step 1: what goes back to the pool: min(advances, the year-end balance if positive). */
    returned: ResultMoneySchema,
    /** Of `returned`, the subsidies. */
    subsidiesReturned: ResultMoneySchema,
    /** Of `returned`, the grants (only once every subsidy is returned). */
    grantsReturned: ResultMoneySchema,
    /** Step 2: kept subsidies that become grants (the year's unused relief). */
    reclassified: ResultMoneySchema,
    /** The year's grants after the true-up. */
    grantsSettled: ResultMoneySchema,
    /** The year's subsidies after the true-up: the clawback's base. */
    subsidiesSettled: ResultMoneySchema,
    /** R9 on the settled subsidies at the rate in force: `round_fen(rate × subsidiesSettled)`. */
    clawback: ResultMoneySchema,
    /**
     * The clawback rate in force at the year end (e.g. `"0.2"`); when the settled subsidies were paid at several
     * rates, each is in `clawbackRates`.
     */
    clawbackRate: ResultRateSchema,
    /**
     * R9 by rate: the settled subsidies paid at each rate, in period order (`subsidies`), and the clawback on them
     * (`clawback`, one rounding per rate); the clawbacks add up to `clawback`. Empty when no subsidy is settled.
     * Always present in results of this version (optional for results of earlier versions read back).
     */
    clawbackRates: z
      .array(z.object({ rate: ResultRateSchema, subsidies: ResultMoneySchema, clawback: ResultMoneySchema }).strict())
      .max(1000)
      .optional(),
    citations: z.array(CitationSchema),
    /** The policy that produced the figures. */
    policy: PolicyRefSchema,
    library: LibraryRefSchema,
  })
  .strict();

/** The result of {@link yearEndTrueUp}. */
export type YearEndTrueUp = z.output<typeof YearEndTrueUpSchema>;

/** The figures of a true-up, in fen. @internal */
export interface TrueUpFen {
  returned: Fen;
  subsidiesReturned: Fen;
  grantsReturned: Fen;
  reclassified: Fen;
  grantsSettled: Fen;
  subsidiesSettled: Fen;
}

/** What the true-up is given, in fen. @internal */
export interface TrueUpInputFen {
  grantsPaid: Fen;
  subsidiesPaid: Fen;
  yearEndBalance: Fen;
  relief: Fen;
  grantableSubsidies: Fen;
  grantsWaiting: Fen;
}

/**
 * The true-up in fen: the one implementation the settlement and
 * {@link yearEndTrueUp} share.
 * @internal
 */
export function trueUpFen(input: TrueUpInputFen): TrueUpFen {
  const { grantsPaid, subsidiesPaid } = input;
  // Step 1: what the member holds of the year's advances at year end goes back, subsidies first.
  const returned = fenMin(grantsPaid + subsidiesPaid, fenMax(FEN_ZERO, input.yearEndBalance));
  const subsidiesReturned = fenMin(returned, subsidiesPaid);
  const grantsReturned = returned - subsidiesReturned;
  const subsidiesKept = subsidiesPaid - subsidiesReturned;
  const grantsKept = grantsPaid - grantsReturned;
  // Step 2: kept subsidies the cut could have caused become grants within the year's unused relief (the returned
  // subsidies are taken from those first); never the other way.
  const reliefLeft = fenMax(FEN_ZERO, input.relief - grantsKept - input.grantsWaiting);
  const grantableLeft = fenMax(FEN_ZERO, input.grantableSubsidies - subsidiesReturned);
  const reclassified = fenMin(subsidiesKept, fenMin(reliefLeft, grantableLeft));
  return {
    returned,
    subsidiesReturned,
    grantsReturned,
    reclassified,
    grantsSettled: grantsKept + reclassified,
    subsidiesSettled: subsidiesKept - reclassified,
  };
}

/**
 * Takes `amount` off subsidies held by period, the last periods first (the
 * last advances settle first); returns what is left, in period order.
 * @internal
 */
export function settleLastFirst(byPeriod: ReadonlyMap<string, Fen>, amount: Fen): Map<string, Fen> {
  const left = new Map(byPeriod);
  let off = amount;
  for (const period of [...left.keys()].reverse()) {
    if (off === FEN_ZERO) break;
    const held = left.get(period)!;
    const take = fenMin(off, held);
    left.set(period, held - take);
    off -= take;
  }
  return left;
}

/** The clauses of a true-up: its own, or the subsidy clause when a policy names none. @internal */
export function trueUpCitation(clauses: PolicyParams["clauses"]["value"]): Citation {
  return clauses.trueUp ?? clauses.subsidy;
}

/**
 * R8, option `deficitCoverage.yearEndTrueUp`: settles a member's year of
 * pool advances on the year's net gap (预拨 then 清算). What the member still
 * holds of the year's grants and subsidies at year end (its balance, if
 * positive, up to the advances) goes back to the pool, subsidies first; of
 * what it keeps, the subsidies the cut could have caused (`grantableSubsidies`)
 * become grants within the year's unused sync-induced relief (less the grants
 * kept and those still waiting), a grant never becoming a subsidy. The
 * clawback (R9) is taken on the settled subsidies, each at its period's rate,
 * the last periods' taken off first. The settlement applies this rule in the
 * year's last period when the policy's option is on.
 *
 * @param input the year's grants and subsidies paid (the subsidies as one amount or by period), the member's
 *   balance at year end, the year's sync-induced relief, the grantable subsidies and the grants still waiting
 *   (yuan, whole fen); optionally the year-end period.
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the amount returned (subsidies and grants), the subsidies turned into grants, the settled grants and
 *   subsidies, the clawback on the settled subsidies with its rate, the citations and the policy.
 * @throws PoolingError `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`,
 *   `AMOUNT_OUT_OF_RANGE`, `INVALID_PERIOD` (also a key of `subsidiesPaid`), `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED`.
 * @example
 * ```ts
 * // 300.00 of subsidies in spring, a surplus later: the member ends the year holding 120.00.
 * const t = yearEndTrueUp({ grantsPaid: "0.00", subsidiesPaid: { "2020-07": "300.00" }, yearEndBalance: "120.00",
 *   syncInducedRelief: "50.00", grantableSubsidies: "300.00", grantsWaiting: "0.00" });
 * t.returned;          // "120.00"
 * t.reclassified;      // "50.00"  (unused relief: a grant now)
 * t.subsidiesSettled;  // "130.00"
 * t.clawback;          // "26.00"
 * ```
 */
export function yearEndTrueUp(input: YearEndTrueUpInput, options?: PolicyOptions | Policy): YearEndTrueUp {
  const p = policyOption(options);
  const v = parseInput(YearEndTrueUpInputSchema, input);
  const clauses = paramFor(p, "clauses", v.period, ["period"]).value;
  // the subsidies by period, in period order; one amount is the year-end period's
  const byPeriod = new Map<string, Fen>();
  let rateOf: (period: string) => string;
  // the period whose clawback version is cited: the year-end one, else the last subsidy's
  let citedPeriod = v.period;
  if (isRecord(v.subsidiesPaid)) {
    for (const period of Object.keys(v.subsidiesPaid).sort()) byPeriod.set(period, toFen(v.subsidiesPaid[period]!));
    rateOf = (period) => paramsAt(p, period, ["subsidiesPaid", period]).clawback.value.rate;
    citedPeriod ??= [...byPeriod.keys()].at(-1);
  } else {
    byPeriod.set(v.period ?? "", toFen(v.subsidiesPaid));
    const rate = paramFor(p, "clawback", v.period, ["period"]).value.rate;
    rateOf = () => rate;
  }
  let subsidiesPaid = FEN_ZERO;
  for (const amount of byPeriod.values()) subsidiesPaid += amount;
  const grantsPaid = toFen(v.grantsPaid);
  const t = trueUpFen({
    grantsPaid,
    subsidiesPaid,
    yearEndBalance: toFen(v.yearEndBalance),
    relief: toFen(v.syncInducedRelief),
    grantableSubsidies: toFen(v.grantableSubsidies),
    grantsWaiting: toFen(v.grantsWaiting),
  });
  const settled = settleLastFirst(byPeriod, t.subsidiesReturned + t.reclassified);
  const lines = clawbackLinesFen(new Map([...settled].filter(([, amount]) => amount > FEN_ZERO)), rateOf);
  const clawbackVersion = paramFor(p, "clawback", citedPeriod, ["period"]);
  const citations: Citation[] = [trueUpCitation(clauses)];
  if (t.reclassified > FEN_ZERO) citations.push(clauses.cutGapGrant);
  if (t.subsidiesSettled > FEN_ZERO) citations.push(clawbackVersion.citation);
  return {
    kind: "yearEndTrueUp",
    grantsPaid: formatFen(grantsPaid),
    subsidiesPaid: formatFen(subsidiesPaid),
    returned: formatFen(t.returned),
    subsidiesReturned: formatFen(t.subsidiesReturned),
    grantsReturned: formatFen(t.grantsReturned),
    reclassified: formatFen(t.reclassified),
    grantsSettled: formatFen(t.grantsSettled),
    subsidiesSettled: formatFen(t.subsidiesSettled),
    clawback: formatFen(lines.reduce((sum, line) => sum + line.clawback, FEN_ZERO)),
    clawbackRate: lines.length === 1 ? lines[0]!.rate : clawbackVersion.value.rate,
    clawbackRates: lines.map((line) => ({ rate: line.rate, subsidies: formatFen(line.subsidies), clawback: formatFen(line.clawback) })),
    citations,
    policy: policyRef(p),
    library: LIBRARY,
  };
}

const isRecord = (value: unknown): value is Record<string, Dec> => value !== null && typeof value === "object" && !(value instanceof D);

// the validators are exported: nobody may change what they check
freezeSchemas(YearEndTrueUpInputSchema, YearEndTrueUpSchema);
