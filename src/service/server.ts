/**
 * The HTTP service: `node:http` and nothing else (the routes are few and
 * fixed, the bodies JSON or CSV, and limits and timeouts are what matter; a
 * framework would add dependencies without removing any of this code). An
 * adapter: every figure comes from the library's public API, serialised with
 * `JSON.stringify` as returned.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { budgetExecution, computeLevy, explain, type Policy, PoolingError, SUZHOU_2020, schemas, simulate } from "../index.js";
import { leviesWithErrors } from "./batch.js";
import { levyCorrectionsRoute } from "./corrections.js";
import { CsvFormatError, levyBatchCsv, NO_ROWS, parseLevyCsv } from "./csv.js";
import { decodeText, type Encoding, encodingOf, InvalidEncodingError, invalidEncodingText } from "./decode.js";
import { openApiDocument, schemaByName } from "./openapi.js";
import { policyAt } from "./policyAt.js";

/** Options of {@link createService}. */
export interface ServiceOptions {
  /** The policy applied (default `SUZHOU_2020`). */
  policy?: Policy;
  /** Largest request body in bytes (default 50 MB). */
  maxBody?: number;
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

/** A JSON error body: the shape of `PoolingError.toJSON()`. */
interface ErrorBody {
  name: string;
  code: string;
  path: (string | number)[];
  message: string;
  messageZh: string;
  /** For CSV: the line (the header is line 1). */
  line?: number;
  /** The bad record's index, for a batch. */
  index?: number;
  /** Every bad record of a batch. */
  errors?: unknown[];
}

/** An error the service answers with a status of its own. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

const serviceError = (status: number, code: string, message: string, messageZh: string, headers?: Record<string, string>, path: (string | number)[] = []) =>
  new HttpError(status, { name: "ServiceError", code, path, message, messageZh }, headers);

const MB = 1024 * 1024;

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

const STATIC: Record<string, [file: string, type: string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/index.html": ["index.html", "text/html; charset=utf-8"],
  "/playground.js": ["playground.js", "text/javascript; charset=utf-8"],
  "/style.css": ["style.css", "text/css; charset=utf-8"],
};

type Handler = (ctx: { req: IncomingMessage; url: URL; body: () => Promise<{ text: string; type: string }>; params: string[] }) => Promise<Reply>;
interface Reply {
  status?: number;
  type?: string;
  body: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = "application/json; charset=utf-8";
const ok = (value: unknown): Reply => ({ body: JSON.stringify(value), type: JSON_TYPE });

/** Parses a JSON body, or answers 400 INVALID_JSON. */
function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw serviceError(400, "INVALID_JSON", `the body is not valid JSON: ${(e as Error).message}`, "请求体不是有效的 JSON");
  }
}

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

/** The 400 INVALID_ENCODING of a body that is not valid in its encoding: what to send instead. */
function invalidEncoding(encoding: Encoding, type: string): HttpError {
  const [en, zh] = invalidEncodingText(encoding, type);
  return serviceError(400, "INVALID_ENCODING", en, zh);
}

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
  const maxBody = options.maxBody ?? 50 * MB;
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

  const postJson = (run: (value: unknown, url: URL) => unknown): Record<string, Handler> => ({
    POST: async ({ body, url }) => {
      const { text } = await body();
      return ok(run(parseJsonBody(text), url));
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
          const name = decodeURIComponent(params[0]!);
          const s = schemaByName(name);
          if (!s) throw serviceError(404, "NOT_FOUND", `no schema named ${name}; see /openapi.json`, `没有名为 ${name} 的结构`, {}, ["name"]);
          return ok(s);
        },
      },
    },
    { pattern: /^\/openapi\.json$/, methods: { GET: async () => ok(openApiDocument(policy, version)) } },
    { pattern: /^\/levy$/, methods: postJson((input) => computeLevy(input as never, policy)) },
    {
      pattern: /^\/levies$/,
      types: ["application/json", "text/csv"],
      methods: {
        POST: async ({ req, url, body }) => {
          const { text, type } = await body();
          const collect = url.searchParams.get("errors");
          if (collect !== null && collect !== "collect") {
            throw serviceError(400, "INVALID_QUERY", `errors must be "collect", not ${JSON.stringify(collect)}`, `errors 参数只能为 "collect"`, {}, ["errors"]);
          }
          let inputs: unknown[];
          let lines: number[] | undefined;
          if (type === "text/csv") {
            try {
              const records = parseLevyCsv(text);
              inputs = records.map((r) => r.input);
              lines = records.map((r) => r.line);
            } catch (e) {
              if (!(e instanceof CsvFormatError)) throw e;
              throw new HttpError(400, {
                name: "ServiceError",
                code: e.code,
                path: e.column ? [e.column] : [],
                message: e.message,
                messageZh: e.messageZh,
                line: e.line,
              });
            }
          } else {
            const value = parseJsonBody(text);
            if (!Array.isArray(value)) {
              throw new HttpError(
                400,
                new PoolingError("INVALID_TYPE", [], { en: "expected a JSON array of levy inputs", zh: "应为缴费记录的 JSON 数组" }).toJSON(),
              );
            }
            inputs = value;
          }
          if (inputs.length === 0) throw serviceError(400, "NO_ROWS", NO_ROWS[0], NO_ROWS[1], {}, []);
          const result = leviesWithErrors(inputs, policy, lines);
          if (collect === "collect") return ok(result);
          if (result.errors.length > 0) {
            const [first] = result.errors;
            // beyond the first 1,000 bad records listed, their count (only then: the body is otherwise the first error's)
            const omitted = result.errorsOmitted > 0 ? { errorsOmitted: result.errorsOmitted } : {};
            throw new HttpError(400, { ...first!, errors: result.errors, ...omitted });
          }
          const { errors: _, errorsOmitted: __, ...batch } = result;
          if (/\btext\/csv\b/.test(req.headers.accept ?? "")) return { body: levyBatchCsv(batch), type: "text/csv; charset=utf-8" };
          return ok(batch);
        },
      },
    },
    {
      pattern: /^\/simulate$/,
      methods: postJson((scenario, url) => {
        const asOf = url.searchParams.get("asOf");
        return simulate(scenario as never, policy, asOf === null ? {} : { asOf });
      }),
    },
    { pattern: /^\/levy-corrections$/, methods: postJson((value, url) => levyCorrectionsRoute(value, url, policy)) },
    {
      pattern: /^\/explain$/,
      methods: postJson((result, url) => {
        const lang = url.searchParams.get("lang");
        // the service's policy names the members in Chinese; explain validates the result itself
        return explain(result as never, lang === null ? { policy } : { lang: lang as "zh", policy });
      }),
    },
    {
      pattern: /^\/budget-execution$/,
      methods: postJson((value) => {
        if (value === null || typeof value !== "object" || Array.isArray(value)) throw new PoolingError("NOT_AN_OBJECT", []);
        const { budget, adjustments, finalAccounts, ...rest } = value as Record<string, unknown>;
        const extra = Object.keys(rest)[0];
        if (extra !== undefined) throw new PoolingError("UNKNOWN_KEY", [extra]);
        return budgetExecution(budget as never, adjustments as never, finalAccounts as never, policy);
      }),
    },
    ...Object.entries(STATIC).map(([path, [file, type]]) => ({
      pattern: new RegExp(`^${path.replace(/\./g, "\\.")}$`),
      methods: {
        GET: async (): Promise<Reply> => ({ body: asset(file).toString("utf8"), type, headers: { "Content-Security-Policy": PAGE_CSP } }),
      },
    })),
  ];

  /** Reads the body, counting bytes: 413 as soon as it exceeds the limit, without reading the rest. */
  function readBody(req: IncomingMessage, res: ServerResponse, types: string[]): Promise<{ text: string; type: string }> {
    const type = mediaType(req);
    if (!types.includes(type)) {
      const wanted = types.join(" or ");
      return Promise.reject(serviceError(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${wanted}`, `Content-Type 须为 ${wanted}`));
    }
    const tooLarge = () => serviceError(413, "PAYLOAD_TOO_LARGE", `the body exceeds ${maxBody} bytes`, `请求体超过 ${maxBody} 字节`, { Connection: "close" });
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > maxBody) return Promise.reject(tooLarge());
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
      req.once("end", () => {
        // strictly: bytes not valid in the body's encoding are a 400, never replaced by U+FFFD
        const encoding = bodyEncoding(req);
        try {
          resolve({ text: decodeText(Buffer.concat(chunks), encoding), type });
        } catch (e) {
          reject(e instanceof InvalidEncodingError ? invalidEncoding(encoding, type) : e);
        }
      });
      req.once("error", reject);
      res.once("close", () => reject(serviceError(400, "ABORTED", "the request was aborted", "请求已中断")));
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<Reply> {
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
      const handler = route.methods[method];
      if (!handler) {
        const allow = Object.keys(route.methods).flatMap((k) => (k === "GET" ? ["GET", "HEAD"] : [k]));
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
      return handler({ req, url, params: m.slice(1), body: () => readBody(req, res, route.types ?? ["application/json"]) });
    }
    throw serviceError(404, "NOT_FOUND", `no such route: ${url.pathname}`, `没有这个地址：${url.pathname}`);
  }

  const sentBytes = new WeakMap<ServerResponse, number>();
  function send(req: IncomingMessage, res: ServerResponse, status: number, reply: Reply): void {
    if (res.headersSent || res.destroyed) return;
    const body = Buffer.from(reply.body, "utf8");
    sentBytes.set(res, body.length);
    res.writeHead(status, {
      "Content-Type": reply.type ?? JSON_TYPE,
      "Content-Length": body.length,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      // a body left unread (an early 4xx) is not drained: the connection closes instead
      ...(req.complete ? {} : { Connection: "close" }),
      ...reply.headers,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  let closing = false;
  const server = createServer(
    {
      headersTimeout: options.headersTimeout ?? 10_000,
      requestTimeout: options.requestTimeout ?? 120_000,
      keepAliveTimeout: options.keepAliveTimeout ?? 5_000,
      connectionsCheckingInterval: options.checkInterval ?? 1_000,
    },
    (req, res) => {
      const start = process.hrtime.bigint();
      res.once("finish", () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        log(
          `${new Date().toISOString()} ${req.socket.remoteAddress ?? "-"} "${req.method} ${req.url}" ${res.statusCode} ${sentBytes.get(res) ?? "-"} ${ms.toFixed(1)}ms`,
        );
        if (closing) server.closeIdleConnections();
      });
      if (closing) res.setHeader("Connection", "close");
      handle(req, res)
        .then((reply) => send(req, res, reply.status ?? 200, reply))
        .catch((e: unknown) => {
          if (e instanceof HttpError) return send(req, res, e.status, { body: JSON.stringify(e.body), headers: e.headers });
          if (e instanceof PoolingError) return send(req, res, 400, { body: JSON.stringify(e) });
          log(`internal error on ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
          send(req, res, 500, {
            body: JSON.stringify({
              name: "ServiceError",
              code: "INTERNAL",
              path: [],
              message: "unexpected error (please report it)",
              messageZh: "意外错误（请报告）",
            }),
          });
        })
        .catch(() => res.destroy());
    },
  );
  server.setTimeout(options.idleTimeout ?? 30_000);
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // malformed requests and the two request timeouts: answer if the socket still can, then close it
    const timeout = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
    log(`${new Date().toISOString()} ${(socket as import("node:net").Socket).remoteAddress ?? "-"} client error ${err.code ?? err.message}`);
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

  const service = {
    server,
    url: "",
    listen(port = 8080, host = "127.0.0.1"): Promise<Service> {
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
    close(): Promise<void> {
      closing = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
  return service;
}
