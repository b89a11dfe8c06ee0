/**
 * The spool of a streamed `POST /levies` body: its bytes kept on disk, not
 * in memory, between the batch's two passes.
 *
 * @module
 */
import { readSync, writeSync } from "node:fs";
import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A streamed body's bytes in a temporary file: written as the first pass
 * reads them, read back in 1 MB chunks for the second. The file is removed
 * at once where the system allows (its data stays reachable through the open
 * handle, and is freed when the handle closes, even if the worker is
 * stopped), else when the job ends.
 */
export class Spool {
  private size = 0;
  private constructor(
    private readonly handle: FileHandle,
    private readonly dir: string,
  ) {}

  static async open(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), "wi-levies-"));
    const path = join(dir, "body");
    const handle = await open(path, "w+");
    if (process.platform !== "win32") await rm(dir, { recursive: true, force: true });
    return new Spool(handle, dir);
  }

  /** The body's bytes as they arrive, each chunk appended to the file before it is passed on. */
  async *tee(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const b of bytes) {
      for (let done = 0; done < b.length; ) done += writeSync(this.handle.fd, b, done, b.length - done, this.size + done);
      this.size += b.length;
      yield b;
    }
  }

  /** The bytes written, read back (each chunk decoded before the next is read: one buffer serves). */
  *read(): Generator<Uint8Array> {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let at = 0; at < this.size; ) {
      const n = readSync(this.handle.fd, buf, 0, Math.min(buf.length, this.size - at), at);
      if (n === 0) return;
      at += n;
      yield buf.subarray(0, n);
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
    if (process.platform === "win32") await rm(this.dir, { recursive: true, force: true });
  }
}
