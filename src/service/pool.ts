/**
 * The service's compute workers: a fixed number of threads and a bounded
 * queue of jobs waiting for one. A job over its time budget, or one whose
 * worker runs out of memory or dies, is failed and its worker replaced; the
 * HTTP thread never computes and never waits.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerSetup } from "./protocol.js";

/** Why a job failed without an answer from its worker. */
export type JobFailure = "time" | "memory" | "crash";

/** A job as the pool runs it: started on a worker, fed its messages, told of a failure. */
export interface Job {
  /** Called once a worker is free: send the job's messages through `send`. */
  start(send: (m: ToWorker, transfer?: ArrayBuffer[]) => void): void;
  /** Each message of the worker while the job runs. */
  message(m: FromWorker): void;
  /** The worker was stopped or died: the job will get no more messages. */
  fail(why: JobFailure, detail: string): void;
}

/** What the pool needs to know. */
export interface PoolOptions {
  script: URL;
  setup: WorkerSetup;
  workers: number;
  maxQueue: number;
  maxTime: number;
  workerHeapMb: number;
  log: (line: string) => void;
}

interface Slot {
  worker: Worker;
  /** Its modules loaded: it may take a job. */
  ready: boolean;
  /** Stopped or died: its exit is no news. */
  dead: boolean;
  job: Job | null;
  id: number;
  timer: NodeJS.Timeout | null;
}

/** A fixed set of compute workers with a bounded queue. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const { script, setup, workerHeapMb } = this.options;
    const worker = new Worker(script, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb }, stdout: false, stderr: false });
    const slot: Slot = { worker, ready: false, dead: false, job: null, id: 0, timer: null };
    worker.on("message", (m: FromWorker) => {
      if (m.t === "ready") {
        slot.ready = true;
        this.next();
        return;
      }
      if (slot.job === null || m.id !== slot.id) return;
      const job = slot.job;
      if (m.t === "reply" || m.t === "end" || m.t === "internal") this.finish(slot);
      job.message(m);
    });
    worker.on("error", (e: Error & { code?: string }) => this.lost(slot, e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash", e.stack ?? String(e)));
    worker.on("exit", (code) => this.lost(slot, "crash", `worker exited with code ${code}`));
    return slot;
  }

  /** A worker that died or was stopped: its job failed, a new worker in its place. */
  private lost(slot: Slot, why: JobFailure, detail: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.dead) return; // already replaced, or waiting to be
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    if (this.closed) {
      this.slots.splice(i, 1);
    } else if (!slot.ready) {
      // it died starting (a missing or broken script): the jobs waiting fail, and the next try is a second later
      this.options.log(`worker failed to start: ${detail.split("\n")[0]}`);
      for (const waiting of this.queue.splice(0)) waiting.fail("crash", detail);
      const retry = setTimeout(() => {
        if (!this.closed && this.slots[i] === slot) this.slots[i] = this.spawn();
      }, 1000);
      retry.unref();
    } else {
      this.slots[i] = this.spawn();
      if (why !== "crash" || job) this.options.log(`worker replaced (${why})${job ? "" : ": it was idle"}`);
    }
    job?.fail(why, detail);
    this.next();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.next();
  }

  /** Starts queued jobs on free workers. */
  private next(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job !== null || !slot.ready) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.id = this.nextId++;
      slot.timer = setTimeout(() => this.lost(slot, "time", `over ${this.options.maxTime} ms`), this.options.maxTime);
      const id = slot.id;
      job.start((m, transfer) => {
        if (slot.job === job) slot.worker.postMessage({ ...m, id }, transfer ?? []);
      });
    }
  }

  /** Queues a job; false when every worker is busy and the queue is full (or the pool closed). */
  run(job: Job): boolean {
    if (this.closed) return false;
    const idle = this.slots.some((s) => s.job === null && s.ready);
    if (!idle && this.queue.length >= this.options.maxQueue) return false;
    this.queue.push(job);
    this.next();
    return true;
  }

  /** Gives a job up: dropped from the queue, or its worker stopped and replaced. */
  cancel(job: Job): void {
    const q = this.queue.indexOf(job);
    if (q >= 0) {
      this.queue.splice(q, 1);
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      slot.job = null;
      this.lost(slot, "crash", "cancelled");
    }
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job !== null).length;
  }

  /** Stops every worker (call once every request is answered). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
