/**
 * The service's analysis routes: `POST /compare` and `POST /stress` (within
 * a work budget), computed in the service's worker pool like every other route.
 *
 * @module
 */

import { compare, stressTest } from "../analysis.js";
import { EXAMPLE_SCENARIO } from "../examples.js";
import { definePolicy, type Policy, PoolingError, type Scenario } from "../index.js";
import type { FlowModel } from "../schemas.js";

/** The most member-months (runs × horizon × members) one `POST /stress` may settle. */
export const STRESS_BUDGET = 20_000;

function object(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new PoolingError("NOT_AN_OBJECT", []);
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  if (extra !== undefined) throw new PoolingError("UNKNOWN_KEY", [extra]);
  return value as Record<string, unknown>;
}

function policyOf(value: unknown, key: string): Policy {
  try {
    return definePolicy(value);
  } catch (e) {
    if (e instanceof PoolingError) throw new PoolingError(e.code, [key, ...e.path], e.detail);
    throw e;
  }
}

/** `POST /compare`: `{ scenario?, base?, reform }` (scenario default EXAMPLE_SCENARIO, base default the service's policy). */
export function compareRequest(value: unknown, policy: Policy) {
  const body = object(value, ["scenario", "base", "reform"]);
  if (body.reform === undefined) throw new PoolingError("MISSING_FIELD", ["reform"]);
  const base = body.base === undefined ? policy : policyOf(body.base, "base");
  const reform = policyOf(body.reform, "reform");
  const scenario = (body.scenario ?? EXAMPLE_SCENARIO) as Scenario;
  try {
    return compare(scenario, base, reform);
  } catch (e) {
    if (e instanceof PoolingError && body.scenario !== undefined) throw new PoolingError(e.code, ["scenario", ...e.path], e.detail);
    throw e;
  }
}

/** `POST /stress`: `{ model, runs, seed, horizon?, shard? }` under the service's policy, within {@link STRESS_BUDGET}. */
export function stressRequest(value: unknown, policy: Policy) {
  const body = object(value, ["model", "runs", "seed", "horizon", "shard"]);
  const model = body.model as FlowModel;
  const members = model && typeof model === "object" && model.members && typeof model.members === "object" ? Object.keys(model.members).length : 0;
  const runs = typeof body.runs === "number" ? body.runs : 0;
  const horizon = typeof body.horizon === "number" ? body.horizon : 36;
  const shard = body.shard as { index: number; count: number } | undefined;
  const share = shard && typeof shard.count === "number" && shard.count > 0 ? Math.ceil(runs / shard.count) : runs;
  if (share * horizon * members > STRESS_BUDGET) {
    throw new PoolingError("INVALID_STRESS_OPTIONS", ["runs"], {
      en: `${share} runs × ${horizon} months × ${members} members exceed the service's budget of ${STRESS_BUDGET} member-months: use fewer runs, shards, or the CLI`,
      zh: `${share} 次 × ${horizon} 个月 × ${members} 个地区超出服务的计算预算（${STRESS_BUDGET} 个地区月）：请减少运行次数、分片，或使用命令行`,
    });
  }
  const options = { runs: body.runs as number, seed: body.seed as number, policy, ...(body.horizon !== undefined ? { horizon: body.horizon as number } : {}) };
  return stressTest(model, shard === undefined ? options : { ...options, shard });
}
