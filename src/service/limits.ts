/**
 * The service's limits: how large a request may be and how much work it may
 * ask for. Each is a `wi-pooling serve` option (docs/service.md lists the
 * defaults); a request over one is answered with the service's JSON error,
 * never left to exhaust the process.
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { serviceError } from "./httpError.js";

const MB = 1024 * 1024;

/** The limits of a running service. */
export interface ServiceLimits {
  /** Largest request body in bytes (413 PAYLOAD_TOO_LARGE). */
  maxBody: number;
  /** Most records in one `/levies` batch, CSV or JSON (413 TOO_MANY_ROWS). */
  maxRows: number;
  /** Most periods in one `/simulate` scenario (413 TOO_MANY_PERIODS). */
  maxPeriods: number;
  /** Wall time allowed to compute one request, ms (503 TIME_BUDGET_EXCEEDED; the worker is replaced). */
  maxTime: number;
  /** Compute workers (threads). */
  workers: number;
  /** Requests waiting for a worker; one more is answered 503 SERVICE_BUSY with Retry-After. */
  maxQueue: number;
  /** Heap of each worker, MB (413 MEMORY_BUDGET_EXCEEDED beyond; the worker is replaced). */
  workerHeapMb: number;
}

/** The defaults of {@link ServiceLimits}; `workers` is the machine's available parallelism. */
export function defaultLimits(): ServiceLimits {
  return {
    maxBody: 50 * MB,
    maxRows: 1_000_000,
    maxPeriods: 1200,
    maxTime: 60_000,
    workers: Math.max(1, availableParallelism()),
    maxQueue: 128,
    workerHeapMb: 256,
  };
}

/** Seconds a client is told to wait (`Retry-After`) when every worker is busy and the queue is full. */
export const RETRY_AFTER_SECONDS = 2;

/** 413 TOO_MANY_ROWS: a batch over `maxRows` records. */
export const tooManyRows = (max: number) =>
  serviceError(
    413,
    "TOO_MANY_ROWS",
    `the batch has more than ${max} records (the service's --max-rows); split it, or use wi-pooling levy for a file of any size`,
    `批量记录超过 ${max} 条（服务的 --max-rows 限制）；请拆分，或使用 wi-pooling levy 处理大文件`,
    {},
  );

/** 413 TOO_MANY_PERIODS: a scenario over `maxPeriods` periods. */
export const tooManyPeriods = (max: number, got: number) =>
  serviceError(
    413,
    "TOO_MANY_PERIODS",
    `the scenario has ${got} periods, more than ${max} (the service's --max-periods); split it, or use wi-pooling simulate`,
    `情景包含 ${got} 个结算期，超过 ${max} 个（服务的 --max-periods 限制）；请拆分，或使用 wi-pooling simulate`,
    {},
    ["periods"],
  );

/** 503 TIME_BUDGET_EXCEEDED: the computation ran longer than `maxTime` ms and was stopped. */
export const timeBudgetExceeded = (ms: number) =>
  serviceError(
    503,
    "TIME_BUDGET_EXCEEDED",
    `the computation took longer than ${ms} ms (the service's --max-time) and was stopped; send less at a time`,
    `计算超过 ${ms} 毫秒（服务的 --max-time 限制），已中止；请减少每次提交的数据量`,
    { Connection: "close" },
  );

/** 413 MEMORY_BUDGET_EXCEEDED: the computation needed more than a worker's heap. */
export const memoryBudgetExceeded = (mb: number) =>
  serviceError(
    413,
    "MEMORY_BUDGET_EXCEEDED",
    `the request needs more memory than a worker has (${mb} MB, the service's --worker-heap); send less at a time`,
    `请求所需内存超过计算线程的上限（${mb} MB，服务的 --worker-heap 限制）；请减少每次提交的数据量`,
    { Connection: "close" },
  );

/** 503 SERVICE_BUSY: every worker busy and the queue full; try again after `Retry-After` seconds. */
export const serviceBusy = () =>
  serviceError(
    503,
    "SERVICE_BUSY",
    `every worker is busy and the queue is full; retry after ${RETRY_AFTER_SECONDS} s`,
    `所有计算线程繁忙且队列已满，请 ${RETRY_AFTER_SECONDS} 秒后重试`,
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );
