import { describe, expect, it } from "vitest";
import { computeLevy, definePolicy, RELIEF_2020, SUZHOU_2020, withReliefOverlays } from "../../src/index.js";
import { PolicySchema } from "../../src/schemas.js";
import { expectPoolingError } from "../helpers.js";

const clone = () => ({ ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" });

describe("SUZHOU_2020: the built-in policy data", () => {
  it("holds the document's values with their clauses", () => {
    expect(SUZHOU_2020.doc).toBe("苏府办〔2020〕86号");
    expect(SUZHOU_2020.inForce).toMatchObject({ from: "2020-05-01", citation: { clause: "一（二）" } });
    expect(SUZHOU_2020.members[0].value.map((m) => m.nameZh)).toEqual(["市本级（含姑苏区、苏州高新区）", "吴江区", "吴中区", "相城区", "苏州工业园区"]);
    expect(SUZHOU_2020.baseRates).toHaveLength(1);
    expect(SUZHOU_2020.baseRates[0]!.citation.clause).toBe("二（一）");
    expect(SUZHOU_2020.rateCut).toEqual([expect.objectContaining({ from: "2020-05-01", to: "2021-04-30", value: { fractions: ["0", "0.2", "0.5"] } })]);
    expect(SUZHOU_2020.opening[0].value).toEqual({
      dueDate: "2020-06-30",
      extractionRate: "0.1",
      balanceYear: 2019,
      includeLegacyFunds: false,
      coverOpeningDeficits: true,
      deficitCoverageCharged: false,
    });
    // The readings the document leaves open, as policy data (0.5); the library's defaults say so.
    expect(SUZHOU_2020.clawback[0].value).toEqual({ rate: "0.2", municipal: "none" });
    // 0.7 (policy version 2.0): the month-end top-up, owed transfers, no 20% on covering an opening deficit
    expect(SUZHOU_2020.version).toBe("2.0");
    expect(SUZHOU_2020.topUp[0].value).toEqual({ schedule: "monthEnd", whenShort: true });
    expect(SUZHOU_2020.deficitCoverage[0].value).toEqual({ autoClaimSubsidy: true, yearEndTrueUp: false, unpaidTransfers: "owed" });
    expect(SUZHOU_2020.pool[0].value.priority).toEqual(["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"]);
    expect(SUZHOU_2020.pool[0].note).toBe("library default");
    expect(SUZHOU_2020.pool[0].citation.note).toContain("library default");
    expect(SUZHOU_2020.opening[0].citation.clause).toBe("二（二）");
    expect(SUZHOU_2020.poolFloor[0].value.months).toBe("3");
    expect(SUZHOU_2020.clawback).toMatchObject([{ value: { rate: "0.2" }, citation: { clause: "二（三）" } }]);
    expect(SUZHOU_2020.provincialReserve[0].value.dueMonthDay).toBe("06-20");
    expect(SUZHOU_2020.reliefOverlays).toEqual([]);
  });
  it("cites a clause for every parameter", () => {
    const params = Object.entries(SUZHOU_2020)
      .filter(([, v]) => typeof v === "object" && v !== null && !("zh" in v))
      // the late-fee parameters are a group of dated parameters: each cites its own clause
      .flatMap(([name, v]): [string, unknown][] =>
        name === "lateFees" ? Object.entries(v as object).map(([k, x]): [string, unknown] => [`lateFees.${k}`, x]) : [[name, v]],
      );
    for (const [name, value] of params) {
      const versions = (Array.isArray(value) ? value : [value]) as { citation?: { clause: string } }[];
      for (const v of versions) expect(v.citation?.clause, name).toMatch(/\S/);
    }
  });
  it("is deeply frozen", () => {
    expect(Object.isFrozen(SUZHOU_2020)).toBe(true);
    expect(Object.isFrozen(SUZHOU_2020.baseRates[0]!.value)).toBe(true);
    expect(() => {
      (SUZHOU_2020.baseRates[0]!.value as Record<string, string>)["1"] = "0.5";
    }).toThrow(TypeError);
  });
  it("round-trips through JSON and definePolicy", () => {
    const again = definePolicy(JSON.parse(JSON.stringify(SUZHOU_2020)));
    expect(again).toEqual(SUZHOU_2020);
    expect(definePolicy(SUZHOU_2020)).toBe(SUZHOU_2020);
    expect(PolicySchema.safeParse(clone()).success).toBe(true);
  });
});

describe("definePolicy validation", () => {
  it("rejects unknown keys at any depth", () => {
    const a = clone();
    a.colour = "red";
    expectPoolingError(() => definePolicy(a), "UNKNOWN_KEY", ["colour"]);
    const b = clone();
    b.baseRates[0].value["9"] = "0.02";
    expectPoolingError(() => definePolicy(b), "UNKNOWN_KEY", ["baseRates", 0, "value", "9"]);
    const c = clone();
    c.clawback[0].citation.page = 3;
    expectPoolingError(() => definePolicy(c), "UNKNOWN_KEY", ["clawback", 0, "citation", "page"]);
  });
  it("rejects a rate table missing a class", () => {
    const p = clone();
    delete p.baseRates[0].value["5"];
    expectPoolingError(() => definePolicy(p), "MISSING_FIELD", ["baseRates", 0, "value", "5"]);
  });
  it("rejects a rate outside [0, 1] and a malformed one", () => {
    const p = clone();
    p.baseRates[0].value["5"] = "1.5";
    expectPoolingError(() => definePolicy(p), "INVALID_RATE", ["baseRates", 0, "value", "5"]);
    p.baseRates[0].value["5"] = "0.8%";
    expectPoolingError(() => definePolicy(p), "INVALID_RATE", ["baseRates", 0, "value", "5"]);
  });
  it("rejects reversed windows", () => {
    const p = clone();
    p.rateCut[0].to = "2020-04-30";
    expectPoolingError(() => definePolicy(p), "POLICY_WINDOW_REVERSED", ["rateCut", 0, "to"]);
    const q = clone();
    q.until = "2019-01-01";
    expectPoolingError(() => definePolicy(q), "POLICY_WINDOW_REVERSED", ["until"]);
  });
  it("rejects overlapping versions, and accepts adjacent ones", () => {
    const p = clone();
    p.baseRates[0].to = "2022-12-31";
    p.baseRates.push({ ...p.baseRates[0], from: "2022-12-31", to: undefined });
    expectPoolingError(() => definePolicy(p), "POLICY_WINDOWS_OVERLAP", ["baseRates", 1, "from"]);
    p.baseRates[1].from = "2023-01-01";
    p.baseRates[1].value = { ...p.baseRates[1].value, "1": "0.002" };
    const ok = definePolicy(p);
    expect(computeLevy({ period: "2022-12", industryClass: 1, payroll: "10000" }, ok).baseRate).toBe("0.0015");
    expect(computeLevy({ period: "2023-01", industryClass: 1, payroll: "10000" }, ok).baseRate).toBe("0.002");
  });
  it("rejects a cut window without an end, and overlapping relief for one size", () => {
    const p = clone();
    delete p.rateCut[0].to;
    expectPoolingError(() => definePolicy(p), "MISSING_FIELD", ["rateCut", 0, "to"]);
    const q = clone();
    q.reliefOverlays = [...RELIEF_2020, { ...RELIEF_2020[1], id: "again", from: "2020-06-01", to: "2020-07-31" }];
    expectPoolingError(() => definePolicy(q), "POLICY_WINDOWS_OVERLAP", ["reliefOverlays", 2, "from"]);
  });
  it("rejects duplicate members", () => {
    const p = clone();
    p.members[0].value.push({ ...p.members[0].value[2] });
    expectPoolingError(() => definePolicy(p), "DUPLICATE_MEMBER", ["members", 0, "value", 5, "id"]);
  });
  it("rejects ladders that are not ascending or lack the base tier", () => {
    const p = clone();
    p.floatTiers[0].value.ladders["2"] = ["0.8", "0.5", "1"];
    expectPoolingError(() => definePolicy(p), "INVALID_POLICY", ["floatTiers", 0, "value", "ladders", "2", 1]);
    const q = clone();
    q.floatTiers[0].value.ladders["2"] = ["0.5", "0.8"];
    expectPoolingError(() => definePolicy(q), "INVALID_POLICY", ["floatTiers", 0, "value", "ladders", "2"]);
  });
  it("rejects non-objects", () => {
    expectPoolingError(() => definePolicy(null), "NOT_AN_OBJECT", []);
    expectPoolingError(() => definePolicy("SUZHOU_2020"), "NOT_AN_OBJECT", []);
  });
  it("reports a bad policy argument under the path 'policy'", () => {
    const p = clone();
    p.poolFloor[0].value.months = "-3";
    expectPoolingError(() => computeLevy({ period: "2021-05", industryClass: 1, payroll: "1" }, p), "INVALID_RESERVE_MONTHS", [
      "policy",
      "poolFloor",
      0,
      "value",
      "months",
    ]);
  });
  it("normalises numbers to plain decimal strings", () => {
    const p = clone();
    p.baseRates[0].value["1"] = 0.0015;
    p.clawback[0].value.rate = "0.20";
    const q = definePolicy(p);
    expect(q.baseRates[0]!.value["1"]).toBe("0.0015");
    expect(q.clawback[0]!.value.rate).toBe("0.2");
  });
  it("withReliefOverlays adds overlays without touching the original", () => {
    const q = withReliefOverlays(SUZHOU_2020, RELIEF_2020);
    expect(q.reliefOverlays.map((o) => o.id)).toEqual(["2020-sme-exemption", "2020-large-halving"]);
    expect(SUZHOU_2020.reliefOverlays).toEqual([]);
  });
});

describe("hostile policy input", () => {
  it("refuses member ids that are Object properties or municipal finance's name", () => {
    for (const id of ["__proto__", "constructor", "toString", "city"]) {
      const p = clone();
      p.members[0].value[4] = { id, nameZh: "某区", nameEn: "Some district" };
      expectPoolingError(() => definePolicy(p), "INVALID_POLICY", ["members", 0, "value", 4, "id"]);
    }
  });
  it("RELIEF_2020 is deeply frozen: no caller can widen an overlay for the next one", () => {
    expect(() => (RELIEF_2020[0]!.enterpriseSizes as string[]).push("large")).toThrow(TypeError);
    expect(RELIEF_2020[0]!.enterpriseSizes).toEqual(["medium", "small", "micro"]);
  });
});
