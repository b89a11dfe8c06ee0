import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { initialState, type PeriodFlows, type Restatement, type Scenario, settlePeriod, simulate } from "../../src/index.js";

/** The scenario with a member's expenditure of one period replaced: the "replay" run, settled as if the figure had always been known. */
function withExpenditure(s: Scenario, period: string, member: string, value: string): Scenario {
  const periods = s.periods.map((f) =>
    f.period === period ? ({ ...f, members: { ...f.members, [member]: { ...f.members[member]!, expenditure: value } } } as PeriodFlows) : f,
  );
  return { ...s, periods };
}

const R1: Restatement = { period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" };
const base = simulate(EXAMPLE_SCENARIO);
const restated = simulate({ ...EXAMPLE_SCENARIO, restatements: [R1] });
const replay = simulate(withExpenditure(EXAMPLE_SCENARIO, "2020-11", "wujiang", "30000000.00"));

describe("restated settlements (issue: two time axes)", () => {
  it("append-only: every entry and report before the knowledge period is unchanged", () => {
    const before = base.journal.filter((e) => e.period < "2021-02");
    expect(restated.journal.slice(0, before.length)).toEqual(before);
    const k = base.periods.findIndex((p) => p.period === "2021-02");
    expect(restated.periods.slice(0, k)).toEqual(base.periods.slice(0, k));
    // nothing is posted into a settled period: every adjustment is dated in its knowledge period
    for (const e of restated.journal.filter((x) => x.kind === "priorPeriodAdjustment")) {
      expect(e.period).toBe("2021-02");
      expect(e.corrects! < "2021-02").toBe(true);
    }
  });

  it("after the adjustments every account equals the replay's, and the later periods settle as the replay's", () => {
    expect(restated.balances).toEqual(replay.balances);
    expect(restated.restated!.periods).toEqual(replay.periods);
    const k = base.periods.findIndex((p) => p.period === "2021-02");
    expect(restated.periods.slice(k)).toEqual(replay.periods.slice(k));
    expect(restated.conservation.ok).toBe(true);
    // the figures as settled stay beside the figures as restated
    const nov = base.periods.findIndex((p) => p.period === "2020-11");
    expect(restated.periods[nov]!.members.wujiang.expenditure).toBe("15150000.00");
    expect(restated.restated!.periods[nov]!.members.wujiang.expenditure).toBe("30000000.00");
  });

  it("posts the differences per account, tagged with the period each corrects, as entries of their own kind", () => {
    const adj = restated.restated!.adjustments;
    // 2020-11: 14,850,000.00 more benefits, out of wujiang's carried balance (its current surplus was spent)
    expect(adj.filter((a) => a.corrects === "2020-11")).toEqual([
      { knownIn: "2021-02", corrects: "2020-11", account: "external:beneficiaries", amount: "14850000.00" },
      { knownIn: "2021-02", corrects: "2020-11", account: "member:wujiang:carried", amount: "-14850000.00" },
    ]);
    // 2021-01: the January top-up shares follow wujiang's lower prior-year balance; the pool's total is the same floor
    const jan = adj.filter((a) => a.corrects === "2021-01");
    expect(jan.reduce((s, a) => s + BigInt(a.amount.replace(".", "")), 0n)).toBe(0n);
    expect(restated.restated!.entries.every((e) => e.kind === "priorPeriodAdjustment" && e.corrects !== undefined)).toBe(true);
    expect(restated.restated!.entries[0]).toMatchObject({
      period: "2021-02",
      from: "member:wujiang:carried",
      to: "external:beneficiaries",
      amount: "14850000.00",
      member: "wujiang",
      corrects: "2020-11",
      citation: { clause: "二（五）" },
    });
  });

  it("a restatement to the same value posts nothing", () => {
    const same = simulate({ ...EXAMPLE_SCENARIO, restatements: [{ ...R1, value: "15150000.00" }] });
    expect(same.journal).toEqual(base.journal);
    expect(same.restated!.entries).toEqual([]);
    expect(same.restated!.adjustments).toEqual([]);
    expect(same.balances).toEqual(base.balances);
  });

  it("two restatements of one period known in different periods compose: the second adjusts from the first", () => {
    const R2: Restatement = { ...R1, value: "20000000.00", knownIn: "2021-06" };
    const both = simulate({ ...EXAMPLE_SCENARIO, restatements: [R2, R1] });
    const replay2 = simulate(withExpenditure(EXAMPLE_SCENARIO, "2020-11", "wujiang", "20000000.00"));
    expect(both.balances).toEqual(replay2.balances);
    expect(both.conservation.ok).toBe(true);
    // up to 2021-06 the books are those of the first restatement
    const k2 = base.periods.findIndex((p) => p.period === "2021-06");
    const upTo = restated.journal.filter((e) => e.period < "2021-06");
    expect(both.journal.slice(0, upTo.length)).toEqual(upTo);
    expect(both.periods.slice(0, k2)).toEqual(restated.periods.slice(0, k2));
    // the second moves 10,000,000.00 of benefits back: from the first's figure, not from the original
    expect(both.restated!.adjustments.filter((a) => a.knownIn === "2021-06" && a.corrects === "2020-11")).toContainEqual({
      knownIn: "2021-06",
      corrects: "2020-11",
      account: "external:beneficiaries",
      amount: "-10000000.00",
    });
  });

  it("asOf before the knowledge period equals the run without the restatement; from it on, the run with it", () => {
    expect(simulate({ ...EXAMPLE_SCENARIO, restatements: [R1] }, undefined, { asOf: "2021-01" })).toEqual(base);
    expect(simulate({ ...EXAMPLE_SCENARIO, restatements: [R1] }, undefined, { asOf: "2021-02" })).toEqual(restated);
  });

  it("refuses restatements outside the scenario, not later than their period, twice in one knowledge period", () => {
    const run = (r: Restatement[]) => () => simulate({ ...EXAMPLE_SCENARIO, restatements: r });
    expect(run([{ ...R1, knownIn: "2020-11" }])).toThrow(expect.objectContaining({ code: "RESTATEMENT_OUT_OF_RANGE", path: ["restatements", 0, "knownIn"] }));
    expect(run([{ ...R1, period: "2019-11" }])).toThrow(expect.objectContaining({ code: "RESTATEMENT_OUT_OF_RANGE", path: ["restatements", 0, "period"] }));
    expect(run([{ ...R1, knownIn: "2030-01" }])).toThrow(expect.objectContaining({ code: "RESTATEMENT_OUT_OF_RANGE" }));
    expect(run([R1, { ...R1 }])).toThrow(expect.objectContaining({ code: "DUPLICATE_RESTATEMENT", path: ["restatements", 1] }));
    expect(run([{ ...R1, member: "gusu" }])).toThrow(expect.objectContaining({ code: "UNKNOWN_MEMBER", path: ["restatements", 0, "member"] }));
    expect(run([{ ...R1, field: "income", member: "xiangcheng", value: "1.00" }])).toThrow(
      expect.objectContaining({ code: "RESTATEMENT_BELOW_LEVIES", path: ["restatements", 0, "value"] }),
    );
    expect(() => simulate(EXAMPLE_SCENARIO, undefined, { asOf: "2021-13" })).toThrow(
      expect.objectContaining({ code: "INVALID_PERIOD", path: ["options", "asOf"] }),
    );
  });

  it("an income restated for a member with levy records keeps the records and moves the total", () => {
    const nov = base.periods.findIndex((p) => p.period === "2020-11");
    const settledIncome = base.periods[nov]!.members.xiangcheng.income;
    const up = (BigInt(settledIncome.replace(".", "")) + 100_000_00n).toString();
    const value = `${up.slice(0, -2)}.${up.slice(-2)}`;
    const sim = simulate({ ...EXAMPLE_SCENARIO, restatements: [{ period: "2020-11", member: "xiangcheng", field: "income", value, knownIn: "2021-03" }] });
    expect(sim.restated!.periods[nov]!.members.xiangcheng.income).toBe(value);
    expect(sim.restated!.periods[nov]!.members.xiangcheng.syncInducedRelief).toBe(base.periods[nov]!.members.xiangcheng.syncInducedRelief);
    expect(sim.restated!.adjustments.filter((a) => a.corrects === "2020-11")).toContainEqual({
      knownIn: "2021-03",
      corrects: "2020-11",
      account: "external:employers",
      amount: "-100000.00",
    });
    expect(sim.conservation.ok).toBe(true);
  });

  it("settlePeriod alone takes no restatements: they belong to a scenario, which replays", () => {
    const { state } = initialState(EXAMPLE_SCENARIO.opening);
    const flows = { ...EXAMPLE_SCENARIO.periods[0]!, restatements: [R1] } as unknown as PeriodFlows;
    expect(() => settlePeriod(state, flows)).toThrow(expect.objectContaining({ code: "UNKNOWN_KEY", path: ["flows", "restatements"] }));
  });
});
