import * as z from "zod";
import type { Path } from "../errors.js";
import { PoolingError } from "../errors.js";
import { ACCOUNTS, carriedAccountOf } from "../ledger/accounts.js";
import { type JournalEntry, JournalWriter } from "../ledger/journal.js";
import { decimalRatio, FEN_ZERO, type Fen, formatFen, roundFenOfProduct, toFen, type YuanRatio } from "../money.js";
import { inWindow } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { inForceOn, type PolicyRef, policyRef } from "../policy/paramsAt.js";
import { type PolicyOptions, policyOption } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { integerField, moneyField } from "../schema/fields.js";
import { freezeSchemas } from "../schema/freeze.js";
import { parseInput } from "../schema/parse.js";
import { LIBRARY, type LibraryRef } from "../version.js";
import { checkMembers } from "./members.js";

/** zod schema of the input of {@link provincialRemittance}. */
export const ProvincialRemittanceInputSchema = z
  .object({
    /** The year whose remittance is due (by 06-20 of that year). */
    year: integerField("INVALID_DATE", "The year, e.g. 2021"),
    members: z.array(
      z
        .object({
          id: z.string().min(1),
          /** The amount, when the caller has it from the provincial rule. */
          amount: moneyField({ fen: true }).optional(),
          /** The prior year's fund income, for a policy rule based on it. */
          priorYearIncome: moneyField().optional(),
          /** The prior year's year-end cumulative balance, for a policy rule based on it. */
          priorYearBalance: moneyField({ allowNegative: true }).optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Input of {@link provincialRemittance}. */
export type ProvincialRemittanceInput = z.input<typeof ProvincialRemittanceInputSchema>;

/** Result of {@link provincialRemittance}. */
export interface ProvincialRemittance {
  /** The due date, e.g. `"2021-06-20"`. */
  dueDate: string;
  /** Each member's remittance to the provincial reserve. */
  remittances: Record<string, string>;
  /** The entries `member:<id>:carried → province:reserve` in the due month. */
  journal: JournalEntry[];
  citation: Citation;
  /** The policy that produced the figures. */
  policy: PolicyRef;
  /** The library that produced it: `{ name, version }`. */
  library: LibraryRef;
}

/** One member's remittance in fen: the amount given, else the policy's rule on the base (exact yuan), else an error. @internal */
export function remittanceAmount(
  rule: ProvincialRule | undefined,
  m: { amount?: Fen | undefined; priorYearIncome?: YuanRatio | undefined; priorYearBalance?: YuanRatio | undefined },
  path: Path,
): Fen {
  if (m.amount !== undefined) return m.amount;
  const base = rule?.base === "priorYearIncome" ? m.priorYearIncome : rule?.base === "priorYearBalance" ? m.priorYearBalance : undefined;
  if (!rule || base === undefined) {
    throw new PoolingError("REMITTANCE_AMOUNT_REQUIRED", path, {
      en: rule ? `the policy's rule needs ${rule.base}` : "the policy carries no provincial rule: give the amount",
      zh: rule ? `政策规定的计算办法需要 ${rule.base}` : "政策未规定计算办法：请提供金额",
    });
  }
  // R6 rounding point: each remittance, to the fen, half-up.
  return base.numerator > 0n ? roundFenOfProduct(base, rule.rate) : FEN_ZERO;
}

/** The provincial rule as data: a rate and its base. @internal */
export type ProvincialRule = NonNullable<Policy["provincialReserve"][number]["value"]["rule"]>;

/**
 * The version of the remittance rule whose window holds `year`'s due date,
 * with that date; `POLICY_NOT_IN_FORCE` when the policy is not in force then.
 * @internal
 */
export function remittanceRuleFor(policy: Policy, year: number, path: Path) {
  const y = String(year).padStart(4, "0");
  for (const version of policy.provincialReserve) {
    const dueDate = `${y}-${version.value.dueMonthDay}`;
    if (inWindow(dueDate, version) && inForceOn(policy, dueDate)) return { version, dueDate };
  }
  throw new PoolingError("POLICY_NOT_IN_FORCE", path, { en: `no remittance is due under this policy in ${y}`, zh: `本政策在 ${y} 年没有应上解的省级储备金` });
}

/**
 * R6 (二（二）): each member's remittance of the provincial reserve
 * (省级储备金), due by 06-20 every year. The amount follows the provincial
 * rule: the caller gives it (`amount`), or the policy carries the rule as data
 * (a rate and its base) and the caller gives the base. The money leaves the
 * city-district funds for `province:reserve`.
 *
 * @param input the year and, per member, the amount or the base of the policy's rule.
 * @param options `{ policy }`: the policy (default `SUZHOU_2020`) (a policy itself in its place, the 0.x form, is deprecated)
 * @returns the due date, each remittance, the journal, the citation and `policy: { id, version }`.
 * @throws PoolingError `POLICY_NOT_IN_FORCE` (no remittance due that year), `UNKNOWN_MEMBER`, `DUPLICATE_MEMBER`,
 *   `REMITTANCE_AMOUNT_REQUIRED` (neither an amount nor a rule), `MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`,
 *   `NEGATIVE_AMOUNT`, `AMOUNT_NOT_IN_FEN`, `AMOUNT_OUT_OF_RANGE`.
 * @example
 * ```ts
 * const r = provincialRemittance({ year: 2021, members: [{ id: "sip", amount: "800000.00" }] });
 * r.dueDate;          // "2021-06-20"
 * r.remittances.sip;  // "800000.00"
 * r.journal[0].to;    // "province:reserve"
 * ```
 */
export function provincialRemittance(input: ProvincialRemittanceInput, options?: PolicyOptions | Policy): ProvincialRemittance {
  const p = policyOption(options);
  const v = parseInput(ProvincialRemittanceInputSchema, input);
  const { version, dueDate } = remittanceRuleFor(p, v.year, ["year"]);
  const period = dueDate.slice(0, 7);
  checkMembers(
    p,
    v.members.map((m) => m.id),
    (i) => ["members", i, "id"],
    false,
    ["members"],
    period,
  );
  const w = new JournalWriter();
  const remittances: Record<string, string> = {};
  v.members.forEach((m, i) => {
    const amount = remittanceAmount(
      version.value.rule,
      {
        amount: m.amount === undefined ? undefined : toFen(m.amount),
        priorYearIncome: m.priorYearIncome === undefined ? undefined : decimalRatio(m.priorYearIncome),
        priorYearBalance: m.priorYearBalance === undefined ? undefined : decimalRatio(m.priorYearBalance),
      },
      ["members", i, "amount"],
    );
    remittances[m.id] = formatFen(amount);
    w.post(period, carriedAccountOf(m.id), ACCOUNTS.provinceReserve, amount, "provincialRemittance", version.citation, m.id);
  });
  return { dueDate, remittances, journal: w.entries, citation: version.citation, policy: policyRef(p), library: LIBRARY };
}

// the validators are exported: nobody may change what they check
freezeSchemas(ProvincialRemittanceInputSchema);
