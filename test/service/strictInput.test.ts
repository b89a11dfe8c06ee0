/**
 * The service's JSON bodies are read strictly and a result sent back to /explain is checked before any arithmetic
 * (0.6.0: `POST /explain` with `clawbackRate: "1e100000000"` exhausted the memory and killed the process;
 * `"payroll": 100000000000000.01` was priced as 100000000000000.02; a key given twice was last-wins).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverDeficit } from "../../src/index.js";
import { startService } from "./helpers.js";

let url: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  const s = await startService({ maxBody: 64 * 1024 });
  url = s.url;
  stop = () => s.service.close();
});
afterAll(async () => stop());

const post = (path: string, body: string) => fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("strict JSON bodies and results read back", () => {
  it("POST /explain with clawbackRate 1e100000000 (237 bytes): 400 INVALID_RESULT at once, the service alive", async () => {
    const coverage = coverDeficit({
      gap: "500.00",
      currentSurplus: "100.00",
      cumulativeBalance: "0.00",
      syncInducedRelief: "150.00",
      poolAvailable: "1000.00",
    });
    for (const rate of ["1e100000000", "abc", "NaN", "0x10", "-5"]) {
      const r = await post("/explain", JSON.stringify({ ...coverage, clawbackRate: rate }));
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ code: "INVALID_RESULT", path: ["result", "clawbackRate"] });
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
  it("numbers a double changes: 400 AMOUNT_NOT_EXACT with the path, on /levy and /levies", async () => {
    const one = await post("/levy", '{"period":"2021-07","industryClass":2,"payroll":100000000000000.01}');
    expect(one.status).toBe(400);
    const body = (await one.json()) as { message: string };
    expect(body).toMatchObject({ code: "AMOUNT_NOT_EXACT", path: ["payroll"] });
    expect(body.message).toContain('send it as the string "100000000000000.01"');
    const many = await post(
      "/levies",
      '[{"period":"2021-07","industryClass":2,"payroll":"1.00"},{"period":"2021-07","industryClass":2,"payroll":999999999999999.99}]',
    );
    expect(many.status).toBe(400);
    expect(await many.json()).toMatchObject({ code: "AMOUNT_NOT_EXACT", path: [1, "payroll"] });
    // the same figure as a string is exact
    const exact = await post("/levy", '{"period":"2021-07","industryClass":2,"payroll":"100000000000000.01"}');
    expect(exact.status).toBe(200);
    expect(((await exact.json()) as { payroll: string }).payroll).toBe("100000000000000.01");
  });
  it("a key given twice: 400 DUPLICATE_KEY at the object's path", async () => {
    const r = await post("/levy", '{"period":"2021-07","industryClass":2,"payroll":"1.00","payroll":"2.00"}');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: "DUPLICATE_KEY", path: [] });
    const nested = await post("/simulate", '{"opening":{"start":"2020-05","start":"2020-05"},"periods":[]}');
    expect(nested.status).toBe(400);
    expect(await nested.json()).toMatchObject({ code: "DUPLICATE_KEY", path: ["opening"] });
  });
});
