/**
 * The integration project's global setup: the tests there run the build in dist/ (the CLI spawned,
 * the packed tarball, the declarations), so dist/ must be there and newer than what it is built
 * from. `npm test` builds before vitest starts, and this check is then a few `stat`s; a run of the
 * integration project alone on a stale or missing dist/ builds it here, once for the whole run —
 * never once per file, and never while a test file reads it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;

/** The files dist/ is built from: the sources, the package manifest and the build's own config. */
const INPUTS = ["src", "package.json", "tsup.config.ts", "tsconfig.json"];
/** The outputs the integration tests use; all must be newer than every input. */
const OUTPUTS = ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/cli.js"];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** Why dist/ needs a build, or null when it is fresh. */
export function staleDist(dir = root): string | null {
  const missing = OUTPUTS.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) return `missing ${missing.join(", ")}`;
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(dir, f)).mtimeMs));
  const source = Math.max(...INPUTS.filter((f) => existsSync(join(dir, f))).map((f) => newest(join(dir, f))));
  return source > built ? "a source is newer than the build" : null;
}

export default function setup(): void {
  const why = staleDist();
  if (why === null) return;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  process.stderr.write(`integration tests: dist/ is stale (${why}); building once (npm run build)\n`);
  execFileSync(npm, ["run", "-s", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], timeout: 900_000 });
  const still = staleDist();
  if (still !== null) throw new Error(`npm run build left dist/ stale: ${still}`);
}
