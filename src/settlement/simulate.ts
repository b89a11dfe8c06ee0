import * as z from "zod";
import { PoolingError, withPathPrefix } from "../errors.js";
import { conservationOf, formatFenBalances } from "../ledger/fold.js";
import type { JournalEntry } from "../ledger/journal.js";
import { inPolicyTerms } from "../policy/names.js";
import { policyRef } from "../policy/paramsAt.js";
import { LIBRARY } from "../policy/provenance.js";
import { isPolicyGiven, type PolicyOptions, policyOption, resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import type { Suzhou2020Policy, SuzhouMemberId } from "../policy/suzhou2020.js";
import { periodField } from "../schema/fields.js";
import { parseInput } from "../schema/parse.js";
import { parseScenario } from "./flowsInput.js";
import { checkPeriodOrder } from "./periodOrder.js";
import type { PeriodReport } from "./report.js";
import { runWithRestatements } from "./restate/run.js";
import type { Simulation } from "./results.js";
import { type Scenario, ScenarioOpeningSchema, type SettlementOptions, SettlementOptionsSchema, type SettlementState } from "./schema.js";
import { settleParsed } from "./settlePeriod.js";
import { simulateSummary } from "./simulateSummary.js";
import { initialInternalState, toJSONState } from "./state.js";
import { type SimulationSummary, summaryOfSimulation } from "./summaryResult.js";
import { summarizeYears } from "./years.js";

const AsOfSchema = periodField();

/**
 * The state before the first period of a scenario: the opening balances
 * posted from `external:opening-balances` (in the start period) and each
 * member's prior-year figures. A scenario may not start after the opening
 * (2020-06) nor before the policy is in force (2020-05).
 *
 * @param opening the scenario's start period and each member's opening data.
 * @param options `claimSubsidy`, `includeLegacyFunds` (defaults: the policy's) and `policy` (default `SUZHOU_2020`).
 * @param policy deprecated (the 0.x form): the policy, now given in `options`.
 * @returns the state to pass to the first `settlePeriod` and the opening-balance entries.
 * @throws PoolingError `SCENARIO_STARTS_AFTER_OPENING`, `POLICY_NOT_IN_FORCE`, `MISSING_MEMBER`, `UNKNOWN_MEMBER`,
 *   and the input codes (`MISSING_FIELD`, `UNKNOWN_KEY`, `INVALID_AMOUNT`, `AMOUNT_NOT_IN_FEN`, …).
 * @example
 * ```ts
 * const { state, journal } = initialState(EXAMPLE_SCENARIO.opening);
 * state.nextPeriod; // "2020-05"
 * journal[0].kind;  // "openingBalance"
 * ```
 */
export function initialState(
  opening: z.input<typeof ScenarioOpeningSchema>,
  options?: SettlementOptions & PolicyOptions,
  policy?: Policy,
): { state: SettlementState; journal: JournalEntry[] } {
  const { p: resolved, rest } = settlementOptions(options, policy);
  return inPolicyTerms(resolved, () => {
    const parsedOpening = parseInput(ScenarioOpeningSchema, opening, ["opening"]);
    const opts = rest === undefined ? undefined : parseInput(SettlementOptionsSchema, rest, ["options"]);
    const initial = initialInternalState(resolved, parsedOpening, opts, ["opening"]);
    return { state: toJSONState(initial.state), journal: initial.journal };
  });
}

/**
 * Where a {@link simulate} run is: passed to `onPeriod` after each period.
 */
export interface SimulationProgress {
  /** Periods settled so far (1 after the first). */
  done: number;
  /** Periods in the scenario. */
  total: number;
  /** The period just settled (`"YYYY-MM"`). */
  period: string;
}

/**
 * Options of {@link simulate}.
 */
export interface SimulateOptions extends PolicyOptions {
  /**
   * Called after each period is settled (a progress display, for instance); the library itself reads no
   * clock and writes nothing. It must not throw.
   */
  onPeriod?: (progress: SimulationProgress) => void;
  /**
   * The books as known at this period (`YYYY-MM`): the scenario's restatements known after it are left out
   * (every period is still settled). Omitted: every restatement applies.
   */
  asOf?: string;
  /**
   * What the run keeps: `"all"` (the default: every period's report, the journal, the final state) or
   * `"summary"`: only the yearly summaries, a short outline of each period, the final balances and the
   * conservation check (each posting folded in as it is made; no entry is built), for analyses that run the engine many times.
   * The yearly figures are those of the full run.
   */
  keep?: "all" | "summary";
}

const KeepSchema = z.enum(["all", "summary"]);

/**
 * R14: simulates the city-district month by month: `settlePeriod` folded over
 * the scenario's consecutive periods from its opening data. Member income may
 * be given as totals or as employer levy records (R4). Returns per-period
 * reports, yearly summaries, the whole journal, the final balances (the fold
 * of the journal) and the conservation check of R13.
 *
 * @param scenario the opening data, the consecutive periods' flows and the options.
 * A scenario may carry `restatements` (figures of settled periods corrected
 * later): the books stay append-only; in the period each becomes known the
 * periods from the restated one are replayed on the corrected figures and the
 * differences posted as prior-period adjustments (kind `priorPeriodAdjustment`,
 * tagged `corrects`); `restated` then gives each period as restated beside
 * `periods`, as settled.
 *
 * @param options optional: `policy` (default `SUZHOU_2020`; the 0.x form gave it as the second argument);
 *   `onPeriod`, called after each period is settled with the number of periods
 *   settled, their total and the period (for a progress display; it must not throw). Omitted, nothing is called.
 *   `asOf`: the books as known at that period (restatements known later left out).
 *   `keep`: `"summary"` keeps only the yearly summaries (those of the full run), an outline of each period,
 *   the final balances and the conservation check (no journal, no period reports, no final state).
 * @returns `policy: { id, version }`, the period reports (each with the parameters it used), the yearly
 *   summaries, the journal, the final balances, the final state and the conservation check; with
 *   `keep: "summary"`, a `SimulationSummary` (`keep: "summary"`, `periods` as outlines, `years`, `balances`,
 *   `conservation`).
 * @throws PoolingError those of {@link initialState} and `settlePeriod`, with the path of the period
 *   (`periods[i]…`); `PERIOD_OUT_OF_ORDER` for periods that are not consecutive; for restatements
 *   `RESTATEMENT_OUT_OF_RANGE`, `DUPLICATE_RESTATEMENT`, `UNKNOWN_MEMBER`, `RESTATEMENT_BELOW_LEVIES`; `INVALID_PERIOD` for `asOf`;
 *   the input codes for a `keep` other than `"all"` or `"summary"`.
 * @example
 * ```ts
 * const sim = simulate(EXAMPLE_SCENARIO);
 * sim.conservation.ok;               // true
 * sim.periods.length;                // 32 (2020-05 to 2022-12)
 * sim.balances["province:reserve"];  // the three June remittances
 * simulate(EXAMPLE_SCENARIO, { onPeriod: ({ done, total }) => console.log(`${done}/${total}`) });
 * simulate(EXAMPLE_SCENARIO, { keep: "summary" }).years; // the same yearly figures, no journal
 * ```
 */
export function simulate(scenario: Scenario, options: SimulateOptions & { policy?: Suzhou2020Policy; keep: "summary" }): SimulationSummary<SuzhouMemberId>;
export function simulate(scenario: Scenario, options: SimulateOptions & { keep: "summary" }): SimulationSummary;
export function simulate(scenario: Scenario, options?: SimulateOptions & { policy?: Suzhou2020Policy; keep?: "all" }): Simulation<SuzhouMemberId>;
export function simulate(scenario: Scenario, options?: SimulateOptions & { keep?: "all" }): Simulation;
export function simulate(scenario: Scenario, options?: SimulateOptions): Simulation | SimulationSummary;
/** @deprecated The 0.x form: use `simulate(scenario, { policy, ...options })`. */
export function simulate(
  scenario: Scenario,
  policy: Suzhou2020Policy | undefined,
  options: SimulateOptions & { keep: "summary" },
): SimulationSummary<SuzhouMemberId>;
/** @deprecated The 0.x form: use `simulate(scenario, { policy, ...options })`. */
export function simulate(scenario: Scenario, policy: Policy | undefined, options: SimulateOptions & { keep: "summary" }): SimulationSummary;
/** @deprecated The 0.x form: use `simulate(scenario, { policy, ...options })`. */
export function simulate(scenario: Scenario, policy?: Suzhou2020Policy, options?: SimulateOptions & { keep?: "all" }): Simulation<SuzhouMemberId>;
/** @deprecated The 0.x form: use `simulate(scenario, { policy, ...options })`. */
export function simulate(scenario: Scenario, policy?: Policy, options?: SimulateOptions & { keep?: "all" }): Simulation;
export function simulate(scenario: Scenario, optionsOrPolicy?: SimulateOptions | Policy, legacyOptions?: SimulateOptions): Simulation | SimulationSummary {
  const { policy: resolved, options } = simulateArgs(optionsOrPolicy, legacyOptions);
  return inPolicyTerms(resolved, () => simulateResolved(scenario, resolved, options));
}

/** The policy of {@link initialState} (in its options, or the 0.x last argument, not both) and its other options. */
function settlementOptions(options: unknown, policy: Policy | undefined): { p: Policy; rest: unknown } {
  if (options === null || typeof options !== "object" || Array.isArray(options) || !Object.hasOwn(options, "policy")) {
    return { p: resolvePolicy(policy), rest: options };
  }
  if (policy !== undefined) {
    throw new PoolingError("INVALID_TYPE", ["policy"], {
      en: "the policy is given twice: in the options and as the last argument",
      zh: "政策重复给出：既在选项中又作为最后一个参数",
    });
  }
  const { policy: inOptions, ...rest } = options as Record<string, unknown>;
  return { p: resolvePolicy(inOptions), rest };
}

/** The policy and the options of {@link simulate}: `(scenario, options?)`, or the 0.x form `(scenario, policy?, options?)`. */
function simulateArgs(optionsOrPolicy: unknown, legacyOptions: SimulateOptions | undefined): { policy: Policy; options: SimulateOptions | undefined } {
  if (legacyOptions !== undefined || isPolicyGiven(optionsOrPolicy)) return { policy: resolvePolicy(optionsOrPolicy), options: legacyOptions };
  const options = optionsOrPolicy as SimulateOptions | undefined;
  return { policy: policyOption(options === undefined ? undefined : { policy: options.policy }), options };
}

/** {@link simulate} with its policy resolved. */
function simulateResolved(scenario: Scenario, resolved: Policy, options: SimulateOptions | undefined): Simulation | SimulationSummary {
  const parsed = parseScenario(scenario);
  const init = initialInternalState(resolved, parsed.opening, parsed.options, ["opening"]);
  const asOf = options?.asOf === undefined ? undefined : parseInput(AsOfSchema, options.asOf, ["options", "asOf"]);
  const keep = options?.keep === undefined ? "all" : parseInput(KeepSchema, options.keep, ["options", "keep"]);
  const total = parsed.periods.length;
  const onPeriod = (done: number, period: string) => options?.onPeriod?.({ done, total, period });
  const restatedRun = runWithRestatements(resolved, parsed, init, asOf, onPeriod);
  if (restatedRun !== undefined) {
    const { periods, journal, state, restated } = restatedRun;
    const full = assembled(resolved, parsed.name, periods, journal, state, restated);
    return keep === "summary" ? summaryOfSimulation(full) : full;
  }
  if (keep === "summary") return simulateSummary(resolved, parsed, init, onPeriod);
  let state = init.state;
  const journal: JournalEntry[] = [...init.journal];
  const periods: PeriodReport[] = [];
  parsed.periods.forEach((flows, index) => {
    checkPeriodOrder(state.nextPeriod, flows.period, index);
    let settled: ReturnType<typeof settleParsed>;
    try {
      settled = settleParsed(resolved, state, flows, [], undefined, index === parsed.periods.length - 1);
    } catch (error) {
      throw withPathPrefix(error, ["periods", index]);
    }
    state = settled.state;
    for (const entry of settled.journal) journal.push(entry);
    periods.push(settled.report);
    options?.onPeriod?.({ done: index + 1, total: parsed.periods.length, period: flows.period });
  });
  return assembled(resolved, parsed.name, periods, journal, state, undefined);
}

/** The simulation's result from its settled periods, journal and final state (and, with restatements, `restated`). */
function assembled(
  resolved: Policy,
  name: string | undefined,
  periods: PeriodReport[],
  journal: JournalEntry[],
  state: Parameters<typeof toJSONState>[0],
  restated: Simulation["restated"],
): Simulation {
  const balances = formatFenBalances(state.balances);
  const unreviewed = periods.find((r) => r.warnings !== undefined);
  const result: Simulation = {
    kind: "simulation",
    policy: policyRef(resolved),
    library: LIBRARY,
    ...(unreviewed?.warnings === undefined ? {} : { warnings: unreviewed.warnings }),
    periods,
    years: summarizeYears(resolved, periods),
    journal,
    balances,
    finalState: toJSONState(state),
    conservation: conservationOf(journal, balances),
    ...(restated === undefined ? {} : { restated }),
  };
  if (name === undefined) return result;
  const { kind, ...rest } = result;
  return { kind, name, ...rest };
}
