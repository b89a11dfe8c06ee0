/**
 * A compute worker of the service (node:worker_threads): takes one job at a
 * time from the HTTP thread, computes it with the library and sends the
 * answer back, in chunks for a streamed batch, never more than a few chunks
 * ahead of the socket. The HTTP thread stays free for every other client, and
 * a job over its time or memory budget is stopped by terminating its worker.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { definePolicy, type Policy, PoolingError, SUZHOU_2020 } from "../index.js";
import { refusedBody } from "./clerk.js";
import { computeJson, decodeBody, parseJsonBody } from "./compute.js";
import { levyCorrectionsCsvAnswer } from "./corrections.js";
import { HttpError } from "./httpError.js";
import { type BodyBytes, leviesJob, type Sink } from "./leviesJob.js";
import { type FromWorker, type JobSpec, type ToWorker, WINDOW, type WorkerSetup } from "./protocol.js";

const port = parentPort!;
const setup = workerData as WorkerSetup;
const policy: Policy = setup.policy === null ? SUZHOU_2020 : definePolicy(setup.policy);
const JSON_TYPE = "application/json; charset=utf-8";

const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer ?? []);

/** The job being computed: its id, its body's chunks still to read, and the output's flow control. */
interface Current {
  id: number;
  chunks: Uint8Array[];
  ended: boolean;
  /** Woken when a chunk or the end arrives. */
  wakeInput: (() => void) | null;
  /** Output chunks sent and not yet acknowledged. */
  unacked: number;
  wakeOutput: (() => void) | null;
}
let current: Current | null = null;

/** The body of a streamed job: chunks as they arrive (each one acknowledged), not kept (the job spools them for its second reading). */
function streamedBody(job: Current): BodyBytes {
  return {
    async *first() {
      for (;;) {
        const chunk = job.chunks.shift();
        if (chunk !== undefined) {
          post({ t: "credit", id: job.id });
          yield chunk;
          continue;
        }
        if (job.ended) return;
        await new Promise<void>((resolve) => {
          job.wakeInput = resolve;
        });
        job.wakeInput = null;
      }
    },
  };
}

/** The output of a streamed answer: text gathered into 64 KB chunks, at most `WINDOW` of them unacknowledged. */
function sinkOf(job: Current): Sink {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = Buffer.from(parts.join(""), "utf8");
    parts = [];
    size = 0;
    job.unacked++;
    post({ t: "data", id: job.id, data });
    while (job.unacked >= WINDOW) {
      await new Promise<void>((resolve) => {
        job.wakeOutput = resolve;
      });
      job.wakeOutput = null;
    }
  };
  return {
    head: (h) => post({ t: "head", id: job.id, ...h }),
    async write(text) {
      parts.push(text);
      size += text.length;
      if (size >= 1 << 16) await flush();
    },
    async end() {
      await flush();
      post({ t: "end", id: job.id });
    },
  };
}

/** Computes one job and answers it; an error becomes the service's JSON error. */
async function run(job: Current, spec: JobSpec, body: Uint8Array | undefined): Promise<void> {
  let value: unknown;
  try {
    if (spec.route === "levies") {
      const bytes: BodyBytes = spec.streamed
        ? streamedBody(job)
        : {
            async *first() {
              if (body) yield body;
            },
            again: () => (body ? [body] : []),
          };
      await leviesJob(spec, bytes, policy, setup.limits.maxRows, sinkOf(job));
      return;
    }
    value = parseJsonBody(decodeBody(body ?? new Uint8Array(), spec));
    const result = computeJson(spec.route, value, spec, policy, setup.limits);
    const csv = spec.route === "levy-corrections" ? levyCorrectionsCsvAnswer(result, spec) : null;
    if (csv !== null) post({ t: "reply", id: job.id, status: 200, type: "text/csv; charset=utf-8", headers: {}, body: csv });
    else post({ t: "reply", id: job.id, status: 200, type: JSON_TYPE, headers: {}, body: JSON.stringify(result) });
  } catch (e) {
    if (e instanceof HttpError) post({ t: "reply", id: job.id, status: e.status, type: JSON_TYPE, headers: e.headers, body: JSON.stringify(e.body) });
    else if (e instanceof PoolingError) {
      post({ t: "reply", id: job.id, status: 400, type: JSON_TYPE, headers: {}, body: JSON.stringify(refusedBody(spec.route, value, e, policy)) });
    } else post({ t: "internal", id: job.id, stack: (e as Error)?.stack ?? String(e) });
  } finally {
    if (current === job) current = null;
  }
}

port.on("message", (m: ToWorker) => {
  if (m.t === "job") {
    current = { id: m.id, chunks: [], ended: false, wakeInput: null, unacked: 0, wakeOutput: null };
    void run(current, m.spec, m.body);
    return;
  }
  const job = current;
  if (job === null || job.id !== m.id) return; // a message of a job already answered
  if (m.t === "chunk") job.chunks.push(m.data);
  else if (m.t === "end") job.ended = true;
  else if (m.t === "ack") {
    job.unacked--;
    job.wakeOutput?.();
    return;
  }
  job.wakeInput?.();
});

post({ t: "ready", id: 0 });
