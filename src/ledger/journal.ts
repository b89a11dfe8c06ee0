/**
 * Journal entries and the internal journal writer. Every movement of money is
 * one entry between two named accounts; balances are a fold over the entries.
 *
 * @module
 */
import * as z from "zod";
import { PoolingError } from "../errors.js";
import { FEN_ZERO, type Fen, formatFen } from "../money.js";
import { type Citation, CitationSchema } from "../policy/citation.js";
import { AmountStringSchema } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";

/** The kinds of journal entry. */
export const ENTRY_KINDS = Object.freeze([
  "openingBalance",
  "legacyFoldIn",
  "openingExtraction",
  "provincialRemittance",
  "income",
  "benefit",
  "carriedToCurrent",
  "topUp",
  "majorAccidentBenefit",
  "cutGapGrant",
  "subsidy",
  "deficitCover",
  "trueUpReturn",
  "clawback",
  "yearEndRollover",
  "priorPeriodAdjustment",
] as const);

/** A kind of journal entry. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** zod schema of a {@link JournalEntry}. */
export const JournalEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    period: z.string(),
    from: z.string(),
    to: z.string(),
    amount: AmountStringSchema,
    kind: z.enum(ENTRY_KINDS),
    member: z.string().optional(),
    citation: CitationSchema,
    /** A prior-period adjustment (以前期间调整) only: the settled period whose restated figures it carries into the books. */
    corrects: z.string().optional(),
  })
  .strict();

/**
 * One movement of money (R13): `amount` (> 0, two decimals) moves from
 * account `from` to account `to` in `period`, for the reason `kind`, under
 * the clause `citation`. `member` names the pooling member concerned; a
 * prior-period adjustment (`kind: "priorPeriodAdjustment"`, 以前期间调整)
 * names in `corrects` the settled period it corrects.
 */
export type JournalEntry = z.output<typeof JournalEntrySchema>;

/**
 * The internal journal writer: appends entries and keeps the running fold of
 * balances. Used inside one pure function call and never exposed.
 * @internal
 */
export class JournalWriter {
  /** The entries written (none when the writer folds into a sink instead). */
  readonly entries: JournalEntry[] = [];
  /** Every account's balance, in fen. */
  readonly balances: Map<string, Fen>;
  private seq: number;
  private readonly sink: PostingSink | undefined;

  /**
   * @param balances the balances to start from (copied).
   * @param nextSeq the sequence number of the first entry.
   * @param sink when given, each posting is folded into it and no entry is built (a summary-only run).
   * @param adopt the writer takes `balances` over and changes it in place (its caller keeps no other use of it).
   */
  constructor(balances: ReadonlyMap<string, Fen> = new Map(), nextSeq = 1, sink?: PostingSink, adopt = false) {
    this.balances = adopt ? (balances as Map<string, Fen>) : new Map(balances);
    this.seq = nextSeq;
    this.sink = sink;
  }

  /** The next sequence number. */
  get nextSeq(): number {
    return this.seq;
  }

  /** The balance of an account in fen (0 if it never moved). */
  balance(account: string): Fen {
    return this.balances.get(account) ?? FEN_ZERO;
  }

  /**
   * Posts `amount` from `from` to `to`; a zero amount posts nothing.
   * Invariants of every entry (R13): the amount (fen) is positive, and no
   * entry goes from an account to itself.
   * @throws PoolingError `INTERNAL_INVARIANT` when an invariant fails (a defect of the library, never of the input).
   */
  post(period: string, from: string, to: string, amount: Fen, kind: EntryKind, citation: Citation, member?: string, corrects?: string): void {
    if (amount === FEN_ZERO) return;
    if (from === to) {
      throw new PoolingError("INTERNAL_INVARIANT", [], {
        en: `internal: an entry from an account to itself (${from}, ${kind}, ${formatFen(amount)})`,
        zh: `内部记账错误：同一账户自转（${from}）`,
      });
    }
    if (amount < FEN_ZERO) {
      throw new PoolingError("INTERNAL_INVARIANT", [], {
        en: `internal: a negative posting ${formatFen(amount)} ${from} → ${to}`,
        zh: "内部记账错误：金额为负",
      });
    }
    if (this.sink !== undefined) {
      this.seq++;
      this.sink.addPosting(from, to, amount);
    } else {
      const entry: JournalEntry = { seq: this.seq++, period, from, to, amount: formatFen(amount), kind, citation };
      if (member !== undefined) entry.member = member;
      if (corrects !== undefined) entry.corrects = corrects;
      this.entries.push(entry);
    }
    const balances = this.balances;
    balances.set(from, (balances.get(from) ?? FEN_ZERO) - amount);
    balances.set(to, (balances.get(to) ?? FEN_ZERO) + amount);
  }
}

/** Where a writer that keeps no entries folds its postings (the conservation check's running fold). @internal */
export interface PostingSink {
  addPosting(from: string, to: string, amount: Fen): void;
}

// the validators are exported: nobody may change what they check
freezeSchemas(JournalEntrySchema);
