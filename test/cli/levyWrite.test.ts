/**
 * `runLevy`'s writes at the end of a run (the rename of the temporary file to
 * `--out`, the copy to stdout) failing: exit 4 "cannot write OUT", never an
 * unexpected error (a closed stdout: the quiet StdoutClosed), and no
 * temporary file left behind. The failures are
 * injected (the CLI test covers an existing directory as `--out`, refused
 * before the input is read).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const failures = vi.hoisted(() => ({ rename: null as NodeJS.ErrnoException | null, stdout: null as NodeJS.ErrnoException | null }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: (from: string, to: string) => (failures.rename ? Promise.reject(failures.rename) : actual.rename(from, to)) };
});
// the writes to stdout (fd 1) of the output module: failing when asked (no byte of the test's own stdout is written then)
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const write = (fd: number, ...rest: unknown[]) => {
    const callback = rest.at(-1) as (e: NodeJS.ErrnoException) => void;
    if (fd === 1 && failures.stdout) return process.nextTick(callback, failures.stdout);
    return (actual.write as (...a: unknown[]) => void)(fd, ...rest);
  };
  return { ...actual, write, default: { ...actual, write } };
});

const { CliError } = await import("../../src/cli/io.js");
const { runLevy } = await import("../../src/cli/levy.js");
const { StdoutClosed } = await import("../../src/cli/output.js");
const { SUZHOU_2020 } = await import("../../src/index.js");

const dir = mkdtempSync(join(tmpdir(), "wi-levy-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  failures.rename = null;
  failures.stdout = null;
});
const input = join(dir, "in.csv");
writeFileSync(input, "period,industryClass,payroll\n2021-07,1,1\n");
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const options = (out?: string) => ({ file: input, out, encoding: "utf-8" as const, policy: SUZHOU_2020, json: false, bom: false, totals: true });

/** The CliError runLevy rejects with. */
async function failure(run: Promise<number>): Promise<{ exitCode: number; message: string }> {
  const e = await run.then(
    () => expect.fail("runLevy succeeded"),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CliError);
  return { exitCode: (e as InstanceType<typeof CliError>).exitCode, message: (e as Error).message };
}

describe("levy: the final write failing", () => {
  it("the rename to --out: exit 4, cannot write OUT with the reason in both languages; no temporary file left", async () => {
    const out = join(dir, "out.csv");
    for (const [code, en, zh] of [
      ["EXDEV", "EXDEV", "EXDEV"],
      ["EACCES", "permission denied", "没有权限"],
      ["ENOSPC", "no space left on the device", "磁盘空间不足"],
      ["EISDIR", "is a directory", "是目录"],
    ] as const) {
      failures.rename = errno(code);
      expect(await failure(runLevy(options(out)))).toEqual({ exitCode: 4, message: `cannot write ${out}: ${en}\n无法写入 ${out}：${zh}` });
      expect(readdirSync(dir)).toEqual(["in.csv"]);
    }
    failures.rename = null;
    expect(await runLevy(options(out))).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["in.csv", "out.csv"]);
    rmSync(out);
  });

  it("the copy to stdout: exit 4, cannot write stdout (EPIPE: a quiet end); no temporary file left", async () => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      failures.stdout = errno("EIO");
      expect(await failure(runLevy(options()))).toEqual({
        exitCode: 4,
        message: "cannot write stdout: input/output error (EIO)\n无法写入 stdout：输入输出错误（EIO）",
      });
      expect(readdirSync(tmp)).toEqual([]);
      // a reader that closed the pipe (| head -1) had what it wanted: StdoutClosed, which the CLI ends quietly with exit 0
      failures.stdout = errno("EPIPE");
      const e = await runLevy(options()).then(
        () => expect.fail("runLevy succeeded"),
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(StdoutClosed);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
