import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stressTest } from "../../src/analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevy, explain, type LevyInput, type Restatement, simulate } from "../../src/index.js";
import { formatStressSummary } from "../../src/report.js";
import { createService, PAGE_CSP } from "../../src/service/server.js";
import { HEADLESS_ARGS, type ResolvedBrowser, resolveChromium } from "../support/browser.js";

const root = new URL("../..", import.meta.url).pathname;
const artifacts = join(root, "test-artifacts", "playground");

const LEVY = { period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies LevyInput;

/** $CHROMIUM_PATH, else an installed Chromium, else the npm package's (test/support/browser.ts). */
const browser: ResolvedBrowser | Error = (() => {
  try {
    return resolveChromium();
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
  if (browser instanceof Error) throw browser; // fails the suite: never a silent skip
  const { executablePath } = browser;
  mkdirSync(artifacts, { recursive: true });
  service = createService({ log: () => {} });
  base = (await service.listen(0, "127.0.0.1")).url;
  userDataDir = mkdtempSync(join(tmpdir(), "wi-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...HEADLESS_ARGS],
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
});

afterAll(async () => {
  await context?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("the playground page in headless Chromium", () => {
  it("finds a Chromium ($CHROMIUM_PATH, an installed one, or the npm package's)", () => {
    if (browser instanceof Error) expect.fail(browser.message);
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
    // a UTF-8 byte order mark first: Excel on Chinese Windows reads a CSV without one as GBK
    expect(readFileSync((await csvDownload.path())!, "utf8").split("\n")[0]).toMatch(/^\uFEFFyear,from,to,who,/);

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("the clerk's page: totals name the policy, bad rows by 第 N 行, headings with units, normalize, a Chinese CSV with a BOM, the example banner, every problem of a scenario", async () => {
    const page = await context.newPage();
    watch(page, base);
    await page.goto(`${base}/`);
    expect(await page.textContent('label[for="f-cut"]')).toBe("降费比例（阶段性降费期内，如 0.2；期外留空）");
    await page.click('.tab[data-view="batch"]');
    const sheet = '单位编号,费款所属期,行业类别,缴费工资总额（元）\nE1,202107,2,"1,000.00"\nE2,202107,9,5.00\n';
    await page.setInputFiles("#csv-file", { name: "sheet.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
    await page.waitForSelector("#batch-error:not([hidden])");
    expect(await page.textContent("#batch-error")).toContain("未定义的列 缴费工资总额（元）");
    await page.check("#csv-normalize");
    await page.waitForSelector("#batch-out:not([hidden])");
    expect(await page.textContent("#batch-normalized")).toBe(
      "已规范化： 规范化 1 处：表头去掉单位（缴费工资总额，首见第 1 行：缴费工资总额（元） → 缴费工资总额）；规范化 2 处：所属期 YYYYMM 改为 YYYY-MM（费款所属期，首见第 2 行：202107 → 2021-07）；规范化 1 处：去掉千位分隔符（缴费工资总额，首见第 2 行：1,000.00 → 1000.00）",
    );
    expect(await page.textContent("#batch-errors li[data-line]")).toBe('第 3 行：INVALID_CLASS — 行业类别：行业类别须为 1 至 8 的整数（收到 "9"）');
    const totals = await page.textContent("#batch-totals");
    expect(totals).toContain("政策suzhou-2020");
    expect(totals).not.toContain("[object Object]");
    expect(await page.textContent("#batch-table tr th:nth-child(4)")).toBe("缴费工资总额（元）");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-csv")]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF单位编号,费款所属期,行业类别,缴费工资总额（元）,")).toBe(true);
    expect(csv).toContain("E1,2021-07,2,1000.00,0.003,1,0.003,0,降费期外,,未提供,");
    expect(csv).toContain("\n合计,,,1000.00,");

    await page.click('.tab[data-view="sim"]');
    await page.click("#sim-run");
    await page.waitForSelector("#sim-report svg");
    expect(await page.isVisible("#sim-example")).toBe(true);
    expect(await page.textContent("#sim-summary")).toContain("金额单位：万元（图表与年度表）");
    const bad = structuredClone(EXAMPLE_SCENARIO) as unknown as { bogusTop?: number; periods: Record<string, unknown>[] };
    bad.bogusTop = 1;
    (bad.periods[0] as { period: string }).period = "x";
    (bad.periods[1] as Record<string, unknown>).bogus = 1;
    await page.fill("#scenario", JSON.stringify(bad));
    await page.click("#sim-run");
    await page.waitForSelector("#sim-error:not([hidden])");
    expect((await page.textContent("#sim-error"))!.split("\n")).toHaveLength(3);
    await page.fill("#scenario", JSON.stringify({ ...EXAMPLE_SCENARIO, name: "mine" }));
    await page.click("#sim-run");
    await page.waitForSelector("#sim-out:not([hidden])");
    expect(await page.isHidden("#sim-example")).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("a GBK/GB18030 CSV: read as UTF-8 it is an error saying to choose GB18030 (never garbled names); chosen, it is read", async () => {
    const page = await context.newPage();
    watch(page, base);
    await page.goto(`${base}/`);
    await page.click('.tab[data-view="batch"]');
    // `单位编号,费款所属期,行业类别,缴费工资总额,浮动费率\nE1 精密机械,2021-07,2,1000.10,1\n` in GB18030, as Excel on Chinese Windows saves it
    const gbk = Buffer.from(
      "b5a5cebbb1e0bac52cb7d1bfeecbf9caf4c6da2cd0d0d2b5c0e0b1f02cbdc9b7d1b9a4d7cad7dcb6ee2cb8a1b6afb7d1c2ca0a453120beabc3dcbbfad0b52c323032312d30372c322c313030302e31302c310a",
      "hex",
    );
    expect(await page.inputValue("#csv-encoding")).toBe("utf-8");
    await page.setInputFiles("#csv-file", { name: "gbk.csv", mimeType: "text/csv", buffer: gbk });
    await page.waitForSelector("#batch-error:not([hidden])");
    expect(await page.textContent("#batch-error")).toBe(
      "文件不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的 CSV 是 GBK/GB18030 编码：请在“文件编码”中选择 GB18030 / GBK，或将文件另存为 UTF-8 编码。",
    );
    expect(await page.isHidden("#batch-out")).toBe(true);
    await page.click("#lang");
    expect(await page.textContent("#batch-error")).toBe(
      "The file is not valid UTF-8. A CSV saved by Excel on Chinese Windows is GBK/GB18030: choose GB18030 / GBK under Encoding, or re-save the file as UTF-8.",
    );
    expect(await page.textContent('label[for="csv-encoding"]')).toBe("Encoding");
    await page.screenshot({ path: join(artifacts, "5-batch-gbk-as-utf8.png"), fullPage: true });

    // choosing GB18030 reads the file already chosen
    await page.selectOption("#csv-encoding", "gb18030");
    await page.waitForSelector("#batch-out:not([hidden])");
    expect(await page.isHidden("#batch-error")).toBe(true);
    expect(await page.textContent("#batch-counts")).toBe("1 / 0");
    const cells = page.locator("#batch-table tr").nth(1).locator("td");
    expect(await cells.nth(0).textContent()).toBe("E1 精密机械");
    expect(await cells.nth(3).textContent()).toBe("1000.10");
    expect(await cells.nth(7).textContent()).toBe("3.00");

    // bytes valid in neither encoding
    await page.setInputFiles("#csv-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from([0x45, 0x31, 0x81, 0x20, 0x0a]) });
    await page.waitForSelector("#batch-error:not([hidden])");
    expect(await page.textContent("#batch-error")).toBe("The file is not valid GB18030 (is it UTF-8? then choose UTF-8 under Encoding).");
    expect(await page.isHidden("#batch-out")).toBe(true);
    await page.click("#lang");
    expect(await page.textContent("#batch-error")).toBe("文件不是有效的 GB18030 编码（若为 UTF-8 编码，请在“文件编码”中选择 UTF-8）。");

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("a scenario with a restatement: the adjustments by the period they correct, and the restatement behind them", async () => {
    const page = await context.newPage();
    watch(page, base);
    await page.goto(`${base}/`);
    await page.click('.tab[data-view="sim"]');
    const restatements: Restatement[] = [{ period: "2020-11", member: "wujiang", field: "expenditure", value: "30000000.00", knownIn: "2021-02" }];
    await page.fill("#scenario", JSON.stringify({ ...EXAMPLE_SCENARIO, restatements }));
    await page.click("#sim-run");
    await page.waitForSelector("#sim-report table.adjustments");
    const rows = await page.$$eval("#sim-report table.adjustments tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    // the library's adjustments, sorted by the period corrected (2020-11 before 2021-01)
    expect(rows).toEqual([
      ["更正所属期 corrects", "发现期 known in", "账户 account", "调整额 amount (元 yuan)"],
      ["2020-11", "2021-02", "external:beneficiaries", "14850000.00"],
      ["2020-11", "2021-02", "member:wujiang:carried", "-14850000.00"],
      ["2021-01", "2021-02", "member:municipal:carried", "-1757575.66"],
      ["2021-01", "2021-02", "member:sip:carried", "-1509173.67"],
      ["2021-01", "2021-02", "member:wujiang:carried", "91318.61"],
      ["2021-01", "2021-02", "member:wuzhong:carried", "-537069.28"],
      ["2021-01", "2021-02", "pool", "3712500.00"],
    ]);
    const sim = simulate({ ...EXAMPLE_SCENARIO, restatements });
    expect(rows.length - 1).toBe(sim.restated!.adjustments.length);
    expect(await page.textContent("#sim-report .restatements")).toBe("更正 restated: 2020-11 wujiang expenditure → 30000000.00 (发现于 known in 2021-02)");
    expect(await page.textContent("#sim-summary")).toContain("守恒检查: 通过");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#sim-json")]);
    expect(readFileSync((await download.path())!, "utf8")).toBe(JSON.stringify(sim));
    await page.screenshot({ path: join(artifacts, "6-restatement.png"), fullPage: true });
    // the example again: no adjustments shown
    await page.click("#sim-reset");
    await page.click("#sim-run");
    await page.waitForFunction('document.querySelector("#sim-report table.adjustments") === null');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("the stress tab runs in its Web Worker: progress while it runs, then the library's result", async () => {
    const page = await context.newPage();
    watch(page, base);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${base}/`);
    await page.click('.tab[data-view="stress"]');
    await page.fill("#stress-runs", "24");
    await page.fill("#stress-seed", "5");
    await page.fill("#stress-horizon", "12");
    // every value the progress bar shows, recorded as it changes
    await page.evaluate(`{
      const bar = document.getElementById("stress-progress");
      window.seen = [];
      new MutationObserver(() => window.seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ["value"] });
    }`);
    await page.click("#stress-run");
    await page.waitForSelector("#stress-out:not([hidden])", { timeout: 120_000 });
    expect(workers).toEqual([`${base}/stress-worker.js`]);
    const expected = formatStressSummary(stressTest(EXAMPLE_FLOW_MODEL, { runs: 24, seed: 5, horizon: 12 }));
    expect(await page.textContent("#stress-summary")).toBe(expected);
    const seen = (await page.evaluate("window.seen")) as number[];
    expect(seen.at(-1)).toBe(24);
    expect(seen.some((v) => v > 0 && v < 24)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await page.isHidden("#stress-progress")).toBe(true);
    expect(await page.isEnabled("#stress-run")).toBe(true);
    const [report] = await Promise.all([page.waitForEvent("download"), page.click("#stress-report")]);
    expect(readFileSync((await report.path())!, "utf8")).toMatch(/^<!doctype html>/i);
    await page.screenshot({ path: join(artifacts, "7-stress.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("works from file:// as written by `wi-pooling playground --out DIR`", async () => {
    const out = mkdtempSync(join(tmpdir(), "wi-playground-"));
    try {
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
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
