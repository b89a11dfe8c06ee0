import { expect } from "vitest";
import { definePolicy, type PeriodInput, type Policy, type PolicyInput, PoolingError, SUZHOU_2020 } from "../src/index.js";

/** Asserts that `fn` throws a PoolingError with this code and path. */
export function expectPoolingError(fn: () => unknown, code: string, path?: (string | number)[]): PoolingError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected a PoolingError").toBeInstanceOf(PoolingError);
  const err = caught as PoolingError;
  expect(err.code).toBe(code);
  if (path) expect(err.path).toEqual(path);
  expect(err.message.length).toBeGreaterThan(0);
  expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return err;
}

/** Deep-freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The entries of a journal that move money from an account to itself (R13: there must be none). */
export function noSelfTransfers<E extends { seq: number; from: string; to: string }>(journal: readonly E[]): E[] {
  return journal.filter((entry) => entry.from === entry.to);
}

/** The month after a period (`YYYY-MM`). */
export function nextPeriodOf(period: string): PeriodInput {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return (m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`) as PeriodInput;
}

/** The consecutive periods from `start` to `end`, inclusive (`YYYY-MM`). */
export function periodsFrom(start: PeriodInput, end: PeriodInput): PeriodInput[] {
  const out = [start];
  while (out.at(-1) !== end) out.push(nextPeriodOf(out.at(-1)!));
  return out;
}

/** `count` consecutive periods from `start`. */
export function periodsCount(start: PeriodInput, count: number): PeriodInput[] {
  const out: PeriodInput[] = [];
  for (let p: PeriodInput = start; out.length < count; p = nextPeriodOf(p)) out.push(p);
  return out;
}

/**
 * The 0.6 readings of the document, as policy options (issue 17 changed the defaults): the yearly top-up,
 * 20% on covering an opening deficit, an unpaid extraction or remittance covered as a subsidy.
 */
export function readings06(policy: Policy = SUZHOU_2020): Policy {
  const p = JSON.parse(JSON.stringify(policy)) as PolicyInput & Record<string, { value: Record<string, unknown> }[]>;
  const set = (name: string, values: Record<string, unknown>) => {
    p[name] = p[name]!.map((v) => ({ ...v, value: { ...v.value, ...values } }));
  };
  set("topUp", { schedule: "yearly" });
  set("opening", { deficitCoverageCharged: true });
  set("deficitCoverage", { unpaidTransfers: "subsidy" });
  // altered data under a policy's id: a version of its own (the built-in id and version stand for the built-in data)
  p.version = `${policy.version}-readings06` as never;
  return definePolicy(p);
}
