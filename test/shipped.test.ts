/**
 * What ships: the packed tarball (`npm pack`) installed into an empty project
 * offline, as a user gets it, its examples run there (they import the package
 * by its name), the API reference in Markdown and the Chinese quick start in
 * it. Needs `npm run build`; builds docs/api (`npm run docs`) when it is not there.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const dir = mkdtempSync(join(tmpdir(), "wi-pooling-shipped-"));
const app = join(dir, "app");
const installed = join(app, "node_modules/suzhou-wi-pooling");
let files: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, "docs/api/README.md"))) await exec(npm, ["run", "-s", "docs"], { cwd: root, timeout: 400_000 });
  const { stdout } = await exec(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: root, timeout: 120_000, maxBuffer: 64 << 20 });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error("npm pack packed nothing");
  files = packed.files.map((f) => f.path);
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // offline: the package's dependencies (and the examples' csv-parse) from this repository's node_modules, so that
  // npm resolves nothing from the registry; the package itself from its tarball
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const local = [...Object.keys(pkg.dependencies), "csv-parse"].map((name) => join(root, "node_modules", name));
  await exec(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", join(dir, packed.filename), ...local], {
    cwd: app,
    timeout: 300_000,
  });
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an example of the installed package with tsx, from the user's project. */
const run = async (file: string, ...args: string[]) =>
  (
    await exec(process.execPath, ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, join(installed, "examples", file), ...args], {
      cwd: app,
      timeout: 200_000,
      maxBuffer: 64 << 20,
    })
  ).stdout;

describe("the package as a user installs it", () => {
  it("ships the examples, the API reference in Markdown, the Chinese quick start, and no tests or sources", () => {
    const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"));
    for (const f of examples) expect(files, f).toContain(`examples/${f}`);
    for (const f of ["README.md", "README.zh-CN.md", "docs/api/README.md", "docs/api/index/functions/computeLevy.md", "examples/data/levies.csv"])
      expect(files, f).toContain(f);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("src/") || f.startsWith("scripts/"))).toEqual([]);
    expect(readFileSync(join(installed, "docs/api/index/functions/computeLevy.md"), "utf8")).toContain("computeLevy");
  });

  it("its examples import the package by name and run against the installed tarball", { timeout: 600_000 }, async () => {
    expect(await run("one-employer.ts")).toContain("premium 6400.00, cut relief 1600.00, effective rate 0.0032");
    expect(await run("csv-batch.ts")).toContain("total premium 32726.24; cut relief 4786.00; sync-induced 2880.00");
    expect((await run("demo.ts")).split("\n")[0]).toBe("示例数据，非真实数据 / ILLUSTRATIVE figures, not real data");
    for (const f of ["levy-window.ts", "deficit.ts", "custom-policy.ts"]) expect((await run(f)).length, f).toBeGreaterThan(0);
    const report = join(dir, "report.html");
    await run("simulation-report.ts", report);
    expect(readFileSync(report, "utf8")).toContain("<html");
    // the same bytes as from the sources
    const fromSources = await exec(process.execPath, ["--import", "tsx", join(root, "examples/one-employer.ts")], { cwd: root, timeout: 200_000 });
    expect(await run("one-employer.ts")).toBe(fromSources.stdout);
  });
});
