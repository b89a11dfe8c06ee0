/**
 * The page's compare tab in headless Chromium (test/support/browser.ts): its script loaded on first use,
 * a charge of 0.3 instead of 0.2 on the example scenario, the differences table and the explanation
 * exactly as the library gives them, the JSON download, the language switch, and a refused policy.
 * Needs dist/playground (npm run build).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, explainComparison } from "../../src/analysis.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020 } from "../../src/index.js";
import { diffRows, reformOf } from "../../src/playground/compareView.js";
import { createService } from "../../src/service/server.js";
import { HEADLESS_ARGS, resolveChromium } from "../support/browser.js";

let context: BrowserContext;
let userDataDir: string;
let service: ReturnType<typeof createService>;
let base: string;

beforeAll(async () => {
  const { executablePath } = resolveChromium(); // throws, saying what to install: never a silent skip
  service = createService({ log: () => {} });
  base = (await service.listen(0, "127.0.0.1")).url;
  userDataDir = mkdtempSync(join(tmpdir(), "wi-chromium-compare-"));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: [...HEADLESS_ARGS], acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** The table's rows as their cells' text, keyed by `year/who/figure`. */
async function tableRows(page: Page): Promise<Record<string, string[]>> {
  return (await page.$$eval("#cmp-table tr[data-key]", (trs) =>
    Object.fromEntries(trs.map((tr) => [tr.getAttribute("data-key"), [...tr.querySelectorAll("td")].map((td) => td.textContent)])),
  )) as Record<string, string[]>;
}

describe("the compare tab", () => {
  it("compares a charge of 0.3 with 0.2 on the example scenario: exact figures, the drivers, the JSON", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const scripts: string[] = [];
    page.on("request", (r) => scripts.push(new URL(r.url()).pathname));
    await page.goto(`${base}/`);
    expect(scripts).not.toContain("/compare-tab.js"); // not loaded with the page
    await page.click('.tab[data-view="compare"]');
    await page.waitForSelector("#cmp-run:not([disabled])", { timeout: 60_000 });
    expect(scripts.filter((s) => s === "/compare-tab.js")).toHaveLength(1);
    // the edit boxes start at the built-in policy's values
    expect(await page.inputValue("#cmp-floor")).toBe("3");
    expect(await page.inputValue("#cmp-clawback")).toBe("0.2");
    expect(await page.inputValue("#cmp-target")).toBe("");
    await page.fill("#cmp-clawback", "0.3");
    await page.click("#cmp-run");
    await page.waitForSelector("#cmp-out:not([hidden])");

    // exact values: each district's charge 1.5 times as much, nothing else moved (the subsidies unchanged)
    const rows = await tableRows(page);
    expect(rows["2020/xiangcheng/clawback"]).toEqual(["2020", "xiangcheng", "clawback", "元", "4320000.00", "6480000.00", "2160000.00"]);
    expect(rows["2021/wuzhong/clawback"]).toEqual(["2021", "wuzhong", "clawback", "元", "5582873.39", "8374310.08", "2791436.69"]);
    expect(rows["2021/clawbacks/clawback"]).toEqual(["2021", "各地上解合计", "clawback", "元", "12530873.39", "18796310.08", "6265436.69"]);
    expect(rows["2022/xiangcheng/clawback"]).toEqual(["2022", "xiangcheng", "clawback", "元", "4887360.00", "7331040.00", "2443680.00"]);
    expect(Object.keys(rows)).toHaveLength(11); // only the figures that differ: the charges, accrued and settled

    // the library's own comparison, row for row
    const reform = reformOf(SUZHOU_2020, { floorMonths: "3", clawbackRate: "0.3", targetMonths: "" });
    expect(reform.version).toBe("2.0+clawback0.3");
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, reform);
    const expected = diffRows(c).filter((r) => r.changed);
    expect(Object.keys(rows)).toEqual(expected.map((r) => `${r.year}/${r.who}/${r.figure}`));
    expect(Object.values(rows).map((cells) => cells.slice(4))).toEqual(expected.map((r) => [r.base, r.reform, r.difference]));
    const zh = explainComparison(c, "zh");
    expect(await page.$$eval("#cmp-params li", (lis) => lis.map((li) => li.textContent))).toEqual(zh.parameters);
    expect(await page.$$eval("#cmp-explain li", (lis) => lis.map((li) => li.textContent))).toEqual(zh.steps.map((s) => s.text));

    // every figure, unchanged ones too
    await page.uncheck("#cmp-only");
    expect(Object.keys(await tableRows(page))).toHaveLength(diffRows(c).length);
    expect((await tableRows(page))["2021/pool/floor"]?.slice(4)).toEqual([c.years[1]!.pool.floor.base, c.years[1]!.pool.floor.reform, "0.00"]);

    // the JSON download is the comparison
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#cmp-json")]);
    expect(download.suggestedFilename()).toBe("comparison.json");
    expect(JSON.parse(readFileSync((await download.path())!, "utf8"))).toEqual(JSON.parse(JSON.stringify(c)));

    // the page's language switch: the tab follows
    await page.click("#lang");
    await page.waitForFunction('document.querySelector("#cmp-run").textContent === "Compare"');
    const en = explainComparison(c, "en");
    expect(await page.$$eval("#cmp-explain li", (lis) => lis.map((li) => li.textContent))).toEqual(en.steps.map((s) => s.text));
    expect((await tableRows(page))["2020/clawbacks/clawback"]?.slice(1, 4)).toEqual(["all members' charges", "clawback", "yuan"]);

    // a rate the policy refuses: the library's message, no table
    await page.fill("#cmp-clawback", "1.5");
    await page.click("#cmp-run");
    await page.waitForSelector("#cmp-error:not([hidden])");
    expect(await page.isHidden("#cmp-out")).toBe(true);
    expect(await page.textContent("#cmp-error")).toMatch(/clawback/);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("compares two pasted policies", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.click('.tab[data-view="compare"]');
    await page.waitForSelector("#cmp-run:not([disabled])", { timeout: 60_000 });
    const floor4 = JSON.parse(JSON.stringify(SUZHOU_2020));
    floor4.version = "floor-4";
    floor4.poolFloor[0].value.months = "4";
    await page.selectOption("#cmp-base-mode", "pasted");
    await page.fill("#cmp-base-json", JSON.stringify(SUZHOU_2020));
    await page.selectOption("#cmp-reform-mode", "pasted");
    expect(await page.isHidden("#cmp-edits")).toBe(true);
    await page.fill("#cmp-reform-json", JSON.stringify(floor4));
    await page.click("#cmp-run");
    await page.waitForSelector("#cmp-out:not([hidden])");
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, floor4);
    const rows = await tableRows(page);
    const expected = diffRows(c).filter((r) => r.changed);
    expect(expected.length).toBeGreaterThan(0);
    expect(Object.values(rows).map((cells) => cells.slice(4))).toEqual(expected.map((r) => [r.base, r.reform, r.difference]));
    await page.close();
  }, 180_000);
});
