/**
 * Account names of the journal (R13). Every balance the library reports is
 * keyed by one of these names.
 *
 * - `member:<id>:current`: a member's surplus of this fiscal year (当期结余)
 * - `member:<id>:carried`: a member's balance carried from earlier years (累计结余)
 * - `pool`: the city-district pooling fund (市区工伤保险统筹基金)
 * - `legacy-funds`: the old municipal reserve and adjustment funds (原储备金和调剂金), work-injury fund
 *   money until they are folded into the members' balances at the opening
 * - `province:reserve`: the provincial reserve (省级储备金), outside the city-district funds
 * - `fiscal:city`: municipal finance (市财政), an account of its own, never a member's name
 * - `fiscal:<id>`: each member's government finance (市本级's included: `fiscal:municipal`)
 * - `external:*`: the world outside: employers, beneficiaries, other income,
 *   opening balances
 *
 * @module
 */
import * as z from "zod";
import { parseInput } from "../schema/parse.js";

const memberId = z.string().regex(/^[A-Za-z0-9_-]+$/, "member ids are letters, digits, _ and -");
const accountName = z.string().min(1);

/**
 * The current-year part of a member's fund (当期结余).
 * @param member a member id (letters, digits, `_` and `-`).
 * @returns the account name `member:<id>:current`.
 * @throws PoolingError `INVALID_TYPE` for an id that is not a member id.
 * @example
 * ```ts
 * currentAccount("sip"); // "member:sip:current"
 * ```
 */
export function currentAccount(member: string): string {
  return `member:${parseInput(memberId, member, ["member"])}:current`;
}

/**
 * The carried (cumulative) part of a member's fund (累计结余).
 * @param member a member id (letters, digits, `_` and `-`).
 * @returns the account name `member:<id>:carried`.
 * @throws PoolingError `INVALID_TYPE` for an id that is not a member id.
 * @example
 * ```ts
 * carriedAccount("sip"); // "member:sip:carried"
 * ```
 */
export function carriedAccount(member: string): string {
  return `member:${parseInput(memberId, member, ["member"])}:carried`;
}

/**
 * A member government's fiscal account (the clawback is paid from it).
 * @param member a member id (letters, digits, `_` and `-`).
 * @returns the account name `fiscal:<id>` (never municipal finance's `fiscal:city`).
 * @throws PoolingError `INVALID_TYPE` for an id that is not a member id.
 * @example
 * ```ts
 * fiscalAccount("xiangcheng"); // "fiscal:xiangcheng"
 * ```
 */
export function fiscalAccount(member: string): string {
  return `fiscal:${parseInput(memberId, member, ["member"])}`;
}

/**
 * {@link currentAccount} without validation, for member ids already checked
 * against the policy (whose ids follow the same pattern). @internal
 */
export function currentAccountOf(member: string): string {
  let name = CURRENT.get(member);
  if (name === undefined) {
    name = `member:${member}:current`;
    if (CURRENT.size < NAMES_KEPT) CURRENT.set(member, name);
  }
  return name;
}

/** The account names already built, per member (the engine asks for them per member per step). */
const CURRENT = new Map<string, string>();
const CARRIED = new Map<string, string>();
/** A bound on the names kept (a cache, not a registry). */
const NAMES_KEPT = 100_000;

/** {@link carriedAccount} without validation, for member ids already checked against the policy. @internal */
export function carriedAccountOf(member: string): string {
  let name = CARRIED.get(member);
  if (name === undefined) {
    name = `member:${member}:carried`;
    if (CARRIED.size < NAMES_KEPT) CARRIED.set(member, name);
  }
  return name;
}

/** {@link fiscalAccount} without validation, for member ids already checked against the policy. @internal */
export function fiscalAccountOf(member: string): string {
  return `fiscal:${member}`;
}

/**
 * Fixed account names.
 * @example
 * ```ts
 * ACCOUNTS.pool; // "pool"
 * ```
 */
export const ACCOUNTS = Object.freeze({
  pool: "pool",
  provinceReserve: "province:reserve",
  municipalFinance: "fiscal:city",
  employers: "external:employers",
  beneficiaries: "external:beneficiaries",
  otherIncome: "external:other-income",
  /** The old reserve and adjustment funds (原储备金和调剂金): fund money, folded into the members' balances at the opening. */
  legacy: "legacy-funds",
  opening: "external:opening-balances",
} as const);

/** The kinds of account. */
export type AccountKind = "fund" | "province" | "fiscal" | "external";

/**
 * Classifies an account name: the city-district funds, the province, fiscal
 * accounts, or the outside world.
 * @param account an account name.
 * @returns `"fund"`, `"province"`, `"fiscal"` or `"external"`.
 * @throws PoolingError `INVALID_TYPE` for an empty or non-string name.
 * @example
 * ```ts
 * accountKind("pool");             // "fund"
 * accountKind("province:reserve"); // "province"
 * accountKind("external:employers"); // "external"
 * ```
 */
export function accountKind(account: string): AccountKind {
  parseInput(accountName, account, ["account"]);
  return kindOf(account);
}

/** {@link accountKind} without validation, for internal loops. @internal */
export function kindOf(account: string): AccountKind {
  if (account === ACCOUNTS.pool || account === ACCOUNTS.legacy || account.startsWith("member:")) return "fund";
  if (account.startsWith("province:")) return "province";
  if (account.startsWith("fiscal:")) return "fiscal";
  return "external";
}
