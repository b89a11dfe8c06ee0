/**
 * The HTML report's note of what the members still owe at each year's end
 * (应上解未上解, 二（二）).
 *
 * @module
 */
import type { Simulation } from "../settlement/results.js";
import { esc } from "./charts.js";
import { owedOf } from "./story.js";
import { wan } from "./summary.js";

/** R5–R7 (0.7): what the members still owe at each year's end (应上解未上解), as a note; empty when nothing is owed. */
export function owedNote(sim: Simulation, name: (id: string) => string): string {
  const lines = sim.years.flatMap((y) =>
    owedOf(sim, y.year).map((o) => `${y.year} ${esc(name(o.member))} ${wan(o.owed)}${o.overdue ? " 省级储备金逾期 remittance overdue" : ""}`),
  );
  return lines.length === 0
    ? ""
    : `<p class="note">应上解未上解 owed at year end (二（二）; 以此后结余优先补缴 paid first from later surpluses):<br>${lines.join("<br>")}</p>`;
}
