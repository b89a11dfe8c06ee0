/**
 * The CLI's temporary directories (`.wi-pooling-XXXXXX`, beside an output or
 * in the system's temporary directory): while one exists, SIGINT, SIGTERM and
 * SIGHUP remove every one and end the command with 128 + the signal's number
 * (130, 143, 129). When none exists the signals keep their default action.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";

/** The temporary directories that exist now (removed on a signal). */
const temporaries = new Set<string>();
/** The signals that end a command and remove its temporaries, with their numbers (the exit code is 128 + the number). */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const dir of temporaries) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // removing what can be removed; the exit below is what matters
    }
  }
  temporaries.clear();
  process.stderr.write(`${signal}: stopped, temporary files removed / 收到 ${signal}：已停止，临时文件已删除\n`);
  process.exit(128 + SIGNALS[signal as keyof typeof SIGNALS]);
}

/**
 * A new temporary directory `.wi-pooling-XXXXXX` in `dir`, created
 * synchronously (so that a signal handler sees it or it does not exist) and
 * removed on SIGINT, SIGTERM and SIGHUP until {@link removeTemporary}.
 */
export function makeTemporary(dir: string): string {
  const path = mkdtempSync(join(dir, ".wi-pooling-"));
  if (temporaries.size === 0) for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
  temporaries.add(path);
  return path;
}

/** Removes a temporary directory made by {@link makeTemporary} (and stops handling signals when none is left). */
export async function removeTemporary(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  temporaries.delete(path);
  if (temporaries.size === 0) for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
}
