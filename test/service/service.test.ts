import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEVY_COLUMNS } from "../../src/cli/levy.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { budgetExecution, computeLevies, computeLevy, explain, type LevyInput, type PoolingError, policyRef, SUZHOU_2020, simulate } from "../../src/index.js";
import { auditStatements } from "../../src/report.js";
import { schemas, toJSONSchema } from "../../src/schemas.js";
import { LEVY_CSV_COLUMNS } from "../../src/service/csv.js";
import { EXAMPLES, openApiDocument } from "../../src/service/openapi.js";
import { rawRequest, startService } from "./helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON read back in tests
type Json = Record<string, any>;
const root = new URL("../..", import.meta.url).pathname;
const LEVY = { employerId: "E001", period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies LevyInput;
const csvFile = readFileSync(join(root, "examples/data/levies.csv"), "utf8");

let url: string;
let stop: () => Promise<void>;
let logLines: string[];

beforeAll(async () => {
  // keep-alive longer than the CLI runs that block this process between two requests (a connection
  // closed by the server while the client was blocked would be reused and reset)
  const s = await startService({ maxBody: 64 * 1024, keepAliveTimeout: 120_000 });
  url = s.url;
  logLines = s.logLines;
  stop = () => s.service.close();
}, 60_000);
afterAll(async () => stop(), 60_000);

const post = (path: string, body: string, type = "application/json", headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "content-type": type, ...headers }, body });

describe("happy paths: the library's output, byte for byte", () => {
  it("GET /health", async () => {
    const r = await fetch(`${url}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: "ok", name: "suzhou-wi-pooling", policy: SUZHOU_2020.id });
  });

  it("GET /policy and ?at=YYYY-MM", async () => {
    expect(await (await fetch(`${url}/policy`)).text()).toBe(JSON.stringify(SUZHOU_2020));
    const in2020 = (await (await fetch(`${url}/policy?at=2020-09`)).json()) as Json;
    expect(in2020.at).toBe("2020-09-01");
    expect(in2020.baseRates).toEqual(SUZHOU_2020.baseRates[0]);
    expect(in2020.rateCut).toEqual(SUZHOU_2020.rateCut[0]);
    const in2021 = (await (await fetch(`${url}/policy?at=2021-07`)).json()) as Json;
    expect(in2021.rateCut).toBeNull(); // the phased cut ended on 2021-04-30
    expect(in2021.members).toEqual(SUZHOU_2020.members[0]);
    expect(in2021.policy).toEqual(policyRef(SUZHOU_2020));
    const before = await fetch(`${url}/policy?at=2019-12`);
    expect(before.status).toBe(400);
    expect(((await before.json()) as { code: string; path: unknown }).code).toBe("POLICY_NOT_IN_FORCE");
  });

  it("GET /schemas/{Name}: inputs from toJSONSchema, outputs from the zod schemas", { timeout: 30_000 }, async () => {
    for (const name of Object.keys(schemas) as (keyof typeof schemas)[]) {
      expect(await (await fetch(`${url}/schemas/${name}`)).text()).toBe(JSON.stringify(toJSONSchema(name)));
    }
    const levy = (await (await fetch(`${url}/schemas/Levy`)).json()) as Json;
    expect(levy.required).toContain("premium");
    expect((await fetch(`${url}/schemas/Simulation`)).status).toBe(200);
  });

  it("POST /levy", async () => {
    const r = await post("/levy", JSON.stringify(LEVY));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await r.text()).toBe(JSON.stringify(computeLevy(LEVY)));
  });

  it("POST /levies: JSON array", async () => {
    const items = [LEVY, { ...LEVY, employerId: "E2", period: "2021-07", cutFraction: undefined }];
    const r = await post("/levies", JSON.stringify(items));
    expect(await r.text()).toBe(JSON.stringify(computeLevies(JSON.parse(JSON.stringify(items)))));
  });

  it("POST /levies: text/csv, JSON out and the CLI's CSV out (same bytes as `wi-pooling levy`)", { timeout: 60_000 }, async () => {
    const json = await post("/levies", csvFile, "text/csv");
    expect(json.status).toBe(200);
    const cliJson = spawnSync(process.execPath, [join(root, "dist/cli.js"), "levy", "examples/data/levies.csv", "--json"], { cwd: root, encoding: "utf8" });
    expect(await json.json()).toEqual(JSON.parse(cliJson.stdout));
    const csv = await post("/levies", csvFile, "text/csv; charset=utf-8", { accept: "text/csv" });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const cli = spawnSync(process.execPath, [join(root, "dist/cli.js"), "levy", "examples/data/levies.csv"], { cwd: root, encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(await csv.text()).toBe(cli.stdout);
    expect([...LEVY_CSV_COLUMNS]).toEqual([...LEVY_COLUMNS]);
  });

  it("POST /levies?errors=collect: good rows, totals, and every bad row with its line and codes", { timeout: 60_000 }, async () => {
    const bad = `${csvFile.trimEnd()}\nE006,2019-01,2,100.00,,,,\nE007,2020-09,9,100.00,1,0.2,,\n`;
    const r = await post("/levies?errors=collect", bad, "text/csv");
    expect(r.status).toBe(200);
    const body = (await r.json()) as Json;
    expect(body.items).toHaveLength(5);
    expect(body.totals).toEqual(
      JSON.parse(spawnSync(process.execPath, [join(root, "dist/cli.js"), "levy", "examples/data/levies.csv", "--json"], { cwd: root, encoding: "utf8" }).stdout)
        .totals,
    );
    expect(body.errors.map((e: { line: number; code: string; index: number }) => [e.line, e.index, e.code])).toEqual([
      [7, 5, "POLICY_NOT_IN_FORCE"],
      [8, 6, "INVALID_CLASS"],
    ]);
    expect(body.errors[1].path).toEqual([6, "industryClass"]);
    // without collect: 400 listing every bad row
    const strict = await post("/levies", bad, "text/csv");
    expect(strict.status).toBe(400);
    const err = (await strict.json()) as Json;
    expect(err).toMatchObject({ code: "POLICY_NOT_IN_FORCE", line: 7 });
    expect(err.errors).toHaveLength(2);
    // the same error as computeLevies reports for the first bad record
    const inputs: LevyInput[] = [LEVY, { ...LEVY, industryClass: 9 } as never];
    const e400 = (await (await post("/levies", JSON.stringify(inputs))).json()) as Json;
    let expected: unknown;
    try {
      computeLevies(inputs);
    } catch (e) {
      expected = (e as PoolingError).toJSON();
    }
    const { errors, index, employerId, ...first } = e400;
    expect(first).toEqual(expected);
    expect(index).toBe(1);
    // and the record's employerId
    expect(employerId).toBe(LEVY.employerId);
    expect(errors).toHaveLength(1);
  });

  it("POST /levies: at most 1,000 bad records listed, errorsOmitted counts the rest", async () => {
    // small records: the test service takes 64 KB bodies
    const bad = Array.from({ length: 1003 }, () => ({ period: "2021-07", industryClass: 9, payroll: "1" }));
    const r = await post("/levies?errors=collect", JSON.stringify([LEVY, ...bad]));
    const collected = (await r.json()) as Json;
    expect([r.status, collected.code]).toEqual([200, undefined]);
    expect([collected.items.length, collected.errors.length, collected.errorsOmitted]).toEqual([1, 1000, 3]);
    const strict = await post("/levies", JSON.stringify(bad));
    expect(strict.status).toBe(400);
    const body = (await strict.json()) as Json;
    expect([body.code, body.errors.length, body.errorsOmitted]).toEqual(["INVALID_CLASS", 1000, 3]);
  });

  it("POST /simulate", async () => {
    const r = await post("/simulate", JSON.stringify(EXAMPLE_SCENARIO));
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(JSON.stringify(simulate(EXAMPLE_SCENARIO)));
  });

  it("POST /explain?lang=zh|en", async () => {
    const levy = computeLevy(LEVY);
    for (const lang of ["zh", "en"] as const) {
      expect(await (await post(`/explain?lang=${lang}`, JSON.stringify(levy))).text()).toBe(JSON.stringify(explain(levy, { lang })));
    }
    expect(await (await post("/explain", JSON.stringify(levy))).text()).toBe(JSON.stringify(explain(levy)));
    expect((await post("/explain?lang=fr", JSON.stringify(levy))).status).toBe(400);
  });

  it("GET /openapi.json: servers is the address the service answers at", async () => {
    const served = await (await fetch(`${url}/openapi.json`)).text();
    expect(served).toBe(JSON.stringify(openApiDocument(SUZHOU_2020, "0.0.0", url)));
    expect(JSON.parse(served).servers).toEqual([{ url, description: "the address this service answers at" }]);
    expect(url).not.toMatch(/:8080$/);
  });

  it("GET /examples/scenario and /examples/levies.csv: the example scenario and levy file, ready to send back", async () => {
    const scenario = await fetch(`${url}/examples/scenario`);
    expect(scenario.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await scenario.text();
    expect(body).toBe(JSON.stringify(EXAMPLE_SCENARIO));
    expect(await (await post("/simulate", body)).text()).toBe(JSON.stringify(simulate(EXAMPLE_SCENARIO)));
    const csv = await fetch(`${url}/examples/levies.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toBe(readFileSync(new URL("../../examples/data/levies.csv", import.meta.url), "utf8"));
    const levies = await post("/levies", text, "text/csv");
    expect(levies.status).toBe(200);
    expect(((await levies.json()) as { items: unknown[] }).items).toHaveLength(5);
    expect((await fetch(`${url}/examples/scenario`, { method: "POST" })).status).toBe(405);
  });

  it("writes an access log line per request", () => {
    expect(logLines.some((l) => /"GET \/health" 200 \d+ [\d.]+ms$/.test(l))).toBe(true);
  });
});

describe("errors", () => {
  it("400 with the library's PoolingError JSON", async () => {
    const r = await post("/levy", JSON.stringify({ ...LEVY, industryClass: 9 }));
    expect(r.status).toBe(400);
    let expected: unknown;
    try {
      computeLevy({ ...LEVY, industryClass: 9 } as never);
    } catch (e) {
      expected = JSON.parse(JSON.stringify(e));
    }
    expect(await r.json()).toEqual(expected);
  });

  it("400 INVALID_JSON for a malformed body, and for bad query values", async () => {
    const r = await post("/levy", '{"period": "2020-09",');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: "INVALID_JSON", path: [], message: expect.any(String), messageZh: expect.any(String) });
    expect(((await (await fetch(`${url}/policy?at=2020-13`)).json()) as { code: string }).code).toBe("INVALID_PERIOD");
    expect((await post("/levies?errors=all", "[]")).status).toBe(400);
    expect(((await (await post("/levies", "{}")).json()) as { code: string }).code).toBe("INVALID_TYPE");
    const csv = (await (await post("/levies", "employerId,bogus\nE1,2\n", "text/csv")).json()) as Json;
    expect(csv).toMatchObject({ code: "UNKNOWN_KEY", line: 1 });
    expect(((await (await post("/levies", 'employerId,period\n"E1,2020-09\n', "text/csv")).json()) as { code: string }).code).toBe("INVALID_CSV");
  });

  it("400 NO_ROWS for a batch with no record (an empty CSV, a header only, Excel's empty rows, []), as the CLI refuses it", async () => {
    for (const [body, type] of [
      ["", "text/csv"],
      ["employerId,period,industryClass,payroll\n", "text/csv"],
      ["employerId,period,industryClass,payroll\n,,,\n\n,,,\n", "text/csv"],
      ["[]", "application/json"],
    ] as const) {
      for (const query of ["", "?errors=collect"]) {
        const r = await post(`/levies${query}`, body, type);
        expect(r.status, `${JSON.stringify(body)} ${query}`).toBe(400);
        expect(await r.json()).toMatchObject({
          code: "NO_ROWS",
          message: "no rows: the batch has no records",
          messageZh: "没有数据行（no rows）：批量数据中没有任何记录",
        });
      }
    }
  });

  it("CSV headers: Chinese names, duplicate columns (400 DUPLICATE_COLUMN), __proto__ (400 UNKNOWN_KEY); Excel's empty rows skipped", async () => {
    const zh = await post("/levies", "单位编号,费款所属期,行业类别,缴费工资总额,浮动费率\nE1,2021-07,2,1000.10,1\n,,,,\n", "text/csv");
    expect(zh.status).toBe(200);
    expect(((await zh.json()) as Json).items).toEqual([expect.objectContaining({ employerId: "E1", payroll: "1000.10", premium: "3.00" })]);
    const dup = await post("/levies", "period,industryClass,payroll,缴费工资总额\n2021-07,2,1,2\n", "text/csv");
    expect(dup.status).toBe(400);
    expect(await dup.json()).toMatchObject({ code: "DUPLICATE_COLUMN", line: 1, path: ["缴费工资总额"] });
    const proto = await post("/levies", "period,industryClass,payroll,__proto__\n2021-07,2,1,2\n", "text/csv");
    expect(await proto.json()).toMatchObject({ code: "UNKNOWN_KEY", line: 1, path: ["__proto__"] });
  });

  it("400 INVALID_ENCODING for a body not valid in its charset (UTF-8 unless charset=gb18030 or gbk), never garbled text", async () => {
    // `单位编号,费款所属期,行业类别,缴费工资总额,浮动费率\nE1 精密机械,2021-07,2,1000.10,1\n` in GB18030, as Excel on Chinese Windows saves it
    const gbk = Buffer.from(
      "b5a5cebbb1e0bac52cb7d1bfeecbf9caf4c6da2cd0d0d2b5c0e0b1f02cbdc9b7d1b9a4d7cad7dcb6ee2cb8a1b6afb7d1c2ca0a453120beabc3dcbbfad0b52c323032312d30372c322c313030302e31302c310a",
      "hex",
    );
    const send = (path: string, body: Uint8Array, type: string) => fetch(`${url}${path}`, { method: "POST", headers: { "content-type": type }, body });
    const notUtf8 = (type: string) => ({
      name: "ServiceError",
      code: "INVALID_ENCODING",
      path: [],
      message: `the body is not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: send it with Content-Type: ${type}; charset=gb18030, or re-save it as UTF-8`,
      messageZh: `请求体不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的文件是 GBK/GB18030 编码：请以 Content-Type: ${type}; charset=gb18030 发送，或将文件另存为 UTF-8 编码`,
    });
    for (const type of ["text/csv", "text/csv; charset=utf-8", "text/csv;charset=UTF8", "text/csv; charset=iso-8859-1"]) {
      for (const query of ["", "?errors=collect"]) {
        const r = await send(`/levies${query}`, gbk, type);
        expect(r.status, `${type} ${query}`).toBe(400);
        expect(await r.json()).toEqual(notUtf8("text/csv"));
      }
    }
    // JSON too: a GBK name inside a JSON body
    const json = Buffer.concat([Buffer.from('{"employerId":"'), gbk.subarray(0, 8), Buffer.from('","period":"2021-07","industryClass":2,"payroll":"5.00"}')]);
    const j = await send("/levy", json, "application/json");
    expect(j.status).toBe(400);
    expect(await j.json()).toEqual(notUtf8("application/json"));
    // charset=gb18030 (or gbk, any case, quoted or not) reads it: the same answer as the UTF-8 file
    const utf8 = await (await post("/levies", new TextDecoder("gb18030").decode(gbk), "text/csv")).json();
    expect(utf8).toMatchObject({ items: [{ employerId: "E1 精密机械", payroll: "1000.10", premium: "3.00" }] });
    for (const type of ["text/csv; charset=gb18030", 'text/csv; charset="GBK"', "text/csv;Charset=GB18030"]) {
      const r = await send("/levies", gbk, type);
      expect(r.status, type).toBe(200);
      expect(await r.json(), type).toEqual(utf8);
    }
    const jg = await send("/levy", json, "application/json; charset=gbk");
    expect(jg.status).toBe(200);
    expect(await jg.json()).toMatchObject({ employerId: "单位编号", premium: "0.02" });
    // bytes that are not GB18030 either
    const bad = await send("/levies", Buffer.from([0x45, 0x31, 0x81, 0x20, 0x0a]), "text/csv; charset=gb18030");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      name: "ServiceError",
      code: "INVALID_ENCODING",
      path: [],
      message: "the body is not valid GB18030 (is it UTF-8? then send charset=utf-8)",
      messageZh: "请求体不是有效的 GB18030 编码（若为 UTF-8 编码，请改用 charset=utf-8）",
    });
  });

  it("404 for an unknown route or schema", async () => {
    const r = await fetch(`${url}/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ code: "NOT_FOUND" });
    expect((await fetch(`${url}/schemas/Nope`)).status).toBe(404);
  });

  it("405 with an Allow header", async () => {
    const r = await fetch(`${url}/levy`);
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect(((await r.json()) as Json).code).toBe("METHOD_NOT_ALLOWED");
    const h = await post("/health", "{}");
    expect(h.status).toBe(405);
    expect(h.headers.get("allow")).toBe("GET, HEAD");
  });

  it("415 for a wrong or missing content type", async () => {
    expect((await post("/levy", JSON.stringify(LEVY), "text/plain")).status).toBe(415);
    expect((await post("/simulate", "a,b\n", "text/csv")).status).toBe(415);
    const r = await rawRequest(`${url}/levy`, { method: "POST", body: "{}" });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.text).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("413 from Content-Length, without reading the body", async () => {
    // declares 10 MB, sends 1 KB: the answer comes before the rest
    const r = await rawRequest(`${url}/levies`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": 10 * 1024 * 1024 },
      body: "[".padEnd(1024, " "),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("413 from the streamed bytes (chunked, no Content-Length)", async () => {
    const big = `[${Array.from({ length: 2000 }, () => JSON.stringify(LEVY)).join(",")}]`;
    expect(big.length).toBeGreaterThan(64 * 1024);
    const r = await rawRequest(`${url}/levies`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, body: big });
    expect(r.status).toBe(413);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it("/budget-execution calls budgetExecution (byte for byte), and refuses an unapproved adjustment", async () => {
    const body = EXAMPLES.budgetExecution;
    const r = await post("/budget-execution", JSON.stringify(body));
    expect(r.status).toBe(200);
    const expected = budgetExecution(body.budget, body.adjustments, body.finalAccounts);
    expect(await r.text()).toBe(JSON.stringify(expected));
    expect(expected.members[0]!.expenditure[0]).toEqual({
      category: "benefits",
      budget: "36.00",
      adjusted: "40.00",
      actual: "40.00",
      variance: "0.00",
      executionRate: "1.0000",
    });
    const { approval: _omit, ...unapproved } = body.adjustments[0]!;
    const bad = await post("/budget-execution", JSON.stringify({ ...body, adjustments: [unapproved] }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "BUDGET_ADJUSTMENT_UNAPPROVED", path: ["adjustments", 0, "approval"] });
    expect((await post("/budget-execution", "[]")).status).toBe(400);
    expect(await (await post("/budget-execution", JSON.stringify({ ...body, extra: 1 }))).json()).toMatchObject({ code: "UNKNOWN_KEY", path: ["extra"] });
  });

  it("/statements answers auditStatements of the scenario's simulation (byte for byte): 二（二）, 二（三）, 二（四）", async () => {
    const r = await post("/statements", JSON.stringify(EXAMPLE_SCENARIO));
    expect(r.status).toBe(200);
    const expected = { years: auditStatements(simulate(EXAMPLE_SCENARIO), EXAMPLE_SCENARIO.opening) };
    expect(await r.text()).toBe(JSON.stringify(expected));
    expect(expected.years[1]!.fiscalSettlement.totals.settled).toBe("12530873.39");
    expect((await post("/statements", "[]")).status).toBe(400);
  });

  it("a stalled client times out (408) and the service carries on", { timeout: 60_000 }, async () => {
    const s = await startService({ headersTimeout: 300, requestTimeout: 600, checkInterval: 100 });
    try {
      const { port } = new URL(s.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () =>
          socket.write("POST /levy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"),
        );
        let text = "";
        socket.setEncoding("utf8"); // a character split between two chunks stays whole
        socket.on("data", (d) => {
          text += d.toString();
        });
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
    } finally {
      await s.service.close();
    }
  });
});

describe("under load", () => {
  it("200 concurrent mixed requests: every answer correct, the process alive", { timeout: 120_000 }, async () => {
    const levy = JSON.stringify(computeLevy(LEVY));
    const small = { ...EXAMPLE_SCENARIO, periods: EXAMPLE_SCENARIO.periods.slice(0, 3) };
    const sim = JSON.stringify(simulate(small));
    const kinds = [
      async () => {
        const r = await post("/levy", JSON.stringify(LEVY));
        return r.status === 200 && (await r.text()) === levy;
      },
      async () => {
        const r = await post("/levy", JSON.stringify({ ...LEVY, payroll: "-1" }));
        return r.status === 400 && ((await r.json()) as Json).code === "NEGATIVE_AMOUNT";
      },
      async () => {
        const r = await post("/levy", "{not json");
        return r.status === 400 && ((await r.json()) as Json).code === "INVALID_JSON";
      },
      async () => {
        const r = await post("/simulate", JSON.stringify(small));
        return r.status === 200 && (await r.text()) === sim;
      },
      async () => {
        const r = await post("/levies?errors=collect", csvFile, "text/csv");
        return r.status === 200 && ((await r.json()) as Json).items.length === 5;
      },
      async () => (await fetch(`${url}/nope`)).status === 404,
      async () => (await post("/levy", JSON.stringify(LEVY), "text/plain")).status === 415,
      async () => (await post("/levy", "null")).status === 400,
    ];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => kinds[i % kinds.length]!()));
    expect(results.filter((ok) => !ok)).toHaveLength(0);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe("wi-pooling serve (the built CLI)", () => {
  it("SIGTERM finishes the request in flight and exits 0", { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [join(root, "dist/cli.js"), "serve", "--port", "0"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const base = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        stderr += d.toString();
        const m = /listening on (http:\/\/[^\s]+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on("exit", () => reject(new Error(stderr)));
    });
    const body = JSON.stringify(LEVY);
    const { port } = new URL(base);
    const answer = new Promise<string>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /levy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
        );
        setTimeout(() => {
          child.kill("SIGTERM");
          setTimeout(() => socket.write(body.slice(10)), 200);
        }, 100);
      });
      let text = "";
      socket.setEncoding("utf8"); // a character split between two chunks stays whole
      socket.on("data", (d) => {
        text += d.toString();
      });
      socket.on("close", () => resolve(text));
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(text.endsWith(JSON.stringify(computeLevy(LEVY)))).toBe(true);
    expect(stderr).toMatch(/"POST \/levy" 200/);
  });
});
