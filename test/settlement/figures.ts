/**
 * Shared by the figures fixture (test/fixtures/simulate-figures.json, produced
 * from the 0.5 engine before the speed work of issue 11) and its test: the
 * generated scenarios and the figures compared (every report and the journal
 * fold).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { starvedScenario as benchStarvedScenario } from "../../bench/simScenario.js";
import type { Scenario } from "../../src/index.js";
import { scenarioArb, trioPolicyJson } from "./arbitraries.js";

/** The generated scenarios of the fixture: deterministic (fixed seed, pinned fast-check). */
export function fixtureScenarios(): Scenario[] {
  return fc.sample(scenarioArb(48), { seed: 20261128, numRuns: 120 });
}

/** The policy JSON of the fixture scenarios (three members), to pass to `definePolicy`. */
export const fixturePolicyJson = () => trioPolicyJson("trio-figures");

/** A starved pool (the bench's scenario: bench/simScenario.ts), typed for the library. */
export const starvedScenario = (months: number): Scenario => benchStarvedScenario(months) as unknown as Scenario;

/**
 * The fields added after the fixture was made (the year-end true-up, an option off in these scenarios; the
 * provenance of 1.0, which is no figure): left
 * out of the comparison only while they hold the option-off value, so a true-up that moved money still changes
 * the digest. The clawback clause's note, reworded since, is compared in its wording of then.
 */
const CLAWBACK_NOTE_THEN =
  "当地政府按市区统筹基金补助额的 20% 通过财力结算上解市级财政; settled once a year; 市本级's government is the municipal government: it owes none (library default)";
const CLAWBACK_NOTE_NOW =
  "当地政府按市区统筹基金补助额的 20% 通过财力结算上解市级财政; settled once a year (the library's reading: the document sets no frequency); 市本级's government is the municipal government: it owes none (library default)";

/**
 * R8's step figures of a member (`gap`, `fromCurrentSurplus`, `fromCumulativeBalance`) are read differently since
 * 0.7: they add up to the gap (the gap includes what the opening extraction left unpaid, and this year's surplus
 * pays nothing of what the pool is asked for). They are left out of the digest; the claims, the payments and every
 * balance are still compared (the claims did not change), and test/fund/coverageSum.properties.test.ts checks the sum.
 */
const STEP_FIGURES_READ_SINCE = new Set(["gap", "fromCurrentSurplus", "fromCumulativeBalance"]);

function withoutLaterFields(key: string, value: unknown): unknown {
  if (STEP_FIGURES_READ_SINCE.has(key) && typeof value === "string") return undefined;
  // provenance added in 1.0 (the policy's hash, the library, the review-date warnings): not figures, left out,
  // so that the digests of 0.5 still prove the figures unchanged
  if (key === "hash" && typeof value === "string" && /^[0-9a-f]{64}$/.test(value)) return undefined;
  if (key === "library" && typeof value === "object") return undefined;
  // a period report's `kind` (1.0), not a figure (a journal entry's kind names its posting and stays)
  if (key === "kind" && value === "periodReport") return undefined;
  if (key === "warnings" && Array.isArray(value) && value.length > 0 && value.every((w) => w?.code === "POLICY_NOT_REVIEWED_FOR_PERIOD")) return undefined;
  if ((key === "trueUpReturned" || key === "trueUpReclassified") && value === "0.00") return undefined;
  if (key === "yearEndTrueUp" && value === false) return undefined;
  if (key === "trueUp" && typeof value === "object") return undefined; // a citation, not a figure
  // the clawback clause's note marks the yearly settlement as the library's reading since: compared as it was
  if (key === "note" && value === CLAWBACK_NOTE_NOW) return CLAWBACK_NOTE_THEN;
  return value;
}

/** The figures compared: every period report and the journal fold (final balances), as a digest and in full. */
export function figuresOf(sim: { periods: unknown[]; balances: unknown; years: unknown }): { digest: string; json: string } {
  const json = JSON.stringify({ periods: sim.periods, balances: sim.balances, years: sim.years }, withoutLaterFields);
  return { digest: createHash("sha256").update(json).digest("hex"), json };
}
