import { describe, expect, it } from "vitest";
import { ComparisonSchema } from "../../src/analysis/comparisonSchema.js";
import { type Comparison, compare, diffPolicies, explainComparison } from "../../src/analysis.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, SUZHOU_2020 } from "../../src/index.js";
import { parseFen } from "../../src/money.js";

/** SUZHOU_2020 with a change, under a new version (a reform is another policy, not an edit). */
// biome-ignore lint/suspicious/noExplicitAny: policy JSON edited in tests
function reform(version: string, change: (json: any) => void) {
  const json = JSON.parse(JSON.stringify(SUZHOU_2020));
  json.version = version;
  change(json);
  return definePolicy(json);
}

const clawback30 = reform("clawback-0.3", (j) => {
  j.clawback[0].value.rate = "0.3";
});

describe("diffPolicies", () => {
  it("is empty for a policy against itself and a copy under another version", () => {
    expect(diffPolicies(SUZHOU_2020, SUZHOU_2020)).toEqual([]);
    expect(
      diffPolicies(
        SUZHOU_2020,
        reform("copy", () => {}),
      ),
    ).toEqual([]);
  });

  it("lists the changed leaf with both values and citations", () => {
    const d = diffPolicies(SUZHOU_2020, clawback30);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ parameter: "clawback", field: "rate", from: "2020-05-01", to: null, base: "0.2", reform: "0.3" });
    expect(d[0]!.baseCitation?.clause).toBe("二（三）");
  });

  it("cuts windows where a reform adds a version", () => {
    const p = reform("floor-4-from-2022", (j) => {
      j.poolFloor = [
        { ...j.poolFloor[0], to: "2021-12-31" },
        { ...j.poolFloor[0], from: "2022-01-01", value: { months: "4" } },
      ];
    });
    expect(diffPolicies(SUZHOU_2020, p)).toEqual([
      expect.objectContaining({ parameter: "poolFloor", field: "months", from: "2022-01-01", to: null, base: "3", reform: "4" }),
    ]);
  });
});

describe("compare", () => {
  it("compare(s, p, p) is all zeros", () => {
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, SUZHOU_2020);
    expect(c.changed).toBe(false);
    expect(c.parameters).toEqual([]);
    for (const y of c.years) {
      expect(y.clawbacks.difference).toBe("0.00");
      for (const p of Object.values(y.pool)) if ("difference" in p) expect([null, "0.00"]).toContain(p.difference);
      for (const m of Object.values(y.members)) {
        expect(m.warningPeriods.difference).toBe(0);
        for (const p of Object.values(m)) if ("difference" in p && typeof p.difference !== "number") expect([null, "0.00"]).toContain(p.difference);
      }
    }
    expect(explainComparison(c).steps).toEqual([]);
  });

  it("a clawback of 0.3 instead of 0.2 charges each district exactly 1.5 times as much where its subsidies are unchanged", () => {
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, clawback30);
    expect(c.reform).toMatchObject({ id: "suzhou-2020", version: "clawback-0.3" });
    expect(c.reform.hash).toMatch(/^[0-9a-f]{64}$/);
    let charged = 0;
    for (const y of c.years) {
      for (const [id, m] of Object.entries(y.members)) {
        if (m.subsidyPaid.difference !== "0.00") continue;
        // each charge is the year's subsidies times its rate, rounded half-up to the fen once: 1.5 times as much
        // up to that one rounding (exactly 1.5 times where a tenth of the subsidies is a whole fen)
        const subsidies = parseFen(m.subsidyPaid.base!);
        const at = (tenths: bigint) => (subsidies * tenths * 2n + 10n) / 20n; // round_half_up(subsidies × tenths / 10)
        expect([parseFen(m.clawback.base!), parseFen(m.clawback.reform!)], `${y.year} ${id}`).toEqual([at(2n), at(3n)]);
        if (m.clawback.base !== "0.00") charged++;
      }
    }
    expect(charged).toBe(4); // 相城区 in 2020, 2021, 2022; 吴中区 in 2021
    // exact figures of the example: 吴中区 2021
    expect(c.years[1]!.members.wuzhong!.clawback).toEqual({ base: "5582873.39", reform: "8374310.08", difference: "2791436.69" });
  });

  it("explains which parameter drove each difference", () => {
    const e = explainComparison(compare(EXAMPLE_SCENARIO, SUZHOU_2020, clawback30));
    expect(e.parameters[0]).toContain("clawback.rate");
    const charge = e.steps.find((s) => s.who === "xiangcheng" && s.figure === "clawback" && s.year === 2020)!;
    expect(charge.drivers).toEqual(["clawback.rate"]);
    expect(charge.difference).toBe("2160000.00"); // 相城区 2020: 20% → 30% of 21,600,000.00 of subsidies
    expect(e.steps.every((s) => s.figure.startsWith("clawback") || s.who === "clawbacks")).toBe(true);
    expect(explainComparison(compare(EXAMPLE_SCENARIO, SUZHOU_2020, clawback30), "zh").text).toContain("原因");
  });

  it("a higher floor moves top-ups and names the floor", () => {
    const floor4 = reform("floor-4", (j) => {
      j.poolFloor[0].value.months = "4";
    });
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, floor4);
    expect(c.changed).toBe(true);
    const e = explainComparison(c);
    const topUp = e.steps.find((s) => s.who === "pool" && s.figure === "topUp")!;
    expect(topUp.drivers).toEqual(["poolFloor.months"]);
    expect(topUp.difference).not.toBe("0.00");
  });
});

describe("a comparison read back", () => {
  const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, clawback30);
  const json = () => JSON.parse(JSON.stringify(c));
  const refusal = (value: unknown) => {
    try {
      explainComparison(value as Comparison);
    } catch (e) {
      return { code: (e as { code: string }).code, path: (e as { path: unknown[] }).path };
    }
    return "accepted";
  };

  it("is a Comparison as compare returned it: its JSON parses back to the same value and explains the same", () => {
    expect(ComparisonSchema.parse(json())).toEqual(c);
    expect(explainComparison(json())).toEqual(explainComparison(c));
  });

  it("a figure the library does not write is INVALID_RESULT at the field's path; a bad shape has the field's code at its path", () => {
    const badFigure = json();
    badFigure.years[1].members.wuzhong.clawback.reform = "1e9";
    expect(refusal(badFigure)).toEqual({ code: "INVALID_RESULT", path: ["comparison", "years", 1, "members", "wuzhong", "clawback", "reform"] });
    const badMonths = json();
    badMonths.years[0].pool.reserveMonths.base = 3;
    expect(refusal(badMonths)).toEqual({ code: "INVALID_RESULT", path: ["comparison", "years", 0, "pool", "reserveMonths", "base"] });
    const extra = json();
    extra.years[0].pool.extra = 1;
    expect(refusal(extra)).toEqual({ code: "UNKNOWN_KEY", path: ["comparison", "years", 0, "pool", "extra"] });
    const missing = json();
    delete missing.years[0].clawbacks;
    expect(refusal(missing)).toEqual({ code: "MISSING_FIELD", path: ["comparison", "years", 0, "clawbacks"] });
    expect(refusal(null)).toMatchObject({ path: ["comparison"] });
    expect(refusal({ ...json(), years: "none" })).toMatchObject({ path: ["comparison", "years"] });
    // never a TypeError, whatever the value
    for (const v of [undefined, 1, "x", [], { years: [{}] }]) expect((refusal(v) as { code?: string }).code).toMatch(/^[A-Z_]+$/);
  });
});
