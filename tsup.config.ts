import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig([
  {
    // the library: ESM and CJS, each with its own declarations
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false, // `npm run build` empties dist first: the three builds run side by side
    target: "node18",
    splitting: false,
    treeshake: true,
    // Chinese text (the policy's clauses, the messages, the glossary) as UTF-8, 3 bytes a character, not 6-byte \u escapes
    esbuildOptions: (options) => {
      options.charset = "utf8";
    },
  },
  {
    // the presentation entry (suzhou-wi-pooling/report), built on its own so that each entry's declarations stand alone
    entry: { report: "src/report.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node18",
    splitting: false,
    treeshake: true,
  },
  {
    // the CLI: one ESM file with csv-parse bundled in, so that the library keeps its three dependencies
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
    // the playground page: the library bundled for the browser (one classic script, so that it opens from file://), with its HTML and CSS
    entry: { playground: "src/playground/main.ts" },
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
    onSuccess: async () => {
      for (const f of ["index.html", "style.css"]) await cp(`src/playground/${f}`, `dist/playground/${f}`);
    },
  },
]);
