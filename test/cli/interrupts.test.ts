/**
 * The CLI interrupted (spawns dist/cli.js: `npm run build` first): a reader
 * that closes stdout early (`| head -1`) ends the command quietly with exit
 * 0 and no stack; SIGINT and SIGTERM during a large `levy` remove its
 * temporaries and end with 130 and 143; a FIFO as `--out` is written, never
 * replaced, and a socket is never replaced either.
 */
import { spawn } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startCli, waitFor } from "./spawnCli.js";

const dir = mkdtempSync(join(tmpdir(), "wi-interrupts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = (count: number) =>
  `employerId,period,industryClass,payroll\n${Array.from({ length: count }, (_, i) => `E${i},2021-07,${(i % 8) + 1},${100000 + i}.${String(i % 100).padStart(2, "0")}`).join("\n")}\n`;
const medium = join(dir, "medium.csv");
writeFileSync(medium, rows(20_000));
const large = join(dir, "large.csv");
writeFileSync(large, rows(400_000));
const temporaries = (d: string) => readdirSync(d).filter((n) => n.startsWith(".wi-pooling-"));
/** The size of the output being written in a `.wi-pooling-*` temporary of `d` (0 when there is none yet). */
const temporarySize = (d: string) => {
  for (const t of temporaries(d)) {
    for (const f of readdirSync(join(d, t))) {
      try {
        return statSync(join(d, t, f)).size;
      } catch {
        // removed meanwhile
      }
    }
  }
  return 0;
};

describe("a reader that closes stdout early (| head -1)", () => {
  it.each([
    ["simulate --json", ["simulate", "--json"]],
    ["levy", ["levy", medium]],
    ["levy --json", ["levy", medium, "--json"]],
  ])("%s ends quietly: exit 0, nothing on stderr, no temporary left", { timeout: 120_000 }, async (_, args) => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const { child, done } = startCli(args, { env: { TMPDIR: tmp } });
    child.stdout!.once("data", () => child.stdout!.destroy());
    const r = await done;
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("SIGINT and SIGTERM during a large levy", () => {
  it.each([
    ["SIGINT", 130, "--out"],
    ["SIGTERM", 143, "--out"],
    ["SIGINT", 130, "stdout"],
    ["SIGTERM", 143, "stdout"],
  ] as const)("%s: its temporaries removed, exit %i (output to %s)", { timeout: 180_000 }, async (signal, code, to) => {
    const d = mkdtempSync(join(dir, "sig-"));
    const out = join(d, "out.csv");
    const { child, done } = startCli(["levy", large, ...(to === "--out" ? ["--out", out] : [])], { env: { TMPDIR: d }, stdout: "ignore" });
    // mid-run: the temporary output has its first bytes
    await waitFor(() => temporarySize(d) > 0, 120_000);
    child.kill(signal);
    const r = await done;
    expect(r.status).toBe(code);
    expect(r.stderr).toBe(`${signal}: stopped, temporary files removed / 收到 ${signal}：已停止，临时文件已删除\n`);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe("a FIFO or a socket as --out", () => {
  it("is written in place (its reader gets the output), and stays a FIFO", { timeout: 120_000 }, async () => {
    const d = mkdtempSync(join(dir, "fifo-"));
    const fifo = join(d, "fifo");
    await new Promise((resolve, reject) => spawn("mkfifo", [fifo]).on("close", (c) => (c === 0 ? resolve(c) : reject(new Error(`mkfifo ${c}`)))));
    const reader = spawn("cat", [fifo]);
    const read: Buffer[] = [];
    reader.stdout.on("data", (c: Buffer) => read.push(c));
    const readerDone = new Promise((resolve) => reader.on("close", resolve));
    const [viaFifo, direct] = await Promise.all([runCli(["levy", medium, "--out", fifo]), runCli(["levy", medium])]);
    const stop = setTimeout(() => reader.kill(), 20_000); // a FIFO replaced by a file would leave its reader waiting
    await readerDone;
    clearTimeout(stop);
    expect([viaFifo.status, viaFifo.stderr, viaFifo.stdout.length]).toEqual([0, "", 0]);
    expect(Buffer.concat(read).equals(direct.stdout)).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(d)).toEqual(["fifo"]);
  });
  it("a socket is never replaced: exit 4, it stays a socket", { timeout: 120_000 }, async () => {
    const d = mkdtempSync(join(dir, "socket-"));
    const path = join(d, "sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const r = await runCli(["levy", medium, "--out", path]);
      expect([r.status, r.stderr]).toEqual([
        4,
        `cannot write ${path}: cannot be opened for writing (a socket, or a device with nothing behind it)\n无法写入 ${path}：无法以写入方式打开（套接字，或没有实际设备的设备文件）\n`,
      ]);
      expect(lstatSync(path).isSocket()).toBe(true);
      expect(readdirSync(d)).toEqual(["sock"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
