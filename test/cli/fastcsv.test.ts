/**
 * The CLI's fast CSV reader gives, byte for byte, what the csv-parse reader
 * gives: the same stdout, the same stderr (every error, the same line
 * numbers) and the same exit code. A file is read by csv-parse when it holds
 * a `"` anywhere, so quoting one cell (to the same value) switches readers.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prng } from "../../bench/simScenario.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, maxBuffer: 1 << 28 });
const dir = mkdtempSync(join(tmpdir(), "wi-fastcsv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of a levy CSV: good rows, bad rows (every `badEvery`), blank and whitespace-only lines, padded cells. */
function csvLines(n: number, badEvery: number, seed = 1): string[] {
  const rnd = prng(seed);
  const out = ["employerId, period ,industryClass,payroll,floatMultiplier,cutFraction,ownCutFraction"];
  const periods = ["2020-05", "2020-09", "2021-04", "2021-05", "2022-01"];
  for (let i = 0; i < n; i++) {
    const cls = 1 + Math.floor(rnd() * 8);
    const tier = cls === 1 ? "1.2" : ["0.5", "0.8", "1", "1.2", "1.5"][Math.floor(rnd() * 5)]!;
    const period = periods[Math.floor(rnd() * periods.length)]!;
    const fen = Math.floor(rnd() * 1e11);
    const cut = period <= "2021-04" ? (rnd() < 0.5 ? "0.5" : "0.2") : "";
    const own = cut && rnd() < 0.5 ? "0" : "";
    let payroll = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
    let p = period;
    let c = String(cls);
    if (badEvery > 0 && i % badEvery === badEvery - 1) {
      const kind = Math.floor(rnd() * 4);
      if (kind === 0) p = "2020-04";
      else if (kind === 1) payroll = "-5";
      else if (kind === 2) c = "9";
      else payroll = "12.345x";
    }
    const id = rnd() < 0.1 ? ` E${i} 公司 ${i % 7} ` : `E${i}`;
    out.push(`${id},${p},${rnd() < 0.05 ? ` ${c}\t` : c},${payroll},${tier},${cut},${own}`);
    if (rnd() < 0.01) out.push("");
    if (rnd() < 0.005) out.push("  \t ");
  }
  return out;
}

/** Runs the CLI on the lines as given (fast reader) and with the first record's first cell quoted (csv-parse). */
function both(name: string, lines: string[], options: { crlf?: boolean; bom?: boolean; args?: string[] } = {}) {
  const eol = options.crlf ? "\r\n" : "\n";
  const write = (suffix: string, ls: string[]) => {
    const p = join(dir, `${name}-${suffix}.csv`);
    writeFileSync(p, `${options.bom ? "\uFEFF" : ""}${ls.join(eol)}${eol}`);
    return p;
  };
  const plain = write("fast", lines);
  const quotedLines = [...lines];
  const first = quotedLines.findIndex((l, i) => i > 0 && l.trim() !== "");
  const [cell, ...rest] = quotedLines[first]!.split(",");
  quotedLines[first] = [`"${cell!.trim()}"`, ...rest].join(",");
  const quoted = write("csvparse", quotedLines);
  const args = options.args ?? [];
  return { fast: run("levy", plain, ...args), slow: run("levy", quoted, ...args) };
}

const same = (r: ReturnType<typeof both>) => {
  expect(r.fast.status).toBe(r.slow.status);
  expect(r.fast.stdout).toBe(r.slow.stdout);
  expect(r.fast.stderr.replaceAll("-fast.csv", "")).toBe(r.slow.stderr.replaceAll("-csvparse.csv", ""));
};

describe("levy: the fast CSV reader = the csv-parse reader, byte for byte", () => {
  it("20,000 good records (LF), and as --json", () => {
    const lines = csvLines(20_000, 0);
    const r = both("good", lines);
    expect(r.fast.status).toBe(0);
    expect(r.fast.stdout.split("\n")).toHaveLength(20_000 + 3); // header, rows, TOTAL, final newline
    same(r);
    same(both("good-json", lines, { args: ["--json"] }));
  });

  it("100,000 records with bad ones mixed in: every error, the same line numbers, nothing on stdout", () => {
    const r = both("bad", csvLines(100_000, 97));
    expect(r.fast.status).toBe(2);
    expect(r.fast.stdout).toBe("");
    expect(r.fast.stderr).toMatch(/^\d+ invalid record\(s\); nothing was written\./m);
    expect(r.fast.stderr).toMatch(/^line \d+: (POLICY_NOT_IN_FORCE|NEGATIVE_AMOUNT|INVALID_CLASS|INVALID_AMOUNT) at /m);
    same(r);
  });

  it("CRLF line endings and a BOM", () => {
    same(both("crlf", csvLines(5_000, 0), { crlf: true, bom: true }));
    same(both("crlf-bad", csvLines(5_000, 31), { crlf: true }));
  });

  it("a short row, a long row, an unknown column: the same message and exit code", () => {
    const lines = csvLines(50, 0);
    const short = [...lines];
    short[30] = short[30]!.split(",").slice(0, 5).join(",");
    const r = both("short", short);
    expect(r.fast.status).toBe(2);
    expect(r.fast.stderr).toContain("Invalid Record Length");
    same(r);
    const long = [...lines];
    long[40] = `${long[40]},x`;
    same(both("long", long));
    const unknown = [lines[0]!.replace("payroll", "salary"), ...lines.slice(1)];
    const u = both("unknown", unknown);
    expect(u.fast.stderr).toContain("line 1: unknown column(s) salary");
    same(u);
  });
});
