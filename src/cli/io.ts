/**
 * Exit codes, messages and file helpers of the CLI: the only code of the
 * package with I/O.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { definePolicy, isPoolingError, type Policy, type PoolingError, RELIEF_2020, SUZHOU_2020, withReliefOverlays } from "../index.js";

/** Exit codes (documented in docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug): please report it. */
  internal: 1,
  /** Invalid input data: nothing was written to stdout. */
  invalidInput: 2,
  /** Wrong arguments. */
  usage: 3,
  /** A file could not be read or written. */
  io: 4,
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
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(EXIT.invalidInput, `${path} is not valid JSON: ${(e as Error).message}\n${path} 不是有效的 JSON`);
  }
}

/** Both messages of a PoolingError, for stderr. */
export function describeError(e: PoolingError, where?: string): string {
  return `${where ? `${where}: ` : ""}${e.message}\n${where ? " ".repeat(where.length + 2) : ""}${e.messageZh}`;
}

/** The policy the options ask for: a JSON file, and/or the 2020 relief overlay. */
export async function loadPolicy(policyPath: string | undefined, relief2020: boolean | undefined): Promise<Policy> {
  let policy: Policy = SUZHOU_2020;
  if (policyPath) {
    try {
      policy = definePolicy(parseJson(await readText(policyPath), policyPath));
    } catch (e) {
      if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, describeError(e, policyPath));
      throw e;
    }
  }
  return relief2020 ? withReliefOverlays(policy, RELIEF_2020) : policy;
}
