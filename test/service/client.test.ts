import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiTypes } from "../../scripts/openapi-types.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevy, SUZHOU_2020, simulate } from "../../src/index.js";
import { startService } from "./helpers.js";

// A client generated from the OpenAPI document: openapi-typescript's types (an npm package that runs
// offline), a small typed client written against them (client/client.ts), typechecked strictly, then
// run against a service calling every endpoint. (No Python client generator installs from the npm
// registry and runs offline: openapi-generator-cli downloads a Java jar when it first runs.)

const root = new URL("../..", import.meta.url).pathname;
let url = "";
let stop: () => Promise<void> = async () => {};
beforeAll(async () => {
  const s = await startService();
  url = s.url;
  stop = () => s.service.close();
}, 60_000);
afterAll(async () => stop(), 60_000);

describe("a client generated from the OpenAPI document", () => {
  it("typechecks against openapi-typescript's types under strict settings", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "wi-openapi-client-"));
    try {
      writeFileSync(join(dir, "openapi.d.ts"), await openApiTypes());
      copyFileSync(join(root, "test/service/client/client.ts"), join(dir, "client.ts"));
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noUncheckedIndexedAccess: true,
            exactOptionalPropertyTypes: true,
            target: "ES2022",
            module: "NodeNext",
            moduleResolution: "NodeNext",
            lib: ["ES2022", "DOM"],
            types: [],
            noEmit: true,
          },
          files: ["client.ts", "openapi.d.ts"],
        }),
      );
      const run = await promisify(execFile)(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { timeout: 230_000 }).catch(
        (e: { stdout: string }) => ({ stdout: e.stdout }),
      );
      expect(run.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("calls every endpoint of a running service and reads the figures the library computes", { timeout: 120_000 }, async () => {
    // imported by a computed name: test/tsconfig.json leaves the client out (its types are generated, not committed)
    const clientModule = "./client/client.js";
    const { callEveryEndpoint } = (await import(clientModule)) as {
      callEveryEndpoint: (base: string, stress: unknown) => Promise<Record<string, unknown> & Record<"stress" | "comparison" | "execution", string[]>>;
    };
    const got = await callEveryEndpoint(url, { model: EXAMPLE_FLOW_MODEL, runs: 2, seed: 1, horizon: 3 });
    const sim = simulate(EXAMPLE_SCENARIO);
    expect(got).toMatchObject({
      health: "ok",
      policy: SUZHOU_2020.id,
      at: ["2020-09-01", "0.005"],
      levySchema: "LevyInput",
      servers: [{ url, description: "the address this service answers at" }],
      scenario: EXAMPLE_SCENARIO.periods.length,
      bill: computeLevy({ employerId: "E001", period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" })
        .premiumDue,
      batch: computeLevy({ employerId: "E005", period: "2021-07", industryClass: 2, payroll: "5.00" }).premiumDue,
      correction: "arrears",
      lastYear: sim.years[sim.years.length - 1]?.year,
    });
    expect(got.explanation as number).toBeGreaterThan(2);
    expect(got.comparison).toContain("years");
    expect(got.stress.length).toBeGreaterThan(0);
    expect(got.execution.length).toBeGreaterThan(0);
    expect(got.fromCsv).toMatch(/^\d+\.\d{2}$/);
  });
});
