/**
 * `POST /levies` inside a worker: a batch of any size the body limit admits,
 * in flat memory. The records are read as they arrive (CSV parsed row by row
 * from the body's chunks) and go through the library's `streamLevies` twice:
 * first to validate every record (the answer is all or nothing: one bad
 * record is a 400 listing every bad one), then, when the batch stands, to
 * write each levy as it is computed, in order. Neither pass holds the
 * results; a streamed body's bytes are spooled to a temporary file as the
 * first pass reads them, and read back from it for the second, so that memory
 * stays flat whatever the body's size.
 *
 * @module
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { type LevyInput, type LevyTotals, type Policy, PoolingError, streamLevies } from "../index.js";
import { levyCsvHeader, levyCsvHeaderIn, levyCsvRowIn, levyCsvTotalsIn, StrayQuoteFilter } from "../report.js";
import { MAX_LISTED_ERRORS } from "../schemas.js";
import { type BatchError, batchError } from "./batch.js";
import { Spool } from "./bodySpool.js";
import { CsvNormalizer } from "./clerk.js";
import { decodeBody, invalidEncoding, parseJsonBody } from "./compute.js";
import { CsvFormatError, csvParseError, LEVY_CSV_PARSE_OPTIONS, LevyCsvReader, NO_ROWS } from "./csv.js";
import { createDecoder, InvalidEncodingError } from "./decode.js";
import { HttpError, serviceError } from "./httpError.js";
import { tooManyRows } from "./limits.js";
import type { Head, JobSpec } from "./protocol.js";

/** Where a streamed answer goes: its head once, then text in order. */
export interface Sink {
  head(head: Head): void;
  /** Queues text; resolves when more may be written. */
  write(text: string): Promise<void>;
  /** Sends what is queued and ends the answer. */
  end(): Promise<void>;
}

/** A body's bytes: read as they arrive the first time, then again from what was kept (when it was kept: else from a spool). */
export interface BodyBytes {
  first(): AsyncIterable<Uint8Array>;
  /** The bytes again, when they are held anyway (a body received whole); absent for a streamed body. */
  again?: () => Iterable<Uint8Array>;
}

/** The records of a batch, with the line of the last one read (CSV). */
interface Records {
  inputs(pass: 1 | 2): AsyncIterable<LevyInput> | Iterable<LevyInput>;
  line: number | undefined;
  /** `errors=collect`: the rows of the wrong length, by their index in the batch (each stands in the batch as a bad record). */
  structural?: Map<number, BatchError>;
  /** `?normalize=1`: the changes of the first pass. */
  norm?: CsvNormalizer;
}

/** What stands in the batch for a row of the wrong length (`errors=collect`): an input the library refuses, reported as the row's structural error. */
const WRONG_LENGTH = Object.freeze({});

const JSON_TYPE = "application/json; charset=utf-8";

/** The levy inputs of a CSV body, one record at a time; at most `maxRows` of them (413 beyond). */
function csvRecords(body: BodyBytes, spec: JobSpec, maxRows: number): Records {
  const structural = new Map<number, BatchError>();
  const records: Records = {
    line: undefined,
    structural,
    async *inputs(pass) {
      const norm = new CsvNormalizer(spec.normalize === true, pass === 1);
      if (pass === 1) records.norm = norm;
      const decoder = createDecoder(spec.encoding);
      const bytes = pass === 1 ? body.first() : body.again!();
      // errors=collect: a line with stray quotes is one bad row, taken out before csv-parse (which would lose its way)
      const quotes = spec.errors === "collect" ? new StrayQuoteFilter() : null;
      async function* texts(): AsyncGenerator<string> {
        for await (const b of bytes) {
          const text = decoder.write(b);
          const out = quotes === null ? text : quotes.push(text);
          if (out) yield out;
        }
        const rest = quotes === null ? decoder.end() : quotes.push(decoder.end()) + quotes.end();
        if (rest) yield rest;
      }
      const parser = parse(LEVY_CSV_PARSE_OPTIONS);
      const source = Readable.from(texts());
      source.on("error", (e) => parser.destroy(e));
      source.pipe(parser);
      const reader = new LevyCsvReader();
      let count = 0;
      /** The stray-quote lines before `line`, each standing in the batch at its index as a bad record. */
      function* strays(line: number): Generator<LevyInput> {
        while (quotes !== null && quotes.taken.length > 0 && quotes.taken[0]!.line < line) {
          const { line: at, message, messageZh } = quotes.taken.shift()!;
          structural.set(count, {
            name: "ServiceError",
            code: "INVALID_CSV",
            path: [count],
            message,
            messageZh,
            index: count,
            line: at,
          } as unknown as BatchError);
          if (++count > maxRows) throw tooManyRows(maxRows);
          records.line = at;
          yield WRONG_LENGTH as LevyInput;
        }
      }
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          yield* strays(info.lines);
          let input: LevyInput | undefined;
          try {
            input = reader.take(
              norm.cells(record, info.lines, (h) => levyCsvHeader(h).fields),
              info.lines,
            );
          } catch (e) {
            if (!(spec.errors === "collect" && e instanceof CsvFormatError && e.code === "INVALID_CSV")) throw e;
            // a row of the wrong length, collected: it stands in the batch at its index, as a bad record
            structural.set(count, {
              name: "ServiceError",
              code: e.code,
              path: [count],
              message: e.message,
              messageZh: e.messageZh,
              index: count,
              line: e.line,
            } as unknown as BatchError);
            input = WRONG_LENGTH as LevyInput;
          }
          if (input === undefined) continue;
          if (++count > maxRows) throw tooManyRows(maxRows);
          records.line = info.lines;
          yield input;
        }
        yield* strays(Number.POSITIVE_INFINITY);
      } catch (e) {
        if (e instanceof InvalidEncodingError) throw invalidEncoding(spec);
        if (e instanceof CsvFormatError) {
          throw new HttpError(400, {
            name: "ServiceError",
            code: e.code,
            path: e.column ? [e.column] : [],
            message: e.message,
            messageZh: e.messageZh,
            line: e.line,
          });
        }
        if (e instanceof HttpError) throw e;
        const csvError = csvParseError(e);
        throw new HttpError(400, {
          name: "ServiceError",
          code: csvError.code,
          path: [],
          message: csvError.message,
          messageZh: csvError.messageZh,
          line: csvError.line,
        });
      } finally {
        source.destroy();
        parser.destroy();
      }
    },
  };
  return records;
}

/** The levy inputs of a JSON array body (parsed whole: the body limit bounds it); at most `maxRows` (413 beyond). */
async function jsonRecords(body: BodyBytes, spec: JobSpec, maxRows: number): Promise<Records> {
  const parts: Uint8Array[] = [];
  for await (const b of body.first()) parts.push(b);
  const value = parseJsonBody(decodeBody(Buffer.concat(parts), spec));
  if (!Array.isArray(value)) {
    throw new HttpError(400, new PoolingError("INVALID_TYPE", [], { en: "expected a JSON array of levy inputs", zh: "应为缴费记录的 JSON 数组" }).toJSON());
  }
  if (value.length > maxRows) throw tooManyRows(maxRows);
  return { line: undefined, inputs: () => value as LevyInput[] };
}

/** The first pass: every record validated and computed, nothing kept but the bad records listed and counts. */
async function validate(records: Records, policy: Policy): Promise<{ count: number; errors: BatchError[]; omitted: number }> {
  const stream = streamLevies(records.inputs(1) as AsyncIterable<LevyInput>, { errors: "collect" }, policy);
  const errors: BatchError[] = [];
  let count = 0;
  let omitted = 0;
  for (let next = await stream.next(); !next.done; next = await stream.next()) {
    count++;
    const o = next.value;
    if (o.ok) continue;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(records.structural?.get(o.index) ?? batchError(o, records.line));
    else omitted++;
  }
  return { count, errors, omitted };
}

/**
 * Answers `POST /levies` into `sink`: 200 with `computeLevies`'s result (or,
 * with `errors=collect`, the collected batch; with `csvOut`, the CLI's CSV),
 * byte for byte as `JSON.stringify` would write the whole.
 *
 * @param spec - the request (media type, encoding, `errors`, `csvOut`)
 * @param body - its bytes (a streamed body is spooled to a temporary file for the second pass)
 * @param policy - the service's policy
 * @param maxRows - the row budget
 * @param sink - where the answer goes
 * @returns once the answer is written
 * @throws HttpError, before anything is written: 400 (`INVALID_JSON`, `INVALID_ENCODING`, `INVALID_CSV`, `UNKNOWN_KEY`, `DUPLICATE_COLUMN`, `NO_ROWS`, a bad record's code), 413 `TOO_MANY_ROWS`
 * @example
 * ```ts
 * await leviesJob(spec, body, SUZHOU_2020, 1_000_000, sink); // sink.head({ status: 200, … }), then the batch in chunks
 * ```
 */
export async function leviesJob(spec: JobSpec, body: BodyBytes, policy: Policy, maxRows: number, sink: Sink): Promise<void> {
  if (body.again !== undefined || spec.mediaType !== "text/csv") return answer(spec, body, policy, maxRows, sink);
  const spool = await Spool.open();
  try {
    await answer(spec, { first: () => spool.tee(body.first()), again: () => spool.read() }, policy, maxRows, sink);
  } finally {
    await spool.close();
  }
}

/** {@link leviesJob} with a body readable twice. */
async function answer(spec: JobSpec, body: BodyBytes, policy: Policy, maxRows: number, sink: Sink): Promise<void> {
  const collect = spec.errors === "collect";
  const records = spec.mediaType === "text/csv" ? csvRecords(body, spec, maxRows) : await jsonRecords(body, spec, maxRows);
  const { count, errors, omitted } = await validate(records, policy);
  if (count === 0) throw serviceError(400, "NO_ROWS", NO_ROWS[0], NO_ROWS[1], {}, []);
  if (!collect && errors.length > 0) {
    // beyond the first 1,000 bad records listed, their count (only then: the body is otherwise the first error's)
    throw new HttpError(400, { ...errors[0]!, errors, ...(omitted > 0 ? { errorsOmitted: omitted } : {}) });
  }
  const csv = !collect && spec.csvOut;
  const lang = spec.lang === "zh" ? "zh" : "en";
  sink.head({ status: 200, type: csv ? "text/csv; charset=utf-8" : JSON_TYPE, headers: records.norm?.headers() ?? {} });
  await sink.write(csv ? `${spec.bom === true ? "\uFEFF" : ""}${levyCsvHeaderIn(lang)}` : '{"items":[');
  const stream = streamLevies(records.inputs(2) as AsyncIterable<LevyInput>, { errors: "collect" }, policy);
  let first = true;
  let totals: LevyTotals;
  for (;;) {
    const next = await stream.next();
    if (next.done) {
      totals = next.value;
      break;
    }
    const o = next.value;
    if (!o.ok) continue;
    await sink.write(csv ? levyCsvRowIn(o.levy, lang, { rawCells: spec.rawCells }) : `${first ? "" : ","}${JSON.stringify(o.levy)}`);
    first = false;
  }
  if (csv) await sink.write(levyCsvTotalsIn(totals, lang));
  else await sink.write(`],"totals":${JSON.stringify(totals)}${collect ? `,"errors":${JSON.stringify(errors)},"errorsOmitted":${omitted}` : ""}}`);
  await sink.end();
}
