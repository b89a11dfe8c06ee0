/**
 * The outputs of `compare`, `stress` and `levy --corrections` (spawns dist/cli.js: `npm run build`
 * first): stdout on /dev/full is exit 4 with the reason and no stack; a reader that closes stdout
 * early (`| head -1`) ends the command quietly with exit 0; a file that cannot be written is exit 4
 * with no temporary left.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SUZHOU_2020 } from "../../src/index.js";
import { cannotWrite, ENOSPC, runCli, startCli } from "./spawnCli.js";

const dir = mkdtempSync(join(tmpdir(), "wi-analysis-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reformFile = join(dir, "reform.json");
const reform = JSON.parse(JSON.stringify(SUZHOU_2020));
reform.version = "clawback-0.3-faults";
reform.clawback[0].value.rate = "0.3";
writeFileSync(reformFile, JSON.stringify(reform));
const modelFile = join(dir, "model.json");
const correctionsFile = join(dir, "corrections.csv");
writeFileSync(
  correctionsFile,
  `employerId,period,industryClass,cutFraction,originalPayroll,correctedPayroll,knownOn\n${Array.from({ length: 200 }, (_, i) => `E${i},2020-09,3,0.5,1000000.00,${1000000 + i * 1000}.00,2022-03-10`).join("\n")}\n`,
);

const COMMANDS: [string, string[]][] = [
  ["compare", ["compare", "--reform", reformFile]],
  ["compare --json", ["compare", "--reform", reformFile, "--json"]],
  ["stress", ["stress", modelFile, "--runs", "8", "--horizon", "12", "--workers", "1"]],
  ["stress --json", ["stress", modelFile, "--runs", "8", "--horizon", "12", "--workers", "1", "--json"]],
  ["stress --example", ["stress", "--example"]],
  ["levy --corrections", ["levy", "--corrections", correctionsFile]],
  ["levy --corrections --json", ["levy", "--corrections", correctionsFile, "--json"]],
];

describe("the outputs of compare, stress and levy --corrections", { timeout: 180_000 }, () => {
  it("the example model is written for the others", async () => {
    const r = await runCli(["stress", "--example", "--out", modelFile]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });

  it.each(COMMANDS)("%s: stdout on /dev/full is exit 4 with the reason; | head -1 ends quietly with exit 0", async (_, args) => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const full = openSync("/dev/full", "w");
    try {
      const [clean, devFull] = await Promise.all([runCli(args, { env: { TMPDIR: tmp } }), runCli(args, { env: { TMPDIR: tmp }, stdout: full })]);
      expect([clean.status, clean.stderr]).toEqual([0, ""]);
      expect(clean.stdout.length).toBeGreaterThan(0);
      expect([devFull.status, devFull.stderr]).toEqual([4, cannotWrite("stdout", ENOSPC)]);
    } finally {
      closeSync(full);
    }
    const { child, done } = startCli(args, { env: { TMPDIR: tmp } });
    child.stdout!.once("data", () => child.stdout!.destroy());
    const closed = await done;
    expect([closed.status, closed.stderr]).toEqual([0, ""]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.each([
    ["compare --out", ["compare", "--reform", reformFile, "--out"]],
    ["compare --report", ["compare", "--reform", reformFile, "--report"]],
    ["stress --out", ["stress", modelFile, "--runs", "4", "--horizon", "6", "--workers", "1", "--out"]],
    ["stress --report", ["stress", modelFile, "--runs", "4", "--horizon", "6", "--workers", "1", "--report"]],
    ["levy --corrections --out", ["levy", "--corrections", correctionsFile, "--out"]],
  ])("%s to a directory that does not exist is exit 4 with the reason, nothing on stdout", async (_, args) => {
    const d = mkdtempSync(join(dir, "out-"));
    const target = join(d, "missing", "x.out");
    const r = await runCli([...args, target]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`^cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(d)).toEqual([]);
  });
});
