import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PeriodFlows, type Restatement, type Scenario, simulate } from "../../src/index.js";
import { runs } from "../support/fc.js";
import { IDS, moneyArb, scenarioArb, TRIO } from "./arbitraries.js";

/** A restatement drawn for a scenario of `n` periods: indices of the period and of the knowledge period, a member, a field, a value. */
const draftArb = fc.record({
  p: fc.nat(),
  gap: fc.integer({ min: 1, max: 14 }),
  member: fc.constantFrom(...IDS),
  field: fc.constantFrom("income", "expenditure", "majorAccidentClaims", "provincialRemittance"),
  value: moneyArb(0, 9_000),
});
type Draft = typeof draftArb extends fc.Arbitrary<infer T> ? T : never;

/** Places drafts in a scenario: a remittance only in June; knowledge periods inside the scenario (none when it has one period). */
function place(s: Scenario, drafts: readonly Draft[]): Restatement[] {
  const n = s.periods.length;
  if (n < 2) return [];
  const out: Restatement[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const p = d.p % (n - 1);
    const k = Math.min(n - 1, p + d.gap);
    const period = s.periods[p]!.period;
    const field = d.field === "provincialRemittance" && !period.endsWith("-06") ? "expenditure" : d.field;
    const r = { period, member: d.member, field, value: d.value, knownIn: s.periods[k]!.period } as Restatement;
    const key = `${r.period}|${r.member}|${r.field}|${r.knownIn}`;
    if (!seen.has(key)) out.push(r);
    seen.add(key);
  }
  return out;
}

/** The flows as known once every restatement given is known (the later knowledge wins for one figure). */
function corrected(s: Scenario, rs: readonly Restatement[]): Scenario {
  const order = [...rs].sort((a, b) => (a.knownIn < b.knownIn ? -1 : a.knownIn > b.knownIn ? 1 : 0));
  const periods = s.periods.map((f) => structuredClone(f) as PeriodFlows);
  for (const r of order) {
    const f = periods.find((x) => x.period === r.period)!;
    const m = f.members[r.member]!;
    if (r.field === "income") m.income = r.value;
    if (r.field === "expenditure") m.expenditure = r.value;
    if (r.field === "majorAccidentClaims") {
      const others = (f.majorAccidentClaims ?? []).filter((c) => c.member !== r.member);
      f.majorAccidentClaims = r.value === "0.00" ? others : [...others, { member: r.member, amount: r.value, note: "restated" }];
    }
    if (r.field === "provincialRemittance") f.provincialRemittances = { ...f.provincialRemittances, [r.member]: r.value };
  }
  return { ...s, periods };
}

const nonZero = (b: Record<string, string>) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== "0.00"));

describe("restatements over generated scenarios", () => {
  it("append-only before the first knowledge period, balances equal the replay's, conservation holds, asOf before knowledge is the run without", () => {
    fc.assert(
      fc.property(scenarioArb(14), fc.array(draftArb, { minLength: 1, maxLength: 3 }), (scenario, drafts) => {
        const rs = place(scenario, drafts);
        fc.pre(rs.length > 0);
        const without = simulate(scenario, TRIO);
        const sim = simulate({ ...scenario, restatements: rs }, TRIO);
        const replay = simulate(corrected(scenario, rs), TRIO);
        expect(sim.conservation.ok).toBe(true);
        // an account at zero is the same balance whether or not a run ever touched it
        expect(nonZero(sim.balances)).toEqual(nonZero(replay.balances));
        expect(sim.restated!.periods).toEqual(replay.periods);
        // no figure moves in a period before the first knowledge period
        const first = rs.map((r) => r.knownIn).sort()[0]!;
        const before = without.journal.filter((e) => e.period < first);
        expect(sim.journal.slice(0, before.length)).toEqual(before);
        const k = without.periods.findIndex((p) => p.period === first);
        expect(sim.periods.slice(0, k)).toEqual(without.periods.slice(0, k));
        // every adjustment is posted in a knowledge period and corrects an earlier one
        const known = new Set<string>(rs.map((r) => r.knownIn));
        for (const e of sim.restated!.entries) {
          expect(known.has(e.period)).toBe(true);
          expect(e.corrects! < e.period).toBe(true);
        }
        // each knowledge period's books: the run with the restatements known by then, up to it
        for (const kIn of known) {
          const asOf = simulate({ ...scenario, restatements: rs }, TRIO, { asOf: kIn });
          const upTo = asOf.journal.filter((e) => e.period <= kIn);
          expect(sim.journal.slice(0, upTo.length)).toEqual(upTo);
        }
        // asOf before the first knowledge period: the run without restatements
        const prior = scenario.periods[k - 1]?.period;
        if (prior !== undefined) expect(simulate({ ...scenario, restatements: rs }, TRIO, { asOf: prior })).toEqual(without);
      }),
      runs(25),
    );
  }, 240_000);

  it("a restatement to the settled value posts nothing; two restatements of one figure known in different periods compose", () => {
    const pickArb = fc.record({ p: fc.nat(), g1: fc.integer({ min: 1, max: 6 }), g2: fc.integer({ min: 1, max: 6 }), member: fc.constantFrom(...IDS) });
    fc.assert(
      fc.property(scenarioArb(14), pickArb, moneyArb(0, 9_000), moneyArb(0, 9_000), (scenario, pick, v1, v2) => {
        const n = scenario.periods.length;
        fc.pre(n >= 3);
        const p = pick.p % (n - 2);
        const k1 = Math.min(n - 2, p + pick.g1);
        const k2 = Math.min(n - 1, k1 + pick.g2);
        const period = scenario.periods[p]!.period;
        const settled = scenario.periods[p]!.members[pick.member]!.expenditure!;
        const at = (k: number) => scenario.periods[k]!.period;
        const without = simulate(scenario, TRIO);
        // the settled value: nothing posted, the books of the run without
        const same = simulate({ ...scenario, restatements: [{ period, member: pick.member, field: "expenditure", value: settled, knownIn: at(k1) }] }, TRIO);
        expect(same.restated!.adjustments).toEqual([]);
        expect(same.restated!.entries).toEqual([]);
        expect(same.journal).toEqual(without.journal);
        expect(same.periods).toEqual(without.periods);
        // v1 known in k1, then v2 in k2: the second adjusts from the first
        const first: Restatement = { period, member: pick.member, field: "expenditure", value: v1, knownIn: at(k1) };
        const second: Restatement = { period, member: pick.member, field: "expenditure", value: v2, knownIn: at(k2) };
        fc.pre(k2 > k1);
        const one = simulate({ ...scenario, restatements: [first] }, TRIO);
        const both = simulate({ ...scenario, restatements: [second, first] }, TRIO);
        const replay = simulate(corrected(scenario, [first, second]), TRIO);
        expect(both.conservation.ok).toBe(true);
        expect(nonZero(both.balances)).toEqual(nonZero(replay.balances));
        expect(both.restated!.periods).toEqual(replay.periods);
        // up to the second knowledge period, the books of the run with the first alone, entry for entry
        const upTo = one.journal.filter((e) => e.period < at(k2));
        expect(both.journal.slice(0, upTo.length)).toEqual(upTo);
        // the second's adjustments correct periods from the restated one, posted in k2
        for (const a of both.restated!.adjustments.filter((x) => x.knownIn === at(k2))) expect(a.corrects >= period && a.corrects < at(k2)).toBe(true);
      }),
      runs(20),
    );
  }, 240_000);
});
