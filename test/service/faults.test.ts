/**
 * The service under hostile and heavy requests, run against the built CLI
 * (`wi-pooling serve`, as deployed) so that its memory can be read from
 * /proc: computations stay off the HTTP thread, every budget is answered with
 * the JSON error shape, the process survives, and SIGTERM answers every
 * request already received.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevy, coverDeficit, type LevyInput, simulate } from "../../src/index.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON read back in tests
type Json = Record<string, any>;
const root = new URL("../..", import.meta.url).pathname;
const MB = 1024 * 1024;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Starts `wi-pooling serve --port 0` with `args`; resolves once it listens. */
async function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [join(root, "dist/cli.js"), "serve", "--port", "0", ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on("data", (d) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on("exit", () => reject(new Error(stderr)));
  });
  return { child, url, stderr: () => stderr };
}

/** The peak resident memory of a process, bytes (VmHWM). */
const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/** A levy CSV of `rows` records, ~21 bytes a row (the shape of the 48.3 MB, 2.3 M-row file of the report). */
function levyCsv(rows: number): string {
  const lines = ["employerId,period,industryClass,payroll"];
  for (let i = 0; i < rows; i++) lines.push(`E${i % 100},2021-07,${1 + (i % 8)},${100 + (i % 900)}.00`);
  return `${lines.join("\n")}\n`;
}

const post = (url: string, body: string, type = "application/json", headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": type, ...headers }, body });

/**
 * A request through node:http, light on the test process (a heavy answer's lines counted as they
 * arrive, not kept): its status, Retry-After, the lines of the answer and, when short, its text.
 */
function send(url: string, method: string, body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; retryAfter: string | undefined; lines: number; text: string }>((resolve, reject) => {
    const req = request(url, { method, headers: body ? { "content-length": String(body.length), ...headers } : headers, agent: false }, (res) => {
      let lines = 0;
      let text = "";
      res.on("data", (d: Buffer) => {
        for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
        if (text.length < 4096) text += d.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined, lines, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Times GET /health every `everyMs` while `busy()` holds; returns the times (ms) of the pings sent and answered while it held. */
async function pingWhile(url: string, busy: () => boolean, everyMs: number): Promise<number[]> {
  const times: number[] = [];
  while (busy()) {
    const t = performance.now();
    const r = await send(`${url}/health`, "GET");
    const ms = performance.now() - t;
    expect(r.status).toBe(200);
    if (busy()) times.push(ms);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("heavy requests run off the HTTP thread", () => {
  it("/health answers fast while 4 heavy batches compute, and each batch is answered in full", { timeout: 240_000 }, async () => {
    const { child, url } = await serve(["--workers", "2"]);
    try {
      const rows = 60_000;
      const csv = Buffer.from(levyCsv(rows));
      let inFlight = 4;
      const heavy = Array.from({ length: 4 }, async () => {
        const r = await send(`${url}/levies`, "POST", csv, { "content-type": "text/csv", accept: "text/csv" });
        inFlight--;
        return [r.status, r.lines] as const;
      });
      await new Promise((r) => setTimeout(r, 200));
      const times = await pingWhile(url, () => inFlight > 0, 100);
      // every ping counted was sent and answered while at least one heavy batch was still being computed
      expect(times.length).toBeGreaterThanOrEqual(3);
      // the figure is 100 ms; on a loaded 2-core machine one slow ping is allowed, the median is held to it
      expect(median(times)).toBeLessThan(100);
      expect(Math.max(...times)).toBeLessThan(1000);
      expect(await Promise.all(heavy)).toEqual(Array.from({ length: 4 }, () => [200, rows + 2]));
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("the requests that exhausted 0.6.0's memory: answered, the process alive, under 1 GB", () => {
  it("48 MB, 2.3 M-row CSV to /levies (default limits): 413 TOO_MANY_ROWS; /health answers throughout", { timeout: 300_000 }, async () => {
    const { child, url } = await serve([]);
    try {
      const csv = Buffer.from(levyCsv(2_300_000));
      expect(csv.length).toBeGreaterThan(45 * MB);
      expect(csv.length).toBeLessThan(50 * MB);
      let done = false;
      const answer = send(`${url}/levies`, "POST", csv, { "content-type": "text/csv" }).then((r) => {
        done = true;
        return [r.status, JSON.parse(r.text).code];
      });
      const times = await pingWhile(url, () => !done, 500);
      expect(await answer).toEqual([413, "TOO_MANY_ROWS"]);
      expect(times.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...times)).toBeLessThan(1000);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect(peakRss(child.pid!)).toBeLessThan(1024 * MB);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("explain with clawbackRate 1e100000000 and a /simulate over --max-periods: refused or stopped, never a frozen service", { timeout: 180_000 }, async () => {
    const { child, url } = await serve(["--max-time", "5000", "--max-periods", "24"]);
    try {
      const coverage = coverDeficit({
        gap: "500.00",
        currentSurplus: "100.00",
        cumulativeBalance: "0.00",
        syncInducedRelief: "150.00",
        poolAvailable: "1000.00",
      });
      let done = false;
      const bomb = post(`${url}/explain`, JSON.stringify({ ...coverage, clawbackRate: "1e100000000" })).then(async (r) => {
        const body = (await r.json()) as Json;
        done = true;
        return [r.status, body.code, typeof body.messageZh];
      });
      const times = await pingWhile(url, () => !done, 200);
      const [status, code, zh] = await bomb;
      // refused as input (400), or stopped at the time or memory budget (503 / 413): always the JSON error shape
      expect([400, 413, 503]).toContain(status);
      expect(typeof code).toBe("string");
      expect(zh).toBe("string");
      expect(times.every((ms) => ms < 1000)).toBe(true);
      // the limit is set small (24), not the input made big: a 20,000-period, 7 MB body raced --max-time on a loaded
      // machine (its parse alone took over 5 s: 503, or EPIPE when the answer came before the body was sent);
      // the memory a huge body costs is the 48 MB CSV case's
      const periods = Array.from({ length: 25 }, (_, i) => EXAMPLE_SCENARIO.periods[i % EXAMPLE_SCENARIO.periods.length]);
      const sim = await post(`${url}/simulate`, JSON.stringify({ ...EXAMPLE_SCENARIO, periods }));
      expect(sim.status).toBe(413);
      expect(await sim.json()).toMatchObject({ code: "TOO_MANY_PERIODS", path: ["periods"] });
      // the service carries on, with fresh workers where one was stopped
      const small = { ...EXAMPLE_SCENARIO, periods: EXAMPLE_SCENARIO.periods.slice(0, 3) };
      const ok = await post(`${url}/simulate`, JSON.stringify(small));
      expect(await ok.text()).toBe(JSON.stringify(simulate(small)));
      expect(peakRss(child.pid!)).toBeLessThan(1024 * MB);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("budgets and saturation", () => {
  it("one worker, a queue of one: the third concurrent request is 503 SERVICE_BUSY with Retry-After; over --max-time is 503 TIME_BUDGET_EXCEEDED and the worker is replaced", {
    timeout: 240_000,
  }, async () => {
    const { child, url } = await serve(["--workers", "1", "--max-queue", "1", "--max-time", "1000"]);
    try {
      // warm the worker up, so that the budget measures computing, not starting
      expect((await post(`${url}/levy`, JSON.stringify({ period: "2021-07", industryClass: 2, payroll: "5.00" }))).status).toBe(200);
      const csv = Buffer.from(levyCsv(400_000));
      const answers = await Promise.all(
        Array.from({ length: 3 }, async () => {
          const r = await send(`${url}/levies`, "POST", csv, { "content-type": "text/csv" });
          return { status: r.status, code: JSON.parse(r.text).code as string, retryAfter: r.retryAfter ?? null };
        }),
      );
      const busy = answers.filter((a) => a.code === "SERVICE_BUSY");
      expect(busy.length).toBeGreaterThanOrEqual(1);
      for (const b of busy) expect(b).toEqual({ status: 503, code: "SERVICE_BUSY", retryAfter: "2" });
      const slow = answers.filter((a) => a.code !== "SERVICE_BUSY");
      expect(slow.length).toBeGreaterThanOrEqual(1);
      for (const s of slow) expect([s.status, s.code]).toEqual([503, "TIME_BUDGET_EXCEEDED"]);
      // a fresh worker answers the next request
      const levy = { period: "2021-07", industryClass: 2, payroll: "5.00" } satisfies LevyInput;
      const r = await post(`${url}/levy`, JSON.stringify(levy));
      expect(await r.text()).toBe(JSON.stringify(computeLevy(levy)));
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("SIGTERM", () => {
  it("60 POST /simulate fully sent, SIGTERM at ~400 ms: all 60 answered 200, no connection reset, exit 0", { timeout: 180_000 }, async () => {
    const { child, url } = await serve([]);
    const small = { ...EXAMPLE_SCENARIO, periods: EXAMPLE_SCENARIO.periods.slice(0, 3) };
    const body = JSON.stringify(small);
    const expected = JSON.stringify(simulate(small));
    const { port } = new URL(url);
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const started = performance.now();
    const sent: Promise<void>[] = [];
    const answers = Array.from(
      { length: 60 },
      () =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), "127.0.0.1");
          sent.push(
            new Promise((done) =>
              socket.write(
                `POST /simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
                () => done(),
              ),
            ),
          );
          let text = "";
          socket.setEncoding("utf8"); // decoded across chunks: a character split between two chunks stays whole
          socket.on("data", (d: string) => {
            text += d;
          });
          socket.on("close", () => resolve(text));
          socket.on("error", reject);
        }),
    );
    await Promise.all(sent);
    await new Promise((r) => setTimeout(r, Math.max(0, 400 - (performance.now() - started))));
    child.kill("SIGTERM");
    const texts = await Promise.all(answers); // a reset rejects here
    expect(texts.map((t) => t.slice(0, 15))).toEqual(Array.from({ length: 60 }, () => "HTTP/1.1 200 OK"));
    for (const t of texts) expect(t.endsWith(expected)).toBe(true);
    expect(await exit).toBe(0);
  });
});
