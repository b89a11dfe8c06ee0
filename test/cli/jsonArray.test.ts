/**
 * Issue 11 (item 2): `wi-pooling levy file.json` reads the JSON array as a
 * stream: items one at a time (a source that would exhaust memory if
 * collected), and a large file under 300 MB max RSS.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonArrayError, jsonArrayItems } from "../../src/cli/jsonArray.js";

/** A preload that prints the child's peak RSS on exit (no /usr/bin/time needed). */
const MAXRSS = join(import.meta.dirname, "maxrss.cjs");

/**
 * Runs the built CLI with the peak-RSS preload, asynchronously: a synchronous spawn blocked the test's
 * worker for the whole run (a minute on a loaded machine), so that its timeout could only be
 * reported after the fact; awaited, the worker stays responsive and the test's own timeout holds.
 */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", MAXRSS, "dist/cli.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

/** The CLI runs below read tens of MB: about 6 s of CPU each, over a minute of wall time on a loaded 2-core machine. */
const HEAVY = { timeout: 600_000 };

async function collect(text: string, chunk = 3): Promise<unknown[]> {
  const bytes = Buffer.from(text, "utf8");
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: unknown[] = [];
  for await (const item of jsonArrayItems(chunks())) out.push(item);
  return out;
}

describe("JSON array as a stream (issue 11)", () => {
  it("gives the items JSON.parse gives, whatever the chunking (strings, escapes, nesting, scalars, BOM)", async () => {
    const value = [{ a: 'x,]}"\\', b: [1, { c: "，中文" }] }, "s]", 12.5e3, true, null, [], {}, -0.25];
    const text = `\uFEFF [ ${value.map((v) => JSON.stringify(v, null, 1)).join(" ,\r\n")} ] \n`;
    for (const chunk of [1, 2, 3, 7, 1 << 20]) expect(await collect(text, chunk)).toEqual(value);
    expect(await collect("[]")).toEqual([]);
    expect(await collect(" [ ] ")).toEqual([]);
  });

  it("rejects what is not a JSON array, or not valid JSON", async () => {
    for (const bad of ['{"a":1}', "", "[1,", "[1 2]", "[,1]", "[1]x", '[{"a":}]', "[1,]"]) {
      await expect(collect(bad), bad).rejects.toBeInstanceOf(JsonArrayError);
    }
  });

  it("holds one item at a time: a source of 10^9 items (far beyond memory) yields its first 100,000", async () => {
    const item = Buffer.from('{"period":"2021-07","industryClass":2,"payroll":"5000.00","employerId":"E"},');
    async function* endless() {
      yield Buffer.from("[");
      for (let i = 0; i < 1e9; i++) yield item;
    }
    let n = 0;
    for await (const record of jsonArrayItems(endless())) {
      expect(record).toMatchObject({ industryClass: 2 });
      if (++n === 100_000) break;
    }
    expect(n).toBe(100_000);
  });

  it("bad rows are streamed to stderr, not held: 150,000 bad CSV rows stay under 200 MB max RSS (0.4: about 2 KB a row held)", HEAVY, async () => {
    const dir = mkdtempSync(join(tmpdir(), "wi-bad-"));
    try {
      const path = join(dir, "bad.csv");
      const fd = openSync(path, "w");
      writeSync(fd, "employerId,period,industryClass,payroll\n");
      const rows: string[] = [];
      for (let i = 0; i < 150_000; i++) {
        rows.push(`E${i},2021-07,9,-${1 + (i % 997)}.00\n`);
        if (rows.length === 10_000) writeSync(fd, rows.splice(0).join(""));
      }
      writeSync(fd, rows.join(""));
      closeSync(fd);
      const r = await runCli(["levy", path]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("line 150001");
      const rssKb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
      expect(rssKb).toBeGreaterThan(0);
      expect(rssKb / 1024).toBeLessThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("wi-pooling levy on a ~50 MB JSON array stays under 300 MB max RSS", HEAVY, async () => {
    const dir = mkdtempSync(join(tmpdir(), "wi-json-"));
    try {
      const path = join(dir, "big.json");
      const fd = openSync(path, "w");
      writeSync(fd, "[\n");
      const rows: string[] = [];
      const n = 500_000;
      for (let i = 0; i < n; i++) {
        rows.push(
          `{"employerId":"E${i}","period":"2021-07","industryClass":${1 + (i % 8)},"payroll":"${1000 + (i % 997)}.${String(i % 100).padStart(2, "0")}"}${i < n - 1 ? "," : ""}\n`,
        );
        if (rows.length === 10_000) writeSync(fd, rows.splice(0).join(""));
      }
      writeSync(fd, `${rows.join("")}]\n`);
      closeSync(fd);
      const r = await runCli(["levy", path, "--out", join(dir, "out.csv")]);
      expect(r.status, r.stderr).toBe(0);
      const rssKb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
      expect(rssKb).toBeGreaterThan(0);
      expect(rssKb / 1024).toBeLessThan(300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
