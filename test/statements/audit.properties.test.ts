/**
 * The auditor's statements over generated scenarios: the unified lines balance and consolidate with every
 * transfer between the funds eliminated; the fiscal settlement reconciles to the journal; each top-up's shares
 * sum to the top-up asked and each share is paid, covered by others or owed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Restatement, type Scenario, simulate } from "../../src/index.js";
import { fiscalSettlementStatement } from "../../src/statements/fiscalSettlement.js";
import { topUpWorkingPapers } from "../../src/statements/topUpPapers.js";
import { unifiedStatements } from "../../src/statements/unifiedLines.js";
import { IDS, moneyArb, scenarioArb, TRIO } from "../settlement/arbitraries.js";
import { runs } from "../support/fc.js";

const fen = (a: string) => BigInt(a.replace(".", ""));
const sum = (xs: readonly string[]) => xs.reduce((a, x) => a + fen(x), 0n);

/** A restatement drawn for a scenario: indices of its period and of its knowledge period, a member, a field, a value. */
const draftArb = fc.record({
  p: fc.nat(),
  gap: fc.integer({ min: 1, max: 14 }),
  member: fc.constantFrom(...IDS),
  field: fc.constantFrom("income", "expenditure"),
  value: moneyArb(0, 9_000),
});

/** The drafts placed in the scenario (knowledge periods inside it; none when it has one period), one per figure and knowledge period. */
function place(s: Scenario, drafts: readonly (typeof draftArb extends fc.Arbitrary<infer T> ? T : never)[]): Restatement[] {
  const n = s.periods.length;
  if (n < 2) return [];
  const seen = new Set<string>();
  return drafts.flatMap((d) => {
    const p = d.p % (n - 1);
    const r = {
      period: s.periods[p]!.period,
      member: d.member,
      field: d.field,
      value: d.value,
      knownIn: s.periods[Math.min(n - 1, p + d.gap)]!.period,
    } as Restatement;
    const key = `${r.period}|${r.member}|${r.field}|${r.knownIn}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [r];
  });
}

describe("the auditor's statements over generated scenarios", () => {
  it("unified lines, fiscal settlement and top-up papers reconcile, year by year (restated simulations included)", () => {
    fc.assert(
      fc.property(scenarioArb(26), fc.array(draftArb, { maxLength: 2 }), (generated, drafts) => {
        const restatements = place(generated, drafts);
        const scenario = restatements.length > 0 ? { ...generated, restatements } : generated;
        const sim = simulate(scenario, TRIO);
        const years = [...new Set(sim.periods.map((p) => Number(p.period.slice(0, 4))))];
        for (const year of years) {
          const journal = sim.journal.filter((e) => e.period.startsWith(`${year}-`));
          // the fiscal settlement: Σ subsidies and Σ settled are the journal's; the 20% only on subsidies
          const f = fiscalSettlementStatement(sim, year);
          expect(fen(f.totals.subsidies)).toBe(sum(journal.filter((e) => e.kind === "subsidy").map((e) => e.amount)));
          expect(fen(f.totals.settled)).toBe(sum(journal.filter((e) => e.kind === "clawback").map((e) => e.amount)));
          for (const d of f.districts) expect(fen(d.accrued)).toBe(sum(d.subsidies.map((s) => s.accrued)));
          // the top-up papers: Σ shares = asked (when a member has a positive weight), share = paid of it + covered + owed
          for (const p of topUpWorkingPapers(sim, year).papers) {
            expect(sum(p.members.map((m) => m.paid))).toBe(fen(p.raised));
            expect(fen(p.raised) + fen(p.shortfall)).toBe(fen(p.asked));
            if (p.members.some((m) => fen(m.priorYearBalance) > 0n)) expect(sum(p.members.map((m) => m.share))).toBe(fen(p.asked));
            for (const m of p.members) {
              expect(fen(m.share)).toBe(fen(m.paidOfShare) + fen(m.coveredByOthers) + fen(m.owed));
              expect(fen(m.paid)).toBe(fen(m.paidOfShare) + fen(m.paidForOthers));
              expect(fen(m.coveredByOthers) >= 0n && fen(m.paidForOthers) >= 0n).toBe(true);
            }
            expect(sum(p.members.map((m) => m.paidForOthers))).toBe(sum(p.members.map((m) => m.coveredByOthers)));
          }
          // the unified lines: the consolidation is the sum of the funds, no transfer line between them left
          const u = unifiedStatements(sim.journal, year);
          expect(fen(u.consolidated.closing)).toBe(sum(u.entities.map((s) => s.closing)));
          const codes = [...u.consolidated.income, ...u.consolidated.expenditure].map((l) => l.code);
          for (const internal of ["fromHigherLevel", "fromLowerLevel", "toLowerLevel"]) expect(codes).not.toContain(internal);
          for (const s of [...u.entities, u.consolidated]) expect(fen(s.opening) + fen(s.totalIncome) - fen(s.totalExpenditure)).toBe(fen(s.closing));
        }
      }),
      runs(40),
    );
  }, 180_000);
});
