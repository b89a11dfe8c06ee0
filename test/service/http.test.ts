/**
 * The HTTP side of the service in-process: CORS, OPTIONS, requests Node
 * would answer bare (no Host), a malformed schema name, the row and period
 * budgets, and large batches streamed out byte for byte as the library's
 * `JSON.stringify` would write them whole.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevies, type LevyInput } from "../../src/index.js";
import { leviesWithErrors } from "../../src/service/batch.js";
import { levyBatchCsv } from "../../src/service/csv.js";
import { startService } from "./helpers.js";

const ORIGIN = "https://app.example.org";
let url: string;
let plainUrl: string;
let stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const a = await startService({ cors: [ORIGIN], maxRows: 5000, maxPeriods: 40 });
  const b = await startService({ workers: 1 });
  url = a.url;
  plainUrl = b.url;
  stops = [() => a.service.close(), () => b.service.close()];
}, 60_000);
afterAll(async () => {
  await Promise.all(stops.map((s) => s()));
}, 60_000);

const post = (base: string, path: string, body: string, type = "application/json", headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": type, ...headers }, body });

/** What the socket receives for raw bytes sent, until the server closes it. */
const raw = (base: string, bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const { port } = new URL(base);
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(bytes));
    let text = "";
    socket.setEncoding("utf8"); // a character split between two chunks stays whole
    socket.on("data", (d) => {
      text += d.toString();
    });
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });

describe("CORS: off by default, one named origin with --cors", () => {
  it("an allowed origin gets Access-Control-Allow-Origin and Vary: Origin; another origin none", { timeout: 60_000 }, async () => {
    const ok = await fetch(`${url}/health`, { headers: { origin: ORIGIN } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(ok.headers.get("vary")).toBe("Origin");
    const other = await fetch(`${url}/health`, { headers: { origin: "https://evil.example" } });
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toBe("Origin");
    // computed answers too, and errors
    const levy = await post(url, "/levy", JSON.stringify({ period: "2021-07", industryClass: 2, payroll: "5.00" }), "application/json", { origin: ORIGIN });
    expect([levy.status, levy.headers.get("access-control-allow-origin")]).toEqual([200, ORIGIN]);
    const bad = await post(url, "/levy", "{", "application/json", { origin: ORIGIN });
    expect([bad.status, bad.headers.get("access-control-allow-origin")]).toEqual([400, ORIGIN]);
  });

  it("OPTIONS preflight: 204 with the route's methods and headers for the allowed origin; without CORS, 204 with Allow only", { timeout: 60_000 }, async () => {
    const pre = await fetch(`${url}/levies`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(pre.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(pre.headers.get("access-control-allow-headers")).toBe("Content-Type, Accept");
    expect(pre.headers.get("allow")).toBe("POST, OPTIONS");
    const foreign = await fetch(`${url}/levies`, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(foreign.status).toBe(204);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-methods")).toBeNull();
    const plain = await fetch(`${plainUrl}/health`, { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "GET" } });
    expect(plain.status).toBe(204);
    expect(plain.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    expect(plain.headers.get("vary")).toBeNull();
    const get = await fetch(`${plainUrl}/health`, { headers: { origin: ORIGIN } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    expect((await fetch(`${url}/nope`, { method: "OPTIONS" })).status).toBe(404);
  });
});

describe("requests Node would answer itself, and malformed names: the service's JSON error shape", () => {
  it("GET /schemas/% is 400 INVALID_URL, not 500", { timeout: 60_000 }, async () => {
    const r = await fetch(`${url}/schemas/%`);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      name: "ServiceError",
      code: "INVALID_URL",
      path: ["name"],
      message: "the schema name is not valid percent-encoding",
      messageZh: "结构名称的百分号编码无效",
    });
    expect((await fetch(`${url}/schemas/%E0%A4%A`)).status).toBe(400);
  });

  it("an HTTP/1.1 request without Host: 400 MISSING_HOST as JSON; HTTP/1.0 without Host is served", { timeout: 60_000 }, async () => {
    const text = await raw(url, "GET /health HTTP/1.1\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toEqual({
      name: "ServiceError",
      code: "MISSING_HOST",
      path: [],
      message: "an HTTP/1.1 request must have a Host header",
      messageZh: "HTTP/1.1 请求必须带 Host 请求头",
    });
    expect(await raw(url, "GET /health HTTP/1.0\r\n\r\n")).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe("budgets: rows and periods", () => {
  it("413 TOO_MANY_ROWS beyond --max-rows, CSV and JSON; 413 TOO_MANY_PERIODS beyond --max-periods", { timeout: 60_000 }, async () => {
    const csv = `period,industryClass,payroll\n${"2021-07,2,5.00\n".repeat(5001)}`;
    for (const query of ["", "?errors=collect"]) {
      const r = await post(url, `/levies${query}`, csv, "text/csv");
      expect(r.status).toBe(413);
      expect(await r.json()).toMatchObject({ code: "TOO_MANY_ROWS", path: [] });
    }
    const json = JSON.stringify(Array.from({ length: 5001 }, () => ({ period: "2021-07", industryClass: 2, payroll: "5.00" })));
    expect(await (await post(url, "/levies", json)).json()).toMatchObject({ code: "TOO_MANY_ROWS" });
    // at the limit: computed
    expect((await post(url, "/levies", `period,industryClass,payroll\n${"2021-07,2,5.00\n".repeat(5000)}`, "text/csv")).status).toBe(200);
    const periods = Array.from({ length: 41 }, (_, i) => EXAMPLE_SCENARIO.periods[i % EXAMPLE_SCENARIO.periods.length]);
    const sim = await post(url, "/simulate", JSON.stringify({ ...EXAMPLE_SCENARIO, periods }));
    expect(sim.status).toBe(413);
    expect(await sim.json()).toMatchObject({ code: "TOO_MANY_PERIODS", path: ["periods"] });
  });
});

describe("a batch streamed out in chunks: byte for byte the library's whole answer", () => {
  const inputs: LevyInput[] = Array.from({ length: 3000 }, (_, i) => ({
    employerId: `E${i}, "quoted"`,
    period: i % 2 ? "2020-09" : "2021-07",
    industryClass: 1 + (i % 8),
    payroll: `${1000 + i}.${String(i % 100).padStart(2, "0")}`,
    ...(i % 2 ? { cutFraction: "0.2" } : {}),
  })) as LevyInput[];
  const csvIn = `employerId,period,industryClass,payroll,cutFraction\n${inputs
    .map((r) => `"${r.employerId!.replace(/"/g, '""')}",${r.period},${r.industryClass},${r.payroll},${(r as { cutFraction?: string }).cutFraction ?? ""}`)
    .join("\n")}\n`;

  it("JSON in, JSON out; CSV in, JSON and CSV out; with errors=collect and bad rows", { timeout: 60_000 }, async () => {
    const whole = JSON.stringify(computeLevies(inputs));
    expect(whole.length).toBeGreaterThan(1 << 20);
    expect(await (await post(plainUrl, "/levies", JSON.stringify(inputs))).text()).toBe(whole);
    expect(await (await post(plainUrl, "/levies", csvIn, "text/csv")).text()).toBe(whole);
    const csvOut = await post(plainUrl, "/levies", csvIn, "text/csv", { accept: "text/csv" });
    expect(csvOut.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csvOut.text()).toBe(levyBatchCsv(computeLevies(inputs)));
    const withBad = [...inputs.slice(0, 1500), { period: "2019-01", industryClass: 2, payroll: "1" }, ...inputs.slice(1500)];
    const collected = await post(plainUrl, "/levies?errors=collect", JSON.stringify(withBad));
    expect(await collected.text()).toBe(JSON.stringify(leviesWithErrors(withBad)));
  });
});
