/**
 * `wi-pooling playground --out DIR`: writes the playground page (HTML, one
 * JS bundle of the library, CSS) as static files, to open from disk.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "./io.js";
import { writeFilesWhole } from "./output.js";

/** Help text of `wi-pooling playground`. */
export const PLAYGROUND_HELP = `wi-pooling playground --out DIR

Writes the playground page to DIR (index.html, playground.js, style.css): open DIR/index.html
in a browser, no server needed; the library runs in the page, nothing is sent anywhere.`;

/** The files of the page. */
export const PLAYGROUND_FILES = ["index.html", "playground.js", "style.css", "stress-worker.js", "compare-tab.js"] as const;

/**
 * Copies the built page to `out` (each file whole: see `writeFilesWhole`); returns the exit code.
 *
 * @example
 * ```ts
 * await writePlayground("./wi-playground"); // then open ./wi-playground/index.html
 * ```
 */
export async function writePlayground(out: string): Promise<number> {
  const from = [fileURLToPath(new URL("./playground/", import.meta.url)), fileURLToPath(new URL("../../dist/playground/", import.meta.url))].find((d) =>
    existsSync(join(d, "index.html")),
  );
  if (!from) throw new CliError(EXIT.io, "the playground files are missing from this installation (npm run build)\n安装包中缺少页面文件");
  const files = await Promise.all(PLAYGROUND_FILES.map(async (name) => ({ name, data: await readFile(join(from, name)) })));
  await writeFilesWhole(out, files);
  process.stderr.write(`wrote ${join(out, "index.html")}\n`);
  return EXIT.ok;
}
