import * as z from "zod";
import { PoolingError } from "../errors.js";
import { type Dec, dsum, formatMoney, ZERO } from "../money.js";
import type { Citation } from "../policy/citation.js";
import { paramFor } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { moneyField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { namedRecord } from "../schema/names.js";
import { parseInput } from "../schema/parse.js";

const TransferInSchema = z.object({ from: z.string().min(1), amount: moneyField({ fen: true }), kind: z.string().min(1) }).strict();
const TransferOutSchema = z.object({ to: z.string().min(1), amount: moneyField({ fen: true }), kind: z.string().min(1) }).strict();

/** zod schema of one fund statement (a member's fund or the pool, for one year). */
export const FundStatementSchema = z
  .object({
    /** Who files it, e.g. `"member:wujiang"` or `"pool"` (the fund whose final accounts these are, 二（四）). */
    entity: z.string().min(1),
    /** The fund's balance at the start of the year (年初结余), in yuan; negative for a fund in deficit. */
    opening: moneyField({ fen: true, allowNegative: true }),
    /** The year's income by category (contributions, legacy funds, …), in yuan (基金收入, 二（四）). */
    income: namedRecord(moneyField({ fen: true }), "RESERVED_KEY"),
    /** The year's expenditure by category (benefits, …), in yuan (基金支出, 二（四）). */
    expenditure: namedRecord(moneyField({ fen: true }), "RESERVED_KEY"),
    /** Transfers received from another fund, each with its sender, amount in yuan and kind (上级补助, top-ups, 二（二）–二（三）). */
    transfersIn: z.array(TransferInSchema),
    /** Transfers paid to another fund, each with its recipient, amount in yuan and kind (上解, the clawback, 二（二）–二（三）). */
    transfersOut: z.array(TransferOutSchema),
    /** The fund's balance at the end of the year (年末结余), in yuan: opening + income − expenditure + transfers in − transfers out. */
    closing: moneyField({ fen: true, allowNegative: true }),
    /**
     * R12 (0.5): the months of the year before pooling (2020: January to April), from the opening data, as
     * their own column: income and expenditure by category. Present only in the pooling's first year.
     */
    beforePooling: z
      .object({
        /** The first period the column covers, `YYYY-MM`. */
        from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        /** The last period the column covers, `YYYY-MM` (the month before pooling began). */
        to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        /** Income by category in those months, in yuan, from the opening data. */
        income: namedRecord(moneyField({ fen: true }), "RESERVED_KEY"),
        /** Expenditure by category in those months, in yuan, from the opening data. */
        expenditure: namedRecord(moneyField({ fen: true }), "RESERVED_KEY"),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A fund statement, input form. */
export type FundStatement = z.input<typeof FundStatementSchema>;

/** Result of {@link consolidate}. */
export interface Consolidation {
  /** The entities consolidated, in input order. */
  entities: string[];
  opening: string;
  income: Record<string, string>;
  expenditure: Record<string, string>;
  /** Transfers with entities outside the consolidation (e.g. to `province:reserve`). */
  transfersIn: { from: string; amount: string; kind: string }[];
  transfersOut: { to: string; amount: string; kind: string }[];
  closing: string;
  /** R12 (0.5): the months before pooling, summed by category (present when a statement has them). */
  beforePooling?: { from: string; to: string; income: Record<string, string>; expenditure: Record<string, string> };
  /** Transfers between consolidated entities, eliminated pairwise. */
  eliminations: { from: string; to: string; kind: string; amount: string }[];
  citation: Citation;
}

/**
 * R12 (二（四））: merges the members' fund statements and the pool's into the
 * city-district statement municipal finance files. Each statement must balance
 * (opening + before-pooling income − before-pooling expenditure + income −
 * expenditure + transfers in − transfers out = closing,
 * else `STATEMENT_UNBALANCED`); figures are summed by category; every
 * transfer between two consolidated entities is eliminated against its
 * counterpart (same parties, kind and amount, else `TRANSFER_MISMATCH`) and
 * listed.
 *
 * @param statements - the members' and the pool's fund statements for one year
 * @param options - `{ policy }`: the policy (its consolidation clause is cited; default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the city-district statement: sums by category, external transfers, and each elimination
 * @throws PoolingError `STATEMENT_UNBALANCED`, `TRANSFER_MISMATCH`, `DUPLICATE_ENTRY` and the field codes
 * @example
 * ```ts
 * const c = consolidate([
 *   { entity: "member:sip", opening: "100.00", income: { contributions: "50.00" }, expenditure: { benefits: "40.00" },
 *     transfersIn: [], transfersOut: [{ to: "pool", amount: "10.00", kind: "openingExtraction" }], closing: "100.00" },
 *   { entity: "pool", opening: "0.00", income: {}, expenditure: {},
 *     transfersIn: [{ from: "member:sip", amount: "10.00", kind: "openingExtraction" }], transfersOut: [], closing: "10.00" },
 * ]);
 * c.closing;                 // "110.00"
 * c.eliminations[0].amount;  // "10.00"
 * ```
 */
export function consolidate(statements: readonly FundStatement[], options?: PolicyOptions | Policy): Consolidation {
  const citation = paramFor(policyOption(options), "clauses", undefined).value.consolidation;
  const v = parseInput(z.array(FundStatementSchema), statements);
  const entities = v.map((s) => s.entity);
  const inSet = new Set<string>();
  v.forEach((s, i) => {
    if (inSet.has(s.entity)) throw new PoolingError("DUPLICATE_ENTRY", [i, "entity"], { en: s.entity, zh: s.entity });
    inSet.add(s.entity);
    const before = s.beforePooling;
    const expected = s.opening
      .plus(before ? dsum(Object.values(before.income)).minus(dsum(Object.values(before.expenditure))) : ZERO)
      .plus(dsum(Object.values(s.income)))
      .minus(dsum(Object.values(s.expenditure)))
      .plus(dsum(s.transfersIn.map((t) => t.amount)))
      .minus(dsum(s.transfersOut.map((t) => t.amount)));
    if (!expected.eq(s.closing)) {
      throw new PoolingError("STATEMENT_UNBALANCED", [i, "closing"], {
        en: `${s.entity}: the figures give ${formatMoney(expected)}, closing is ${formatMoney(s.closing)}`,
        zh: `${s.entity}：按各项计算为 ${formatMoney(expected)}，年末余额为 ${formatMoney(s.closing)}`,
      });
    }
  });
  const sumBy = (pick: (s: (typeof v)[number]) => Record<string, Dec>) => {
    const out = new Map<string, Dec>();
    for (const s of v) for (const [k, a] of Object.entries(pick(s))) out.set(k, (out.get(k) ?? ZERO).plus(a));
    return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, a]) => [k, formatMoney(a)]));
  };
  // Pair internal transfers: each transfer out to a consolidated entity needs its transfer in.
  const unmatchedIn = v.map((s) => s.transfersIn.map((t) => ({ ...t, used: false })));
  const eliminations: Consolidation["eliminations"] = [];
  const transfersOut: Consolidation["transfersOut"] = [];
  v.forEach((s, i) => {
    s.transfersOut.forEach((t, j) => {
      const { to, amount, kind } = t;
      if (!inSet.has(to)) {
        transfersOut.push({ to, amount: formatMoney(amount), kind });
        return;
      }
      const k = entities.indexOf(to);
      const match = unmatchedIn[k]!.find((u) => !u.used && u.from === s.entity && u.kind === kind && u.amount.eq(amount));
      if (!match) {
        throw new PoolingError("TRANSFER_MISMATCH", [i, "transfersOut", j], {
          en: `${s.entity} → ${to} ${kind} ${formatMoney(amount)} is not in ${to}'s transfers in`,
          zh: `${s.entity} 调出至 ${to} 的 ${formatMoney(amount)}（${kind}）在 ${to} 的调入中没有对应`,
        });
      }
      match.used = true;
      eliminations.push({ from: s.entity, to, kind, amount: formatMoney(amount) });
    });
  });
  const transfersIn: Consolidation["transfersIn"] = [];
  unmatchedIn.forEach((list, k) => {
    list.forEach((u, j) => {
      if (u.used) return;
      if (inSet.has(u.from)) {
        throw new PoolingError("TRANSFER_MISMATCH", [k, "transfersIn", j], {
          en: `${u.from} → ${entities[k]} ${u.kind} ${formatMoney(u.amount)} is not in ${u.from}'s transfers out`,
          zh: `${entities[k]} 自 ${u.from} 调入的 ${formatMoney(u.amount)}（${u.kind}）在 ${u.from} 的调出中没有对应`,
        });
      }
      transfersIn.push({ from: u.from, amount: formatMoney(u.amount), kind: u.kind });
    });
  });
  const withBefore = v.filter((s) => s.beforePooling !== undefined);
  const first = withBefore[0]?.beforePooling;
  return {
    entities,
    opening: formatMoney(dsum(v.map((s) => s.opening))),
    income: sumBy((s) => s.income),
    expenditure: sumBy((s) => s.expenditure),
    transfersIn,
    transfersOut,
    closing: formatMoney(dsum(v.map((s) => s.closing))),
    ...(first
      ? {
          beforePooling: {
            from: first.from,
            to: first.to,
            income: sumBy((s) => s.beforePooling?.income ?? {}),
            expenditure: sumBy((s) => s.beforePooling?.expenditure ?? {}),
          },
        }
      : {}),
    eliminations,
    citation,
  };
}

// the validators are exported: nobody may change what they check
freezeSchemas(FundStatementSchema);
