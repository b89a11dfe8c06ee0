import { z } from "zod";
import { ACCOUNTS, carriedAccount } from "../ledger/accounts.js";
import { foldJournal } from "../ledger/fold.js";
import { type JournalEntry, JournalWriter } from "../ledger/journal.js";
import { D, type Dec, dmax, formatMoney, roundFen, ZERO } from "../money.js";
import { periodOf } from "../period.js";
import { type Citation, cite } from "../policy/citation.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
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
}

/** Citations of the opening. @internal */
export const OPENING_CITATIONS = {
  legacy: cite("二（二）", "取消我市原有的市级统筹储备金和调剂金制度，原储备金和调剂金纳入本地基金结余"),
  extraction: cite("二（二）", "2020 年 6 月 30 日前，将上年度工伤保险基金累计结余的 10% 计提上解，作为市区工伤保险统筹基金"),
  balances: cite("二（二）", "各地基金累计结余由市级统一管理，暂委托各地财政部门属地存放"),
} as const;

/** One member's opening data on decimals. @internal */
export interface OpeningMember {
  id: string;
  priorYearBalance: Dec;
  legacyFunds: Dec;
}

/** The extraction of one member: `round_fen(rate × max(0, base))`. @internal */
export function extractionOf(policy: Policy, m: OpeningMember, includeLegacy: boolean): Dec {
  const base = includeLegacy ? m.priorYearBalance.plus(m.legacyFunds) : m.priorYearBalance;
  // R5 rounding point: each extraction, to the fen, half-up.
  return roundFen(dmax(ZERO, base).times(new D(policy.opening.value.extractionRate)));
}

/**
 * Posts the legacy fold-in and the extractions (the members' opening balances
 * must already be in the writer). Returns the extractions.
 * @internal
 */
export function postOpening(w: JournalWriter, policy: Policy, period: string, members: readonly OpeningMember[], includeLegacy: boolean): Map<string, Dec> {
  for (const m of members) {
    w.post(period, ACCOUNTS.legacy, carriedAccount(m.id), m.legacyFunds, "legacyFoldIn", OPENING_CITATIONS.legacy, m.id);
  }
  const extractions = new Map<string, Dec>();
  for (const m of members) {
    const x = extractionOf(policy, m, includeLegacy);
    extractions.set(m.id, x);
    w.post(period, carriedAccount(m.id), ACCOUNTS.pool, x, "openingExtraction", OPENING_CITATIONS.extraction, m.id);
  }
  return extractions;
}

/** Posts an opening balance (positive or negative) into an account. @internal */
export function postOpeningBalance(w: JournalWriter, period: string, account: string, amount: Dec, member: string): void {
  if (amount.gt(0)) w.post(period, ACCOUNTS.opening, account, amount, "openingBalance", OPENING_CITATIONS.balances, member);
  else if (amount.lt(0)) w.post(period, account, ACCOUNTS.opening, amount.neg(), "openingBalance", OPENING_CITATIONS.balances, member);
}

/**
 * R5 (二（二）): opens the pool. The old municipal reserve and adjustment funds
 * are folded into the members' balances (amounts per member are inputs); then,
 * by 2020-06-30, each member transfers `round_fen(10% × max(0, its 2019
 * year-end cumulative balance))` to the pool. By default the base is the
 * balance as reported, before the fold-in (`includeLegacyFunds` changes it).
 * The balances stay the members'. Every member of the policy must be given.
 *
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
export function openPooling(input: OpenPoolingInput, policy?: Policy): PoolOpening {
  const p = resolvePolicy(policy);
  const v = parseInput(OpenPoolingInputSchema, input);
  checkMembers(
    p,
    v.members.map((m) => m.id),
    (i) => ["members", i, "id"],
    true,
    ["members"],
  );
  const period = periodOf(p.opening.value.dueDate);
  const w = new JournalWriter();
  const members = v.members.map((m) => ({ id: m.id, priorYearBalance: m.priorYearBalance, legacyFunds: m.legacyFunds ?? ZERO }));
  for (const m of members) postOpeningBalance(w, period, carriedAccount(m.id), m.priorYearBalance, m.id);
  const extractions = postOpening(w, p, period, members, v.includeLegacyFunds ?? p.opening.value.includeLegacyFunds);
  const balances = foldJournal(w.entries);
  return {
    period,
    extractions: Object.fromEntries([...extractions].map(([id, x]) => [id, formatMoney(x)])),
    balances,
    poolBalance: balances[ACCOUNTS.pool] ?? "0.00",
    journal: w.entries,
    citations: [OPENING_CITATIONS.legacy, OPENING_CITATIONS.extraction, OPENING_CITATIONS.balances],
  };
}
