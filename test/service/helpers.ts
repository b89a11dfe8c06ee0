import { request } from "node:http";
import { createService, type ServiceOptions } from "../../src/service/server.js";

/**
 * Starts a service on an ephemeral port with its access log captured. Its idle keep-alive timeout is
 * long (60 s, unless a test sets one), so that the client (fetch, which drops idle connections after
 * 4 s) always closes first: a server closing an idle connection just as fetch reuses it for the next
 * request is a reset (ECONNRESET), seen on a loaded machine when a test took over 5 s.
 */
export async function startService(options: ServiceOptions = {}) {
  const logLines: string[] = [];
  const service = createService({ log: (l) => logLines.push(l), keepAliveTimeout: 60_000, ...options });
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
