/**
 * A drawn run settled by the real engine without validating again what the
 * library itself drew. `simulate` validates every scenario it is given (the
 * zod schema of a scenario, field by field): right for a caller's input, but
 * in a stress test the scenario is the library's own draw, built from a model
 * validated once, and its validation cost a fifth of a run. Here the drawn
 * months are built directly in the form the engine reads after the schema
 * (each amount integer fen, as the scenario's reading gives it), and
 * settled by the same summary-only engine `simulate(…, { keep: "summary" })`
 * runs. Internal: never reachable with a caller's data (the stress test's model
 * and options are validated before any run), and a test checks, run by run, that
 * the result is the one `simulate` gives on the same draw as a plain scenario.
 *
 * @module
 */
import type * as z from "zod";
import { inPolicyTerms } from "../policy/names.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import type { EngineFlows, EngineScenario } from "../settlement/flowsInput.js";
import { ScenarioOpeningSchema, type ScenarioSchema } from "../settlement/schema.js";
import { simulateSummary } from "../settlement/simulateSummary.js";
import { initialInternalState } from "../settlement/state.js";
import type { SimulationSummary } from "../settlement/summaryResult.js";
import { type DrawnPeriod, scenarioOpening } from "./drawScenario.js";
import type { ParsedFlowModel } from "./flowModel.js";

type ParsedScenario = z.output<typeof ScenarioSchema>;
/** A scenario's opening as the schema returns it. @internal */
export type ParsedOpening = ParsedScenario["opening"];

/** The model's opening, validated once per experiment by the scenario's own schema. @internal */
export function parsedOpening(model: ParsedFlowModel, ids: readonly string[]): ParsedOpening {
  return parseInput(ScenarioOpeningSchema, scenarioOpening(model, ids), ["opening"]);
}

/** Integer fen (a safe integer) as the engine's fen. */
const money = (fen: number) => BigInt(fen);

/** Drawn months in the form the engine reads a validated scenario's flows (money in fen). @internal */
export function parsedPeriodsOf(drawn: readonly DrawnPeriod[], ids: readonly string[]): EngineFlows[] {
  return drawn.map((d) => {
    const members: EngineFlows["members"] = {};
    ids.forEach((id, i) => {
      members[id] = { income: money(d.income[i]!), expenditure: money(d.expenditure[i]!) };
    });
    const flows: EngineFlows = { period: d.period, members };
    if (d.claims.length > 0) flows.majorAccidentClaims = d.claims.map((c) => ({ member: c.member, amount: money(c.fen) }));
    if (d.remittances) flows.provincialRemittances = Object.fromEntries(ids.map((id, i) => [id, money(d.remittances![i]!)]));
    return flows;
  });
}

/**
 * Settles a drawn run (summary only) with the engine of `simulate(…, { keep: "summary" })`.
 * @internal
 */
export function settleDrawn(policy: Policy, opening: ParsedOpening, drawn: readonly DrawnPeriod[], ids: readonly string[]): SimulationSummary {
  const parsed: EngineScenario = { opening, periods: parsedPeriodsOf(drawn, ids) };
  return inPolicyTerms(policy, () => simulateSummary(policy, parsed, initialInternalState(policy, opening, undefined, ["opening"]), () => {}));
}
