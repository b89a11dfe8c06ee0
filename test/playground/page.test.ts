import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeLevy, EXAMPLE_SCENARIO, explain, type LevyInput, simulate } from "../../src/index.js";
import { createService, PAGE_CSP } from "../../src/service/server.js";

const root = new URL("../..", import.meta.url).pathname;
const artifacts = join(root, "test-artifacts", "playground");

/** The machine's Chromium: $CHROMIUM_PATH, else `chromium` on PATH. Never downloaded. */
function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const which = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
  const path = (which.stdout ?? "").trim().split("\n")[0];
  if (which.status !== 0 || !path) {
    throw new Error(
      "No Chromium found for the browser tests: install Debian's chromium (as root: apt-get update && apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return path;
}

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LEVY = { period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies LevyInput;

const chromiumPath: string | Error = (() => {
  try {
    return findChromium();
  } catch (e) {
    return e as Error;
  }
})();

let context: BrowserContext;
let userDataDir: string;
let service: ReturnType<typeof createService>;
let base: string;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

function watch(page: Page, allowedOrigin: string): void {
  consoleErrors.length = 0;
  foreignRequests.length = 0;
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "blob:" || u.protocol === "data:") return;
    if (allowedOrigin === "file:" ? u.protocol !== "file:" : u.origin !== allowedOrigin) foreignRequests.push(r.url());
  });
}

beforeAll(async () => {
  if (chromiumPath instanceof Error) throw chromiumPath; // fails the suite: never a silent skip
  const executablePath = chromiumPath;
  mkdirSync(artifacts, { recursive: true });
  service = createService({ log: () => {} });
  base = (await service.listen(0, "127.0.0.1")).url;
  userDataDir = mkdtempSync(join(tmpdir(), "wi-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("the playground page in headless Chromium", () => {
  it("finds the machine's Chromium ($CHROMIUM_PATH or chromium on PATH)", () => {
    if (chromiumPath instanceof Error) expect.fail(chromiumPath.message);
  });

  it("is served at / with a strict CSP", async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toBe(PAGE_CSP);
    expect(await r.text()).not.toMatch(/<script>|<style>|style="/);
  });

  it("computes a premium, explains it, switches language; then a CSV batch with a bad row; then the example simulation", async () => {
    const page = await context.newPage();
    watch(page, base);
    await page.goto(`${base}/`);

    // premium calculator
    await page.selectOption("#f-class", "3");
    await page.selectOption("#f-tier", "0.8");
    await page.fill("#f-payroll", LEVY.payroll);
    await page.fill("#f-period", LEVY.period);
    await page.fill("#f-cut", LEVY.cutFraction);
    await page.click("#calc-run");
    const levy = computeLevy(LEVY);
    expect(await page.textContent("#premium")).toBe(levy.premium);
    expect(levy.premium).toBe("6400.00");
    const zhSteps = explain(levy, { lang: "zh" }).steps;
    expect(await page.locator("#explain-steps > li").count()).toBe(zhSteps.length);
    expect(await page.locator("#explain-steps > li").first().textContent()).toContain(zhSteps[0]!.text);
    await page.screenshot({ path: join(artifacts, "1-calculator-zh.png") });
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#explain-steps > li").first().textContent()).toContain(explain(levy, { lang: "en" }).steps[0]!.text);
    await page.screenshot({ path: join(artifacts, "2-calculator-en.png") });
    // keyboard: a bad payroll, submitted with Enter, shows the library's error
    await page.fill("#f-payroll", "-5");
    await page.press("#f-payroll", "Enter");
    expect(await page.textContent("#calc-error")).toContain("NEGATIVE_AMOUNT");

    // CSV batch with a bad row on line 4
    await page.click('.tab[data-view="batch"]');
    const csv =
      "employerId,period,industryClass,payroll,floatMultiplier,cutFraction\nE1,2020-09,3,2000000.00,0.8,0.2\nE2,2021-07,2,5.00,,\nE3,2020-09,9,100.00,1,0.2\nE4,2021-07,8,1234567.89,1.2,\n";
    await page.setInputFiles("#csv-file", { name: "levies.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForSelector("#batch-out:not([hidden])");
    const bad = page.locator("#batch-errors li[data-line]");
    expect(await bad.count()).toBe(1);
    expect(await bad.getAttribute("data-line")).toBe("4");
    expect(await bad.textContent()).toMatch(/^line 4: INVALID_CLASS/);
    expect(await page.textContent("#batch-counts")).toBe("3 / 1");
    expect(await page.locator("#batch-table tr").count()).toBe(4);
    await page.screenshot({ path: join(artifacts, "3-batch.png"), fullPage: true });

    // the example simulation
    await page.click('.tab[data-view="sim"]');
    expect(JSON.parse(await page.inputValue("#scenario"))).toEqual(JSON.parse(JSON.stringify(EXAMPLE_SCENARIO)));
    await page.click("#sim-run");
    await page.waitForSelector("#sim-report svg");
    const sim = simulate(EXAMPLE_SCENARIO);
    expect(await page.locator("#sim-report svg").count()).toBe(4);
    expect(await page.locator("#sim-report svg path").count()).toBeGreaterThan(2);
    const rows = page.locator("#sim-years tr");
    expect(await rows.count()).toBe(sim.years.length + 1);
    expect(await rows.nth(1).locator("td").first().textContent()).toBe(String(sim.years[0]!.year));
    await page.screenshot({ path: join(artifacts, "4-simulation.png") });
    await page.screenshot({ path: join(artifacts, "4-simulation-full.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#sim-json")]);
    expect(readFileSync((await download.path())!, "utf8")).toBe(JSON.stringify(sim));
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("#sim-csv")]);
    expect(readFileSync((await csvDownload.path())!, "utf8").split("\n")[0]).toMatch(/^year,from,to,who,/);

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  }, 60_000);

  it("works from file:// as written by `wi-pooling playground --out DIR`", async () => {
    const out = mkdtempSync(join(tmpdir(), "wi-playground-"));
    const r = spawnSync(process.execPath, [join(root, "dist/cli.js"), "playground", "--out", out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const page = await context.newPage();
    watch(page, "file:");
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.click("#calc-run");
    expect(await page.textContent("#premium")).toBe(computeLevy(LEVY).premium);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});
