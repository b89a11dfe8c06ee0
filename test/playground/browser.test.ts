/**
 * The browser tests' Chromium on a fresh machine (test/support/browser.ts): `CHROMIUM_PATH`, else an
 * installed one, else the npm package's, which must launch here with no system browser and no network
 * but the npm registry.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { findSystemChromium, HEADLESS_ARGS, resolveChromium } from "../support/browser.js";

const scratch = mkdtempSync(join(tmpdir(), "wi-browser-resolve-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fake executable named `name` in the directory `dir` of the scratch space. */
function fakeBrowser(dir: string, name: string): string {
  mkdirSync(join(scratch, dir), { recursive: true });
  const path = join(scratch, dir, name);
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, 0o755);
  return path;
}

describe("resolving the browser tests' Chromium", () => {
  it("CHROMIUM_PATH first, when set and not empty", () => {
    const path = fakeBrowser("env", "my-chrome");
    expect(resolveChromium({ PATH: "", CHROMIUM_PATH: path })).toEqual({ executablePath: path, source: "CHROMIUM_PATH" });
    expect(() => resolveChromium({ PATH: "", CHROMIUM_PATH: join(scratch, "missing") })).toThrow(/CHROMIUM_PATH .* does not exist/);
  });
  it("else an installed chromium, chromium-browser or google-chrome, PATH first", () => {
    const path = fakeBrowser("bin", "google-chrome");
    const found = resolveChromium({ PATH: join(scratch, "bin"), CHROMIUM_PATH: "", WI_POOLING_BROWSER: "system" });
    // a Chromium in /usr/bin (the usual place) comes before google-chrome on PATH: chromium is the first name tried
    expect(found.source).toBe("system");
    expect([path, findSystemChromium({ PATH: "" })]).toContain(found.executablePath);
  });
  it("WI_POOLING_BROWSER accepts system or npm only", () => {
    expect(() => resolveChromium({ PATH: "", WI_POOLING_BROWSER: "firefox" })).toThrow(/WI_POOLING_BROWSER must be "system" or "npm"/);
  });
  it("else the npm package's Chromium, unpacked from the package (no download), which launches headless here", async () => {
    const found = resolveChromium({ ...process.env, CHROMIUM_PATH: "", WI_POOLING_BROWSER: "npm" });
    expect(found.source).toBe("npm");
    expect(found.executablePath).toMatch(/wi-pooling-chromium-\d+\.\d+\.\d+[/\\]chromium$/);
    // a second call reuses the unpacked binary
    expect(resolveChromium({ ...process.env, CHROMIUM_PATH: "", WI_POOLING_BROWSER: "npm" })).toEqual(found);

    const userDataDir = mkdtempSync(join(tmpdir(), "wi-chromium-npm-"));
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: found.executablePath, headless: true, args: [...HEADLESS_ARGS] });
    try {
      const page = await context.newPage();
      await page.setContent("<p id=x>苏州 工伤保险</p><script>document.getElementById('x').dataset.sum = String(0.1 * 3 === 0.30000000000000004)</script>");
      expect(await page.textContent("#x")).toBe("苏州 工伤保险");
      expect(await page.getAttribute("#x", "data-sum")).toBe("true");
      expect(await page.evaluate("navigator.userAgent")).toMatch(/HeadlessChrome\/\d+\./);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
