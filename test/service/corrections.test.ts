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

  it("an array with Accept: text/csv: the CLI's CSV (?lang=zh, Accept-Language, ?bom=1); one pair and ?errors=collect: JSON", async () => {
    const E2 = { ...PAIR, original: { ...PAIR.original, employerId: "E2" }, corrected: { ...PAIR.corrected, employerId: "E2", payroll: "900000.00" } };
    const csv = (query: string, headers: Record<string, string> = {}, body: unknown = [PAIR, E2]) =>
      fetch(`${url}/levy-corrections${query}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/csv", ...headers },
        body: JSON.stringify(body),
      });
    const en = await csv("");
    expect(en.status).toBe(200);
    expect(en.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await en.text()).toBe(
      "employerId,period,kind,originalPremiumDue,correctedPremiumDue,arrears,refund,dueDate,lateFeeDays,lateFee,totalDue\n" +
        ",2020-09,arrears,2500.00,3000.00,500.00,0.00,2020-10-15,532,133.00,633.00\n" +
        "E2,2020-09,refund,2500.00,2250.00,0.00,250.00,,,0.00,0.00\n" +
        ",,total,,,500.00,250.00,,,133.00,633.00\n",
    );
    const zh =
      "单位编号,费款所属期,更正类型,原应缴金额（元）,更正后应缴金额（元）,补缴金额（元）,退费金额（元）,缴费截止日期,滞纳天数（天）,滞纳金（元）,合计应缴（元）\n" +
      ",2020-09,补缴,2500.00,3000.00,500.00,0.00,2020-10-15,532,133.00,633.00\n" +
      "E2,2020-09,退费,2500.00,2250.00,0.00,250.00,,,0.00,0.00\n" +
      ",,合计,,,500.00,250.00,,,133.00,633.00\n";
    expect(await (await csv("?lang=zh")).text()).toBe(zh);
    expect(await (await csv("", { "accept-language": "zh-CN,zh;q=0.9" })).text()).toBe(zh);
    const bom = new Uint8Array(await (await csv("?lang=zh&bom=1")).arrayBuffer());
    expect([...bom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bom)).toBe(`\uFEFF${zh}`);
    const one = await csv("", {}, PAIR);
    expect(one.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await one.json()) as Json).arrears).toBe("500.00");
    const collected = await csv("?errors=collect");
    expect(collected.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await collected.json()) as Json).totals.arrears).toBe("500.00");
  });

  it("a scenario's restatements, and asOf in the query", async () => {
    const restatements = [{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }];
    const r = await post("/simulate", { ...EXAMPLE_SCENARIO, restatements });
    expect(r.status).toBe(200);
    expect(r.body.balances).toEqual(simulate({ ...EXAMPLE_SCENARIO, restatements: restatements as never }).balances);
    // 吴江区's 2020-11 benefits 15,150,000.00 → 30,000,000.00, known in 2021-02: the difference in 2020-11, and in
    // 2021-01 the pool's floor on the restated 2020 benefits (3 months of 14,850,000.00 more: 3,712,500.00) topped up by the members
    expect(r.body.restated.adjustments).toEqual([
      { knownIn: "2021-02", corrects: "2020-11", account: "external:beneficiaries", amount: "14850000.00" },
      { knownIn: "2021-02", corrects: "2020-11", account: "member:wujiang:carried", amount: "-14850000.00" },
      { knownIn: "2021-02", corrects: "2021-01", account: "member:municipal:carried", amount: "-1757575.66" },
      { knownIn: "2021-02", corrects: "2021-01", account: "member:sip:carried", amount: "-1509173.67" },
      { knownIn: "2021-02", corrects: "2021-01", account: "member:wujiang:carried", amount: "91318.61" },
      { knownIn: "2021-02", corrects: "2021-01", account: "member:wuzhong:carried", amount: "-537069.28" },
      { knownIn: "2021-02", corrects: "2021-01", account: "pool", amount: "3712500.00" },
    ]);
    expect(r.body.restated.restatements).toEqual([{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }]);
    expect(r.body.restated.entries.every((e: Json) => e.kind === "priorPeriodAdjustment" && e.period === "2021-02")).toBe(true);
    // the books at the end, against the run without the restatement: only these accounts moved
    const without = simulate(EXAMPLE_SCENARIO).balances;
    const moved = Object.fromEntries(
      Object.keys(r.body.balances).flatMap((k) => (r.body.balances[k] === without[k] ? [] : [[k, [without[k], r.body.balances[k]]]])),
    );
    expect(moved).toEqual({
      "external:beneficiaries": ["3105047600.00", "3119897600.00"],
      "fiscal:city": ["21738233.39", "21847357.01"],
      "fiscal:wuzhong": ["-5582873.39", "-5691997.01"],
      "member:municipal:carried": ["552796182.86", "551925960.54"],
      "member:sip:carried": ["492704185.17", "491977984.33"],
      "member:wujiang:carried": ["96593623.86", "83345540.35"],
      "member:wuzhong:carried": ["21070108.11", "21064614.78"],
    });
    expect(r.body.conservation.ok).toBe(true);
    // asOf the knowledge period: the restatement is known, the same books
    const atKnowledge = await post("/simulate?asOf=2021-02", { ...EXAMPLE_SCENARIO, restatements });
    expect(atKnowledge.body).toEqual(r.body);
    const early = await post("/simulate?asOf=2021-01", { ...EXAMPLE_SCENARIO, restatements });
    expect(early.body.restated).toBeUndefined();
    expect(early.body).toEqual(JSON.parse(JSON.stringify(simulate(EXAMPLE_SCENARIO))));
    // a bad restatement: 400 at its path
    const bad = await post("/simulate", { ...EXAMPLE_SCENARIO, restatements: [{ ...restatements[0], knownIn: "2020-10" }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "RESTATEMENT_OUT_OF_RANGE", path: ["restatements", 0, "knownIn"] });
    expect((await post("/simulate?asOf=2021-13", EXAMPLE_SCENARIO)).body).toMatchObject({ code: "INVALID_PERIOD", path: ["options", "asOf"] });
  });
});
