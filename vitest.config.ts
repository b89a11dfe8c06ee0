/**
 * The test suite in projects, each with timeouts fit for a loaded 2-core machine:
 *
 * - `unit`: in-process tests of the library, the CLI's and the service's modules (every test file
 *   not listed below lands here, so a new file is never left out);
 * - `property`: fast-check properties and other long generated runs (seeded: see test/support/fc.ts);
 * - `integration`: the built CLI spawned, tsc over the declarations, the service on a port, the
 *   browser, the bundles and the packed package — they need `npm run build` first;
 * - `tz:shanghai` and `tz:los-angeles`: the tests of the calendar code (dates, periods, windows), run
 *   under both time zones (everything else runs once).
 *
 * `vitest run --project unit` (or any other name) runs one project.
 */
import { defineConfig } from "vitest/config";

/** Tests of the calendar code: run under each time zone of the matrix. */
const TIME_ZONE_TESTS = [
  "test/calendar/**/*.test.ts",
  "test/rates/isoDate.test.ts",
  "test/rates/rates.test.ts",
  "test/settlement/dated.test.ts",
  "test/policy/policy.test.ts",
];

/** Property tests and other long generated runs. */
const PROPERTY_TESTS = [
  "test/**/*.properties.test.ts",
  "test/fuzz.test.ts",
  "test/rates/isoDate.exhaustive.test.ts",
  "test/io/schema-equals-validator.test.ts",
  "test/levy/differential.test.ts",
  "test/levy/exact.test.ts",
  "test/settlement/model.test.ts",
  "test/analysis/knownAnswer*.test.ts", // 20,000 simulated runs a case
  "test/analysis/stress.test.ts",
  "test/analysis/fitFlowModel.test.ts",
  "test/analysis/study.test.ts",
];

/** Tests that spawn the built CLI, run tsc, start the service, drive the browser, bundle or pack. */
const INTEGRATION_TESTS = [
  "test/bundle.test.ts",
  "test/consumer-types.test.ts",
  "test/errors.dist.test.ts", // the ESM and CJS builds side by side
  "test/examples.test.ts",
  "test/package.test.ts",
  "test/packaging.test.ts",
  "test/shipped.test.ts", // the packed tarball installed offline, its examples run
  "test/types/fieldDocs.test.ts", // tsc over dist/index.d.ts
  "test/cli/**/*.test.ts", // the built CLI, spawned (faults injected, signals, pipes)
  "test/explain/inputProblems.bounded.test.ts",
  "test/playground/**/*.test.ts", // the browser: test/support/browser.ts finds it
  "test/service/**/*.test.ts", // the service on a port, its worker pool
];

/** The time zones of the matrix: UTC+8 without daylight saving, and a zone west of UTC with it. */
const TIME_ZONES = { shanghai: "Asia/Shanghai", "los-angeles": "America/Los_Angeles" } as const;

/**
 * The timeout of a property or integration test: 10 minutes. Their heaviest tests take 1–2 minutes at a
 * load average of 20 on 2 cores (the CLI reading 150,000 bad rows: 118 s; the packed tarball's
 * examples: 105 s; a tsc run over the declarations: 83 s), so 4 minutes was too close at a load of 45.
 * A hung test still fails.
 */
const LONG_TIMEOUT = 600_000;

/** Test files run at once, in every project: 2 (the cores of the machine the suite is sized for), or `VITEST_MAX_WORKERS`. */
const WORKERS = Number(process.env.VITEST_MAX_WORKERS) || 2;

const setupFiles = ["test/support/setupFastCheck.ts"];

/** The package's own name and subpaths, as the examples import them, resolved to the sources (as tsconfig's `paths` do). */
const src = (f: string) => new URL(`./src/${f}`, import.meta.url).pathname;
const resolve = {
  alias: [
    { find: /^suzhou-wi-pooling$/, replacement: src("index.ts") },
    ...["report", "schemas", "analysis", "examples"].map((e) => ({ find: new RegExp(`^suzhou-wi-pooling/${e}$`), replacement: src(`${e}.ts`) })),
  ],
};

export default defineConfig({
  test: {
    // the slowest tests print their names (a hint where the time goes), and the summary stays last
    slowTestThreshold: 2_000,
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...TIME_ZONE_TESTS, ...PROPERTY_TESTS, ...INTEGRATION_TESTS],
          setupFiles,
          // its slowest tests without a timeout of their own took 5 s at a load average of 20 on 2 cores
          testTimeout: 30_000,
          hookTimeout: 30_000,
          maxWorkers: WORKERS,
        },
      },
      {
        resolve,
        test: {
          name: "property",
          include: PROPERTY_TESTS,
          setupFiles,
          testTimeout: LONG_TIMEOUT,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
        },
      },
      ...Object.entries(TIME_ZONES).map(([name, tz]) => ({
        resolve,
        test: {
          name: `tz:${name}`,
          include: TIME_ZONE_TESTS,
          setupFiles,
          env: { TZ: tz, EXPECTED_TZ: tz },
          testTimeout: 30_000,
          hookTimeout: 30_000,
          maxWorkers: WORKERS,
        },
      })),
      {
        resolve,
        test: {
          name: "integration",
          include: INTEGRATION_TESTS,
          setupFiles,
          // dist/ checked fresh (built once when it is not) before any file runs
          globalSetup: ["test/support/dist.ts"],
          testTimeout: LONG_TIMEOUT,
          hookTimeout: LONG_TIMEOUT,
          maxWorkers: WORKERS,
        },
      },
    ],
  },
});
