/**
 * Exit codes, messages and file helpers of the CLI: the only code of the
 * package with I/O.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { definePolicy, isPoolingError, type Policy, type PoolingError, RELIEF_2020, SUZHOU_2020, withReliefOverlays } from "../index.js";
import { inputProblems, type SchemaName } from "../schemas.js";
import { parseJsonStrict } from "../service/json.js";

/** Exit codes (documented in docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a defect of the program). */
  internal: 1,
  /** Invalid input data: nothing was written to stdout. */
  invalidInput: 2,
  /** Wrong arguments. */
  usage: 3,
  /** A file could not be read or written. */
  io: 4,
  /** `levy --errors-out`: some rows were bad; the good ones were written to the output, the bad ones to the errors file. */
  someRowsBad: 5,
} as const;

/** An error that ends the command with an exit code and a message. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Why a file could not be written, in English and Chinese: the system's reason for the common codes, else its code. */
function writeReason(e: unknown): [en: string, zh: string] {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "EISDIR":
      return ["is a directory", "是目录"];
    case "EACCES":
    case "EPERM":
      return ["permission denied", "没有权限"];
    case "ENOSPC":
      return ["no space left on the device", "磁盘空间不足"];
    case "EROFS":
      return ["read-only file system", "文件系统为只读"];
    case "ENOENT":
    case "ENOTDIR":
      return ["no such directory", "目录不存在"];
    case "EPIPE":
      return ["the reading end was closed (EPIPE)", "读取端已关闭（EPIPE）"];
    case "EIO":
      return ["input/output error (EIO)", "输入输出错误（EIO）"];
    case "EDQUOT":
      return ["disk quota exceeded", "超出磁盘配额"];
    case "EFBIG":
      return ["file too large", "文件过大"];
    case "ENXIO":
      return ["cannot be opened for writing (a socket, or a device with nothing behind it)", "无法以写入方式打开（套接字，或没有实际设备的设备文件）"];
    case "ESHORT":
      return ["short write: the device took no more bytes", "写入不完整：设备不再接收数据"];
    default: {
      const why = typeof code === "string" ? code : String((e as Error)?.message ?? e);
      return [why, why];
    }
  }
}

/** The error (exit 4) of an output that could not be written: `cannot write OUT: why` / `无法写入 OUT：原因`. */
export function writeError(target: string, e: unknown): CliError {
  if (e instanceof CliError) return e;
  const [en, zh] = writeReason(e);
  return new CliError(EXIT.io, `cannot write ${target}: ${en}\n无法写入 ${target}：${zh}`);
}

/** Reads a UTF-8 file, or fails with exit code 4. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new CliError(EXIT.io, `cannot read ${path}: ${(e as Error).message}\n无法读取 ${path}`);
  }
}

/** Parses JSON, or fails with exit code 2. */
export function parseJson(text: string, path: string): unknown {
  try {
    return parseJsonStrict(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    // a number a double changes, a key given twice: exit 2 with the code and path
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, describeError(e, path));
    throw new CliError(EXIT.invalidInput, `${path} is not valid JSON: ${(e as Error).message}\n${path} 不是有效的 JSON`);
  }
}

/** Both messages of a PoolingError, for stderr. */
export function describeError(e: PoolingError, where?: string): string {
  return `${where ? `${where}: ` : ""}${e.message}\n${where ? " ".repeat(where.length + 2) : ""}${e.messageZh}`;
}

/** The most problems of one input listed on stderr. */
export const MAX_PROBLEMS = 1000;

/**
 * Every problem of an input the library refused with `error`, for stderr: its
 * shape problems (the library's `inputProblems`, at most {@link MAX_PROBLEMS},
 * then how many more), or, when its shape is valid, the rule the library found
 * broken (`error`: the rules build on each other, the first is reported). The
 * library's own error is always listed. With `count`, a last line says how
 * many problems there are in all when there is more than one.
 */
export function everyProblem(error: PoolingError, name: SchemaName, input: unknown, where: string, count = true, policy?: Policy): string {
  const { listed, rest } = problemList(error, name, input, policy);
  const lines = listed.map((p) => describeError(p, where));
  if (rest > 0) lines.push(`… and ${rest} more problem(s) / 另有 ${rest} 个问题未列出`);
  const total = listed.length + rest;
  if (count && total > 1) lines.push(`${total} problem(s) in ${where} / ${where} 共有 ${total} 个问题`);
  return lines.join("\n");
}

/**
 * The problems of an input the library refused with `error` (see
 * {@link everyProblem}): at most {@link MAX_PROBLEMS}, and how many more.
 */
export function problemList(error: PoolingError, name: SchemaName, input: unknown, policy?: Policy): { listed: PoolingError[]; rest: number } {
  const { problems, more } = inputProblems(name, input, { max: MAX_PROBLEMS, ...(policy ? { policy } : {}) });
  const same = (p: PoolingError) => p.code === error.code && JSON.stringify(p.path) === JSON.stringify(error.path);
  let listed = problems;
  let rest = more;
  if (!problems.some(same)) {
    listed = [error, ...problems];
    if (listed.length > MAX_PROBLEMS) {
      listed = listed.slice(0, MAX_PROBLEMS);
      rest += 1;
    }
  }
  return { listed, rest };
}

/** The policy the options ask for: a JSON file, and/or the 2020 relief overlay. */
export async function loadPolicy(policyPath: string | undefined, relief2020: boolean | undefined): Promise<Policy> {
  let policy: Policy = SUZHOU_2020;
  if (policyPath) {
    let parsed: unknown;
    try {
      parsed = parseJson(await readText(policyPath), policyPath);
      policy = definePolicy(parsed);
    } catch (e) {
      if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, everyProblem(e, "Policy", parsed, policyPath));
      throw e;
    }
  }
  return relief2020 ? withReliefOverlays(policy, RELIEF_2020) : policy;
}
