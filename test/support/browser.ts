/**
 * The Chromium of the browser tests, found without a network: `CHROMIUM_PATH`, else a Chrome or
 * Chromium installed in the usual places, else the one shipped inside the npm package
 * `@sparticuz/chromium` (a dev dependency: its binary is in the package, unpacked here, never
 * downloaded). Never a test tool's own download.
 *
 * `WI_POOLING_BROWSER` narrows the search: `system` (installed browsers only) or `npm` (the npm
 * package only, e.g. to prove it works on a machine that also has a system Chromium).
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Where a browser came from. */
export type BrowserSource = "CHROMIUM_PATH" | "system" | "npm";

/** A browser to launch: its binary and where it was found. */
export interface ResolvedBrowser {
  executablePath: string;
  source: BrowserSource;
}

/**
 * Headless flags for a machine whose only network is a package registry: no sandbox (the tests run as
 * root in CI), no GPU, and none of Chromium's background connections (refused here, many at a time).
 * The caller adds a new empty `--user-data-dir` (Playwright's `launchPersistentContext` does).
 */
export const HEADLESS_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The names a Chrome or Chromium goes by on Linux, in the order tried. */
const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
/** Directories searched besides PATH: where Debian, Ubuntu and Google's packages put them. */
const SYSTEM_DIRS = ["/usr/bin", "/usr/local/bin", "/snap/bin"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An installed Chrome or Chromium: on PATH first, then in the usual directories; undefined when none. */
export function findSystemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? "").split(delimiter).filter(Boolean), ...SYSTEM_DIRS];
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The Chromium of `@sparticuz/chromium`, unpacked once per version into the system temp directory.
 * The package's `executablePath()` unpacks into `$TMPDIR`, so it runs in a child process whose
 * `TMPDIR` is a private staging directory, renamed into place when complete: two test runs at once
 * never launch a half-written binary.
 */
export function npmChromium(): string {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `@sparticuz/chromium ships a Linux x64 binary only (this is ${process.platform} ${process.arch}): install Chrome or Chromium, or set CHROMIUM_PATH`,
    );
  }
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("@sparticuz/chromium");
  } catch {
    throw new Error("@sparticuz/chromium is not installed: run `npm ci` (it is a dev dependency of this repository).");
  }
  const pkgDir = join(dirname(entry), "..", "..");
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
  const target = join(tmpdir(), `wi-pooling-chromium-${version}`);
  const binary = join(target, "chromium");
  if (isExecutable(binary)) return binary;

  const staging = mkdtempSync(join(tmpdir(), `wi-pooling-chromium-${version}-staging-`));
  const esmEntry = pathToFileURL(join(pkgDir, "build", "esm", "index.js")).href;
  const script = `const { default: chromium } = await import(${JSON.stringify(esmEntry)}); process.stdout.write(await chromium.executablePath());`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
    encoding: "utf8",
    timeout: 180_000,
  });
  const unpacked = (run.stdout ?? "").trim();
  if (run.status !== 0 || unpacked !== join(staging, "chromium") || !isExecutable(unpacked)) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`@sparticuz/chromium could not unpack its Chromium (exit ${run.status}): ${(run.stderr ?? "").trim() || unpacked}`);
  }
  try {
    renameSync(staging, target);
  } catch (e) {
    // another run put it in place first: use theirs
    rmSync(staging, { recursive: true, force: true });
    if (!isExecutable(binary)) throw e;
  }
  return binary;
}

/**
 * The browser for the browser tests: `CHROMIUM_PATH` when set (and not empty), else (unless
 * `WI_POOLING_BROWSER=npm`) an installed Chrome or Chromium, else (unless `WI_POOLING_BROWSER=system`)
 * the npm package's. Throws, saying what to install, when none is found: never a silent skip.
 */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): ResolvedBrowser {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, source: "CHROMIUM_PATH" };
  }
  const only = env.WI_POOLING_BROWSER?.trim() || undefined;
  if (only !== undefined && only !== "system" && only !== "npm") throw new Error(`WI_POOLING_BROWSER must be "system" or "npm", got ${JSON.stringify(only)}`);
  if (only !== "npm") {
    const system = findSystemChromium(env);
    if (system) return { executablePath: system, source: "system" };
    if (only === "system") {
      throw new Error(`WI_POOLING_BROWSER=system but no ${SYSTEM_NAMES.join(", ")} on PATH or in ${SYSTEM_DIRS.join(", ")}`);
    }
  }
  return { executablePath: npmChromium(), source: "npm" };
}
