/**
 * Every output of the CLI, to stdout or to a file, goes through this module:
 *
 * - each write is checked and repeated until every byte is taken: a short
 *   write is carried on, a write that takes nothing, ENOSPC, EIO or any other
 *   error ends the command with exit 4, `cannot write OUT: reason` /
 *   `无法写入 OUT：原因`;
 * - stdout is written with `fs.write` on fd 1 and each write is awaited, so
 *   that the output is in the kernel's hands before the exit code is set; a
 *   reader that closed the pipe (`| head -1`, EPIPE) ends the command quietly
 *   with exit 0 ({@link StdoutClosed});
 * - a file is written to a temporary name in its own directory
 *   (`.wi-pooling-XXXXXX/`) and renamed over the target, so a failure leaves
 *   the previous file or nothing; a target that exists and is not a regular
 *   file (a device, a FIFO, a socket, or a path through /proc such as
 *   /dev/stdout) is written in place, never replaced; a symbolic link to a
 *   regular file is followed (the file is replaced, the link stays);
 * - while a temporary exists, SIGINT, SIGTERM and SIGHUP remove it and end
 *   the command with 128 + the signal's number (130, 143, 129): see
 *   temporaries.ts; the checked writes themselves are in fdWrite.ts.
 *
 * @module
 */
import { closeSync, open as fsOpen, openSync } from "node:fs";
import { chmod, lstat, mkdir, readlink, realpath, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { copyTo, writeAll, writeAllSync } from "./fdWrite.js";
import { CliError, writeError } from "./io.js";
import { makeTemporary, removeTemporary } from "./temporaries.js";

/**
 * The end of a command whose stdout reader went away (EPIPE: `| head -1`):
 * nothing more is written, no message, exit 0 (the reader had what it wanted).
 */
export class StdoutClosed extends Error {
  constructor() {
    super("stdout closed by its reader");
    this.name = "StdoutClosed";
  }
}

/**
 * Writes `data` to stdout, every byte, and waits until the system has taken
 * it.
 *
 * @param data - the text (UTF-8) or bytes
 * @returns when every byte is written
 * @throws {@link StdoutClosed} when the reader closed the pipe; a `CliError` (exit 4) for any other failure
 * @example
 * ```ts
 * await writeStdout("{}\n");
 * ```
 */
export async function writeStdout(data: string | Uint8Array): Promise<void> {
  try {
    await writeAll(1, data);
  } catch (e) {
    throw stdoutError(e);
  }
}

// ─── targets ──────────────────────────────────────────────────────────

/** Where a file output goes: renamed over `path`, or written in place (not a regular file), with the mode of the file it replaces. */
interface Target {
  path: string;
  inPlace: boolean;
  mode?: number;
}

/** Whether a path goes through /proc (`/dev/stdout`, `/dev/fd/1`): a file descriptor's alias, written in place. */
async function throughProc(path: string): Promise<boolean> {
  try {
    if ((await realpath(dirname(path))).startsWith("/proc/")) return true;
    return (await lstat(path)).isSymbolicLink() && (await readlink(path)).startsWith("/proc/");
  } catch {
    return false;
  }
}

/** How `path` is written (see the module's comment); an existing directory is EISDIR. */
async function targetOf(path: string): Promise<Target> {
  let s: Awaited<ReturnType<typeof stat>>;
  try {
    s = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { path, inPlace: false };
    throw e;
  }
  if (s.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (!s.isFile() || (await throughProc(path))) return { path, inPlace: true };
  return { path: await realpath(path), inPlace: false, mode: s.mode & 0o7777 };
}

/** Opens `path` for writing without blocking the event loop (a FIFO waits for its reader; signals are still handled). */
function openForWriting(path: string, flags: string): Promise<number> {
  return new Promise((resolve, reject) => fsOpen(path, flags, 0o666, (e, fd) => (e ? reject(e) : resolve(fd))));
}

/** Writes `data` (or copies the file `from`) to a target in place: a device, a FIFO, a socket is written, never replaced. */
async function writeInPlace(path: string, from: { file: string } | { data: string | Uint8Array }): Promise<void> {
  const fd = await openForWriting(path, "w");
  try {
    if ("file" in from) await copyTo(from.file, fd);
    else await writeAll(fd, from.data);
  } finally {
    closeSync(fd);
  }
}

/**
 * An output being written: to a temporary file, until {@link commit} puts it
 * where it goes (renamed over the target, copied into a target written in
 * place, or copied to stdout) or {@link discard} drops it.
 */
export class PendingOutput {
  private fd: number | null;
  private constructor(
    /** Where the output goes, as the messages name it: the path as given, or `stdout`. */
    readonly name: string,
    private readonly target: Target | null,
    private readonly tempDir: string,
    /** The temporary file. */
    readonly tempPath: string,
  ) {
    this.fd = openSync(tempPath, "wx", 0o666);
  }

  /**
   * Starts an output to `out` (a path), or to stdout when `out` is undefined.
   * An existing directory as `out` is refused at once (exit 4, `is a
   * directory`), before anything is read.
   */
  static async open(out: string | undefined, fileName = "output"): Promise<PendingOutput> {
    const name = out ?? "stdout";
    try {
      const target = out === undefined ? null : await targetOf(out);
      const dir = makeTemporary(target && !target.inPlace ? dirname(target.path) : tmpdir());
      try {
        return new PendingOutput(name, target, dir, join(dir, fileName));
      } catch (e) {
        await removeTemporary(dir);
        throw e;
      }
    } catch (e) {
      throw writeError(name, e);
    }
  }

  /**
   * Appends bytes to the temporary file: every byte, or exit 4 naming the
   * output (its temporary is beside it, on the same disk) or, for stdout, the
   * temporary file (in the system's temporary directory).
   */
  write(data: string | Uint8Array, offset = 0, end = -1): void {
    try {
      writeAllSync(this.fd!, data, offset, end);
    } catch (e) {
      throw writeError(this.target === null ? `the temporary file ${this.tempPath}` : this.name, e);
    }
  }

  /** Puts the output where it goes and removes the temporary (exit 4 on failure, the previous file left as it was). */
  async commit(): Promise<void> {
    try {
      const fd = this.fd!;
      this.fd = null;
      closeSync(fd);
      if (this.target === null) await copyTo(this.tempPath, 1).catch((e) => Promise.reject(stdoutError(e)));
      else if (this.target.inPlace) await writeInPlace(this.target.path, { file: this.tempPath });
      else {
        if (this.target.mode !== undefined) await chmod(this.tempPath, this.target.mode);
        await rename(this.tempPath, this.target.path);
      }
    } catch (e) {
      throw e instanceof StdoutClosed || e instanceof CliError ? e : writeError(this.name, e);
    } finally {
      await this.discard();
    }
  }

  /** Drops the output: the temporary is removed, the target left as it was. */
  async discard(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await removeTemporary(this.tempDir);
  }
}

/**
 * Writes a whole file: to a temporary name beside it, renamed over it (or in
 * place for a target that is not a regular file).
 *
 * @param path - the file
 * @param data - its content (text as UTF-8)
 * @returns when the file is written
 * @throws a `CliError` (exit 4, `cannot write PATH: reason`); the previous file is left as it was
 * @example
 * ```ts
 * await writeFileWhole("report.html", html);
 * ```
 */
export async function writeFileWhole(path: string, data: string | Uint8Array): Promise<void> {
  const out = await PendingOutput.open(path);
  try {
    out.write(data);
  } catch (e) {
    await out.discard();
    throw e;
  }
  await out.commit();
}

/**
 * Writes files into a directory (made when missing), all or none as far as
 * the system allows: every regular file is first written to a temporary
 * directory `.wi-pooling-XXXXXX` inside it, then each is renamed into place
 * (a rename within a directory does not run out of space); a file that exists
 * and is not a regular file is written in place, last. A failure before the
 * renames leaves the directory as it was (a directory this call made is
 * removed).
 *
 * @param dir - the directory
 * @param files - each file's name (no `/`) and content
 * @returns when every file is written
 * @throws a `CliError` (exit 4, `cannot write DIR: reason`)
 * @example
 * ```ts
 * await writeFilesWhole("out", [{ name: "a.json", data: "{}\n" }]);
 * ```
 */
export async function writeFilesWhole(dir: string, files: readonly { name: string; data: string | Uint8Array }[]): Promise<void> {
  let made: string | undefined;
  let temp: string | undefined;
  try {
    made = await mkdir(dir, { recursive: true });
    temp = makeTemporary(dir);
    const inPlace: { path: string; data: string | Uint8Array }[] = [];
    const renames: { from: string; to: string }[] = [];
    for (const f of files) {
      const target = await targetOf(join(dir, f.name));
      if (target.inPlace) {
        inPlace.push({ path: target.path, data: f.data });
        continue;
      }
      const from = join(temp, f.name);
      const fd = openSync(from, "wx", 0o666);
      try {
        writeAllSync(fd, f.data);
      } finally {
        closeSync(fd);
      }
      if (target.mode !== undefined) await chmod(from, target.mode);
      renames.push({ from, to: target.path });
    }
    for (const r of renames) await rename(r.from, r.to);
    made = undefined; // written: kept from here on
    for (const f of inPlace) await writeInPlace(f.path, { data: f.data });
  } catch (e) {
    if (made !== undefined) await rm(made, { recursive: true, force: true }).catch(() => undefined);
    throw writeError(dir, e);
  } finally {
    if (temp !== undefined) await removeTemporary(temp);
  }
}

/** A stdout write error as the command's end (see {@link writeStdout}). */
function stdoutError(e: unknown): Error {
  if (e instanceof StdoutClosed || e instanceof CliError) return e;
  return (e as NodeJS.ErrnoException)?.code === "EPIPE" ? new StdoutClosed() : writeError("stdout", e);
}
