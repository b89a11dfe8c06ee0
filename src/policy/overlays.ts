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
 * The new policy's `version` is the original's with the overlays' ids
 * appended (`"1.0+2020-sme-exemption+2020-large-halving"`): its data differ, so its results must not
 * name the original's version.
 *
 * @returns a new policy with the overlays added; the original is unchanged
 * @throws PoolingError `POLICY_WINDOWS_OVERLAP` and the codes of `definePolicy`
 * @example
 * ```ts
 * const policy = withReliefOverlays(SUZHOU_2020, RELIEF_2020);
 * policy.reliefOverlays.length; // 2
 * policy.version; // "1.0+2020-sme-exemption+2020-large-halving"
 * ```
 */
export function withReliefOverlays(policy: Policy, overlays: readonly ReliefOverlay[]): Policy {
  const base = resolvePolicy(policy);
  const added = parseInput(z.array(ReliefOverlaySchema), overlays, ["overlays"]);
  const version = [base.version, ...added.map((o) => o.id)].join("+");
  return definePolicy({ ...base, version, reliefOverlays: [...base.reliefOverlays, ...added] });
}
