#!/usr/bin/env node
/**
 * Runs npm scripts side by side (`node scripts/parallel.mjs typecheck:src lint build`): each one's
 * output is held and printed whole when it ends (never interleaved), with its time; the exit code is
 * the first failure's, after all have ended. `npm test` uses it for the checks that do not depend on
 * one another, so that a 2-core machine keeps both cores busy.
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: node scripts/parallel.mjs <npm script>...");
  process.exit(2);
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = Date.now();

const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const t0 = Date.now();
      const chunks = [];
      const child = spawn(npm, ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
      child.stdout.on("data", (c) => chunks.push(c));
      child.stderr.on("data", (c) => chunks.push(c));
      child.on("error", (e) => chunks.push(Buffer.from(`${e.message}\n`)));
      child.on("close", (code, signal) => {
        const status = code ?? (signal ? 1 : 0);
        const seconds = ((Date.now() - t0) / 1000).toFixed(1);
        const out = Buffer.concat(chunks).toString("utf8").trimEnd();
        process.stdout.write(`\n> ${name} ${status === 0 ? "ok" : `FAILED (exit ${status})`} in ${seconds} s\n${out ? `${out}\n` : ""}`);
        resolve(status);
      });
    }),
);

const codes = await Promise.all(runs);
const failed = codes.findIndex((c) => c !== 0);
process.stdout.write(`\n> ${scripts.join(", ")}: ${failed < 0 ? "all ok" : `${scripts[failed]} failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(failed < 0 ? 0 : codes[failed]);
