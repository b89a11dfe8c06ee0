/**
 * A simulation with restatements, append-only: the books settle each period
 * once and never change it. In the period a restatement becomes known, the
 * same settlement is replayed from the restated period on the corrected
 * figures (the same rules, the same later inputs); the difference between the
 * replay and the books is posted account by account as prior-period
 * adjustments (以前期间调整) tagged with the period each corrects, and the books
 * continue from the replay's state, so the 20% and the top-ups the corrected
 * figures imply follow in the current year's settlement.
 *
 * @module
 */

import type * as z from "zod";
import { PoolingError, withPathPrefix } from "../../errors.js";
import { checkMembers } from "../../fund/members.js";
import type { JournalEntry } from "../../ledger/journal.js";
import { JournalWriter } from "../../ledger/journal.js";
import { formatFen, parseFen, toFen } from "../../money.js";
import { paramsAt } from "../../policy/paramsAt.js";
import type { Policy } from "../../policy/schema.js";
import type { EngineFlows, EngineScenario } from "../flowsInput.js";
import { checkPeriodOrder } from "../periodOrder.js";
import type { PeriodReport } from "../report.js";
import { settleParsed } from "../settlePeriod.js";
import type { InternalState } from "../state.js";
import { periodDeltas, postAdjustments } from "./adjust.js";
import { applyRestatement, type ParsedRestatement } from "./apply.js";
import type { RestatedSchema } from "./schema.js";

type ParsedScenario = EngineScenario;
type ParsedFlows = EngineFlows;
type Restated = z.output<typeof RestatedSchema>;

/** The restatements a run applies: validated against the scenario, those known after `asOf` left out. */
function restatementsOf(policy: Policy, scenario: ParsedScenario, asOf: string | undefined): ParsedRestatement[] {
  const index = new Map(scenario.periods.map((f, i) => [f.period, i]));
  const seen = new Set<string>();
  const out: ParsedRestatement[] = [];
  (scenario.restatements ?? []).forEach((r, i) => {
    const path = ["restatements", i];
    const p = index.get(r.period);
    if (p === undefined) {
      throw new PoolingError("RESTATEMENT_OUT_OF_RANGE", [...path, "period"], {
        en: `${r.period} is not a period of the scenario`,
        zh: `${r.period} 不在测算期间内`,
      });
    }
    const k = index.get(r.knownIn);
    if (k === undefined || k <= p) {
      throw new PoolingError("RESTATEMENT_OUT_OF_RANGE", [...path, "knownIn"], {
        en: `${r.knownIn} is not a period of the scenario after ${r.period}`,
        zh: `${r.knownIn} 不是测算期间内晚于 ${r.period} 的所属期`,
      });
    }
    checkMembers(policy, [r.member], () => [...path, "member"], false, [], r.period);
    if (scenario.periods[p]!.members[r.member] === undefined) {
      throw new PoolingError("UNKNOWN_MEMBER", [...path, "member"], {
        en: `${r.member} has no flows in ${r.period}`,
        zh: `${r.member} 在 ${r.period} 没有收支数据`,
      });
    }
    const key = `${r.period}\u0000${r.member}\u0000${r.field}\u0000${r.knownIn}`;
    if (seen.has(key)) {
      throw new PoolingError("DUPLICATE_RESTATEMENT", path, {
        en: `${r.field} of ${r.member} in ${r.period} restated twice in ${r.knownIn}`,
        zh: `${r.member} ${r.period} 的 ${r.field} 在 ${r.knownIn} 重复更正`,
      });
    }
    seen.add(key);
    if (asOf === undefined || r.knownIn <= asOf) out.push({ ...r, index: i });
  });
  // in order of knowledge, then as given (a later one of the same figure and knowledge period cannot exist)
  return out.sort((a, b) => (a.knownIn < b.knownIn ? -1 : a.knownIn > b.knownIn ? 1 : a.index - b.index));
}

/** Settles one period, errors under the period's path. */
function settleAt(policy: Policy, state: InternalState, flows: ParsedFlows, index: number, last: boolean) {
  try {
    return settleParsed(policy, state, flows, [], undefined, last);
  } catch (error) {
    throw withPathPrefix(error, ["periods", index]);
  }
}

/** The result of {@link runWithRestatements}. @internal */
export interface RestatedRun {
  state: InternalState;
  journal: JournalEntry[];
  periods: PeriodReport[];
  restated: Restated;
}

/**
 * Runs a scenario's periods with its restatements (those known by `asOf`).
 * `init` is the state and journal before the first period.
 * @throws PoolingError `RESTATEMENT_OUT_OF_RANGE`, `DUPLICATE_RESTATEMENT`, `UNKNOWN_MEMBER`, `RESTATEMENT_BELOW_LEVIES`,
 *   `PERIOD_OUT_OF_ORDER` and the codes of `settlePeriod`
 * @internal
 */
export function runWithRestatements(
  policy: Policy,
  scenario: ParsedScenario,
  init: { state: InternalState; journal: JournalEntry[] },
  asOf: string | undefined,
  onPeriod?: (done: number, period: string) => void,
): RestatedRun | undefined {
  const restatements = restatementsOf(policy, scenario, asOf);
  if (restatements.length === 0) return undefined;
  const n = scenario.periods.length;
  const byKnown = new Map<string, ParsedRestatement[]>();
  for (const r of restatements) byKnown.set(r.knownIn, [...(byKnown.get(r.knownIn) ?? []), r]);

  const journal: JournalEntry[] = [...init.journal];
  const adjustmentEntries: JournalEntry[] = [];
  const adjustments: Restated["adjustments"] = [];
  const settledReports: PeriodReport[] = [];
  // The run as known so far: its flows, the state before each period, its reports.
  let knownFlows: ParsedFlows[] = [...scenario.periods];
  let knownStates: InternalState[] = [init.state];
  let knownReports: PeriodReport[] = [];
  let books = init.state;

  const periodIndex = new Map(scenario.periods.map((f, i) => [f.period, i]));
  for (let k = 0; k < n; k++) {
    const flows = scenario.periods[k]!;
    checkPeriodOrder(books.nextPeriod, flows.period, k);
    const known = byKnown.get(flows.period);
    if (known !== undefined) {
      const newFlows = [...knownFlows];
      for (const r of known) {
        const p = periodIndex.get(r.period)!;
        const given = scenario.periods[p]!.members[r.member]!.income;
        const levyPremiums = parseFen(settledReports[p]!.members[r.member]!.income) - (given ?? 0n);
        newFlows[p] = applyRestatement(newFlows[p]!, r, levyPremiums);
      }
      const from = Math.min(...known.map((r) => periodIndex.get(r.period)!));
      const newStates = knownStates.slice(0, from + 1);
      const newReports = knownReports.slice(0, from);
      for (let p = from; p < k; p++) {
        const s = settleAt(policy, newStates[p]!, newFlows[p]!, p, false);
        newStates[p + 1] = s.state;
        newReports[p] = s.report;
      }
      const citation = paramsAt(policy, flows.period).clauses.value.restatement ?? paramsAt(policy, flows.period).clauses.value.income;
      const writer = new JournalWriter(books.balances, books.nextSeq);
      for (let p = from; p < k; p++) {
        const deltas = periodDeltas(knownStates[p]!.balances, knownStates[p + 1]!.balances, newStates[p]!.balances, newStates[p + 1]!.balances);
        const corrects = scenario.periods[p]!.period;
        postAdjustments(writer, flows.period, corrects, deltas, citation);
        for (const d of deltas) adjustments.push({ knownIn: flows.period, corrects, account: d.account, amount: formatFen(d.amount) });
      }
      const target = newStates[k]!.balances;
      // an account the replay touched and left at zero is listed at zero, as in the replay
      for (const account of target.keys()) if (!writer.balances.has(account)) writer.balances.set(account, 0n);
      for (const account of new Set([...writer.balances.keys(), ...target.keys()])) {
        if ((writer.balances.get(account) ?? 0n) !== (target.get(account) ?? 0n)) {
          throw new PoolingError("INTERNAL_INVARIANT", ["restatements"], {
            en: `internal: after the adjustments ${account} differs from the replay`,
            zh: `内部记账错误：调整后 ${account} 与重算结果不符`,
          });
        }
      }
      for (const e of writer.entries) {
        journal.push(e);
        adjustmentEntries.push(e);
      }
      books = { ...newStates[k]!, balances: writer.balances, nextSeq: writer.nextSeq };
      knownFlows = newFlows;
      knownStates = newStates;
      knownReports = newReports;
    }
    const settled = settleAt(policy, books, knownFlows[k]!, k, k === n - 1);
    for (const e of settled.journal) journal.push(e);
    settledReports.push(settled.report);
    knownReports[k] = settled.report;
    books = settled.state;
    knownStates[k + 1] = books;
    onPeriod?.(k + 1, flows.period);
  }
  return {
    state: books,
    journal,
    periods: settledReports,
    restated: {
      restatements: restatements.map(({ index: _index, value, ...r }) => ({ ...r, value: formatFen(toFen(value)) })),
      periods: knownReports,
      adjustments,
      entries: adjustmentEntries,
    },
  };
}
