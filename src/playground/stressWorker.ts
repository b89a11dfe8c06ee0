/**
 * The stress-test tab's Web Worker (its own script, `stress-worker.js`, loaded
 * only when the tab runs): the library's `stressTest` on the example flow
 * model, answering with progress and the result.
 *
 * @module
 */
import { stressTest } from "../analysis.js";
import { EXAMPLE_FLOW_MODEL } from "../examples.js";

type Request = { runs: number; seed: number; horizon: number };
type Scope = { onmessage: ((e: { data: Request }) => void) | null; postMessage(m: unknown): void };

const scope = globalThis as unknown as Scope;
scope.onmessage = (e) => {
  try {
    const { runs, seed, horizon } = e.data;
    const result = stressTest(EXAMPLE_FLOW_MODEL, { runs, seed, horizon, onProgress: ({ done, total }) => scope.postMessage({ progress: done, total }) });
    scope.postMessage({ result });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
