/**
 * Writes to a file descriptor that check every byte: a short write is carried
 * on, a write that takes nothing is an error (`ESHORT`), as is any error of
 * the system; a non-blocking descriptor that is full is waited for. The only
 * writes of the CLI's output (see output.ts).
 *
 * @module
 */
import { closeSync, write as fsWrite, writeSync as fsWriteSync, openSync, readSync } from "node:fs";

/** The error of a write that took no byte (a device that takes no more): `ESHORT`. */
function shortWrite(): NodeJS.ErrnoException {
  return Object.assign(new Error("short write: the device took no more bytes"), { code: "ESHORT" });
}

const asBytes = (data: string | Uint8Array): Uint8Array => (typeof data === "string" ? Buffer.from(data, "utf8") : data);

/** Writes every byte of `data` to `fd` (synchronously: for the temporary files); throws the system's error or `ESHORT`. */
export function writeAllSync(fd: number, data: string | Uint8Array, offset = 0, end = -1): void {
  const bytes = asBytes(data);
  const stop = end < 0 ? bytes.length : end;
  for (let at = offset; at < stop; ) {
    const n = fsWriteSync(fd, bytes, at, stop - at);
    if (n <= 0) throw shortWrite();
    at += n;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes every byte of `data` to `fd` without blocking the event loop (signals are still handled); a non-blocking fd that is full is waited for. */
export async function writeAll(fd: number, data: string | Uint8Array): Promise<void> {
  const bytes = asBytes(data);
  for (let at = 0; at < bytes.length; ) {
    let n: number;
    try {
      n = await new Promise<number>((resolve, reject) => fsWrite(fd, bytes, at, bytes.length - at, null, (e, written) => (e ? reject(e) : resolve(written))));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      await pause(5);
      continue;
    }
    if (n <= 0) throw shortWrite();
    at += n;
  }
}

/** Copies the file at `path` to `fd`, 1 MiB at a time (the temporary file of an output: its read errors are reported as the output's). */
export async function copyTo(path: string, fd: number): Promise<void> {
  const from = openSync(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(from, buffer, 0, buffer.length, null);
      if (n === 0) return;
      await writeAll(fd, buffer.subarray(0, n));
    }
  } finally {
    closeSync(from);
  }
}
