/**
 * Fault injection for the CLI's writes, preloaded with `node --require`:
 * WI_FAULT is `short` (every write takes at most 1,000 bytes: a correct
 * writer carries on), `full:N` (N bytes are taken, then ENOSPC), `eio:N`
 * (then EIO) or `stall:N` (then each write takes 0 bytes). WI_FAULT_ON is
 * `stdout` (only fd 1) or `files` (every fd but 0, 1 and 2). Patches
 * fs.write and fs.writeSync, the only writes of the CLI's output module.
 */
const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");

const [mode, arg] = (process.env.WI_FAULT ?? "").split(":");
let budget = Number(arg ?? 0);
const on = process.env.WI_FAULT_ON === "stdout" ? (fd) => fd === 1 : (fd) => fd > 2;
const errno = (code) => Object.assign(new Error(`${code}: injected`), { code });

/** How many bytes a write of `length` takes, or the error it fails with. */
function decide(length) {
  if (mode === "short") return Math.min(length, 1000);
  if (budget > 0) {
    const n = Math.min(length, budget);
    budget -= n;
    return n;
  }
  if (mode === "full") return errno("ENOSPC");
  if (mode === "eio") return errno("EIO");
  return 0; // stall
}

const write = fs.write;
const writeSync = fs.writeSync;
fs.writeSync = (...args) => {
  const [fd, buffer, offset, length, position] = args;
  if (!on(fd) || typeof buffer === "string" || !mode) return writeSync(...args);
  const off = offset ?? 0;
  const len = length ?? buffer.byteLength - off;
  const n = decide(len);
  if (n instanceof Error) throw n;
  return n === 0 ? 0 : writeSync(fd, buffer, off, n, position);
};
fs.write = (...args) => {
  const [fd, buffer, offset, length, position] = args;
  const cb = args[args.length - 1];
  if (!on(fd) || typeof buffer === "string" || typeof length !== "number" || !mode) return write(...args);
  const n = decide(length);
  if (n instanceof Error) return process.nextTick(cb, n);
  if (n === 0) return process.nextTick(cb, null, 0, buffer);
  return write(fd, buffer, offset, n, position, cb);
};
syncBuiltinESMExports();
