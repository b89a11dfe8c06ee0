/**
 * Where the results of `wi-pooling levy` go: the output (a temporary file,
 * renamed or copied at the end), written in large synchronous chunks, and
 * stderr, where each bad record is reported as it is found.
 *
 * @module
 */
import type { Levy, LevyTotals } from "../index.js";
import { encodeGb18030, levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn } from "../report.js";
import type { LevyExtras } from "./levyOptions.js";
import type { PendingOutput } from "./output.js";

/** What the output looks like: JSON or CSV, a BOM before CSV, a totals row or not, text cells as they are (`--raw-cells`) or made safe. */
export interface LevyOutputOptions {
  json: boolean;
  bom: boolean;
  totals: boolean;
  rawCells?: boolean;
  /** The clerk's options: language, output encoding, errors file, normalising, cut defaults. */
  extras?: LevyExtras;
}

/**
 * Where the results go: the output file, written in large synchronous
 * chunks, and stderr, where each bad record is reported as it is found. Once
 * a record is bad nothing more is written to the output (it will be
 * discarded), but every record is still validated.
 */
export class LevyOutput {
  /** The output's next bytes: rows are encoded straight into it (no long strings to flatten). */
  private readonly bytes = Buffer.allocUnsafe(1 << 22);
  private used = 0;
  private errors = "";
  /** Good records seen. */
  count = 0;
  /** Bad records (and header problems) seen. */
  bad = 0;
  /** Good records with a warning (a period after the policy's review date), and the first such warning. */
  private warned = 0;
  private firstWarning: NonNullable<Levy["warnings"]>[number] | undefined;
  private readonly progress = process.stderr.isTTY === true;
  private readonly started = performance.now();
  /** Bytes of the input read so far and its size, when known (for the ETA). */
  readonly input = { bytes: 0, size: 0 };
  private readonly json: boolean;
  private readonly lang: "en" | "zh";
  /** The output is GB18030 (`--out-encoding gb18030`). */
  private readonly gb: boolean;
  /** Good rows are written whatever bad rows there are (`--errors-out`). */
  private readonly keepGoing: boolean;

  constructor(
    /** The output's temporary file (every write checked: exit 4 on failure). */
    private readonly sink: PendingOutput,
    private readonly options: LevyOutputOptions,
  ) {
    this.json = options.json;
    this.lang = options.extras?.lang ?? "en";
    this.gb = options.extras?.outEncoding === "gb18030";
    this.keepGoing = options.extras?.errorsOut !== undefined;
    this.put(options.json ? '{"items":[' : `${options.bom ? "\uFEFF" : ""}${levyCsvHeaderIn(this.lang)}`);
  }

  good(levy: Levy): void {
    this.count++;
    if (levy.warnings !== undefined) {
      this.warned++;
      this.firstWarning ??= levy.warnings[0];
    }
    if (this.progress && this.count % 10_000 === 0) this.showProgress();
    if (this.bad > 0 && !this.keepGoing) return; // nothing will be written: validate the rest only
    this.put(this.json ? `${this.count > 1 ? "," : ""}\n${JSON.stringify(levy)}` : levyCsvRowIn(levy, this.lang, this.options));
  }

  /**
   * Good records computed elsewhere (a worker thread): their count, warnings
   * and CSV rows as bytes, as {@link good} would have written them one by one.
   */
  block(bytes: Uint8Array, good: number, warned: number, firstWarning: NonNullable<Levy["warnings"]>[number] | undefined): void {
    const before = this.count;
    this.count += good;
    this.warned += warned;
    if (warned > 0) this.firstWarning ??= firstWarning;
    if (this.progress && Math.floor(this.count / 10_000) > Math.floor(before / 10_000)) this.showProgress();
    if (this.bad > 0 && !this.keepGoing) return;
    if (this.used + bytes.length > this.bytes.length) this.flush();
    if (bytes.length > this.bytes.length) this.sink.write(bytes);
    else {
      this.bytes.set(bytes, this.used);
      this.used += bytes.length;
    }
  }

  private put(text: string): void {
    if (this.gb) {
      const bytes = encodeGb18030(text);
      if (this.used + bytes.length > this.bytes.length) this.flush();
      if (bytes.length > this.bytes.length) this.sink.write(bytes);
      else {
        this.bytes.set(bytes, this.used);
        this.used += bytes.length;
      }
      return;
    }
    // at most 3 bytes per UTF-16 unit
    if (this.used + text.length * 3 > this.bytes.length) {
      this.flush();
      if (text.length * 3 > this.bytes.length) {
        this.sink.write(text);
        return;
      }
    }
    this.used += this.bytes.write(text, this.used);
  }

  /** The progress line (stderr is a terminal): rows, rows/s and, when the input's size is known, the time left. */
  private showProgress(): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rows = this.count + this.bad;
    const rate = rows / Math.max(seconds, 1e-3);
    const { bytes, size } = this.input;
    const eta = size > 0 && bytes > 0 ? ` ETA ${Math.max(0, (seconds * (size - bytes)) / bytes).toFixed(0)} s` : "";
    process.stderr.write(`\r${rows} records, ${Math.round(rate)} rows/s${eta}…\x1b[K`);
  }

  /** A bad record (or header): its message, one or more lines. */
  error(text: string): void {
    this.bad++;
    if (this.progress) process.stderr.write("\r\x1b[K");
    this.errors += `${text}\n`;
    if (this.progress || this.errors.length > 1 << 16) this.flushErrors();
  }

  flush(): void {
    this.sink.write(this.bytes, 0, this.used);
    this.used = 0;
  }

  flushErrors(): void {
    if (this.errors) process.stderr.write(this.errors);
    this.errors = "";
  }

  /** Ends the output with the totals, unless left out (call only when no record was bad). */
  finish(totals: LevyTotals): void {
    if (this.progress && this.count >= 10_000) process.stderr.write(`\r${this.count} records.\n`);
    if (this.json) this.put(this.options.totals ? `\n],"totals":${JSON.stringify(totals)}}\n` : "\n]}\n");
    else if (this.options.totals) this.put(levyCsvTotalsIn(totals, this.lang));
    this.flush();
    const w = this.firstWarning;
    if (w !== undefined) {
      process.stderr.write(
        `warning ${w.code}: ${this.warned} record(s), from ${w.period}: ${w.message}\n注意：${this.warned} 条记录（自 ${w.period} 起）：${w.messageZh}\n`,
      );
    }
  }
}
