/**
 * isPoolingError across the two builds of the package in dist/ (ESM and CJS): in the integration
 * project, which checks that dist/ is built and fresh before any file runs (test/support/dist.ts),
 * so a unit run never imports a dist/ that is missing or being rebuilt.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { computeLevy, isPoolingError, type LevyInput } from "../src/index.js";

describe("isPoolingError: across the ESM and CJS copies of the package", () => {
  const root = new URL("..", import.meta.url).pathname;
  const bad = { period: "2020-04", industryClass: 1, payroll: "100" } satisfies LevyInput;
  const caught = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    throw new Error("expected an error");
  };

  it("recognises an error of either build from either build, where instanceof cannot", async () => {
    const esm = await import(`${root}dist/index.js`);
    const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    const fromEsm = caught(() => esm.computeLevy(bad));
    const fromCjs = caught(() => cjs.computeLevy(bad));
    const fromSrc = caught(() => computeLevy(bad));
    expect(fromCjs instanceof esm.PoolingError).toBe(false); // the reason for the function
    expect(fromEsm instanceof cjs.PoolingError).toBe(false);
    for (const lib of [esm, cjs, { isPoolingError }]) {
      for (const e of [fromEsm, fromCjs, fromSrc]) expect(lib.isPoolingError(e)).toBe(true);
    }
    // the batch error of the other copy, collected
    const batch = cjs.computeLevies([bad], { errors: "collect" });
    expect(esm.isPoolingError(batch.errors[0].error)).toBe(true);
    expect(batch.errors[0].error.code).toBe("POLICY_NOT_IN_FORCE");
  });
});
