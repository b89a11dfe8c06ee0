/**
 * Fault injection on every output of the CLI (spawns dist/cli.js: `npm run
 * build` first). For each output path: a clean run gives the expected output;
 * writes that take at most 1,000 bytes each (short writes) give the same
 * output; ENOSPC, EIO and a write that takes nothing after 1,000 bytes end
 * with exit 4 and `cannot write OUT: reason`, leaving a previous file as it
 * was and no temporary; /dev/full (as stdout, or through a symbolic link as
 * the target) is exit 4 and stays a device.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cannotWrite, ENOSPC, FAILURES, runCli } from "./spawnCli.js";

const dir = mkdtempSync(join(tmpdir(), "wi-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const levyIn = join(dir, "in.csv");
writeFileSync(
  levyIn,
  `employerId,period,industryClass,payroll\n${Array.from({ length: 40 }, (_, i) => `E${i},2021-07,${(i % 8) + 1},${1000 + i}.00`).join("\n")}\n`,
);
const leftovers = (d: string) => readdirSync(d).filter((n) => n.startsWith(".wi-pooling-"));
let n = 0;
const fresh = (name: string) => {
  const d = join(dir, `${name.replace(/\W+/g, "-")}-${n++}`);
  mkdirSync(d);
  return d;
};

/** The whole content of a directory, name → text. */
const contents = (d: string) => Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), "utf8")]));

const STDOUT_PATHS: [string, string[]][] = [
  ["policy", ["policy"]],
  ["schema Scenario", ["schema", "Scenario"]],
  ["simulate", ["simulate"]],
  ["simulate --json", ["simulate", "--json"]],
  ["levy", ["levy", levyIn]],
  ["levy --json", ["levy", levyIn, "--json"]],
];

describe.each(STDOUT_PATHS)("stdout of %s", (_, args) => {
  it("short writes give the whole output; ENOSPC, EIO, a stalled write and /dev/full are exit 4 with the reason, no stack, no temporary", {
    timeout: 180_000,
  }, async () => {
    const tmp = fresh("tmp");
    const env = { TMPDIR: tmp };
    const full = openSync("/dev/full", "w");
    try {
      const [clean, short, devFull, ...failures] = await Promise.all([
        runCli(args, { env }),
        runCli(args, { env, fault: { mode: "short", on: "stdout" } }),
        runCli(args, { env, stdout: full }),
        ...FAILURES.map(([mode]) => runCli(args, { env, fault: { mode, on: "stdout" } })),
      ]);
      expect(clean.status).toBe(0);
      expect(clean.stdout.length).toBeGreaterThan(1000);
      expect(short.status).toBe(0);
      expect(short.stdout.equals(clean.stdout)).toBe(true);
      expect([devFull.status, devFull.stderr]).toEqual([4, cannotWrite("stdout", ENOSPC)]);
      FAILURES.forEach(([mode, reason], i) => {
        const r = failures[i]!;
        expect([mode, r.status, r.stderr]).toEqual([mode, 4, cannotWrite("stdout", reason)]);
        expect(r.stdout.length).toBe(1000); // what the "device" took
      });
    } finally {
      closeSync(full);
    }
    expect(readdirSync(tmp)).toEqual([]);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });
});

describe.each([
  ["levy --out", (out: string) => ["levy", levyIn, "--out", out]],
  ["levy --json --out", (out: string) => ["levy", levyIn, "--json", "--out", out]],
  ["simulate --report", (out: string) => ["simulate", "--report", out]],
])("the file of %s", (_, args) => {
  it("written whole or not at all: short writes give the file; failures leave the previous file and no temporary; /dev/full through a link stays a device", {
    timeout: 180_000,
  }, async () => {
    const d = fresh("file");
    const cleanOut = join(d, "clean.out");
    const shortOut = join(d, "short.out");
    const failed = FAILURES.map((_, i) => join(d, `failed-${i}.out`));
    for (const f of failed) writeFileSync(f, "previous\n");
    const link = join(d, "full");
    symlinkSync("/dev/full", link);
    const [clean, short, devFull, ...failures] = await Promise.all([
      runCli(args(cleanOut), { stdout: "ignore" }),
      runCli(args(shortOut), { stdout: "ignore", fault: { mode: "short", on: "files" } }),
      runCli(args(link), { stdout: "ignore" }),
      ...FAILURES.map(([mode], i) => runCli(args(failed[i]!), { stdout: "ignore", fault: { mode, on: "files" } })),
    ]);
    expect([clean.status, clean.stderr]).toEqual([0, ""]);
    expect(statSync(cleanOut).size).toBeGreaterThan(1000);
    expect(short.status).toBe(0);
    expect(readFileSync(shortOut).equals(readFileSync(cleanOut))).toBe(true);
    expect([devFull.status, devFull.stderr]).toEqual([4, cannotWrite(link, ENOSPC)]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
    FAILURES.forEach(([mode, reason], i) => {
      expect([mode, failures[i]!.status, failures[i]!.stderr]).toEqual([mode, 4, cannotWrite(failed[i]!, reason)]);
      expect(readFileSync(failed[i]!, "utf8")).toBe("previous\n");
    });
    expect(leftovers(d)).toEqual([]);
  });
});

describe.each([
  ["schema --all", (out: string) => ["schema", "--all", "--out-dir", out], "Scenario.schema.json"],
  ["playground --out", (out: string) => ["playground", "--out", out], "index.html"],
])("the directory of %s", (_, args, oneFile) => {
  it("all files or none: failures leave the directory as it was (a new one is not made), short writes give every file, a device in it is written in place", {
    timeout: 180_000,
  }, async () => {
    const d = fresh("dir");
    const cleanDir = join(d, "clean");
    const shortDir = join(d, "short");
    const existing = FAILURES.map((_, i) => join(d, `existing-${i}`));
    for (const e of existing) {
      mkdirSync(e);
      writeFileSync(join(e, "keep.txt"), "kept\n");
      writeFileSync(join(e, oneFile), "previous\n");
    }
    const missing = FAILURES.map((_, i) => join(d, `new-${i}`, "sub"));
    const withDevice = join(d, "device");
    mkdirSync(withDevice);
    symlinkSync("/dev/full", join(withDevice, oneFile));
    const [clean, short, devFull, ...failures] = await Promise.all([
      runCli(args(cleanDir), { stdout: "ignore" }),
      runCli(args(shortDir), { stdout: "ignore", fault: { mode: "short", on: "files" } }),
      runCli(args(withDevice), { stdout: "ignore" }),
      ...FAILURES.map(([mode], i) => runCli(args(existing[i]!), { stdout: "ignore", fault: { mode, on: "files" } })),
      ...FAILURES.map(([mode], i) => runCli(args(missing[i]!), { stdout: "ignore", fault: { mode, on: "files" } })),
    ]);
    expect(clean.status).toBe(0);
    expect(short.status).toBe(0);
    expect(contents(shortDir)).toEqual(contents(cleanDir));
    expect(readdirSync(cleanDir)).toContain(oneFile);
    expect([devFull.status, devFull.stderr]).toEqual([4, cannotWrite(withDevice, ENOSPC)]);
    expect(lstatSync(join(withDevice, oneFile)).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
    FAILURES.forEach(([mode, reason], i) => {
      expect([mode, failures[i]!.status, failures[i]!.stderr]).toEqual([mode, 4, cannotWrite(existing[i]!, reason)]);
      expect(contents(existing[i]!)).toEqual({ "keep.txt": "kept\n", [oneFile]: "previous\n" });
      const r = failures[FAILURES.length + i]!;
      expect([mode, r.status, r.stderr]).toEqual([mode, 4, cannotWrite(missing[i]!, reason)]);
      expect(existsSync(join(d, `new-${i}`))).toBe(false); // the directories the run made are gone
    });
    expect(leftovers(withDevice)).toEqual([]);
  });
});
