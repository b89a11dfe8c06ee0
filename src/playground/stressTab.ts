/// <reference lib="dom" />
/**
 * The page's stress-test tab: the library's `stressTest` on the example flow
 * model, in a Web Worker (`stress-worker.js`, its own script beside the page's,
 * so that the page's script stays small). A page opened from a file cannot
 * start a worker: the tab says so.
 *
 * @module
 */
import type { StressResult } from "../analysis.js";
import { formatStressSummary, renderStressReport } from "../report.js";

type Request = { runs: number; seed: number; horizon: number };
type Reply = { progress: number; total: number } | { result: StressResult } | { error: string };

/** The worker's script, beside the page's own (captured while the page's script runs). */
const workerUrl = (() => {
  const src = typeof document === "undefined" ? undefined : (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL("stress-worker.js", src).href : undefined;
})();

const NO_WORKER =
  "The stress test runs in a Web Worker, which a page opened from a file cannot start: open the page through wi-pooling serve. / 压力测试在 Web Worker 中运行，直接打开本地文件时无法启动：请通过 wi-pooling serve 打开本页面。";

/** Runs a request in the worker (the page stays responsive). */
function run(req: Request, onProgress: (done: number) => void): Promise<StressResult> {
  let worker: Worker | null = null;
  try {
    if (workerUrl && typeof Worker !== "undefined") worker = new Worker(workerUrl);
  } catch {
    worker = null;
  }
  if (!worker) return Promise.reject(new Error(NO_WORKER));
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
      reject(new Error(NO_WORKER));
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
