import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { levyCorrection, simulate } from "../../src/index.js";
import { startService } from "./helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON read back in tests
type Json = Record<string, any>;
const base = { period: "2020-09", industryClass: 3, cutFraction: "0.5" } as const;
const PAIR = {
  original: { ...base, payroll: "1000000.00" },
  corrected: { ...base, payroll: "1200000.00" },
  knownOn: "2022-03-10",
  paidOn: "2022-03-31",
} as const;

let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  const s = await startService();
  url = s.url;
  close = () => s.service.close();
});
afterAll(async () => close());

const post = async (path: string, body: unknown) => {
  const r = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Json };
};

describe("POST /levy-corrections and restatements in POST /simulate", { timeout: 60_000 }, () => {
  it("one pair: levyCorrection's result", async () => {
    const r = await post("/levy-corrections", PAIR);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(levyCorrection(PAIR))));
    expect(r.body.arrears).toBe("500.00");
    expect(r.body.lateFee.lateFee).toBe("133.00");
  });

  it("an array: totals; a bad pair is a 400, or listed with ?errors=collect", async () => {
    const bad = { ...PAIR, knownOn: "2022-02-30" };
    expect((await post("/levy-corrections", [PAIR, PAIR])).body.totals).toMatchObject({ arrears: "1000.00", lateFee: "266.00" });
    const r400 = await post("/levy-corrections", [PAIR, bad]);
    expect(r400.status).toBe(400);
    expect(r400.body).toMatchObject({ code: "INVALID_DATE", path: [1, "knownOn"] });
    const collected = await post("/levy-corrections?errors=collect", [PAIR, bad]);
    expect(collected.status).toBe(200);
    expect(collected.body.items).toHaveLength(1);
    expect(collected.body.errors).toEqual([expect.objectContaining({ index: 1, code: "INVALID_DATE", path: [1, "knownOn"] })]);
  });

  it("a scenario's restatements, and asOf in the query", async () => {
    const restatements = [{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }];
    const r = await post("/simulate", { ...EXAMPLE_SCENARIO, restatements });
    expect(r.status).toBe(200);
    expect(r.body.balances).toEqual(simulate({ ...EXAMPLE_SCENARIO, restatements: restatements as never }).balances);
    expect(r.body.restated.adjustments[0]).toMatchObject({ knownIn: "2021-02", corrects: "2020-11" });
    const early = await post("/simulate?asOf=2021-01", { ...EXAMPLE_SCENARIO, restatements });
    expect(early.body.restated).toBeUndefined();
    expect(early.body.balances).toEqual(simulate(EXAMPLE_SCENARIO).balances);
    expect((await post("/simulate?asOf=2021-13", EXAMPLE_SCENARIO)).body).toMatchObject({ code: "INVALID_PERIOD", path: ["options", "asOf"] });
  });
});
