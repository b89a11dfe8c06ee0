/**
 * The progress line of long CLI runs, on stderr when it is a terminal.
 *
 * @module
 */

/** Where the line goes: a stream that may be a terminal. @internal */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * The `onPeriod` of a `simulate` run: periods, periods/s and the time left,
 * on one line rewritten at most every `everyMs` (and at the last period), then
 * cleared; `undefined` (no line) when the stream is not a terminal.
 * @internal
 */
export function simulateProgress(
  stream: ProgressStream = process.stderr,
  now: () => number = () => performance.now(),
  everyMs = 200,
): ((progress: { done: number; total: number }) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  const started = now();
  let shown = Number.NEGATIVE_INFINITY;
  return ({ done, total }) => {
    const t = now();
    if (done < total && t - shown < everyMs) return;
    shown = t;
    const seconds = Math.max((t - started) / 1000, 1e-3);
    const rate = done / seconds;
    const eta = ((total - done) / rate).toFixed(1);
    stream.write(`\r${done}/${total} periods, ${rate.toFixed(1)} periods/s, ETA ${eta} s\x1b[K`);
    if (done === total) stream.write("\r\x1b[K");
  };
}
