/**
 * `compare`: one scenario run under two policies (a base and a reform), the
 * differences year by year, per member and for the pool, each with both values.
 *
 * @module
 */

import { formatFen, parseFen } from "../money.js";
import { policyRef } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import { parseInput } from "../schema/parse.js";
import type { Simulation } from "../settlement/results.js";
import { SimulationSchema } from "../settlement/results.js";
import type { Scenario } from "../settlement/schema.js";
import { simulate } from "../settlement/simulate.js";
import type { MemberYearSummary, YearSummary } from "../settlement/years.js";
import {
  type Comparison,
  type FigurePair,
  type LabelPair,
  MEMBER_FIGURES,
  type MemberYearComparison,
  POOL_FIGURES,
  type YearComparison,
} from "./comparisonSchema.js";
import { diffPolicies } from "./diffPolicies.js";

export type { Comparison, FigurePair, LabelPair, MemberYearComparison, PoolYearComparison, YearComparison } from "./comparisonSchema.js";
export { MEMBER_FIGURES, POOL_FIGURES } from "./comparisonSchema.js";

function pair(base: string | null, reform: string | null): FigurePair {
  const difference = base === null || reform === null ? null : formatFen(parseFen(reform) - parseFen(base));
  return { base, reform, difference };
}

function label(base: string | null, reform: string | null): LabelPair {
  return { base, reform, changed: base !== reform };
}

function memberYear(a: MemberYearSummary, b: MemberYearSummary): MemberYearComparison {
  const out = Object.fromEntries(MEMBER_FIGURES.map((k) => [k, pair(a[k], b[k])])) as Record<(typeof MEMBER_FIGURES)[number], FigurePair>;
  return {
    ...out,
    risk: label(a.risk, b.risk),
    warningPeriods: { base: a.warnings.length, reform: b.warnings.length, difference: b.warnings.length - a.warnings.length },
  };
}

function poolFigures(y: YearSummary): Record<(typeof POOL_FIGURES)[number], string | null> {
  const p = y.pool;
  return {
    topUp: p.topUp,
    shortfall: p.shortfall,
    balance: p.balance,
    floor: p.floor,
    reserveMonths: p.reserveMonths,
    pendingClaims: p.pendingClaims,
    paidMajorAccident: p.paid.majorAccident,
    paidCutGapGrant: p.paid.cutGapGrant,
    paidSubsidy: p.paid.subsidy,
    paidRecordedDeficit: p.paid.recordedDeficit,
  };
}

/** True when a pair differs. @internal */
export function pairChanged(p: FigurePair | LabelPair): boolean {
  return "changed" in p ? p.changed : p.base !== p.reform;
}

/**
 * The comparison of two simulations of the same scenario (what {@link compare}
 * returns, for a caller that already ran both, such as a report).
 *
 * @param baseRun - the simulation under `base`
 * @param reformRun - the simulation under `reform`, of the same scenario
 * @param base - the base policy
 * @param reform - the reform policy
 * @returns the comparison
 * @throws PoolingError the codes of `definePolicy` for an invalid policy
 * @example
 * ```ts
 * const a = simulate(EXAMPLE_SCENARIO);
 * compareSimulations(a, a, SUZHOU_2020, SUZHOU_2020).changed; // false
 * ```
 */
export function compareSimulations(baseRun: Simulation, reformRun: Simulation, base: Policy, reform: Policy): Comparison {
  // results read back: each run is checked as a simulation (INVALID_RESULT and the field codes), never read blindly
  parseInput(SimulationSchema, baseRun, ["baseRun"]);
  parseInput(SimulationSchema, reformRun, ["reformRun"]);
  const a = resolvePolicy(base);
  const b = resolvePolicy(reform);
  const years: YearComparison[] = baseRun.years.map((ya, i) => {
    const yb = reformRun.years[i]!;
    const members: Record<string, MemberYearComparison> = {};
    for (const id of Object.keys(ya.members)) {
      const mb = yb.members[id];
      if (mb) members[id] = memberYear(ya.members[id]!, mb);
    }
    const pa = poolFigures(ya);
    const pb = poolFigures(yb);
    const pool = {
      ...(Object.fromEntries(POOL_FIGURES.map((k) => [k, pair(pa[k], pb[k])])) as Record<(typeof POOL_FIGURES)[number], FigurePair>),
      risk: label(ya.pool.risk, yb.pool.risk),
    };
    return { year: ya.year, members, pool, clawbacks: pair(ya.clawbacks, yb.clawbacks) };
  });
  const changed = years.some(
    (y) =>
      pairChanged(y.clawbacks) ||
      Object.values(y.pool).some(pairChanged) ||
      Object.values(y.members).some(
        (m) =>
          m.warningPeriods.difference !== 0 ||
          Object.values(m).some((p) => typeof p === "object" && "base" in p && "reform" in p && pairChanged(p as FigurePair)),
      ),
  );
  return { base: policyRef(a), reform: policyRef(b), parameters: diffPolicies(a, b), years, changed };
}

/**
 * Runs one scenario under a base policy and a reform and returns, per fiscal
 * year, per member and for the pool, the grants, subsidies, clawbacks (the
 * 20% charges), top-ups, shortfalls, balances, reserve months and warnings
 * under both, with the reform's difference. Both runs are the real engine
 * ({@link simulate}); nothing is re-derived.
 *
 * @param scenario - the scenario (as for `simulate`)
 * @param base - the base policy
 * @param reform - the reform policy (for instance `definePolicy` of a changed copy of the base)
 * @returns the comparison: both policies' `{ id, version }`, the parameters that differ and the years
 * @throws PoolingError the codes of `simulate` (for either run) and of `definePolicy`
 * @example
 * ```ts
 * const json = JSON.parse(JSON.stringify(SUZHOU_2020));
 * json.version = "reform-0.3";
 * json.clawback[0].value.rate = "0.3";
 * const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, definePolicy(json));
 * c.years[1].members.wuzhong.clawback; // { base: "…", reform: "…", difference: "…" }
 * ```
 */
export function compare(scenario: Scenario, base: Policy, reform: Policy): Comparison {
  const a = resolvePolicy(base);
  const b = resolvePolicy(reform);
  return compareSimulations(simulate(scenario, a), simulate(scenario, b), a, b);
}
