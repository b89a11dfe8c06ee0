/**
 * Output helpers of the analysis commands: a file written whole or not at
 * all (a temporary name in the same directory, renamed), and the progress
 * bar of a stress test on a terminal.
 *
 * @module
 */
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CliError, EXIT } from "./io.js";
import type { ProgressStream } from "./progress.js";

/** Writes `text` to `path` through a temporary file renamed into place; a failure is exit 4. */
export async function writeWhole(path: string, text: string): Promise<void> {
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(dirname(path), ".wi-pooling-"));
    const tmp = join(dir, basename(path));
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (e) {
    throw new CliError(EXIT.io, `cannot write ${path}: ${(e as Error).message}\n无法写入 ${path}`);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A progress bar of runs on stderr when it is a terminal (else `undefined`):
 * `[#####-----] 512/1000 runs, 45.2 runs/s, ETA 11 s`, rewritten at most every
 * `everyMs`, cleared at the end.
 */
export function runsProgress(
  stream: ProgressStream = process.stderr,
  now: () => number = () => performance.now(),
  everyMs = 200,
): ((done: number, total: number) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  const started = now();
  let shown = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const t = now();
    if (done < total && t - shown < everyMs) return;
    shown = t;
    const rate = done / Math.max((t - started) / 1000, 1e-3);
    const width = 24;
    const filled = Math.round((width * done) / Math.max(total, 1));
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    stream.write(`\r[${bar}] ${done}/${total} runs, ${rate.toFixed(1)} runs/s, ETA ${((total - done) / rate).toFixed(0)} s\x1b[K`);
    if (done === total) stream.write("\r\x1b[K");
  };
}
