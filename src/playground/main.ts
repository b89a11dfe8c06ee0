/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground page: the library bundled for the browser, no framework, no
 * request to any server. Every figure shown is a string the library returned;
 * the simulation's charts and yearly table are the HTML report's own
 * (`src/present/report.ts`, pure string building).
 *
 * @module
 */

import { EXAMPLE_SCENARIO } from "../examples.js";
import { computeLevy, explain, floatTiers, type Levy, type LevyInput, PoolingError, type Simulation, SUZHOU_2020, simulate } from "../index.js";
import { type NormalizeChange, normalizeSummary, renderReport } from "../report.js";
import type { CollectedBatch } from "../service/batch.js";
import { LEVY_CSV_COLUMNS } from "../service/csv.js";
import { decodeText, encodingOf } from "../service/decode.js";
import { errorTextIn, levyBatchCsvIn, levyCsvBatch, problemLines, rowProblemText } from "./clerk.js";
import { initCompareTab } from "./compareLoader.js";
import { simulationCsv } from "./export.js";
import { type Lang, TEXT } from "./i18n.js";
import { initStressTab } from "./stressTab.js";

const policy = SUZHOU_2020;
let lang: Lang = "zh";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};
type Key = Exclude<keyof (typeof TEXT)["zh"], "fields">;
const t = (key: Key): string => TEXT[lang][key];

const errorText = (e: unknown): string => errorTextIn(e, lang);

function showError(id: string, e: unknown | null): void {
  const box = $(id);
  box.hidden = e === null;
  // a refused scenario: every problem of it, one a line
  box.textContent = e === null ? "" : id === "sim-error" && e instanceof PoolingError ? problemLines(e, lastSimInput, lang) : errorText(e);
}

/** A download of `text` as a Blob URL, released after the click. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", undefined, { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ─── language and views ───────────────────────────────────────────────
function applyLang(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = node.dataset.i18n as Key;
    if (typeof TEXT[lang][key] === "string") node.textContent = t(key);
  }
  $("lang").textContent = lang === "zh" ? "English" : "中文";
  document.title = t("title");
  renderCalc();
  if (lastBatch) renderBatch(lastBatch);
  if (lastBatchError !== null) showError("batch-error", lastBatchError);
  if (lastSim) renderSim(lastSim);
}

function showView(view: string): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>(".tab")) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-pressed", String(on));
    $(`view-${tab.dataset.view}`).hidden = !on;
  }
}

// ─── premium calculator ───────────────────────────────────────────────
let lastLevy: Levy | null = null;
let lastCalcError: unknown = null;

function fillTiers(): void {
  const cls = $<HTMLSelectElement>("f-class").value;
  const tier = $<HTMLSelectElement>("f-tier");
  const before = tier.value;
  tier.replaceChildren(...floatTiers(cls as never, policy).map((m) => el("option", `× ${m}`, { value: m })));
  tier.value = floatTiers(cls as never, policy).includes(before) ? before : "1";
}

function compute(): void {
  const v = (id: string) => $<HTMLInputElement>(id).value.trim();
  const input: Record<string, unknown> = { period: v("f-period"), industryClass: Number(v("f-class")), floatMultiplier: v("f-tier"), payroll: v("f-payroll") };
  if (v("f-cut") !== "") input.cutFraction = v("f-cut");
  try {
    lastLevy = computeLevy(input as LevyInput, policy);
    lastCalcError = null;
  } catch (e) {
    lastLevy = null;
    lastCalcError = e;
  }
  renderCalc();
}

function renderCalc(): void {
  showError("calc-error", lastCalcError);
  $("premium").textContent = lastLevy ? lastLevy.premium : "—";
  const table = $("calc-table");
  const steps = $("explain-steps");
  if (!lastLevy) {
    table.replaceChildren();
    steps.replaceChildren();
    return;
  }
  const levy = lastLevy;
  const fields = LEVY_CSV_COLUMNS.filter((c) => c !== "clauses" && c !== "employerId");
  table.replaceChildren(
    ...fields.map((f) => {
      const tr = el("tr");
      tr.append(el("th", `${TEXT[lang].fields[f] ?? f}`, { scope: "row" }), el("td", String(levy[f] ?? "")));
      return tr;
    }),
  );
  const ex = explain(levy, { lang });
  steps.replaceChildren(
    ...ex.steps.map((s) => {
      const li = el("li", s.text);
      if (s.citation)
        li.append(el("cite", `${s.citation.doc}${s.citation.clause ? ` ${s.citation.clause}` : ""}${s.citation.note ? ` · ${s.citation.note}` : ""}`));
      return li;
    }),
  );
}

// ─── CSV batch ────────────────────────────────────────────────────────
let lastBatch: CollectedBatch | null = null;
const BATCH_COLUMNS = [
  "employerId",
  "period",
  "industryClass",
  "payroll",
  "floatMultiplier",
  "cutFraction",
  "effectiveRate",
  "premium",
  "cutRelief",
  "premiumDue",
] as const;

let lastFile: File | null = null;
/** The changes `normalize` made to the last file (its summary lines), or null when it was off. */
let lastNormalized: string[] | null = null;
let lastBatchError: unknown = null;
let loads = 0; // a newer load (another file, another encoding) supersedes one still reading

/**
 * Reads the file in the chosen encoding (UTF-8 unless GB18030 / GBK is
 * chosen), strictly: bytes not valid in it are an error saying what to choose,
 * never garbled names (`file.text()` would replace them).
 */
async function loadCsv(file: File): Promise<void> {
  lastFile = file;
  lastBatch = null;
  lastBatchError = null;
  $("batch-out").hidden = true;
  const encoding = encodingOf($<HTMLSelectElement>("csv-encoding").value) ?? "utf-8";
  const load = ++loads;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (load !== loads) return;
    const changes: NormalizeChange[] | undefined = $<HTMLInputElement>("csv-normalize").checked ? [] : undefined;
    const batch = levyCsvBatch(decodeText(bytes, encoding), policy, changes);
    lastNormalized = changes === undefined ? null : normalizeSummary(changes);
    lastBatch = batch;
    showError("batch-error", null);
    renderBatch(lastBatch);
  } catch (e) {
    if (load !== loads) return;
    lastBatchError = e;
    showError("batch-error", e);
  }
}

function renderBatch(batch: CollectedBatch): void {
  $("batch-out").hidden = false;
  const notice = $("batch-normalized");
  notice.hidden = lastNormalized === null;
  notice.textContent =
    lastNormalized === null
      ? ""
      : `${t("normalized")} ${lastNormalized.length === 0 ? "0" : lastNormalized.map((l) => l.split(" / ")[lang === "zh" ? 1 : 0]).join("；")}`;
  const { policy: ref, library, ...figures } = batch.totals;
  $("batch-totals").replaceChildren(
    ...Object.entries(figures).map(([k, v]) => {
      const tr = el("tr");
      tr.append(el("th", TEXT[lang].fields[k] ?? k, { scope: "row" }), el("td", v));
      return tr;
    }),
    ...[
      [t("policyRef"), `${ref.id} ${ref.version}`],
      [t("libraryRef"), `${library.name} ${library.version}`],
    ].map(([k, v]) => {
      const tr = el("tr");
      tr.append(el("th", k!, { scope: "row" }), el("td", v!, { class: "ref" }));
      return tr;
    }),
    (() => {
      const tr = el("tr");
      tr.append(
        el("th", t("goodBad"), { scope: "row" }),
        el("td", `${batch.items.length} / ${batch.errors.length + batch.errorsOmitted}`, { id: "batch-counts" }),
      );
      return tr;
    })(),
  );
  $("batch-errors").replaceChildren(
    ...(batch.errors.length === 0
      ? [el("li", t("noBadRows"))]
      : batch.errors.map((e) => el("li", rowProblemText(e, lang), { "data-line": String(e.line ?? "") }))),
  );
  const head = el("tr");
  head.append(...BATCH_COLUMNS.map((c) => el("th", TEXT[lang].fields[c] ?? c, { scope: "col" })));
  $("batch-table").replaceChildren(
    head,
    ...batch.items.map((l) => {
      const tr = el("tr");
      tr.append(...BATCH_COLUMNS.map((c) => el("td", String(l[c] ?? ""))));
      return tr;
    }),
  );
}

// ─── simulation ───────────────────────────────────────────────────────
let lastSim: Simulation | null = null;
/** The scenario last run (for listing every problem of a refused one), and whether it was the example. */
let lastSimInput: unknown;
let lastSimIsExample = false;
const exampleText = () => JSON.stringify(EXAMPLE_SCENARIO, null, 2);

function runSimulation(): void {
  try {
    lastSimInput = undefined;
    lastSimInput = JSON.parse($<HTMLTextAreaElement>("scenario").value);
    lastSimIsExample = JSON.stringify(lastSimInput) === JSON.stringify(EXAMPLE_SCENARIO);
    lastSim = simulate(lastSimInput as never, { policy });
    showError("sim-error", null);
    renderSim(lastSim);
  } catch (e) {
    lastSim = null;
    $("sim-out").hidden = true;
    showError("sim-error", e);
  }
}

function renderSim(sim: Simulation): void {
  // the HTML report's own charts and yearly table: parsed (inert), then its body's elements moved in
  // (its <style> is dropped first: the page's CSP forbids inline styles, and style.css carries the same rules)
  const html = renderReport(sim, policy).replace(/<style>[\s\S]*?<\/style>/, "");
  const doc = new DOMParser().parseFromString(html, "text/html");
  // (with restatements: the adjustments by the period they correct, and the restatements behind them)
  const keep = [...doc.body.children].filter(
    (n) => ["H2", "H3", "svg", "TABLE"].includes(n.tagName) || n.tagName.toLowerCase() === "svg" || n.classList.contains("restatements"),
  );
  const report = $("sim-report");
  report.replaceChildren(...keep.map((n) => document.importNode(n, true)));
  report.querySelector("table.years")?.setAttribute("id", "sim-years");
  const c = sim.conservation;
  $("sim-summary").textContent =
    `${sim.name ?? ""} · ${sim.periods[0]?.period ?? ""} → ${sim.periods.at(-1)?.period ?? ""} · ${t("units")} · ${t("conservation")}: ${t(c.ok ? "passed" : "failed")}`;
  $("sim-example").hidden = !lastSimIsExample;
  $("sim-out").hidden = false;
}

// ─── wiring ───────────────────────────────────────────────────────────
function init(): void {
  const cls = $<HTMLSelectElement>("f-class");
  cls.replaceChildren(...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => el("option", String(k), { value: String(k) })));
  cls.value = "3";
  fillTiers();
  $<HTMLSelectElement>("f-tier").value = "0.8";
  cls.addEventListener("change", fillTiers);
  $("calc-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    compute();
  });
  $("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    applyLang();
  });
  for (const tab of document.querySelectorAll<HTMLButtonElement>(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view!));
  $<HTMLInputElement>("csv-file").addEventListener("change", (ev) => {
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f) void loadCsv(f);
  });
  for (const id of ["csv-encoding", "csv-normalize"]) {
    $(id).addEventListener("change", () => {
      if (lastFile) void loadCsv(lastFile);
    });
  }
  $("batch-csv").addEventListener("click", () => {
    if (!lastBatch) return;
    // with a UTF-8 byte order mark: Excel on Chinese Windows would read it as GBK without one
    download("levies.csv", "text/csv;charset=utf-8", `\uFEFF${levyBatchCsvIn(lastBatch, lang)}`);
  });
  $("batch-json").addEventListener("click", () => lastBatch && download("levies.json", "application/json", JSON.stringify(lastBatch, null, 2)));
  const scenario = $<HTMLTextAreaElement>("scenario");
  scenario.value = exampleText();
  $("sim-reset").addEventListener("click", () => {
    scenario.value = exampleText();
  });
  $<HTMLInputElement>("scenario-file").addEventListener("change", async (ev) => {
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f) scenario.value = await f.text();
  });
  $("sim-run").addEventListener("click", runSimulation);
  $("sim-csv").addEventListener(
    "click",
    () => lastSim && download("simulation-years.csv", "text/csv;charset=utf-8", `\uFEFF${simulationCsv(lastSim, lang, policy)}`),
  );
  $("sim-json").addEventListener("click", () => lastSim && download("simulation.json", "application/json", JSON.stringify(lastSim)));
  initStressTab($, download);
  initCompareTab();
  compute();
  applyLang();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
