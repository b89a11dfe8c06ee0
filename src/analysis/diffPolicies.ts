/**
 * `diffPolicies`: every parameter value that differs between two policies,
 * window by window, with both values and both citations.
 *
 * @module
 */

import { addOneDay, dayBefore as previousDay } from "../calendar.js";
import type { Citation } from "../policy/citation.js";
import { resolvePolicy } from "../policy/resolve.js";
import { DATED_PARAMETERS, type Policy } from "../policy/schema.js";
import type { IsoDate } from "../schema/fields.js";

/** One parameter value that differs between two policies over a window of days. */
export interface PolicyDifference {
  /** The parameter (`"clawback"`, `"poolFloor"`, `"rateCut"`, `"reliefOverlays"`, …). */
  parameter: string;
  /** The leaf inside the parameter's value, as a dotted path (`"rate"`, `"municipal.split.gusu"`; `""` for the whole value). */
  field: string;
  /** First day of the window (inclusive, `YYYY-MM-DD`). */
  from: IsoDate;
  /** Last day of the window (inclusive), or `null` when open-ended. */
  to: IsoDate | null;
  /** The base policy's value (`null` when it has none there). */
  base: unknown;
  /** The reform's value (`null` when it has none there). */
  reform: unknown;
  /** The base version's citation (`null` when it has none there). */
  baseCitation: Citation | null;
  /** The reform version's citation (`null` when it has none there). */
  reformCitation: Citation | null;
}

type Versioned = { from: IsoDate; to?: IsoDate | undefined; value: unknown; citation: Citation };

const dayBefore = (date: IsoDate): IsoDate => previousDay(date) as IsoDate;
const nextDay = (date: IsoDate): IsoDate => addOneDay(date) as IsoDate;

/** Flattens a JSON value into its leaves: dotted path → value (arrays are leaves: their order matters). */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const key of Object.keys(value).sort()) leaves((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

function versionOn(versions: readonly Versioned[], date: IsoDate): Versioned | undefined {
  return versions.find((v) => v.from <= date && (v.to === undefined || date <= v.to));
}

/** Differences of one dated parameter: the windows cut at every version boundary of either policy. */
function diffDated(parameter: string, a: readonly Versioned[], b: readonly Versioned[], start: IsoDate): PolicyDifference[] {
  const cuts = new Set<IsoDate>([start]);
  for (const v of [...a, ...b]) {
    if (v.from >= start) cuts.add(v.from);
    if (v.to !== undefined && v.to >= start) cuts.add(nextDay(v.to));
  }
  const starts = [...cuts].sort();
  const out: PolicyDifference[] = [];
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? null : dayBefore(next);
    const va = versionOn(a, from);
    const vb = versionOn(b, from);
    const la = va ? leaves(va.value) : new Map<string, unknown>();
    const lb = vb ? leaves(vb.value) : new Map<string, unknown>();
    const fields = [...new Set([...la.keys(), ...lb.keys()])].sort();
    for (const field of fields) {
      const x = la.has(field) ? la.get(field) : null;
      const y = lb.has(field) ? lb.get(field) : null;
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      const last = out[out.length - 1];
      // the same difference over consecutive windows is one entry
      if (last && last.field === field && last.to === dayBefore(from) && JSON.stringify([last.base, last.reform]) === JSON.stringify([x, y])) {
        last.to = to;
        continue;
      }
      out.push({
        parameter,
        field,
        from,
        to,
        base: x ?? null,
        reform: y ?? null,
        baseCitation: va?.citation ?? null,
        reformCitation: vb?.citation ?? null,
      });
    }
  });
  return out;
}

/**
 * Lists every parameter value that differs between two policies, by date
 * window (each window cut where either policy starts or ends a version), with
 * both values and both versions' citations. The life of the policies
 * (`inForce.from`, `until`) is compared too (parameter `"inForce"`); `id`,
 * `version`, titles and citations alone are not differences.
 *
 * @param base - the base policy (validated if it did not come from `definePolicy`)
 * @param reform - the reform policy
 * @returns the differences, by parameter in the policy's order, then by window and field; `[]` when the rules are the same
 * @throws PoolingError the codes of `definePolicy` (with the path prefix `policy`) for an invalid policy
 * @example
 * ```ts
 * const json = JSON.parse(JSON.stringify(SUZHOU_2020));
 * json.version = "reform-0.3";
 * json.clawback[0].value.rate = "0.3";
 * diffPolicies(SUZHOU_2020, definePolicy(json));
 * // [{ parameter: "clawback", field: "rate", from: "2020-05-01", to: null, base: "0.2", reform: "0.3", … }]
 * ```
 */
export function diffPolicies(base: Policy, reform: Policy): PolicyDifference[] {
  const a = resolvePolicy(base);
  const b = resolvePolicy(reform);
  const start = [a.inForce.from, b.inForce.from].sort()[0]!;
  const out: PolicyDifference[] = [];
  for (const [field, x, y] of [
    ["from", a.inForce.from, b.inForce.from],
    ["until", a.until ?? null, b.until ?? null],
  ] as const) {
    if (x !== y) {
      out.push({
        parameter: "inForce",
        field,
        from: start,
        to: null,
        base: x,
        reform: y,
        baseCitation: a.inForce.citation,
        reformCitation: b.inForce.citation,
      });
    }
  }
  for (const name of DATED_PARAMETERS) {
    if (name === "clauses") continue;
    out.push(...diffDated(name, a[name] as readonly Versioned[], b[name] as readonly Versioned[], start));
  }
  out.push(...diffDated("rateCut", a.rateCut as readonly Versioned[], b.rateCut as readonly Versioned[], start));
  const overlays = (p: Policy) => JSON.stringify(p.reliefOverlays.map(({ citation: _c, note: _n, ...rest }) => rest));
  if (overlays(a) !== overlays(b)) {
    out.push({
      parameter: "reliefOverlays",
      field: "",
      from: start,
      to: null,
      base: a.reliefOverlays.map(({ citation: _c, note: _n, ...rest }) => rest),
      reform: b.reliefOverlays.map(({ citation: _c, note: _n, ...rest }) => rest),
      baseCitation: a.reliefOverlays[0]?.citation ?? null,
      reformCitation: b.reliefOverlays[0]?.citation ?? null,
    });
  }
  return out;
}
