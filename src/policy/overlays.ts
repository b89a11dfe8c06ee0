/**
 * Attaching relief overlays to a policy.
 *
 * @module
 */

import * as z from "zod";
import { parseInput } from "../schema/parse.js";
import { definePolicy } from "./define.js";
import { resolvePolicy } from "./resolve.js";
import { type Policy, type ReliefOverlay, ReliefOverlaySchema } from "./schema.js";

/**
 * Returns a new policy with `overlays` added to its relief overlays (R4,
 * "Relief programs"). Overlays are never on by default: this is how a caller
 * opts in, e.g. to {@link RELIEF_2020}.
 *
 * @param policy - the policy to extend
 * @param overlays - relief overlays (e.g. `RELIEF_2020`)
 * @returns a new policy with the overlays added; the original is unchanged
 * @throws PoolingError `POLICY_WINDOWS_OVERLAP` and the codes of `definePolicy`
 * @example
 * ```ts
 * const policy = withReliefOverlays(SUZHOU_2020, RELIEF_2020);
 * policy.reliefOverlays.length; // 2
 * ```
 */
export function withReliefOverlays(policy: Policy, overlays: readonly ReliefOverlay[]): Policy {
  const base = resolvePolicy(policy);
  const added = parseInput(z.array(ReliefOverlaySchema), overlays, ["overlays"]);
  return definePolicy({ ...base, reliefOverlays: [...base.reliefOverlays, ...added] });
}
