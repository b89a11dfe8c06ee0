/**
 * The HTTP service: `node:http` and nothing else (the routes are few and
 * fixed, the bodies JSON or CSV, and limits and timeouts are what matter; a
 * framework would add dependencies without removing any of this code). An
 * adapter: every figure comes from the library's public API, serialised with
 * `JSON.stringify` as returned. This thread only speaks HTTP: everything
 * computed runs in a pool of worker threads (src/service/pool.ts), so no
 * request can hold up another, nor `/health`.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, Server as NetServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { EXAMPLE_SCENARIO } from "../examples.js";
import { type Policy, PoolingError, SUZHOU_2020 } from "../index.js";
import { schemas } from "../schemas.js";
import { acceptQueueLength } from "./acceptQueue.js";
import { flagParam, requestLang } from "./clerk.js";
import { type Encoding, encodingOf } from "./decode.js";
import { EXAMPLE_LEVIES_CSV } from "./exampleData.js";
import { HttpError, internalError, serviceError } from "./httpError.js";
import { defaultLimits, memoryBudgetExceeded, type ServiceLimits, serviceBusy, timeBudgetExceeded } from "./limits.js";
import { openApiDocument, schemaByName } from "./openapi.js";
import { policyAt } from "./policyAt.js";
import { type JobFailure, WorkerPool } from "./pool.js";
import { type ComputeRoute, type FromWorker, type JobSpec, type ToWorker, WINDOW } from "./protocol.js";

/** Options of {@link createService}. */
export interface ServiceOptions {
  /** The policy applied (default `SUZHOU_2020`). */
  policy?: Policy;
  /** Largest request body in bytes (default 50 MB). */
  maxBody?: number;
  /** Most records in one `/levies` batch (default 1,000,000). */
  maxRows?: number;
  /** Most periods in one `/simulate` scenario (default 1,200). */
  maxPeriods?: number;
  /** Wall time allowed to compute one request, ms (default 60 s). */
  maxTime?: number;
  /** Compute worker threads (default: the machine's available parallelism). */
  workers?: number;
  /** Requests that may wait for a worker (default 128); beyond, 503 with Retry-After. */
  maxQueue?: number;
  /** Heap of each worker, MB (default 256). */
  workerHeapMb?: number;
  /** Origins allowed to call the service from a browser (CORS); none by default. */
  cors?: readonly string[];
  /** The worker script (default: `service-worker.js` beside the build). */
  workerUrl?: URL;
  /** Time allowed to receive the request headers, ms (default 10 s). */
  headersTimeout?: number;
  /** Time allowed to receive the whole request, ms (default 120 s). */
  requestTimeout?: number;
  /** A connection silent this long is closed, ms (default 30 s). */
  idleTimeout?: number;
  /** Keep-alive between requests, ms (default 5 s). */
  keepAliveTimeout?: number;
  /** How often Node checks the two request timeouts, ms (default 1 s). */
  checkInterval?: number;
  /** Where the page's files are (default: `dist/playground` beside the build). */
  assetsDir?: string;
  /** The version reported by `/health` and the OpenAPI document. */
  version?: string;
  /** Access log sink, one line per request (default: stderr). */
  log?: (line: string) => void;
}

/** A running service. */
export interface Service {
  server: Server;
  /** The base URL once listening, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** The page's Content-Security-Policy: nothing from another origin, no inline script or style. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function defaultAssetsDir(): string {
  // bundled: dist/cli.js → dist/playground; from the sources: src/service → dist/playground
  for (const rel of ["./playground/", "../../dist/playground/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return fileURLToPath(new URL("./playground/", import.meta.url));
}

/** The compute worker: bundled beside the CLI (dist/service-worker.js), or the build's when run from the sources. */
function defaultWorkerUrl(): URL {
  for (const rel of ["./service-worker.js", "../../dist/service-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return new URL("./service-worker.js", import.meta.url);
}

/** After SIGTERM: the longest wait for the kernel's queue of connections to empty, and, where the system does not tell its length, the quiet time taken to mean it is empty, ms. */
const ACCEPT_LIMIT_MS = 5_000;
const ACCEPT_QUIET_MS = 250;
/** While closing, a connection with no request in progress and no byte received this long is closed, ms. */
const QUIET_MS = 100;

const STATIC: Record<string, [file: string, type: string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/index.html": ["index.html", "text/html; charset=utf-8"],
  "/playground.js": ["playground.js", "text/javascript; charset=utf-8"],
  "/style.css": ["style.css", "text/css; charset=utf-8"],
  "/stress-worker.js": ["stress-worker.js", "text/javascript; charset=utf-8"],
  "/compare-tab.js": ["compare-tab.js", "text/javascript; charset=utf-8"],
};

/** A route's handler: its answer, or `null` when it answered itself (a computed route). */
type Handler = (ctx: { req: IncomingMessage; res: ServerResponse; url: URL; params: string[]; types: string[] }) => Promise<Reply | null>;
interface Reply {
  status?: number;
  type?: string;
  body: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = "application/json; charset=utf-8";
const ok = (value: unknown): Reply => ({ body: JSON.stringify(value), type: JSON_TYPE });

/** The media type of a request, lower case, without parameters. */
const mediaType = (req: IncomingMessage) => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

/** The `charset` parameter of a request's Content-Type (unquoted), or `""`. */
function charsetParam(req: IncomingMessage): string {
  for (const param of (req.headers["content-type"] ?? "").split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === "charset")
      return param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1");
  }
  return "";
}

/**
 * The encoding a request's body is read in: GB18030 when its Content-Type says
 * `charset=gb18030` (or `gbk`), UTF-8 otherwise (JSON is UTF-8; a CSV without
 * a charset is taken to be UTF-8).
 */
const bodyEncoding = (req: IncomingMessage): Encoding => (encodingOf(charsetParam(req)) === "gb18030" ? "gb18030" : "utf-8");

/**
 * Creates the service (not yet listening): `listen(port, host)` then use it.
 *
 * @example
 * ```ts
 * const service = createService({ maxBody: 1024 * 1024 });
 * const { url } = await service.listen(0, "127.0.0.1");
 * await fetch(`${url}/health`); // 200 { status: "ok", … }
 * await service.close();
 * ```
 */
export function createService(options: ServiceOptions = {}): Service & { listen(port?: number, host?: string): Promise<Service> } {
  const policy = options.policy ?? SUZHOU_2020;
  const defaults = defaultLimits();
  const limits: ServiceLimits = {
    maxBody: options.maxBody ?? defaults.maxBody,
    maxRows: options.maxRows ?? defaults.maxRows,
    maxPeriods: options.maxPeriods ?? defaults.maxPeriods,
    maxTime: options.maxTime ?? defaults.maxTime,
    workers: options.workers ?? defaults.workers,
    maxQueue: options.maxQueue ?? defaults.maxQueue,
    workerHeapMb: options.workerHeapMb ?? defaults.workerHeapMb,
  };
  const { maxBody } = limits;
  const cors = new Set(options.cors ?? []);
  const version = options.version ?? "0.0.0";
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const assetsDir = options.assetsDir ?? defaultAssetsDir();
  const assets = new Map<string, Buffer>();
  const asset = (file: string): Buffer => {
    let b = assets.get(file);
    if (!b) {
      try {
        b = readFileSync(`${assetsDir}/${file}`);
      } catch {
        throw serviceError(404, "NOT_FOUND", `the page's file ${file} is missing (build with npm run build)`, `页面文件 ${file} 缺失`);
      }
      assets.set(file, b);
    }
    return b;
  };
  let pool: WorkerPool | null = null;
  const startPool = () => {
    pool ??= new WorkerPool({
      script: options.workerUrl ?? defaultWorkerUrl(),
      setup: { policy: policy === SUZHOU_2020 ? null : JSON.parse(JSON.stringify(policy)), limits: { maxRows: limits.maxRows, maxPeriods: limits.maxPeriods } },
      workers: limits.workers,
      maxQueue: limits.maxQueue,
      maxTime: limits.maxTime,
      workerHeapMb: limits.workerHeapMb,
      log,
    });
    return pool;
  };

  /** A computed route: the body checked here, computed in a worker (a CSV batch streamed to it as it arrives). */
  const computed = (route: ComputeRoute): Record<string, Handler> => ({
    POST: async ({ req, res, url, types }) => {
      const type = mediaTypeIn(req, types);
      const errors = url.searchParams.get("errors");
      const rawCells = url.searchParams.get("rawCells");
      if (route === "levies" && rawCells !== null && rawCells !== "1" && rawCells !== "0") {
        throw serviceError(400, "INVALID_QUERY", `rawCells must be "1" or "0", not ${JSON.stringify(rawCells)}`, `rawCells 参数只能为 "1" 或 "0"`, {}, [
          "rawCells",
        ]);
      }
      if (route === "levies" && errors !== null && errors !== "collect") {
        throw serviceError(400, "INVALID_QUERY", `errors must be "collect", not ${JSON.stringify(errors)}`, `errors 参数只能为 "collect"`, {}, ["errors"]);
      }
      const streamed = route === "levies" && type === "text/csv";
      const spec: JobSpec = {
        route,
        mediaType: type,
        encoding: bodyEncoding(req),
        lang: requestLang(req, url),
        bom: flagParam(url, "bom"),
        normalize: flagParam(url, "normalize"),
        errors,
        asOf: url.searchParams.get("asOf"),
        csvOut: /\btext\/csv\b/.test(req.headers.accept ?? ""),
        rawCells: rawCells === "1",
        streamed,
      };
      if (Number(req.headers["content-length"] ?? "0") > maxBody) throw tooLarge();
      const body = streamed ? undefined : await readBody(req, res);
      await dispatch(req, res, spec, body);
      return null;
    },
  });

  const routes: { pattern: RegExp; methods: Record<string, Handler>; types?: string[] }[] = [
    { pattern: /^\/health$/, methods: { GET: async () => ok({ status: "ok", name: "suzhou-wi-pooling", version, policy: policy.id }) } },
    {
      pattern: /^\/policy$/,
      methods: {
        GET: async ({ url }) => {
          const at = url.searchParams.get("at");
          if (at === null) return ok(policy);
          if (!schemas.LevyInput.shape.period.safeParse(at).success)
            throw new HttpError(400, new PoolingError("INVALID_PERIOD", ["at"], { en: at, zh: at }).toJSON());
          return ok(policyAt(policy, at));
        },
      },
    },
    {
      pattern: /^\/schemas\/([^/]+)$/,
      methods: {
        GET: async ({ params }) => {
          let name: string;
          try {
            name = decodeURIComponent(params[0]!);
          } catch {
            throw serviceError(400, "INVALID_URL", "the schema name is not valid percent-encoding", "结构名称的百分号编码无效", {}, ["name"]);
          }
          const s = schemaByName(name);
          if (!s) throw serviceError(404, "NOT_FOUND", `no schema named ${name}; see /openapi.json`, `没有名为 ${name} 的结构`, {}, ["name"]);
          return ok(s);
        },
      },
    },
    { pattern: /^\/openapi\.json$/, methods: { GET: async () => ok(openApiDocument(policy, version, service.url || undefined)) } },
    { pattern: /^\/examples\/scenario$/, methods: { GET: async () => ok(EXAMPLE_SCENARIO) } },
    { pattern: /^\/examples\/levies\.csv$/, methods: { GET: async (): Promise<Reply> => ({ body: EXAMPLE_LEVIES_CSV, type: "text/csv; charset=utf-8" }) } },
    { pattern: /^\/levy$/, methods: computed("levy") },
    { pattern: /^\/levies$/, types: ["application/json", "text/csv"], methods: computed("levies") },
    { pattern: /^\/simulate$/, methods: computed("simulate") },
    { pattern: /^\/explain$/, methods: computed("explain") },
    { pattern: /^\/budget-execution$/, methods: computed("budget-execution") },
    { pattern: /^\/statements$/, methods: computed("statements") },
    { pattern: /^\/compare$/, methods: computed("compare") },
    { pattern: /^\/stress$/, methods: computed("stress") },
    { pattern: /^\/levy-corrections$/, methods: computed("levy-corrections") },
    ...Object.entries(STATIC).map(([path, [file, type]]) => ({
      pattern: new RegExp(`^${path.replace(/\./g, "\\.")}$`),
      methods: {
        GET: async (): Promise<Reply> => ({ body: asset(file).toString("utf8"), type, headers: { "Content-Security-Policy": PAGE_CSP } }),
      },
    })),
  ];

  const tooLarge = () => serviceError(413, "PAYLOAD_TOO_LARGE", `the body exceeds ${maxBody} bytes`, `请求体超过 ${maxBody} 字节`, { Connection: "close" });

  /** The request's media type when the route takes it, else 415. */
  function mediaTypeIn(req: IncomingMessage, types: string[]): string {
    const type = mediaType(req);
    if (!types.includes(type)) {
      const wanted = types.join(" or ");
      throw serviceError(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${wanted}`, `Content-Type 须为 ${types.join(" 或 ")}`);
    }
    return type;
  }

  /** Reads the body's bytes, counting them: 413 as soon as they exceed the limit, without reading the rest. */
  function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) {
          req.off("data", onData);
          req.pause();
          chunks.length = 0;
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      };
      req.on("data", onData);
      req.once("end", () => resolve(Buffer.concat(chunks)));
      req.once("error", reject);
      res.once("close", () => reject(serviceError(400, "ABORTED", "the request was aborted", "请求已中断")));
    });
  }

  /**
   * Computes a request in a worker and answers it: the worker's answer, whole
   * or streamed (at most `WINDOW` chunks ahead of the socket); 503 SERVICE_BUSY
   * when no worker is free and the queue is full; 503 TIME_BUDGET_EXCEEDED or
   * 413 MEMORY_BUDGET_EXCEEDED when the worker had to be stopped. A streamed
   * body is sent to the worker as it arrives, a few chunks ahead.
   */
  function dispatch(req: IncomingMessage, res: ServerResponse, spec: JobSpec, body: Buffer | undefined): Promise<void> {
    return new Promise((resolve) => {
      let send: ((m: ToWorker, transfer?: ArrayBuffer[]) => void) | null = null;
      let settled = false;
      let inFlight = 0;
      let forwarding = false;
      const settle = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      const onChunk = (chunk: Buffer) => {
        uploaded += chunk.length;
        if (uploaded > maxBody) {
          stopForwarding();
          pool?.cancel(job);
          answer(0, tooLarge());
          return;
        }
        inFlight++;
        send?.({ t: "chunk", id: 0, data: chunk });
        if (inFlight >= WINDOW) req.pause();
      };
      const onEnd = () => send?.({ t: "end", id: 0 });
      let uploaded = 0;
      const stopForwarding = () => {
        if (!forwarding) return;
        forwarding = false;
        req.off("data", onChunk);
        req.off("end", onEnd);
      };
      /** Answers with an error or a whole reply; a body still arriving is read to its end first (up to the limit), so the client reads the answer. */
      const answer = (status: number, reply: Reply | HttpError) => {
        const r: Reply = reply instanceof HttpError ? { body: JSON.stringify(reply.body), headers: reply.headers } : reply;
        const sendNow = () => {
          sendReply(req, res, reply instanceof HttpError ? reply.status : status, r);
          settle();
        };
        if (!spec.streamed || req.complete || uploaded > maxBody || (reply instanceof HttpError && reply.body.code === "TIME_BUDGET_EXCEEDED")) {
          sendNow();
          return;
        }
        stopForwarding();
        req.on("data", (chunk: Buffer) => {
          uploaded += chunk.length;
          if (uploaded > maxBody) {
            req.pause();
            sendNow();
          }
        });
        req.once("end", sendNow);
        req.resume();
      };
      const job = {
        start(s: (m: ToWorker, transfer?: ArrayBuffer[]) => void) {
          send = s;
          const whole = body && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
          s({ t: "job", id: 0, spec, ...(body ? { body } : {}) }, whole ? [body.buffer as ArrayBuffer] : []);
          if (!spec.streamed) return;
          forwarding = true;
          req.on("data", onChunk);
          req.once("end", onEnd);
          req.resume();
        },
        message(m: FromWorker) {
          switch (m.t) {
            case "credit":
              inFlight--;
              if (forwarding && inFlight < WINDOW) req.resume();
              return;
            case "reply":
              answer(m.status, { body: m.body, type: m.type, headers: m.headers });
              return;
            case "head":
              if (res.headersSent || res.destroyed) return;
              res.writeHead(m.status, { "Content-Type": m.type, ...commonHeaders(req), ...(closing ? { Connection: "close" } : {}), ...m.headers });
              return;
            case "data":
              sentBytes.set(res, (sentBytes.get(res) ?? 0) + m.data.byteLength);
              if (res.write(m.data)) send?.({ t: "ack", id: 0 });
              else res.once("drain", () => send?.({ t: "ack", id: 0 }));
              return;
            case "end":
              res.end();
              settle();
              return;
            case "internal":
              log(`internal error on ${req.method} ${req.url}: ${m.stack}`);
              if (res.headersSent) res.destroy();
              else answer(500, internalError());
              settle();
              return;
          }
        },
        fail(why: JobFailure, detail: string) {
          stopForwarding();
          log(`${req.method} ${req.url}: worker stopped (${why}): ${detail.split("\n")[0]}`);
          if (res.headersSent) {
            res.destroy();
            settle();
            return;
          }
          answer(0, why === "time" ? timeBudgetExceeded(limits.maxTime) : why === "memory" ? memoryBudgetExceeded(limits.workerHeapMb) : internalError());
        },
      };
      res.once("close", () => {
        if (!res.writableFinished) {
          pool?.cancel(job);
          settle();
        }
      });
      if (!startPool().run(job)) answer(0, serviceBusy());
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<Reply | null> {
    if (req.httpVersion === "1.1" && req.headers.host === undefined) {
      throw serviceError(400, "MISSING_HOST", "an HTTP/1.1 request must have a Host header", "HTTP/1.1 请求必须带 Host 请求头", { Connection: "close" });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      throw serviceError(400, "INVALID_URL", "the request target is not a valid URL", "请求地址无效");
    }
    for (const route of routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
      const allow = Object.keys(route.methods).flatMap((k) => (k === "GET" ? ["GET", "HEAD"] : [k]));
      if (method === "OPTIONS") return preflight(req, [...allow, "OPTIONS"]);
      const handler = route.methods[method];
      if (!handler) {
        throw serviceError(
          405,
          "METHOD_NOT_ALLOWED",
          `${req.method} is not allowed here; allowed: ${allow.join(", ")}`,
          `此地址不接受 ${req.method}；可用：${allow.join("、")}`,
          {
            Allow: allow.join(", "),
          },
        );
      }
      return handler({ req, res, url, params: m.slice(1), types: route.types ?? ["application/json"] });
    }
    throw serviceError(404, "NOT_FOUND", `no such route: ${url.pathname}`, `没有这个地址：${url.pathname}`);
  }

  /** `OPTIONS`: 204 with `Allow`; with the CORS headers of a preflight only when the request's origin is allowed. */
  function preflight(req: IncomingMessage, allow: string[]): Reply {
    const headers: Record<string, string> = { Allow: allow.join(", ") };
    const origin = req.headers.origin;
    if (origin !== undefined && cors.has(origin)) {
      headers["Access-Control-Allow-Methods"] = allow.join(", ");
      headers["Access-Control-Allow-Headers"] = "Content-Type, Accept";
      headers["Access-Control-Max-Age"] = "600";
    }
    return { status: 204, body: "", headers };
  }

  /** The headers of every answer: no sniffing, no caching, and CORS for an allowed origin. */
  function commonHeaders(req: IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
    if (cors.size > 0) {
      headers.Vary = "Origin";
      const origin = req.headers.origin;
      if (origin !== undefined && cors.has(origin)) {
        headers["Access-Control-Allow-Origin"] = origin;
        headers["Access-Control-Expose-Headers"] = "Retry-After";
      }
    }
    return headers;
  }

  const sentBytes = new WeakMap<ServerResponse, number>();
  function sendReply(req: IncomingMessage, res: ServerResponse, status: number, reply: Reply): void {
    if (res.headersSent || res.destroyed) return;
    const body = Buffer.from(reply.body, "utf8");
    sentBytes.set(res, body.length);
    res.writeHead(status, {
      "Content-Type": reply.type ?? JSON_TYPE,
      ...(status === 204 ? {} : { "Content-Length": body.length }),
      ...commonHeaders(req),
      // a body left unread (an early 4xx) is not drained: the connection closes instead
      ...(req.complete && !closing ? {} : { Connection: "close" }),
      ...reply.headers,
    });
    res.end(req.method === "HEAD" || status === 204 ? undefined : body);
  }

  let closing = false;
  /** Each open connection: requests in progress on it and when it last received a byte. */
  const connections = new Map<Socket, { active: number; lastData: number }>();
  let accepted = 0;
  const server = createServer(
    {
      headersTimeout: options.headersTimeout ?? 10_000,
      requestTimeout: options.requestTimeout ?? 120_000,
      keepAliveTimeout: options.keepAliveTimeout ?? 5_000,
      connectionsCheckingInterval: options.checkInterval ?? 1_000,
      // a request without Host is answered here, in the service's JSON shape, not with Node's bare 400
      requireHostHeader: false,
    },
    (req, res) => {
      const start = process.hrtime.bigint();
      const conn = connections.get(req.socket);
      if (conn) conn.active++;
      res.once("close", () => {
        if (conn) {
          conn.active--;
          conn.lastData = Date.now();
        }
      });
      res.once("finish", () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        log(
          `${new Date().toISOString()} ${req.socket.remoteAddress ?? "-"} "${req.method} ${req.url}" ${res.statusCode} ${sentBytes.get(res) ?? "-"} ${ms.toFixed(1)}ms`,
        );
      });
      handle(req, res)
        .then((reply) => {
          if (reply) sendReply(req, res, reply.status ?? 200, reply);
        })
        .catch((e: unknown) => {
          if (e instanceof HttpError) return sendReply(req, res, e.status, { body: JSON.stringify(e.body), headers: e.headers });
          if (e instanceof PoolingError) return sendReply(req, res, 400, { body: JSON.stringify(e) });
          log(`internal error on ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
          sendReply(req, res, 500, { body: JSON.stringify(internalError().body) });
        })
        .catch(() => res.destroy());
    },
  );
  server.on("connection", (socket: Socket) => {
    const conn = { active: 0, lastData: Date.now() };
    accepted++;
    connections.set(socket, conn);
    socket.on("data", () => {
      conn.lastData = Date.now();
    });
    socket.once("close", () => connections.delete(socket));
  });
  server.setTimeout(options.idleTimeout ?? 30_000);
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // malformed requests and the two request timeouts: answer if the socket still can, then close it
    const timeout = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
    log(`${new Date().toISOString()} ${(socket as Socket).remoteAddress ?? "-"} client error ${err.code ?? err.message}`);
    if (!socket.writable) return void socket.destroy();
    const body = JSON.stringify(
      timeout
        ? { name: "ServiceError", code: "REQUEST_TIMEOUT", path: [], message: "the request was not received in time", messageZh: "请求接收超时" }
        : { name: "ServiceError", code: "BAD_REQUEST", path: [], message: `malformed HTTP request (${err.code ?? "error"})`, messageZh: "HTTP 请求格式错误" },
    );
    socket.end(
      `HTTP/1.1 ${timeout ? "408 Request Timeout" : "400 Bad Request"}\r\nConnection: close\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });

  /**
   * Stops accepting, answers every request received, then resolves. The
   * listener closes only after a turn of the event loop has found no
   * connection waiting in the kernel's queue (closing it would reset them,
   * their requests sent), and a connection is closed only when no request is
   * in progress on it and a turn of the loop has just found no byte for it,
   * for a moment: its request, if it sent one, would otherwise be lost.
   */
  let closed: Promise<void> | null = null;

  /**
   * Resolves once no connection waits in the kernel's queue (Linux tells; at
   * most `ACCEPT_LIMIT_MS`), or elsewhere after `ACCEPT_QUIET_MS` without a new
   * connection. Node accepts them as its event loop turns.
   */
  async function acceptQueued(): Promise<void> {
    const port = (server.address() as AddressInfo | null)?.port;
    const started = Date.now();
    let lastCount = accepted;
    let lastAccept = Date.now();
    while (port !== undefined && Date.now() - started < ACCEPT_LIMIT_MS) {
      await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setImmediate(r));
      if (accepted !== lastCount) {
        lastCount = accepted;
        lastAccept = Date.now();
      }
      const queued = acceptQueueLength(port);
      if (queued === 0 || (queued === null && Date.now() - lastAccept >= ACCEPT_QUIET_MS)) return;
    }
  }

  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      await acceptQueued();
      const listenerClosed = new Promise<void>((resolve) => {
        // net.Server's close: http.Server's would also drop at once every connection with no request parsed yet
        NetServer.prototype.close.call(server, () => resolve());
      });
      const sweep = setInterval(
        () =>
          setImmediate(() => {
            const now = Date.now();
            for (const [socket, conn] of connections) if (conn.active === 0 && now - conn.lastData >= QUIET_MS) socket.destroy();
          }),
        QUIET_MS / 2,
      );
      await listenerClosed;
      clearInterval(sweep);
      await pool?.close();
    })();
    return closed;
  };

  const service = {
    server,
    url: "",
    listen(port = 8080, host = "127.0.0.1"): Promise<Service> {
      startPool();
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const a = server.address() as AddressInfo;
          service.url = `http://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`;
          resolve(service);
        });
      });
    },
    close,
  };
  return service;
}
