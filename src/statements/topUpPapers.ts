/**
 * R7 (二（二）, 0.7): the top-up working papers: per top-up of a year, the
 * floor, the pool before, each member's prior-year balance (its weight), its
 * share, what it could pay, what it paid and what it owes. The shares and
 * payments are the rule's own (`apportionTopUp`'s split), checked against the
 * journal.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { apportionFenCore } from "../fund/apportion.js";
import { apportionTopUpFen } from "../fund/apportionTopUp.js";
import { ACCOUNTS } from "../ledger/accounts.js";
import type { JournalEntry } from "../ledger/journal.js";
import { FEN_ZERO, type Fen, fenMax, fenMin, fenSum, formatFen, parseFen } from "../money.js";
import { yearOf } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { parseInput } from "../schema/parse.js";
import { type Simulation, SimulationSchema } from "../settlement/results.js";
import { simulationYear } from "../settlement/simulationYear.js";

/** One member's line of a top-up. */
export interface TopUpMemberLine {
  member: string;
  /** Its prior-year year-end cumulative balance (上年度累计结余): its weight (≤ 0: no share). */
  priorYearBalance: string;
  /** Its weight's part of all positive weights, 6 decimals (a display; the share is apportioned exactly). */
  weight: string;
  /** Its share of the top-up by weight, to the fen (largest remainders). */
  share: string;
  /** What its fund held when the top-up was raised (≥ 0). */
  available: string;
  /** What it paid (capped by `available`; what others could not pay is spread over those who could). */
  paid: string;
  /** Of its share, what it paid itself: `min(paid, share)`. */
  paidOfShare: string;
  /** What it paid beyond its share, for members that could not pay theirs. */
  paidForOthers: string;
  /** Of its share, what the others paid for it. */
  coveredByOthers: string;
  /** What it owes of the top-up (应上解未上解, paid first from its later surpluses): `share = paidOfShare + coveredByOthers + owed`. */
  owed: string;
}

/** One top-up's working paper. */
export interface TopUpPaper {
  period: string;
  /** The pool's floor (3 months of the prior year's payouts) and the schedule's target months. */
  floor: string;
  targetMonths: string;
  schedule: string;
  /** The pool just before the top-up (after what members paid of earlier amounts owed). */
  poolBefore: string;
  /** The top-up asked (`raised + shortfall`), raised, and what nobody could pay. */
  asked: string;
  raised: string;
  shortfall: string;
  /** The pool just after the top-up. */
  poolAfter: string;
  members: TopUpMemberLine[];
}

/** The result of {@link topUpWorkingPapers}. */
export interface TopUpWorkingPapers {
  year: number;
  papers: TopUpPaper[];
  citation: Citation;
}

/** Each member's balance (both parts) and the pool's after the entries before `seq`. */
function balancesBefore(journal: readonly JournalEntry[], seq: number): Map<string, Fen> {
  const out = new Map<string, Fen>();
  const fundOf = (a: string) => (a.startsWith("member:") ? a.slice(7, a.lastIndexOf(":")) : a === ACCOUNTS.pool ? ACCOUNTS.pool : null);
  for (const e of journal) {
    if (e.seq >= seq) break;
    const from = fundOf(e.from);
    const to = fundOf(e.to);
    if (from === to) continue;
    const a = parseFen(e.amount);
    if (from) out.set(from, (out.get(from) ?? FEN_ZERO) - a);
    if (to) out.set(to, (out.get(to) ?? FEN_ZERO) + a);
  }
  return out;
}

/**
 * Each member's prior-year balance for `year` as known before the entry `seq`: its carried balance at the end
 * of the prior year (with the prior-period adjustments of earlier years posted by then), or, in the
 * pooling's first year, its opening posting.
 */
function priorYearBalances(journal: readonly JournalEntry[], year: number, ids: readonly string[], seq: number): Map<string, Fen> {
  const out = new Map<string, Fen>(ids.map((id) => [id, FEN_ZERO]));
  const earlier = journal.some((e) => yearOf(e.period) < year);
  for (const e of journal) {
    const y = yearOf(e.period);
    const restated = e.kind === "priorPeriodAdjustment" && e.corrects !== undefined && yearOf(e.corrects) < year && e.seq < seq;
    if (earlier ? y >= year && !restated : !(y === year && e.kind === "openingBalance")) continue;
    const a = parseFen(e.amount);
    for (const id of ids) {
      const carried = `member:${id}:carried`;
      if (e.to === carried) out.set(id, out.get(id)! + a);
      if (e.from === carried) out.set(id, out.get(id)! - a);
    }
  }
  return out;
}

/**
 * R7 (二（二）“当市区工伤保险统筹基金不足市区备付期3个月时，由各地按上年度工伤保险基金累计结余占比上划”):
 * a year's top-up working papers. Per top-up (each period whose pool was topped up or short): the floor, the
 * schedule, the pool before and after, the top-up asked, raised and short; per member its prior-year balance and
 * weight, its share (the top-up apportioned by positive weight), what its fund held, what it paid, what it paid
 * for others or others for it, and what it owes (`share = paidOfShare + coveredByOthers + owed`; Σ shares = the
 * top-up asked). The split is recomputed with the rule's own apportionment and checked against the journal.
 *
 * @param sim - a result of `simulate` from the scenario's opening (the weights are read from its journal)
 * @param year - a fiscal year of the simulation
 * @returns the year's working papers, in period order (none when the pool needed no top-up)
 * @throws PoolingError `YEAR_NOT_IN_SIMULATION` (a year the simulation does not cover), `INVALID_TYPE`, `UNKNOWN_KEY`, `MISSING_FIELD` (not a simulation), `INTERNAL_INVARIANT` (the journal and the rule disagree: a defect)
 * @example
 * ```ts
 * const w = topUpWorkingPapers(simulate(EXAMPLE_SCENARIO), 2020);
 * w.papers[0].period;     // "2020-06"
 * w.papers[0].raised;     // "132500000.00"
 * ```
 */
export function topUpWorkingPapers(sim: Simulation, year: number): TopUpWorkingPapers {
  parseInput(SimulationSchema, sim, ["sim"]); // a simulation's result (read back from JSON too)
  simulationYear(sim, year); // a year the simulation covers (else YEAR_NOT_IN_SIMULATION)
  const periods = sim.periods.filter((p) => yearOf(p.period) === year);
  const ids = Object.keys(periods[0]!.members);
  const papers = periods
    .filter((p) => p.pool.topUp !== "0.00" || p.pool.shortfall !== "0.00")
    .map((p): TopUpPaper => {
      const paid = ids.map((id) => parseFen(p.members[id]!.topUp));
      const owed = ids.map((id) => parseFen(p.members[id]!.topUpOwed));
      const raised = parseFen(p.pool.topUp);
      const shortfall = parseFen(p.pool.shortfall);
      const asked = raised + shortfall;
      // the top-up's postings: the last of the period's top-up entries (each member's from its current, then its carried balance)
      const entries = sim.journal.filter((e) => e.period === p.period && e.kind === "topUp");
      const left = new Map(ids.map((id, i) => [id, paid[i]!]));
      const own: JournalEntry[] = [];
      for (const e of [...entries].reverse()) {
        const due = left.get(e.member ?? "") ?? FEN_ZERO;
        const amount = parseFen(e.amount);
        if (![...left.values()].some((x) => x > FEN_ZERO) || amount > due) break;
        left.set(e.member!, due - amount);
        own.unshift(e);
      }
      const first = own[0]?.seq ?? sim.journal.find((e) => e.period > p.period)?.seq ?? Number.MAX_SAFE_INTEGER;
      const before = balancesBefore(sim.journal, first);
      const weights = priorYearBalances(sim.journal, year, ids, first);
      const positive = ids.map((id) => fenMax(FEN_ZERO, weights.get(id)!));
      const totalWeight = fenSum(positive);
      const available = ids.map((id) => fenMax(FEN_ZERO, before.get(id) ?? FEN_ZERO));
      const split = apportionTopUpFen(
        asked,
        ids.map((id, i) => ({ weight: weights.get(id)!, available: available[i]! })),
      );
      const shares = totalWeight > FEN_ZERO ? apportionFenCore(asked, positive) : ids.map(() => FEN_ZERO);
      const agrees = split.parts.every((x, i) => x === paid[i]) && [...left.values()].every((x) => x === FEN_ZERO) && split.shortfall === shortfall;
      if (!agrees) {
        throw new PoolingError("INTERNAL_INVARIANT", [], {
          en: `internal: the ${p.period} top-up does not match its rule's split`,
          zh: `内部错误：${p.period} 上划与分摊规则不符`,
        });
      }
      const poolBefore = before.get(ACCOUNTS.pool) ?? FEN_ZERO;
      return {
        period: p.period,
        floor: p.pool.floor,
        targetMonths: p.parameters.topUpTargetMonths,
        schedule: p.parameters.topUpSchedule,
        poolBefore: formatFen(poolBefore),
        asked: formatFen(asked),
        raised: formatFen(raised),
        shortfall: formatFen(shortfall),
        poolAfter: formatFen(poolBefore + raised),
        members: ids.map((id, i): TopUpMemberLine => {
          const share = shares[i]!;
          const ofShare = fenMin(paid[i]!, share);
          return {
            member: id,
            priorYearBalance: formatFen(weights.get(id)!),
            weight: totalWeight > FEN_ZERO ? ratio(positive[i]!, totalWeight) : "0.000000",
            share: formatFen(share),
            available: formatFen(available[i]!),
            paid: formatFen(paid[i]!),
            paidOfShare: formatFen(ofShare),
            paidForOthers: formatFen(paid[i]! - ofShare),
            coveredByOthers: formatFen(share - ofShare - owed[i]!),
            owed: formatFen(owed[i]!),
          };
        }),
      };
    });
  return { year, papers, citation: periods.at(-1)!.citations.topUp };
}

/** `part ÷ whole` to 6 decimals, half-up (a display of a weight). */
function ratio(part: Fen, whole: Fen): string {
  const scaled = (part * 2_000_000n + whole) / (2n * whole);
  const s = scaled.toString().padStart(7, "0");
  return `${s.slice(0, -6)}.${s.slice(-6)}`;
}
