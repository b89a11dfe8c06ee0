/**
 * The progress bar of a stress test on a terminal (the analysis commands'
 * outputs go through output.ts like every other).
 *
 * @module
 */
import type { ProgressStream } from "./progress.js";

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
