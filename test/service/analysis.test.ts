import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { definePolicy, SUZHOU_2020 } from "../../src/index.js";
import { startService } from "./helpers.js";

let url: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  const s = await startService({ maxBody: 1024 * 1024 });
  url = s.url;
  stop = () => s.service.close();
});
afterAll(async () => stop());

const post = (path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const reform = JSON.parse(JSON.stringify(SUZHOU_2020));
reform.version = "clawback-0.3";
reform.clawback[0].value.rate = "0.3";

describe("POST /compare and POST /stress", () => {
  it("POST /compare returns compare's result byte for byte", async () => {
    const r = await post("/compare", { reform });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(JSON.stringify(compare(EXAMPLE_SCENARIO, SUZHOU_2020, definePolicy(reform))));
    const missing = await post("/compare", {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: string }).code).toBe("MISSING_FIELD");
  }, 60_000);

  it("POST /stress returns stressTest's result, and refuses work beyond its budget", async () => {
    const body = { model: EXAMPLE_FLOW_MODEL, runs: 3, seed: 4, horizon: 4 };
    const r = await post("/stress", body);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(JSON.stringify(stressTest(EXAMPLE_FLOW_MODEL, { runs: 3, seed: 4, horizon: 4 })));
    const big = await post("/stress", { ...body, runs: 1_000_000 });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { code: string }).code).toBe("INVALID_STRESS_OPTIONS");
  }, 60_000);
});
