/**
 * Spawning the built CLI (dist/cli.js: run `npm run build` first)
 * asynchronously, for the fault-injection tests: several runs at once, a
 * stdout that is a pipe, a file descriptor or ignored, and the write faults
 * of faults.cjs preloaded on demand.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const root = new URL("../..", import.meta.url).pathname;
export const cli = join(root, "dist/cli.js");
export const FAULTS = join(root, "test/cli/faults.cjs");

/** A finished run. */
export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** How to run: stdout (a pipe by default), extra environment, a write fault (faults.cjs), the working directory. */
export interface SpawnOptions {
  stdout?: "pipe" | "ignore" | number;
  env?: Record<string, string>;
  fault?: { mode: string; on: "stdout" | "files" };
  cwd?: string;
}

/** Starts the CLI; `done` resolves when it has exited and its pipes are closed. */
export function startCli(args: string[], options: SpawnOptions = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const preload = options.fault ? ["--require", FAULTS] : [];
  const env = { ...process.env, ...options.env, ...(options.fault ? { WI_FAULT: options.fault.mode, WI_FAULT_ON: options.fault.on } : {}) };
  // killed after 150 s: a writer that loops on a stalled device must fail its test, not outlive it
  const child = spawn(process.execPath, [...preload, cli, ...args], {
    cwd: options.cwd ?? root,
    env,
    stdio: ["ignore", options.stdout ?? "pipe", "pipe"],
    timeout: 150_000,
    killSignal: "SIGKILL",
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (c: Buffer) => out.push(c));
  child.stdout?.on("error", () => undefined);
  child.stderr?.on("data", (c: Buffer) => err.push(c));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
  });
  return { child, done };
}

/** Runs the CLI to its end. */
export function runCli(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Waits until `ready()` is true (polled every 10 ms), at most `ms`. */
export async function waitFor(ready: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The message of exit 4: `cannot write OUT: reason` and its Chinese line. */
export const cannotWrite = (out: string, [en, zh]: readonly [string, string]) => `cannot write ${out}: ${en}\n无法写入 ${out}：${zh}\n`;

/** The write faults of faults.cjs (each after 1,000 bytes taken) and the reason the CLI gives for each. */
export const FAILURES = [
  ["full:1000", ["no space left on the device", "磁盘空间不足"]],
  ["eio:1000", ["input/output error (EIO)", "输入输出错误（EIO）"]],
  ["stall:1000", ["short write: the device took no more bytes", "写入不完整：设备不再接收数据"]],
] as const;

/** The reason of /dev/full. */
export const ENOSPC = ["no space left on the device", "磁盘空间不足"] as const;
