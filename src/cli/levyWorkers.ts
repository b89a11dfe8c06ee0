/**
 * `wi-pooling levy` on worker threads (the fast reader's files, CSV out):
 * this thread reads the header, then cuts the rest of the file at line
 * breaks into blocks and sends them to the workers; each worker reads its
 * block's rows as the fast reader does and computes them with the library's
 * calculator (the same functions, the same rules), writing the CSV rows as
 * bytes; this thread writes the blocks' bytes and reports in the file's
 * order, and adds up the blocks' totals (exact sums). The output, stderr and
 * exit code are those of the single-thread run, byte for byte.
 *
 * This module is also the workers' entry: the CLI bundle starts workers on
 * its own file, which then runs {@link startLevyWorker}.
 *
 * @module
 */
import { once } from "node:events";
import { closeSync, openSync, readSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { Levy, LevyInput, LevyTotals, Policy } from "../index.js";
import { step } from "../levy/batch.js";
import { createLevyCalculator } from "../levy/fastLevy.js";
import { type LevyTotalsParts, LevyTotalsSum } from "../levy/totals.js";
import { policyRef } from "../policy/paramsAt.js";
import { levyCsvRow } from "../report.js";
import { type FastCsvPlan, fastCsvHeader, record } from "./csvFast.js";
import { CsvRows } from "./csvRows.js";
import { type Encoding, encodingError } from "./decode.js";
import { CliError, loadPolicy } from "./io.js";
import type { LevyOutput } from "./levyOutput.js";
import { problemsOf } from "./levyProblems.js";

const KIND = "wi-pooling-levy-worker";

/**
 * The default number of workers: one (this thread alone). Each worker loads
 * the library and keeps a heap of its own: measured on a 2-core machine
 * shared with other work, a million rows on two workers took 280–310 MB
 * (over the 200 MB the command keeps to; one thread: about 120 MB), and the
 * time went from 1.2 times faster to 1.3 times slower with the load;
 * `--workers N` asks for them on a machine with cores and memory to spare.
 */
export function defaultLevyWorkers(): number {
  return 1;
}

/** Where the policy comes from (each worker loads it as the command did). */
export interface PolicySource {
  path: string | undefined;
  relief2020: boolean;
}

interface Setup {
  kind: typeof KIND;
  policy: PolicySource;
  path: string;
  plan: FastCsvPlan;
  encoding: Encoding;
  fields: string[];
  rawCells: boolean;
  /** Set to 1 by this thread once a record is bad: the workers stop writing rows (nothing will be written). */
  stop: SharedArrayBuffer;
}
type Job = { seq: number; bytes: Uint8Array; firstLine: number; last: boolean };
interface BlockDone {
  seq: number;
  out: Uint8Array;
  good: number;
  errors: string[];
  skipped: number;
  rows: number;
  warned: number;
  firstWarning: NonNullable<Levy["warnings"]>[number] | undefined;
  totals: LevyTotalsParts;
}
type FromWorker = { done: BlockDone } | { failed: { seq: number; message: string; exit?: number } };

/** The worker's side: computes the blocks it is sent, in the order they come. */
async function startLevyWorker(): Promise<void> {
  const setup = workerData as Setup;
  const policy = await loadPolicy(setup.policy.path, setup.policy.relief2020);
  const calc = createLevyCalculator(policy);
  const stop = new Int32Array(setup.stop);
  const cut = setup.plan.crlf ? 1 : 0;
  let out = Buffer.allocUnsafeSlow(1 << 22);
  parentPort!.on("message", (job: Job | null) => {
    if (job === null) {
      parentPort!.close();
      return;
    }
    try {
      const decoder = new TextDecoder(setup.encoding, { fatal: true, ignoreBOM: true });
      let text: string;
      try {
        text = decoder.decode(job.bytes);
      } catch {
        throw encodingError(setup.path, setup.encoding);
      }
      const totals = new LevyTotalsSum(policyRef(policy));
      const errors: string[] = [];
      const rows = new CsvRows((t) => errors.push(t));
      rows.fields = setup.fields;
      let used = 0;
      let good = 0;
      let warned = 0;
      let firstWarning: BlockDone["firstWarning"];
      const one = (line: string, lineNo: number) => {
        const input = record(line, lineNo, setup.fields, rows);
        if (input === undefined) return;
        const o = step(calc, totals, input as LevyInput, 0, true);
        if (!o.ok) {
          errors.push(problemsOf(o.error, input, `line ${lineNo}`));
          return;
        }
        good++;
        if (o.levy.warnings !== undefined) {
          warned++;
          firstWarning ??= o.levy.warnings[0];
        }
        if (errors.length > 0 || Atomics.load(stop, 0) === 1) return; // nothing will be written: validate only
        const row = levyCsvRow(o.levy, { rawCells: setup.rawCells });
        if (used + row.length * 3 > out.length) {
          const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, used + row.length * 3));
          out.copy(bigger, 0, 0, used);
          out = bigger;
        }
        used += out.write(row, used);
      };
      let lineNo = job.firstLine;
      let pos = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", pos), lineNo++) {
        one(text.slice(pos, nl - cut), lineNo);
        pos = nl + 1;
      }
      if (job.last && pos < text.length) {
        const rest = text.slice(pos);
        one(cut === 1 && rest.endsWith("\r") ? rest.slice(0, -1) : rest, lineNo);
      }
      const bytes = new Uint8Array(used);
      bytes.set(out.subarray(0, used));
      const done: BlockDone = { seq: job.seq, out: bytes, good, errors, skipped: rows.skipped, rows: rows.rows, warned, firstWarning, totals: totals.parts() };
      parentPort!.postMessage({ done } satisfies FromWorker, [bytes.buffer]);
    } catch (e) {
      const exit = e instanceof CliError ? e.exitCode : undefined;
      const message = e instanceof CliError ? e.message : ((e as Error)?.stack ?? String(e));
      parentPort!.postMessage({ failed: { seq: job.seq, message, ...(exit !== undefined ? { exit } : {}) } } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === KIND) void startLevyWorker();

/** The options of a run on workers. */
export interface LevyWorkersRun {
  file: string;
  plan: FastCsvPlan;
  encoding: Encoding;
  policy: Policy;
  source: PolicySource;
  rawCells: boolean;
  workers: number;
}

/**
 * Levies an eligible CSV file on `workers` threads into `out` (CSV), rows
 * and reports in the file's order; returns the totals, or `null` when the
 * header is not in the file's first MB (the caller reads it on one thread).
 */
export async function levyOnWorkers(run: LevyWorkersRun, out: LevyOutput, rows: CsvRows, size: number): Promise<LevyTotals | null> {
  const totals = new LevyTotalsSum(policyRef(run.policy));
  const header = fastCsvHeader(run.file, run.plan, run.encoding, rows);
  if (header === null) return null;
  if (header === "stop") return totals.result();
  const stop = new SharedArrayBuffer(4);
  const setup: Setup = {
    kind: KIND,
    policy: run.source,
    path: run.file,
    plan: run.plan,
    encoding: run.encoding,
    fields: rows.fields!,
    rawCells: run.rawCells,
    stop,
  };
  // blocks of a quarter of each worker's share, 64 KB to 1 MB: enough of them to keep every worker busy
  const blockSize = Math.min(1 << 20, Math.max(1 << 16, Math.ceil((size - header.offset) / (run.workers * 4))));
  const pool = Array.from({ length: run.workers }, () => new Worker(new URL(import.meta.url), { workerData: setup }));
  const fd = openSync(run.file, "r");
  /** The blocks computed (or failed: thrown when their turn comes, after the blocks before them are written). */
  const results = new Map<number, BlockDone | Error>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const onMessage = (m: FromWorker) => {
    if ("done" in m) results.set(m.done.seq, m.done);
    else results.set(m.failed.seq, m.failed.exit !== undefined ? new CliError(m.failed.exit, m.failed.message) : new Error(m.failed.message));
    wake?.();
  };
  for (const w of pool) {
    w.on("message", onMessage);
    w.on("error", (e) => {
      failure ??= e;
      wake?.();
    });
  }
  try {
    let position = header.offset;
    let line = header.line + 1;
    let carry: Buffer = Buffer.alloc(0);
    let sent = 0;
    let written = 0;
    let eof = false;
    /** Sends the next block to worker `seq mod workers` (each worker takes its blocks in order). */
    const send = () => {
      const buf = Buffer.allocUnsafeSlow(carry.length + blockSize);
      carry.copy(buf);
      const n = readSync(fd, buf, carry.length, blockSize, position);
      position += n;
      const end = carry.length + n;
      eof = n === 0;
      const cut = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
      carry = Buffer.from(buf.subarray(cut, end));
      const bytes = new Uint8Array(buf.buffer, 0, cut);
      let lines = 0;
      for (let i = buf.indexOf(10); i >= 0 && i < cut; i = buf.indexOf(10, i + 1)) lines++;
      if (cut === 0 && !eof) return; // no line break in this read yet: read on
      pool[sent % run.workers]!.postMessage({ seq: sent, bytes, firstLine: line, last: eof } satisfies Job, [buf.buffer]);
      line += lines;
      sent++;
    };
    for (;;) {
      while (!eof && sent - written < run.workers * 3) send();
      const done = results.get(written);
      if (done instanceof Error) throw done;
      if (done !== undefined) {
        results.delete(written);
        written++;
        rows.skipped += done.skipped;
        rows.rows += done.rows;
        totals.addParts(done.totals);
        out.block(done.out, done.good, done.warned, done.firstWarning);
        for (const text of done.errors) out.error(text);
        if (out.bad > 0) {
          Atomics.store(new Int32Array(stop), 0, 1);
          if (process.stderr.writableNeedDrain) await once(process.stderr, "drain");
        }
        out.input.bytes = position;
        if (eof && written === sent) return totals.result();
        continue;
      }
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    closeSync(fd);
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
