import { defineConfig } from "tsup";

export default defineConfig([
  {
    // the library: ESM and CJS, each with its own declarations
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
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
]);
