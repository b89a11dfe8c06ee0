/// <reference lib="dom" />
/**
 * The page's stress-test tab: the library's `stressTest` on the example flow
 * model, in a Web Worker started on the page's own script (the same bundle:
 * in a worker it only answers run requests). Where a worker cannot start (a
 * page opened from file://), the runs go in the page itself, in slices.
 *
 * @module
 */
import { EXAMPLE_FLOW_MODEL, mergeStressResults, type StressResult, stressTest } from "../index.js";
import { formatStressSummary, renderStressReport } from "../report.js";

type Request = { runs: number; seed: number; horizon: number };
type Reply = { progress: number; total: number } | { result: StressResult } | { error: string };

/** The worker's side: one request, answered with progress and the result. */
function startWorker(scope: { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: Reply): void }): void {
  scope.onmessage = (e) => {
    try {
      const { runs, seed, horizon } = e.data;
      const result = stressTest(EXAMPLE_FLOW_MODEL, { runs, seed, horizon, onProgress: ({ done, total }) => scope.postMessage({ progress: done, total }) });
      scope.postMessage({ result });
    } catch (err) {
      scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
}

const inWorker = typeof document === "undefined" && typeof self !== "undefined";
if (inWorker) startWorker(self as unknown as Parameters<typeof startWorker>[0]);

/** The page's script, to start the worker on (captured while the script runs). */
const scriptUrl = !inWorker ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

/** Runs in the page, in slices of runs, so that the page stays responsive. */
async function inPage(req: Request, onProgress: (done: number) => void): Promise<StressResult> {
  const parts: StressResult[] = [];
  const step = 10;
  for (let from = 0; from < req.runs; from += step) {
    const to = Math.min(req.runs, from + step);
    parts.push(stressTest(EXAMPLE_FLOW_MODEL, { ...req, range: { from, to } }));
    onProgress(to);
    await new Promise((r) => setTimeout(r, 0));
  }
  return mergeStressResults(parts);
}

/** Runs a request in a worker when one can start, else in the page. */
function run(req: Request, onProgress: (done: number) => void): Promise<StressResult> {
  let worker: Worker | null = null;
  try {
    if (scriptUrl && typeof Worker !== "undefined") worker = new Worker(scriptUrl);
  } catch {
    worker = null;
  }
  if (!worker) return inPage(req, onProgress);
  const w = worker;
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      if ("progress" in m) onProgress(m.progress);
      else {
        w.terminate();
        if ("result" in m) resolve(m.result);
        else reject(new Error(m.error));
      }
    };
    w.onerror = () => {
      w.terminate();
      inPage(req, onProgress).then(resolve, reject);
    };
    w.postMessage(req);
  });
}

/** Wires the tab's controls. */
export function initStressTab($: <T extends HTMLElement = HTMLElement>(id: string) => T, download: (name: string, type: string, text: string) => void): void {
  let last: StressResult | null = null;
  const num = (id: string) => Number($<HTMLInputElement>(id).value);
  $("stress-run").addEventListener("click", async () => {
    const req = { runs: num("stress-runs"), seed: num("stress-seed"), horizon: num("stress-horizon") };
    const bar = $<HTMLProgressElement>("stress-progress");
    const error = $("stress-error");
    bar.max = req.runs;
    bar.value = 0;
    bar.hidden = false;
    error.hidden = true;
    $<HTMLButtonElement>("stress-run").disabled = true;
    try {
      last = await run(req, (done) => {
        bar.value = done;
      });
      $("stress-summary").textContent = formatStressSummary(last);
      $("stress-out").hidden = false;
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      error.hidden = false;
    } finally {
      bar.hidden = true;
      $<HTMLButtonElement>("stress-run").disabled = false;
    }
  });
  $("stress-report").addEventListener("click", () => last && download("stress.html", "text/html;charset=utf-8", renderStressReport(last)));
}
