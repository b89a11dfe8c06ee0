/**
 * The member checks of the inputs that name members (a scenario's opening
 * and periods, a period's flows, the opening extraction's, the remittances'
 * and the top-up's members), run by the bounded walk of `problems.ts` as
 * hooks after the shape of each piece is checked.
 *
 * @module
 */
import type * as z from "zod";
import type { Path, PoolingError } from "../errors.js";
import { TopUpInputSchema } from "../fund/apportionTopUp.js";
import { memberProblems } from "../fund/members.js";
import { OpenPoolingInputSchema, openingParams } from "../fund/openPooling.js";
import { ProvincialRemittanceInputSchema, remittanceRuleFor } from "../fund/provincialRemittance.js";
import type { Policy } from "../policy/schema.js";
import type { Period } from "../schema/fields.js";
import { PeriodFlowsSchema, ScenarioOpeningSchema } from "../settlement/schema.js";
import { CONTEXT, type Hooks, isObject, type ProblemSink, safeParse } from "./problems.js";

/** A valid period of a piece (`period`, `start`), else `undefined`. */
function periodOf(schema: z.core.$ZodType, value: unknown): Period | undefined {
  const result = safeParse(schema, value, CONTEXT);
  return result.success ? (result.data as Period) : undefined;
}

/** The own string-valued keys of an object (the `__proto__` key aside: the shape reports it). */
function keysOf(value: unknown): string[] | null {
  return isObject(value) ? Object.keys(value).filter((key) => key !== "__proto__") : null;
}

/**
 * The member ids of a list (`members: [{ id }]`) with their indices, when each
 * item has a string id (else the list is incomplete: no member is said missing).
 */
function idsOfList(list: unknown): { ids: string[]; at: number[]; whole: boolean } {
  const ids: string[] = [];
  const at: number[] = [];
  let whole = Array.isArray(list);
  if (Array.isArray(list)) {
    list.forEach((item, i) => {
      const id = isObject(item) ? item.id : undefined;
      if (typeof id === "string") {
        ids.push(id);
        at.push(i);
      } else whole = false;
    });
  }
  return { ids, at, whole };
}

/**
 * Runs one member check as the library does (`memberProblems`, the generator
 * `checkMembers` throws the first of), into `sink`; when the members cannot
 * be known (no version in force for the period), the function reports that
 * rule itself and nothing is added here.
 */
function members(sink: ProblemSink, ...args: Parameters<typeof memberProblems>): void {
  let problems: Generator<PoolingError, void, undefined>;
  try {
    problems = memberProblems(...args);
    const first = problems.next();
    if (first.done) return;
    if (sink.full) sink.more++;
    else sink.problems.push(first.value);
  } catch {
    return;
  }
  sink.errors(problems);
}

/**
 * The member checks the library runs on each input that names members, as
 * hooks on the schema pieces they concern: a scenario's opening and each of
 * its periods, `openPooling`'s, `provincialRemittance`'s and
 * `apportionTopUp`'s members. @internal
 */
export function memberHooks(policy: Policy): Hooks {
  const opening = (value: unknown, path: Path, sink: ProblemSink): void => {
    const ids = keysOf(isObject(value) ? value.members : undefined);
    if (!ids || !isObject(value)) return;
    const start = periodOf(ScenarioOpeningSchema.shape.start, value.start);
    members(sink, policy, ids, (i) => [...path, "members", ids[i]!], true, [...path, "members"], start);
  };
  const flows = (value: unknown, path: Path, sink: ProblemSink): void => {
    if (!isObject(value)) return;
    const period = periodOf(PeriodFlowsSchema.shape.period, value.period);
    const ids = keysOf(value.members);
    if (ids) members(sink, policy, ids, (i) => [...path, "members", ids[i]!], true, [...path, "members"], period);
    const remitted = keysOf(value.provincialRemittances);
    if (remitted) members(sink, policy, remitted, (i) => [...path, "provincialRemittances", remitted[i]!], false, [], period);
    const claims = value.majorAccidentClaims;
    if (Array.isArray(claims)) {
      claims.forEach((claim, index) => {
        const id = isObject(claim) ? claim.member : undefined;
        if (typeof id === "string") members(sink, policy, [id], () => [...path, "majorAccidentClaims", index, "member"], false, [], period);
      });
    }
  };
  const list =
    (checked: Policy | null, complete: boolean, periodFor: (value: Record<string, unknown>) => Period | undefined | null) =>
    (value: unknown, path: Path, sink: ProblemSink): void => {
      if (!isObject(value)) return;
      const { ids, at, whole } = idsOfList(value.members);
      const period = periodFor(value);
      if (period === null) return;
      members(sink, checked, ids, (i) => [...path, "members", at[i]!, "id"], complete && whole, [...path, "members"], period);
    };
  // the members in force on the due date; none due that year: the function's own error, no member checked
  const remittance = (value: Record<string, unknown>): Period | null => {
    const year = safeParse(ProvincialRemittanceInputSchema.shape.year, value.year, CONTEXT);
    if (!year.success) return null;
    try {
      return remittanceRuleFor(policy, year.data as number, ["year"]).dueDate.slice(0, 7) as Period;
    } catch {
      return null;
    }
  };
  const opened = (): Period | null => {
    try {
      return openingParams(policy).period;
    } catch {
      return null;
    }
  };
  return new Map<z.core.$ZodType, (value: unknown, path: Path, sink: ProblemSink) => void>([
    [ScenarioOpeningSchema, opening],
    [PeriodFlowsSchema, flows],
    [OpenPoolingInputSchema, list(policy, true, opened)],
    [ProvincialRemittanceInputSchema, list(policy, false, remittance)],
    [TopUpInputSchema, list(null, false, () => undefined)],
  ]);
}
