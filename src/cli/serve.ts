/**
 * `wi-pooling serve` and its options: starts the HTTP service (src/service),
 * logs to stderr, and on SIGTERM or SIGINT stops accepting connections,
 * finishes the requests in flight and exits 0.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createService } from "../service/server.js";
import { CliError, EXIT, loadPolicy } from "./io.js";

/** Help text of `wi-pooling serve`. */
export const SERVE_HELP = `wi-pooling serve [--port N] [--host H] [--max-body BYTES] [--max-rows N] [--max-periods N] [--max-time MS]
                 [--workers N] [--max-queue N] [--worker-heap MB] [--cors ORIGIN] [--policy FILE] [--relief-2020]

Starts the HTTP service (docs/service.md): JSON in and out, an OpenAPI 3.1 document at
/openapi.json, the playground page at /. Access log on stderr. Computations run in worker
threads; /health always answers. SIGTERM: stops accepting, answers every request received,
exits 0.

  --port N            port (default 8080; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --max-body BYTES    largest request body (default 52428800, 50 MB); larger: 413
  --max-rows N        most records in one /levies batch (default 1000000); more: 413
  --max-periods N     most periods in one /simulate scenario (default 1200); more: 413
  --max-time MS       time allowed to compute one request (default 60000); longer: 503
  --workers N         compute threads (default: the number of cores, ${availableParallelism()} here)
  --max-queue N       requests waiting for a thread (default 128); more: 503 with Retry-After
  --worker-heap MB    memory of each compute thread (default 256); more: 413
  --cors ORIGIN       allow this browser origin (CORS; repeat for more); none by default
  --policy FILE       use a policy from a JSON file instead of SUZHOU_2020
  --relief-2020       apply the opt-in 2020 national relief overlay`;

/** After SIGTERM, how long the requests received may take to be answered before their connections are closed, ms. */
const DRAIN_LIMIT_MS = 30_000;

/** The package version, read beside the build (`dist/cli.js` → `package.json`). */
export function packageVersion(): string {
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      return (JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { version: string }).version;
    } catch {
      // try the next
    }
  }
  return "0.0.0";
}

/**
 * Runs `wi-pooling serve`; resolves with the exit code once the server has closed.
 *
 * @example
 * ```ts
 * await runServe({ port: "0", host: "127.0.0.1" }); // logs "listening on http://127.0.0.1:<port>" on stderr
 * ```
 */
export async function runServe(values: Record<string, string | boolean | string[] | undefined>): Promise<number> {
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(EXIT.usage, `--port must be 0–65535 / 端口须为 0–65535`);
  const positive = (name: string): number | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (typeof v !== "string" || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) {
      throw new CliError(EXIT.usage, `--${name} must be a positive integer / --${name} 须为正整数`);
    }
    return n;
  };
  const cors = ((values.cors as unknown as string[] | undefined) ?? []).map((origin) => {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new CliError(
        EXIT.usage,
        `--cors must be an origin such as https://example.org (no path), not ${origin} / --cors 须为来源（如 https://example.org，不含路径）`,
      );
    return origin;
  });
  const policy = await loadPolicy(values.policy as string | undefined, values["relief-2020"] as boolean | undefined);
  const service = createService({
    policy,
    maxBody: positive("max-body"),
    maxRows: positive("max-rows"),
    maxPeriods: positive("max-periods"),
    maxTime: positive("max-time"),
    workers: positive("workers"),
    maxQueue: positive("max-queue"),
    workerHeapMb: positive("worker-heap"),
    cors,
    version: packageVersion(),
  });
  try {
    await service.listen(port, (values.host as string | undefined) ?? "127.0.0.1");
  } catch (e) {
    throw new CliError(EXIT.io, `cannot listen on ${values.host ?? "127.0.0.1"}:${port}: ${(e as Error).message}`);
  }
  process.stderr.write(`wi-pooling service listening on ${service.url} (playground: ${service.url}/, API: ${service.url}/openapi.json)\n`);
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: answering the requests received, then exiting\n`);
      const force = setTimeout(() => {
        process.stderr.write(`requests still open after ${DRAIN_LIMIT_MS / 1000} s: closing them\n`);
        service.server.closeAllConnections();
      }, DRAIN_LIMIT_MS);
      force.unref();
      service.close().then(() => resolve(EXIT.ok));
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
