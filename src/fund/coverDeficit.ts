import * as z from "zod";
import { FEN_ZERO, type Fen, fenMax, fenMin, formatFen, formatMoney, toFen } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import { type PolicyParams, paramFor, policyRef } from "../policy/paramsAt.js";
import { LIBRARY, LibraryRefSchema, PolicyRefSchema } from "../policy/provenance.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField, periodField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { ResultMoneySchema, ResultRateSchema } from "../schema/resultFields.js";
import { clawbackFen } from "./clawback.js";

/** zod schema of the input of {@link coverDeficit}. */
export const CoverDeficitInputSchema = z
  .object({
    /** The period's gap: expenditure − income (yuan, whole fen, ≥ 0). */
    gap: moneyField({ fen: true }),
    /** This year's surplus so far (当期结余); a negative one pays nothing. */
    currentSurplus: moneyField({ allowNegative: true, fen: true }),
    /** The balance carried from earlier years (累计结余); a negative one pays nothing. */
    cumulativeBalance: moneyField({ allowNegative: true, fen: true }),
    /** The member's sync-induced relief of the period (R4): the cap of the pool's grant. */
    syncInducedRelief: moneyField({ fen: true }),
    /** What the pool can pay. */
    poolAvailable: moneyField({ allowNegative: true, fen: true }),
    /** Claim the pool subsidy for what remains (default: the policy's `deficitCoverage.autoClaimSubsidy`, true). */
    claimSubsidy: z.boolean().optional(),
    /** The period the gap is for: it selects the clawback rate and the default of `claimSubsidy` in force. Required when the policy has several versions of either. */
    period: periodField().optional(),
    /**
     * The member's recorded deficit (max(0, −(current + carried))) before the period's
     * outflows. Given with `deficitAfter`, what the member's own balances could not pay
     * (and the pool is asked for) is the growth of its deficit, `deficitAfter − deficitBefore`,
     * as the settlement measures it, at most the gap; steps 1–2 are then the rest of the gap.
     * Omitted, the pool is asked for the gap beyond steps 1–2.
     */
    deficitBefore: moneyField({ fen: true }).optional(),
    /** The member's recorded deficit after the period's outflows; given with `deficitBefore`. */
    deficitAfter: moneyField({ fen: true }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.deficitBefore === undefined) !== (v.deficitAfter === undefined)) {
      const missing = v.deficitBefore === undefined ? "deficitBefore" : "deficitAfter";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: `${missing} is required with the other`,
        params: { code: "MISSING_FIELD", en: "deficitBefore and deficitAfter go together", zh: "补助前赤字与补助后赤字须同时提供" },
      });
    }
  })
  // the same rule, for the JSON Schema
  .meta({ dependentRequired: { deficitBefore: ["deficitAfter"], deficitAfter: ["deficitBefore"] } });

/** Input of {@link coverDeficit}. */
export type CoverDeficitInput = z.input<typeof CoverDeficitInputSchema>;

const moneyOut = ResultMoneySchema;

/** zod schema of the result of {@link coverDeficit}: each step's amount, in the document's order. */
export const DeficitCoverageSchema = z
  .object({
    /** What the result is: `"deficitCoverage"`. */
    kind: z.literal("deficitCoverage"),
    gap: moneyOut,
    /** Step 1: this year's surplus (当期结余). */
    fromCurrentSurplus: moneyOut,
    /** Step 2: the carried cumulative balance (累计结余), down to zero. */
    fromCumulativeBalance: moneyOut,
    /** Step 3: the pool's grant for the gap the city-wide cut caused, up to the sync-induced relief. */
    poolGrant: moneyOut,
    /** Step 4: the pool subsidy (补助) claimed for what remains. */
    poolSubsidy: moneyOut,
    /** R9: the clawback rate in force times the subsidy, remitted by the member's government to municipal finance. */
    clawback: moneyOut,
    /** The clawback rate the policy had in force (e.g. `"0.2"`). */
    clawbackRate: ResultRateSchema,
    /** Step 5: what nobody paid, a recorded deficit (累计结余赤字). */
    uncovered: moneyOut,
    citations: z.array(CitationSchema),
    /** The policy that produced the figures. */
    policy: PolicyRefSchema,
    library: LibraryRefSchema,
  })
  .strict();

/** Result of {@link coverDeficit}: each step's amount, in the document's order. */
export type DeficitCoverage = z.output<typeof DeficitCoverageSchema>;

/** The inputs of R8's coverage, in fen. @internal */
export interface CoverageInputs {
  gap: Fen;
  currentSurplus: Fen;
  cumulativeBalance: Fen;
  syncInducedRelief: Fen;
  /** What the pool can pay now; `null` when the claims are made before the pool pays them (the settlement: R10 pays them by priority). */
  poolAvailable: Fen | null;
  claimSubsidy: boolean;
  /** The growth of the member's recorded deficit over the period, when measured on its accounts (see {@link coverDeficit}). */
  deficitGrowth?: Fen | undefined;
}

/** R8 steps 1–5 in fen: each step's amount. @internal */
export interface CoverageSteps {
  fromCurrentSurplus: Fen;
  fromCumulativeBalance: Fen;
  /** What the member's own balances could not pay: the claim on the pool (steps 3–5). */
  remaining: Fen;
  poolGrant: Fen;
  poolSubsidy: Fen;
  uncovered: Fen;
}

/**
 * R8 steps 1–5 in fen: the one implementation used by {@link coverDeficit}
 * and by the settlement. The steps always add up to the gap. Without the
 * deficit's growth, step 1 takes this year's surplus, step 2 the carried
 * balance (down to zero) and the pool is asked for the rest. With it (the
 * member's accounts measured, as the settlement does), the pool is asked for
 * the growth of the member's recorded deficit, at most the gap: that is what
 * its own balances could not pay; they paid the rest of the gap, this year's
 * surplus first (step 1), then the carried balance (step 2). Steps 3–4 split
 * what the pool is asked for into the grant (up to the sync-induced relief)
 * and the subsidy, both capped by what the pool has when that is known; step
 * 5 is the rest.
 * @internal
 */
export function coverageSteps(input: CoverageInputs): CoverageSteps {
  const { gap, syncInducedRelief, claimSubsidy } = input;
  const surplus = fenMax(FEN_ZERO, input.currentSurplus);
  let fromCurrentSurplus: Fen;
  let remaining: Fen;
  if (input.deficitGrowth === undefined) {
    fromCurrentSurplus = fenMin(gap, surplus);
    const afterSurplus = gap - fromCurrentSurplus;
    remaining = afterSurplus - fenMin(afterSurplus, fenMax(FEN_ZERO, input.cumulativeBalance));
  } else {
    remaining = fenMin(gap, fenMax(FEN_ZERO, input.deficitGrowth));
    fromCurrentSurplus = fenMin(gap - remaining, surplus);
  }
  const fromCumulativeBalance = gap - fromCurrentSurplus - remaining;
  let poolLeft = input.poolAvailable === null ? null : fenMax(FEN_ZERO, input.poolAvailable);
  const capByPool = (amount: Fen): Fen => (poolLeft === null ? amount : fenMin(amount, poolLeft));
  const poolGrant = capByPool(fenMin(remaining, syncInducedRelief));
  if (poolLeft !== null) poolLeft -= poolGrant;
  const afterGrant = remaining - poolGrant;
  const poolSubsidy = claimSubsidy ? capByPool(afterGrant) : FEN_ZERO;
  return { fromCurrentSurplus, fromCumulativeBalance, remaining, poolGrant, poolSubsidy, uncovered: afterGrant - poolSubsidy };
}

/**
 * R8 and R9 (二（三）): how a period's gap is covered, in the document's order:
 * 1. this year's surplus, 2. the carried cumulative balance down to zero,
 * 3. the pool's grant up to the member's sync-induced relief (the gap caused by
 * following the city-wide cut), 4. a pool subsidy for the rest (claimed by
 * default), with its clawback (R9), 5. what remains is a recorded deficit. The
 * pool pays at most `poolAvailable` in steps 3 and 4 together.
 *
 * @param input the gap, the member's surplus and carried balance, its sync-induced relief, what the pool can pay;
 *   optionally `claimSubsidy`, the `period` (selects the clawback rate and the default of `claimSubsidy` in force)
 *   and the member's `deficitBefore`/`deficitAfter` (what the pool is asked for is then the growth of the deficit).
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns each step's amount, the clawback and the rate it used, the citations and `policy: { id, version }`.
 * @throws PoolingError `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`,
 *   `AMOUNT_OUT_OF_RANGE` (bad input; `MISSING_FIELD` also for one of `deficitBefore`/`deficitAfter` without the other),
 *   `INVALID_PERIOD`, `POLICY_NOT_IN_FORCE`, `PERIOD_REQUIRED` (the policy has several clawback versions and no period is given).
 * @example
 * ```ts
 * coverDeficit({ gap: "500.00", currentSurplus: "100.00", cumulativeBalance: "0.00",
 *                syncInducedRelief: "150.00", poolAvailable: "1000.00" });
 * // { fromCurrentSurplus: "100.00", fromCumulativeBalance: "0.00", poolGrant: "150.00",
 * //   poolSubsidy: "250.00", clawback: "50.00", uncovered: "0.00", ... }
 * ```
 */
export function coverDeficit(input: CoverDeficitInput, options?: PolicyOptions | Policy): DeficitCoverage {
  const p = policyOption(options);
  const v = parseInput(CoverDeficitInputSchema, input);
  const clawbackVersion = paramFor(p, "clawback", v.period, ["period"]);
  const clauses: PolicyParams["clauses"]["value"] = paramFor(p, "clauses", v.period, ["period"]).value;
  const claim = v.claimSubsidy ?? paramFor(p, "deficitCoverage", v.period, ["period"]).value.autoClaimSubsidy;
  const steps = coverageSteps({
    gap: toFen(v.gap),
    currentSurplus: toFen(v.currentSurplus),
    cumulativeBalance: toFen(v.cumulativeBalance),
    syncInducedRelief: toFen(v.syncInducedRelief),
    poolAvailable: toFen(v.poolAvailable),
    claimSubsidy: claim,
    deficitGrowth: v.deficitBefore === undefined || v.deficitAfter === undefined ? undefined : fenMax(FEN_ZERO, toFen(v.deficitAfter) - toFen(v.deficitBefore)),
  });
  const { poolGrant, poolSubsidy, uncovered } = steps;
  const citations: Citation[] = [clauses.localCoverage];
  if (poolGrant > FEN_ZERO) citations.push(clauses.cutGapGrant);
  if (poolSubsidy > FEN_ZERO) citations.push(clauses.subsidy, clawbackVersion.citation);
  if (uncovered > FEN_ZERO) citations.push(clauses.recordedDeficit);
  return {
    kind: "deficitCoverage",
    gap: formatMoney(v.gap),
    fromCurrentSurplus: formatFen(steps.fromCurrentSurplus),
    fromCumulativeBalance: formatFen(steps.fromCumulativeBalance),
    poolGrant: formatFen(poolGrant),
    poolSubsidy: formatFen(poolSubsidy),
    clawback: formatFen(clawbackFen(clawbackVersion.value.rate, poolSubsidy)),
    clawbackRate: clawbackVersion.value.rate,
    uncovered: formatFen(uncovered),
    citations,
    policy: policyRef(p),
    library: LIBRARY,
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(CoverDeficitInputSchema, DeficitCoverageSchema);
