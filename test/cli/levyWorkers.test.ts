/**
 * `levy --workers N`: the file cut into blocks at line breaks, the blocks
 * computed on worker threads, and the same stdout, stderr and exit code as
 * one thread, byte for byte (good rows, bad rows, blank lines, padded cells,
 * CRLF and a BOM, a last line without a line break, GB18030, --raw-cells, a
 * bad header, a warning). Runs dist/cli.js: `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prng } from "../../bench/simScenario.js";
import { encodeGb18030 } from "../../src/report.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, maxBuffer: 1 << 28 });
const dir = mkdtempSync(join(tmpdir(), "wi-levyworkers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of a levy CSV: good rows, a bad one every `badEvery`, blank and whitespace-only lines, padded cells, formula-like ids. */
function csvLines(n: number, badEvery: number, seed = 3): string[] {
  const rnd = prng(seed);
  const out = ["employerId, period ,industryClass,payroll,floatMultiplier,cutFraction,ownCutFraction"];
  const periods = ["2020-05", "2020-09", "2021-04", "2021-05", "2022-01", "2031-01"];
  for (let i = 0; i < n; i++) {
    const cls = 1 + Math.floor(rnd() * 8);
    const tier = cls === 1 ? "1.2" : ["0.5", "0.8", "1", "1.2", "1.5"][Math.floor(rnd() * 5)]!;
    const period = periods[Math.floor(rnd() * (rnd() < 0.01 ? 6 : 5))]!;
    const fen = Math.floor(rnd() * 1e11);
    const cut = period <= "2021-04" ? (rnd() < 0.5 ? "0.5" : "0.2") : "";
    const own = cut && rnd() < 0.5 ? "0" : "";
    let payroll = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
    if (rnd() < 0.02) payroll = `${Math.floor(fen / 100)}`; // whole yuan
    let p = period;
    let c = String(cls);
    if (badEvery > 0 && i % badEvery === badEvery - 1) {
      const kind = Math.floor(rnd() * 4);
      if (kind === 0) p = "2020-04";
      else if (kind === 1) payroll = "-5";
      else if (kind === 2) c = "9";
      else payroll = "12.345x";
    }
    const id = rnd() < 0.05 ? `=E${i}` : rnd() < 0.1 ? ` E${i} 公司 ${i % 7} ` : `E${i}`;
    out.push(`${id},${p},${rnd() < 0.05 ? ` ${c}\t` : c},${payroll},${tier},${cut},${own}`);
    if (rnd() < 0.01) out.push("");
    if (rnd() < 0.005) out.push("  \t ");
    if (badEvery > 0 && rnd() < 0.002) out.push("E,2021-07,2"); // a short row
  }
  return out;
}

/** Writes the lines and runs the CLI on one thread and on `workers`; both results. */
function both(name: string, text: string | Buffer, workers: number, args: string[] = []) {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, text);
  return { one: run("levy", file, "--workers", "1", ...args), many: run("levy", file, "--workers", String(workers), ...args) };
}

const same = (r: ReturnType<typeof both>) => {
  expect(r.many.status).toBe(r.one.status);
  expect(r.many.stdout).toBe(r.one.stdout);
  expect(r.many.stderr).toBe(r.one.stderr);
};

describe("levy --workers N: the bytes of one thread", () => {
  it("good rows, with warnings (a period past the review date), on 2 and 3 workers; --raw-cells", { timeout: 120_000 }, () => {
    const text = `${csvLines(12_000, 0).join("\n")}\n`;
    const r = both("good", text, 3);
    expect(r.one.status).toBe(0);
    expect(r.one.stdout.split("\n").length).toBeGreaterThan(12_000);
    same(r);
    same(both("good2", text, 2));
    same(both("raw", text, 2, ["--raw-cells", "--no-totals"]));
  });

  it("bad rows mixed in: every report, in the file's order, the same line numbers and exit code", { timeout: 120_000 }, () => {
    const r = both("bad", `${csvLines(12_000, 53).join("\n")}\n`, 3);
    expect(r.one.status).toBe(2);
    expect(r.one.stderr).toMatch(/^\d+ invalid record\(s\); nothing was written\./m);
    same(r);
  });

  it("CRLF with a BOM, a last line without a line break, GB18030", { timeout: 120_000 }, () => {
    const lines = csvLines(6_000, 0);
    same(both("crlf", `\uFEFF\r\n${lines.join("\r\n")}`, 2));
    const gbFile = join(dir, "gb.csv");
    writeFileSync(gbFile, encodeGb18030(`${lines.join("\n")}\n`));
    const one = run("levy", gbFile, "--encoding", "gb18030", "--workers", "1");
    const many = run("levy", gbFile, "--encoding", "gb18030", "--workers", "2");
    expect(many.status).toBe(one.status);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
  });

  it("a bad header, a header alone, bytes not valid UTF-8: the one-thread answers", { timeout: 120_000 }, () => {
    const lines = csvLines(3_000, 0);
    same(both("badheader", `${[lines[0]!.replace("payroll", "salary"), ...lines.slice(1)].join("\n")}\n`, 2));
    same(both("headeronly", `${lines[0]}\n`, 2));
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const at = bytes.length - 1000;
    bytes[at] = 0xff;
    same(both("notutf8", bytes, 2));
  });

  it("--workers takes a whole number from 1 to 256", () => {
    const file = join(dir, "tiny.csv");
    writeFileSync(file, "period,industryClass,payroll\n2021-07,2,5.00\n");
    for (const bad of ["0", "x", "1.5", "257"]) {
      const r = run("levy", file, "--workers", bad);
      expect(r.status).toBe(3);
      expect(r.stderr).toContain("--workers takes a whole number from 1 to 256");
    }
    expect(run("levy", file, "--workers", "2").stdout).toBe(run("levy", file).stdout);
  });
});
