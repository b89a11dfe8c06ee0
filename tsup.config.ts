import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

/** The library's modules: everything under src/ but the CLI, the service and the playground page. */
const LIBRARY_MODULES = ["src/**/*.ts", "!src/cli/**", "!src/service/**", "!src/playground/**"];

/** Chinese text (the policy's clauses, the messages, the glossary) as UTF-8, 3 bytes a character, not 6-byte \u escapes. */
const chineseAsUtf8 = (options: { charset?: string }): void => {
  options.charset = "utf8";
};

/** The public entries beside the main one: presentation, the records' schemas, the policy analysis, the worked examples. */
const SUBPATHS = ["report", "schemas", "analysis", "examples"];

/** An entry as one CommonJS bundle (its declarations are built by their own config). */
const cjsBundle = (name: string, path: string) => ({
  entry: { [name]: path },
  format: ["cjs" as const],
  dts: false,
  sourcemap: true,
  clean: false,
  target: "node18",
  splitting: false,
  treeshake: true,
  esbuildOptions: chineseAsUtf8,
});

export default defineConfig([
  {
    // the library as ESM, one file per module (not one bundle): a bundler that imports one function
    // (with "sideEffects": false) drops every module it does not reach, its module-level schemas and
    // data included. dist/index.js and the subpaths' dist/<name>.js are the entries.
    entry: LIBRARY_MODULES,
    format: ["esm"],
    bundle: false,
    dts: false,
    sourcemap: true,
    clean: false, // `npm run build` empties dist first: the builds run side by side
    target: "node18",
    esbuildOptions: chineseAsUtf8,
  },
  {
    // the library as CommonJS, one bundle, and the declarations of both formats
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: { only: true },
    clean: false,
  },
  cjsBundle("index", "src/index.ts"),
  // the subpath entries (suzhou-wi-pooling/report, /schemas, /analysis, /examples) as CommonJS, each with its
  // declarations built on their own so that each entry's stand alone
  ...SUBPATHS.flatMap((name) => [
    { entry: { [name]: `src/${name}.ts` }, format: ["esm" as const, "cjs" as const], dts: { only: true }, clean: false },
    cjsBundle(name, `src/${name}.ts`),
  ]),
  {
    // the CLI: one ESM file with csv-parse bundled in, so that the library keeps its own dependencies only (csv-parse is the CLI's)
    entry: { cli: "src/cli/index.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node18",
    splitting: false,
    noExternal: ["csv-parse"],
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    // the service's compute worker (node:worker_threads): a file of its own beside dist/cli.js, csv-parse bundled in as for the CLI
    entry: { "service-worker": "src/service/worker.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node18",
    splitting: false,
    noExternal: ["csv-parse"],
  },
  {
    // the playground page: the library bundled for the browser (one classic script, so that it opens from file://), with its HTML and CSS
    // (the stress tab's worker and the compare tab's script are their own files, loaded on first use)
    entry: { playground: "src/playground/main.ts", "stress-worker": "src/playground/stressWorker.ts", "compare-tab": "src/playground/compareTab.ts" },
    format: ["iife"],
    platform: "browser",
    outDir: "dist/playground",
    outExtension: () => ({ js: ".js" }),
    dts: false,
    sourcemap: false,
    clean: false,
    minify: true,
    target: "es2020",
    noExternal: [/.*/],
    // as in the library's build: the page declares <meta charset="utf-8"> and the service serves the script as UTF-8
    esbuildOptions: chineseAsUtf8,
    onSuccess: async () => {
      for (const f of ["index.html", "style.css"]) await cp(`src/playground/${f}`, `dist/playground/${f}`);
    },
  },
]);
