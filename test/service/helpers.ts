import { rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { createService, type ServiceOptions } from "../../src/service/server.js";

const root = new URL("../..", import.meta.url).pathname;
let workerBuild: Promise<URL> | null = null;

/**
 * The service's compute worker built from the sources (as tsup bundles it), once per test file:
 * a worker thread runs plain JavaScript, so the tests run the current sources, not dist/.
 */
export function sourceWorkerUrl(): Promise<URL> {
  workerBuild ??= (async () => {
    const outfile = join(tmpdir(), `wi-pooling-test-worker-${process.pid}-${Date.now()}.mjs`);
    await build({
      entryPoints: [join(root, "src/service/worker.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node18",
      outfile,
      logLevel: "silent",
    });
    process.once("exit", () => rmSync(outfile, { force: true }));
    return pathToFileURL(outfile);
  })();
  return workerBuild;
}

/**
 * Starts a service on an ephemeral port with its access log captured (its worker from the sources).
 * Its idle keep-alive timeout is long (60 s, unless a test sets one), so that the client (fetch,
 * which drops idle connections after 4 s) always closes first: a server closing an idle connection
 * just as fetch reuses it for the next request is a reset (ECONNRESET), seen on a loaded machine
 * when a test took over 5 s.
 */
export async function startService(options: ServiceOptions = {}) {
  const logLines: string[] = [];
  const service = createService({
    log: (l) => logLines.push(l),
    keepAliveTimeout: 60_000,
    workerUrl: await sourceWorkerUrl(),
    workers: 2,
    ...options,
  });
  await service.listen(0, "127.0.0.1");
  return { service, url: service.url, logLines };
}

/** A raw HTTP request (node:http), for what fetch will not send: wrong lengths, stalled bodies. */
export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", (e) => reject(e));
    if (opts.body !== undefined) req.write(opts.body, () => {});
    req.end();
  });
}
