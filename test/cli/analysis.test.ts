import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_FLOW_MODEL } from "../../src/examples.js";
import { SUZHOU_2020 } from "../../src/index.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(join(tmpdir(), "wi-analysis-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

const reform = JSON.parse(JSON.stringify(SUZHOU_2020));
reform.version = "clawback-0.3";
reform.clawback[0].value.rate = "0.3";
writeFileSync(path("reform.json"), JSON.stringify(reform));
writeFileSync(path("model.json"), JSON.stringify(EXAMPLE_FLOW_MODEL));
const STRESS = ["stress", path("model.json"), "--runs", "8", "--seed", "11", "--horizon", "14"];

describe("wi-pooling compare", () => {
  it("explains the differences, writes JSON and the side-by-side report", () => {
    const r = run("compare", "--reform", path("reform.json"), "--report", path("diff.html"));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("clawback.rate (2020-05-01 onwards): base 0.2, reform 0.3");
    expect(r.stdout).toContain("2020 xiangcheng clawback: 4320000.00 → 6480000.00 (difference 2160000.00), driven by clawback.rate");
    const json = JSON.parse(run("compare", "--reform", path("reform.json"), "--json").stdout);
    expect(json.reform).toMatchObject({ id: "suzhou-2020", version: "clawback-0.3" });
    const html = readFileSync(path("diff.html"), "utf8");
    expect(html).toContain("The pool against both floors");
    expect(html).toContain("2160000.00");
  }, 120_000);
  it("needs --reform (exit 3)", () => {
    expect(run("compare").status).toBe(3);
  }, 60_000);
});

describe("wi-pooling stress", () => {
  it("--example prints the example model", () => {
    const r = run("stress", "--example");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(EXAMPLE_FLOW_MODEL)));
  }, 60_000);

  it("gives byte-identical results with 1, 2 and 4 workers and from 3 merged shards", () => {
    const outs = ["1", "2", "4"].map((w) => {
      const r = run(...STRESS, "--workers", w, "--json");
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    });
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    const shards = [0, 1, 2].map((i) => {
      const out = path(`shard-${i}.json`);
      const r = run(...STRESS, "--shard", `${i}/3`, "--out", out);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    const merged = run("stress", "merge", ...shards, "--json");
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(outs[0]);
    const text = run("stress", "merge", ...shards, "--report", path("stress.html"));
    expect(text.stdout).toContain("A model, not a forecast");
    expect(readFileSync(path("stress.html"), "utf8")).toContain("fan chart P5–P95");
    // missing shard: exit 2, named
    const missing = run("stress", "merge", shards[0]!, shards[2]!);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("STRESS_SHARDS_MISMATCH");
  }, 240_000);

  it("refuses bad arguments (exit 3) and a bad model (exit 2)", () => {
    expect(run(...STRESS, "--shard", "3/3").status).toBe(3);
    expect(run(...STRESS, "--runs", "0").status).toBe(3);
    writeFileSync(path("bad.json"), JSON.stringify({ ...EXAMPLE_FLOW_MODEL, correlation: 2 }));
    const r = run("stress", path("bad.json"), "--runs", "2");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("INVALID_MODEL_PARAMETER");
  }, 120_000);
});
