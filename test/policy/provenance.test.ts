/**
 * Provenance on every result: the policy's id, version and hash (SHA-256 of its canonical data, pinned per
 * built-in version), the library's name and version, and a warning for a period after the policy's review date.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import {
  apportionTopUp,
  computeLevies,
  computeLevy,
  coverDeficit,
  definePolicy,
  explain,
  initialState,
  openPooling,
  payByPriority,
  policyRef,
  provincialRemittance,
  RELIEF_2020,
  SUZHOU_2020,
  settlePeriod,
  simulate,
  withReliefOverlays,
} from "../../src/index.js";
import { canonicalJson, policyHash, sha256Hex } from "../../src/policy/hash.js";
import { PINNED_POLICIES } from "../../src/policy/pinned.js";
import { formatSummary } from "../../src/report.js";
import { LIBRARY } from "../../src/version.js";
import { expectPoolingError } from "../helpers.js";
import { runs } from "../support/fc.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
const SUZHOU_HASH = "289aec57954d4f05f0700d5f22a507aa420600e570d58dc8445a2e81f1e67899";
const REF = { id: "suzhou-2020", version: "2.0", hash: SUZHOU_HASH };
const copy = () => JSON.parse(JSON.stringify(SUZHOU_2020));

describe("the library's version", () => {
  it("src/version.ts states package.json's name and version", () => {
    expect(LIBRARY).toEqual({ name: pkg.name, version: pkg.version });
    expect(Object.isFrozen(LIBRARY)).toBe(true);
  });
});

describe("the policy's hash", () => {
  it("SHA-256 as node:crypto computes it, on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      { ...runs(300), seed: 16 },
    );
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("canonical JSON: keys sorted at every depth, no whitespace, undefined left out", () => {
    expect(canonicalJson({ b: [1, { d: "x", c: undefined, a: null }], a: "é" })).toBe('{"a":"é","b":[1,{"a":null,"d":"x"}]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it("every built-in policy's version is pinned: its data unchanged, or a new version in src/policy/pinned.ts", () => {
    expect(PINNED_POLICIES[SUZHOU_2020.id]?.[SUZHOU_2020.version]).toBe(policyHash(SUZHOU_2020));
    expect(policyHash(SUZHOU_2020)).toBe(SUZHOU_HASH);
    expect(policyRef(SUZHOU_2020)).toEqual(REF);
  });
  it("the same data give the same hash (a JSON copy, keys in another order); the review date is not part of it", () => {
    const json = copy();
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(policyHash(definePolicy(reordered))).toBe(SUZHOU_HASH);
    expect(policyHash(definePolicy({ ...json, reviewedThrough: "2030-01-01" }))).toBe(SUZHOU_HASH);
  });
});

describe("definePolicy: a built-in id and version stand for the built-in data", () => {
  it("altered data under suzhou-2020 1.0: POLICY_VERSION_CONFLICT at version", () => {
    const json = copy();
    json.clawback[0].value.rate = "0.3";
    const e = expectPoolingError(() => definePolicy(json), "POLICY_VERSION_CONFLICT", ["version"]);
    expect(e.messageZh).toContain("请使用新的版本号或政策编号");
    expectPoolingError(() => computeLevy({ period: "2021-07", industryClass: 1, payroll: "100" }, json), "POLICY_VERSION_CONFLICT", ["policy", "version"]);
  });
  it("the same data under a new version, or a new id: accepted, with its own hash in results", () => {
    const json = copy();
    json.clawback[0].value.rate = "0.3";
    const renamed = definePolicy({ ...json, version: "1.0-clawback30" });
    const ref = computeLevy({ period: "2021-07", industryClass: 1, payroll: "100" }, renamed).policy;
    expect(ref).toMatchObject({ id: "suzhou-2020", version: "1.0-clawback30" });
    expect(ref.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ref.hash).not.toBe(SUZHOU_HASH);
    expect(definePolicy({ ...json, id: "my-city" }).id).toBe("my-city");
  });
  it("withReliefOverlays names a version of its own", () => {
    const q = withReliefOverlays(SUZHOU_2020, RELIEF_2020);
    expect(q.version).toBe("2.0+2020-sme-exemption+2020-large-halving");
    expect(policyRef(q).hash).not.toBe(SUZHOU_HASH);
  });
});

describe("every result names its policy (with the hash) and the library", () => {
  const provenance = { policy: REF, library: { name: pkg.name, version: pkg.version } };
  it("levies, a batch's totals, the fund rules, a settlement and a simulation", () => {
    const levy = computeLevy({ period: "2021-07", industryClass: 1, payroll: "100" });
    expect(levy).toMatchObject(provenance);
    expect(levy.warnings).toBeUndefined();
    expect(computeLevies([{ period: "2021-07", industryClass: 1, payroll: "100" }]).totals).toMatchObject(provenance);
    expect(
      coverDeficit({
        period: "2021-07",
        gap: "500.00",
        currentSurplus: "100.00",
        cumulativeBalance: "0.00",
        syncInducedRelief: "150.00",
        poolAvailable: "1000.00",
      }),
    ).toMatchObject(provenance);
    expect(payByPriority({ poolAvailable: "100.00", majorAccident: [{ member: "wuzhong", amount: "60.00" }] })).toMatchObject(provenance);
    const sim = simulate(EXAMPLE_SCENARIO);
    expect(sim).toMatchObject(provenance);
    expect(sim.periods[0]).toMatchObject(provenance);
    expect(sim.warnings).toBeUndefined();
    const { state } = initialState(EXAMPLE_SCENARIO.opening);
    expect(settlePeriod(state, EXAMPLE_SCENARIO.periods[0]!)).toMatchObject(provenance);
    const ids = ["municipal", "wujiang", "wuzhong", "xiangcheng", "sip"];
    expect(openPooling({ members: ids.map((id) => ({ id, priorYearBalance: "0.00" })) })).toMatchObject(provenance);
    expect(apportionTopUp({ amount: "10.00", members: [{ id: "A", priorYearBalance: "1", available: "100" }] })).toMatchObject(provenance);
    expect(provincialRemittance({ year: 2021, members: [{ id: "sip", amount: "800000.00" }] })).toMatchObject(provenance);
  });
});

describe("a period after the policy's review date carries a warning, never silence", () => {
  it("SUZHOU_2020 was reviewed through 2026-12-07", () => {
    expect(SUZHOU_2020.reviewedThrough).toBe("2026-12-07");
  });
  it("a levy for 2027-01 warns; one for 2026-12 does not; explain shows it", () => {
    expect(computeLevy({ period: "2026-12", industryClass: 1, payroll: "100" }).warnings).toBeUndefined();
    const levy = computeLevy({ period: "2027-01", industryClass: 1, payroll: "100" });
    expect(levy.warnings).toEqual([
      {
        code: "POLICY_NOT_REVIEWED_FOR_PERIOD",
        period: "2027-01",
        reviewedThrough: "2026-12-07",
        message:
          "the data of policy suzhou-2020 2.0 were checked against the documents through 2026-12-07; 2027-01 is later: the figures follow the data as they stand, and a later document may change them",
        messageZh: "政策 suzhou-2020 2.0 的数据核对至 2026-12-07；2027-01 在其后：数字按现有数据计算，其后的文件可能改变结果",
      },
    ]);
    expect(levy.premium).toBe(computeLevy({ period: "2026-12", industryClass: 1, payroll: "100" }).premium);
    expect(explain(levy).text.split("\n")[1]).toBe(`注意：${levy.warnings![0]!.messageZh}`);
    expect(explain(levy, { lang: "en" }).warnings).toEqual([`Warning: ${levy.warnings![0]!.message}`]);
  });
  it("a simulation into 2027: the periods after the date warn, the simulation from its first such period; the summary says so", () => {
    const reviewed = definePolicy({ ...copy(), version: "2.0-reviewed-2021", reviewedThrough: "2021-03-15" });
    const sim = simulate(EXAMPLE_SCENARIO, reviewed);
    expect(sim.periods.filter((p) => p.warnings !== undefined).map((p) => p.period)[0]).toBe("2021-04");
    expect(sim.periods.find((p) => p.period === "2021-03")!.warnings).toBeUndefined();
    expect(sim.warnings?.[0]).toMatchObject({ code: "POLICY_NOT_REVIEWED_FOR_PERIOD", period: "2021-04", reviewedThrough: "2021-03-15" });
    expect(formatSummary(sim, reviewed)).toContain(
      "注意 warning (POLICY_NOT_REVIEWED_FOR_PERIOD): 政策 suzhou-2020 2.0-reviewed-2021 的数据核对至 2021-03-15；2021-04",
    );
    expect(explain(sim.periods.at(-1)!, { lang: "en", policy: reviewed }).text).toContain("Warning: the data of policy suzhou-2020 2.0-reviewed-2021");
    // figures unchanged by the warning
    const plain = simulate(EXAMPLE_SCENARIO);
    expect(sim.balances).toEqual(plain.balances);
  });
  it("a policy without reviewedThrough is refused (it must say when its data were last checked)", () => {
    const { reviewedThrough: _r, ...json } = copy();
    expectPoolingError(() => definePolicy({ ...json, id: "unreviewed" }), "MISSING_FIELD", ["reviewedThrough"]);
  });
});
