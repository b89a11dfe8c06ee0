import * as z from "zod";
import { ACCOUNTS, carriedAccountOf } from "../ledger/accounts.js";
import { foldJournal } from "../ledger/fold.js";
import { type JournalEntry, JournalWriter } from "../ledger/journal.js";
import { FEN_ZERO, type Fen, fenMax, formatFen, mulRoundFen, toFen } from "../money.js";
import { periodOf } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { type PolicyParams, type PolicyRef, paramsAt, policyRef } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { LIBRARY, type LibraryRef } from "../version.js";
import { checkMembers } from "./members.js";

/** zod schema of the input of {@link openPooling}. */
export const OpenPoolingInputSchema = z
  .object({
    members: z.array(
      z
        .object({
          id: z.string().min(1),
          /** The member's 2019 year-end cumulative balance (累计结余), as reported; may be negative. */
          priorYearBalance: moneyField({ allowNegative: true, fen: true }),
          /** The old municipal reserve and adjustment funds (储备金, 调剂金) folded into this member's balance. */
          legacyFunds: moneyField({ fen: true }).optional(),
        })
        .strict(),
    ),
    /** Include the legacy funds in the extraction base (default: the policy's `opening.includeLegacyFunds`, false). */
    includeLegacyFunds: z.boolean().optional(),
  })
  .strict();

/** Input of {@link openPooling}. */
export type OpenPoolingInput = z.input<typeof OpenPoolingInputSchema>;

/** Result of {@link openPooling}. */
export interface PoolOpening {
  /** The period of the opening (that of the 2020-06-30 due date). */
  period: string;
  /** Each member's extraction to the pool. */
  extractions: Record<string, string>;
  /** Every account's balance, the fold of `journal` (keyed by account name, e.g. `member:sip:carried`). */
  balances: Record<string, string>;
  poolBalance: string;
  journal: JournalEntry[];
  citations: Citation[];
  /** The extraction rate the opening used (the version in force at the opening, e.g. `"0.1"`). */
  extractionRate: string;
  /** The policy that produced the figures. */
  policy: PolicyRef;
  /** The library that produced it: `{ name, version }`. */
  library: LibraryRef;
}

/**
 * The parameters of the opening: those in force in the policy's first period
 * (the opening is a one-time event of the policy's start). @internal
 */
export function openingParams(policy: Policy): PolicyParams {
  return paramsAt(policy, periodOf(policy.inForce.from));
}

/** One member's opening data in fen. @internal */
export interface OpeningMember {
  id: string;
  priorYearBalance: Fen;
  legacyFunds: Fen;
}

/** The extraction of one member: `round_fen(rate × max(0, base))`. @internal */
export function extractionOf(params: PolicyParams, m: OpeningMember, includeLegacy: boolean): Fen {
  const base = includeLegacy ? m.priorYearBalance + m.legacyFunds : m.priorYearBalance;
  // R5 rounding point: each extraction, to the fen, half-up.
  return mulRoundFen(fenMax(FEN_ZERO, base), params.opening.value.extractionRate);
}

/**
 * Posts the legacy fold-in and the extractions (the members' opening balances
 * must already be in the writer). Returns the extractions. `debit`, when
 * given, posts each extraction out of the member's fund (the settlement's
 * current-surplus-first rule); by default it leaves the carried balance.
 * @internal
 */
export function postOpening(
  w: JournalWriter,
  params: PolicyParams,
  period: string,
  members: readonly OpeningMember[],
  includeLegacy: boolean,
  debit?: (member: string, amount: Fen, citation: Citation) => void,
): Map<string, Fen> {
  for (const m of members) {
    w.post(period, ACCOUNTS.legacy, carriedAccountOf(m.id), m.legacyFunds, "legacyFoldIn", params.clauses.value.legacyFoldIn, m.id);
  }
  const extractions = new Map<string, Fen>();
  for (const m of members) {
    const x = extractionOf(params, m, includeLegacy);
    extractions.set(m.id, x);
    if (debit) debit(m.id, x, params.opening.citation);
    else w.post(period, carriedAccountOf(m.id), ACCOUNTS.pool, x, "openingExtraction", params.opening.citation, m.id);
  }
  return extractions;
}

/** Posts an opening balance (positive or negative) into an account. @internal */
export function postOpeningBalance(w: JournalWriter, period: string, account: string, amount: Fen, member: string, citation: Citation): void {
  if (amount > FEN_ZERO) w.post(period, ACCOUNTS.opening, account, amount, "openingBalance", citation, member);
  else if (amount < FEN_ZERO) w.post(period, account, ACCOUNTS.opening, -amount, "openingBalance", citation, member);
}

/**
 * R5 (二（二）): opens the pool. The old municipal reserve and adjustment funds
 * are folded into the members' balances (amounts per member are inputs); then,
 * by 2020-06-30, each member transfers `round_fen(10% × max(0, its 2019
 * year-end cumulative balance))` to the pool. By default the base is the
 * balance as reported, before the fold-in (`includeLegacyFunds` changes it).
 * The balances stay the members'. Every member of the policy must be given.
 *
 * @param input every member of the policy with its 2019 year-end balance and its legacy funds; optionally
 *   `includeLegacyFunds`.
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the period, each extraction, the balances (the fold of the journal), the pool's balance, the journal,
 *   the citations, the extraction rate used and `policy: { id, version }`.
 * @throws PoolingError `MISSING_MEMBER`, `UNKNOWN_MEMBER`, `DUPLICATE_MEMBER` (the members against the policy),
 *   `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`, `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `AMOUNT_OUT_OF_RANGE`.
 * @example
 * ```ts
 * const opening = openPooling({ members: [
 *   { id: "municipal", priorYearBalance: "12345678.91" },
 *   { id: "wujiang", priorYearBalance: "0.00" }, { id: "wuzhong", priorYearBalance: "0.00" },
 *   { id: "xiangcheng", priorYearBalance: "0.00" }, { id: "sip", priorYearBalance: "0.00" },
 * ] });
 * opening.extractions.municipal; // "1234567.89"
 * opening.poolBalance;           // "1234567.89"
 * ```
 */
export function openPooling(input: OpenPoolingInput, options?: PolicyOptions | Policy): PoolOpening {
  const p = policyOption(options);
  const v = parseInput(OpenPoolingInputSchema, input);
  const params = openingParams(p);
  checkMembers(
    p,
    v.members.map((m) => m.id),
    (i) => ["members", i, "id"],
    true,
    ["members"],
    params.period,
  );
  const period = periodOf(params.opening.value.dueDate);
  const balancesHeld = params.clauses.value.balancesHeld;
  const w = new JournalWriter();
  const members = v.members.map((m) => ({
    id: m.id,
    priorYearBalance: toFen(m.priorYearBalance),
    legacyFunds: m.legacyFunds === undefined ? FEN_ZERO : toFen(m.legacyFunds),
  }));
  for (const m of members) {
    postOpeningBalance(w, period, carriedAccountOf(m.id), m.priorYearBalance, m.id, balancesHeld);
    // the old reserve and adjustment funds are fund money already (原储备金和调剂金): an opening balance of their account
    postOpeningBalance(w, period, ACCOUNTS.legacy, m.legacyFunds, m.id, params.clauses.value.legacyFoldIn);
  }
  const extractions = postOpening(w, params, period, members, v.includeLegacyFunds ?? params.opening.value.includeLegacyFunds);
  const balances = foldJournal(w.entries);
  return {
    period,
    extractions: Object.fromEntries([...extractions].map(([id, x]) => [id, formatFen(x)])),
    balances,
    poolBalance: balances[ACCOUNTS.pool] ?? "0.00",
    journal: w.entries,
    citations: [params.clauses.value.legacyFoldIn, params.opening.citation, balancesHeld],
    extractionRate: params.opening.value.extractionRate,
    policy: policyRef(p),
    library: LIBRARY,
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(OpenPoolingInputSchema);
