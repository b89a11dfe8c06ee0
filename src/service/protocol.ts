/**
 * The messages between the HTTP side (the main thread) and a compute worker.
 * One job at a time per worker; every message carries the job's id, so that
 * a message of a job already given up is recognised and dropped.
 *
 * @module
 */
import type { Encoding } from "./decode.js";
import type { ServiceLimits } from "./limits.js";

/** The routes computed in a worker. */
export type ComputeRoute = "levy" | "levies" | "simulate" | "explain" | "budget-execution" | "statements" | "compare" | "stress" | "levy-corrections";

/** What a worker is asked to compute. */
export interface JobSpec {
  route: ComputeRoute;
  /** The request's media type (`application/json` or, for `/levies`, `text/csv`). */
  mediaType: string;
  /** The body's encoding. */
  encoding: Encoding;
  /** `?lang=` of `/explain`, `?errors=` of `/levies`. */
  lang: string | null;
  errors: string | null;
  /** `?asOf=` of `/simulate`: the books as known at that period. */
  asOf: string | null;
  /** `/levies`: the client accepts `text/csv`. */
  csvOut: boolean;
  /** `/levies?rawCells=1`: CSV text cells written as they are (no `'` before a formula's first character). */
  rawCells: boolean;
  /** `/levies` CSV answer: `?bom=1`, a UTF-8 byte order mark first. */
  bom?: boolean;
  /** `/levies` CSV body: `?normalize=1`, the common 社保 export forms read (see present/normalize.ts). */
  normalize?: boolean;
  /** The body comes as `chunk` messages then `end` (a CSV batch), not in the job message. */
  streamed: boolean;
}

/** The data a worker starts with. */
export interface WorkerSetup {
  /** The policy's data, or `null` for `SUZHOU_2020` itself. */
  policy: unknown;
  limits: Pick<ServiceLimits, "maxRows" | "maxPeriods">;
}

/** Main thread → worker. */
export type ToWorker =
  | { t: "job"; id: number; spec: JobSpec; body?: Uint8Array }
  | { t: "chunk"; id: number; data: Uint8Array }
  | { t: "end"; id: number }
  /** An output chunk was handed to the socket: the worker may send another. */
  | { t: "ack"; id: number };

/** An answer's status line and headers. */
export interface Head {
  status: number;
  type: string;
  headers: Record<string, string>;
}

/** Worker → main thread: `ready` once, when its modules are loaded (no job before it: the time budget measures computing, not starting). */
export type FromWorker =
  | { t: "ready"; id: 0 }
  /** A whole answer. */
  | ({ t: "reply"; id: number; body: string } & Head)
  /** A streamed answer: its head, then `data` messages, then `end`. */
  | ({ t: "head"; id: number } & Head)
  | { t: "data"; id: number; data: Uint8Array }
  | { t: "end"; id: number }
  /** An input chunk was consumed: the main thread may send another. */
  | { t: "credit"; id: number }
  /** A bug: the stack for the log; the client gets 500 INTERNAL. */
  | { t: "internal"; id: number; stack: string };

/** Output chunks in flight (sent, not yet acknowledged) before a worker waits; the same for input chunks. */
export const WINDOW = 4;
