import { describe, expect, it } from "vitest";
import {
  assessRisk,
  checkConservation,
  consolidate,
  definePolicy,
  type FundStatement,
  openPooling,
  payByPriority,
  poolFloor,
  provincialRemittance,
  reserveMonths,
  SUZHOU_2020,
} from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

const ALL_ZERO = ["wujiang", "wuzhong", "xiangcheng", "sip"].map((id) => ({ id, priorYearBalance: "0.00" }));

describe("poolFloor (R7: 3 months of payouts)", () => {
  it("the rules' example: 2,400,000 and 1,200,000 → 900,000.00", () => {
    expect(poolFloor(["2400000.00", "1200000.00"])).toBe("900000.00");
  });
  it("rounds the floor once, up to the fen (0.5: a pool at its floor holds at least its months)", () => {
    expect(poolFloor(["0.02"])).toBe("0.01"); // 0.005
    expect(poolFloor(["0.01"])).toBe("0.01"); // 0.0025 (0.4, half-up: 0.00)
    expect(poolFloor(["0.04"])).toBe("0.01"); // 0.01 exactly
    expect(poolFloor([])).toBe("0.00");
    expectPoolingError(() => poolFloor(["-1"]), "NEGATIVE_AMOUNT", ["priorYearExpenditures", 0]);
  });
});

describe("openPooling (R5: 二（二）)", () => {
  it("the rules' example: 2019 balance 12,345,678.91 → extraction 1,234,567.89", () => {
    const r = openPooling({ members: [{ id: "municipal", priorYearBalance: "12345678.91" }, ...ALL_ZERO] });
    expect(r.extractions).toEqual({ municipal: "1234567.89", wujiang: "0.00", wuzhong: "0.00", xiangcheng: "0.00", sip: "0.00" });
    expect(r.poolBalance).toBe("1234567.89");
    expect(r.period).toBe("2020-06");
    expect(r.balances["member:municipal:carried"]).toBe("11111111.02");
    expect(r.journal.map((e) => e.kind)).toEqual(["openingBalance", "openingExtraction"]);
    expect(checkConservation(r.journal, r.balances).ok).toBe(true);
  });
  it("folds legacy funds in, extracts on the reported balance by default, and never from a deficit", () => {
    const members = [
      { id: "municipal", priorYearBalance: "1000.00", legacyFunds: "500.00" },
      { id: "wujiang", priorYearBalance: "-300.00", legacyFunds: "100.00" },
      { id: "wuzhong", priorYearBalance: "0.05" },
      { id: "xiangcheng", priorYearBalance: "0.04" },
      { id: "sip", priorYearBalance: "0.00" },
    ];
    const r = openPooling({ members });
    expect(r.extractions).toEqual({ municipal: "100.00", wujiang: "0.00", wuzhong: "0.01", xiangcheng: "0.00", sip: "0.00" });
    expect(r.balances["member:municipal:carried"]).toBe("1400.00");
    expect(r.balances["member:wujiang:carried"]).toBe("-200.00");
    // 0.7: the legacy funds are fund money: they open in their own account and are folded in from it (0.6: from external:legacy-funds)
    expect(r.balances["legacy-funds"] ?? "0.00").toBe("0.00");
    expect(r.journal.filter((e) => e.kind === "legacyFoldIn").map((e) => [e.from, e.to, e.amount])).toEqual([
      ["legacy-funds", "member:municipal:carried", "500.00"],
      ["legacy-funds", "member:wujiang:carried", "100.00"],
    ]);
    const withLegacy = openPooling({ members, includeLegacyFunds: true });
    expect(withLegacy.extractions.municipal).toBe("150.00");
    expect(withLegacy.extractions.wujiang).toBe("0.00");
  });
  it("needs every member, once, and only members of the policy", () => {
    expectPoolingError(() => openPooling({ members: ALL_ZERO }), "MISSING_MEMBER", ["members"]);
    expectPoolingError(() => openPooling({ members: [...ALL_ZERO, { id: "gusu", priorYearBalance: "1" }] }), "UNKNOWN_MEMBER", ["members", 4, "id"]);
    expectPoolingError(() => openPooling({ members: [...ALL_ZERO, ALL_ZERO[0]!] }), "DUPLICATE_ENTRY", ["members", 4, "id"]);
    expectPoolingError(() => openPooling({ members: [{ id: "municipal", priorYearBalance: "1.234" }, ...ALL_ZERO] }), "AMOUNT_NOT_IN_FEN", [
      "members",
      0,
      "priorYearBalance",
    ]);
  });
});

describe("provincialRemittance (R6: 二（二）)", () => {
  it("is due on 06-20 and leaves the city-district funds", () => {
    const r = provincialRemittance({
      year: 2021,
      members: [
        { id: "sip", amount: "800000.00" },
        { id: "wujiang", amount: "0" },
      ],
    });
    expect(r.dueDate).toBe("2021-06-20");
    expect(r.remittances).toEqual({ sip: "800000.00", wujiang: "0.00" });
    expect(r.journal).toHaveLength(1);
    expect(r.journal[0]).toMatchObject({
      period: "2021-06",
      from: "member:sip:carried",
      to: "province:reserve",
      amount: "800000.00",
      kind: "provincialRemittance",
    });
    const c = checkConservation(r.journal);
    expect(c.provincialOut).toBe("800000.00");
    expect(c.ok).toBe(true);
  });
  it("follows a policy rule when the policy has one", () => {
    const json = { ...JSON.parse(JSON.stringify(SUZHOU_2020)), version: "1.0-test" };
    json.provincialReserve[0].value.rule = { rate: "0.05", base: "priorYearIncome" };
    const policy = definePolicy(json);
    const r = provincialRemittance({ year: 2021, members: [{ id: "sip", priorYearIncome: "1234.5" }] }, policy);
    expect(r.remittances.sip).toBe("61.73"); // 61.725
    expectPoolingError(() => provincialRemittance({ year: 2021, members: [{ id: "sip" }] }, policy), "REMITTANCE_AMOUNT_REQUIRED", ["members", 0, "amount"]);
  });
  it("needs an amount when the policy has no rule", () => {
    expectPoolingError(() => provincialRemittance({ year: 2021, members: [{ id: "sip" }] }), "REMITTANCE_AMOUNT_REQUIRED", ["members", 0, "amount"]);
    expectPoolingError(() => provincialRemittance({ year: 2021, members: [{ id: "nowhere", amount: "1" }] }), "UNKNOWN_MEMBER", ["members", 0, "id"]);
  });
});

describe("reserveMonths and assessRisk (R11: 二（五）)", () => {
  it("computes months of payouts, truncated, unbounded without expenditure", () => {
    expect(reserveMonths("900000.00", "3600000.00")).toBe("3.00");
    expect(reserveMonths("100", "1200")).toBe("1.00");
    expect(reserveMonths("1999.99", "1000")).toBe("23.99"); // 23.99988 truncated, never 24.00
    expect(reserveMonths("-600", "1200")).toBe("-6.00");
    expect(reserveMonths("100", "0")).toBeNull();
    expect(reserveMonths("0", "0")).toBeNull();
    expectPoolingError(() => reserveMonths("1", "-12"), "NEGATIVE_AMOUNT", ["annualExpenditure"]);
  });
  it("maps months to the warning bands", () => {
    expect(assessRisk("-1")).toBe("critical");
    expect(assessRisk("0")).toBe("critical");
    expect(assessRisk("2.99")).toBe("critical");
    expect(assessRisk("3")).toBe("warning");
    expect(assessRisk("8.99")).toBe("warning");
    expect(assessRisk("9")).toBe("normal");
    expect(assessRisk("23.99")).toBe("normal");
    expect(assessRisk("24")).toBe("surplus");
    expect(assessRisk(null)).toBe("surplus");
    expectPoolingError(() => assessRisk("abc"), "INVALID_AMOUNT", ["reserveMonths"]);
  });
});

describe("payByPriority (R10)", () => {
  it("pays classes in order, pro rata in the first it cannot pay in full, then stops", () => {
    const r = payByPriority({
      poolAvailable: "100.00",
      majorAccident: [{ member: "wuzhong", amount: "60.00" }],
      cutGapGrant: [{ member: "xiangcheng", amount: "10.00" }],
      subsidy: [
        { member: "xiangcheng", amount: "30.00" },
        { member: "wujiang", amount: "30.00" },
      ],
      recordedDeficit: [{ member: "sip", amount: "5.00" }],
    });
    expect(r.paid).toEqual({ majorAccident: "60.00", cutGapGrant: "10.00", subsidy: "30.00", recordedDeficit: "0.00" });
    expect(r.classes.subsidy.map((l) => [l.paid, l.unpaid, l.clawback])).toEqual([
      ["15.00", "15.00", "3.00"],
      ["15.00", "15.00", "3.00"],
    ]);
    expect(r.classes.recordedDeficit[0]).toMatchObject({ paid: "0.00", unpaid: "5.00" });
    expect(r.proRataClass).toBe("subsidy");
    expect(r.poolRemaining).toBe("0.00");
  });
  it("pays everything when it can; grants carry no clawback, deficits from grants neither", () => {
    const r = payByPriority({
      poolAvailable: "1000.00",
      cutGapGrant: [{ member: "xiangcheng", amount: "10.00" }],
      recordedDeficit: [
        { member: "sip", amount: "5.00" },
        { member: "wujiang", amount: "5.00", origin: "cutGapGrant" },
      ],
    });
    expect(r.proRataClass).toBeNull();
    expect(r.poolRemaining).toBe("980.00");
    expect(r.classes.cutGapGrant[0]!.clawback).toBe("0.00");
    expect(r.classes.recordedDeficit.map((l) => l.clawback)).toEqual(["1.00", "0.00"]);
  });
  it("pays nothing from an empty or overdrawn pool", () => {
    const r = payByPriority({ poolAvailable: "-5.00", majorAccident: [{ member: "sip", amount: "1.00" }] });
    expect(r.paid.majorAccident).toBe("0.00");
    expect(r.proRataClass).toBe("majorAccident");
  });
});

describe("consolidate (R12: 二（四））", () => {
  const member: FundStatement = {
    entity: "member:sip",
    opening: "100.00",
    income: { contributions: "50.00" },
    expenditure: { benefits: "40.00" },
    transfersIn: [],
    transfersOut: [
      { to: "pool", amount: "10.00", kind: "openingExtraction" },
      { to: "province:reserve", amount: "5.00", kind: "provincialRemittance" },
    ],
    closing: "95.00",
  };
  const pool: FundStatement = {
    entity: "pool",
    opening: "0.00",
    income: {},
    expenditure: { majorAccidentBenefits: "3.00" },
    transfersIn: [{ from: "member:sip", amount: "10.00", kind: "openingExtraction" }],
    transfersOut: [],
    closing: "7.00",
  };
  it("sums by category, eliminates internal transfers and keeps external ones", () => {
    const c = consolidate([member, pool]);
    expect(c).toMatchObject({
      entities: ["member:sip", "pool"],
      opening: "100.00",
      income: { contributions: "50.00" },
      expenditure: { benefits: "40.00", majorAccidentBenefits: "3.00" },
      transfersIn: [],
      transfersOut: [{ to: "province:reserve", amount: "5.00", kind: "provincialRemittance" }],
      closing: "102.00",
      eliminations: [{ from: "member:sip", to: "pool", kind: "openingExtraction", amount: "10.00" }],
    });
    expect(c.citation.clause).toBe("二（四）");
  });
  it("refuses unbalanced statements and unmatched transfers", () => {
    expectPoolingError(() => consolidate([{ ...member, closing: "96.00" }, pool]), "STATEMENT_UNBALANCED", [0, "closing"]);
    expectPoolingError(
      () => consolidate([member, { ...pool, transfersIn: [{ from: "member:sip", amount: "9.00", kind: "openingExtraction" }], closing: "6.00" }]),
      "TRANSFER_MISMATCH",
      [0, "transfersOut", 0],
    );
    expectPoolingError(() => consolidate([{ ...member, transfersOut: [member.transfersOut[1]!], closing: "105.00" }, pool]), "TRANSFER_MISMATCH", [
      1,
      "transfersIn",
      0,
    ]);
    expectPoolingError(() => consolidate([member, member]), "DUPLICATE_ENTRY", [1, "entity"]);
  });
  it("a pool statement alone keeps its transfers as external", () => {
    expect(consolidate([pool]).transfersIn).toEqual([{ from: "member:sip", amount: "10.00", kind: "openingExtraction" }]);
  });
});
