/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page's compare tab (its own script, `compare-tab.js`, loaded the first
 * time the tab is opened, so that the page's own script stays small): the
 * library's `compare` of the scenario in the simulation tab under a base
 * policy and a reform, the differences table, `explainComparison`'s account
 * of what drove each difference, and the comparison as JSON. The tab follows
 * the page's language (the `lang` of the document).
 *
 * @module
 */
import { type Comparison, compare, explainComparison } from "../analysis.js";
import { definePolicy, isPoolingError, type Policy, SUZHOU_2020 } from "../index.js";
import { COMPARE_TEXT, diffRows, firstValue, reformOf } from "./compareView.js";

type Lang = keyof typeof COMPARE_TEXT;
type Key = Exclude<keyof (typeof COMPARE_TEXT)["zh"], "cols" | "who" | "units_">;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const lang = (): Lang => (document.documentElement.lang.startsWith("zh") ? "zh" : "en");
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

let last: Comparison | null = null;
let lastError: unknown = null;

function errorText(e: unknown): string {
  if (isPoolingError(e)) return lang() === "zh" ? e.messageZh : e.message;
  return e instanceof Error ? e.message : String(e);
}

function pastedPolicy(id: string): Policy {
  return definePolicy(JSON.parse($<HTMLTextAreaElement>(id).value));
}

function basePolicy(): Policy {
  return $<HTMLSelectElement>("cmp-base-mode").value === "pasted" ? pastedPolicy("cmp-base-json") : SUZHOU_2020;
}

function reformPolicy(base: Policy): Policy {
  if ($<HTMLSelectElement>("cmp-reform-mode").value === "pasted") return pastedPolicy("cmp-reform-json");
  const v = (id: string) => $<HTMLInputElement>(id).value;
  return reformOf(base, { floorMonths: v("cmp-floor"), clawbackRate: v("cmp-clawback"), targetMonths: v("cmp-target") });
}

function run(): void {
  try {
    const scenario = JSON.parse($<HTMLTextAreaElement>("scenario").value);
    const base = basePolicy();
    last = compare(scenario, base, reformPolicy(base));
    lastError = null;
  } catch (e) {
    last = null;
    lastError = e;
  }
  render();
}

function renderTable(c: Comparison): void {
  const text = COMPARE_TEXT[lang()];
  const onlyChanged = $<HTMLInputElement>("cmp-only").checked;
  const head = el("tr");
  head.append(...text.cols.map((c) => el("th", c, { scope: "col" })));
  const rows = diffRows(c).filter((r) => r.changed || !onlyChanged);
  $("cmp-table").replaceChildren(
    head,
    ...rows.map((r) => {
      const tr = el("tr", undefined, { "data-key": `${r.year}/${r.who}/${r.figure}`, class: r.changed ? "changed" : "same" });
      tr.append(
        ...[String(r.year), text.who[r.who] ?? r.who, r.figure, text.units_[r.unit], r.base, r.reform, r.difference].map((v, i) =>
          el("td", v, i >= 4 ? { class: "num" } : {}),
        ),
      );
      return tr;
    }),
  );
}

function render(): void {
  const L = lang();
  const text = COMPARE_TEXT[L];
  for (const node of document.querySelectorAll<HTMLElement>("[data-cmp]")) node.textContent = text[node.dataset.cmp as Key];
  $("cmp-base-json").hidden = $<HTMLSelectElement>("cmp-base-mode").value !== "pasted";
  const pastedReform = $<HTMLSelectElement>("cmp-reform-mode").value === "pasted";
  $("cmp-reform-json").hidden = !pastedReform;
  $("cmp-edits").hidden = pastedReform;
  const error = $("cmp-error");
  error.hidden = lastError === null;
  error.textContent = lastError === null ? "" : errorText(lastError);
  $("cmp-out").hidden = last === null;
  if (!last) return;
  const explained = explainComparison(last, L);
  $("cmp-summary").textContent = last.changed ? explained.title : text.unchanged;
  $("cmp-params").replaceChildren(...explained.parameters.map((p) => el("li", p)));
  renderTable(last);
  $("cmp-explain").replaceChildren(...explained.steps.map((s) => el("li", s.text, { "data-key": `${s.year}/${s.who}/${s.figure}` })));
}

function download(): void {
  if (!last) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(last, null, 2)], { type: "application/json" }));
  const a = el("a", undefined, { href: url, download: "comparison.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function init(): void {
  $<HTMLInputElement>("cmp-floor").value = firstValue(SUZHOU_2020, "poolFloor", "months");
  $<HTMLInputElement>("cmp-clawback").value = firstValue(SUZHOU_2020, "clawback", "rate");
  $<HTMLInputElement>("cmp-target").value = firstValue(SUZHOU_2020, "topUp", "targetMonths");
  $("cmp-run").addEventListener("click", run);
  $("cmp-json").addEventListener("click", download);
  for (const id of ["cmp-base-mode", "cmp-reform-mode", "cmp-only"]) $(id).addEventListener("change", render);
  // the page's language button sets <html lang>: the tab follows it
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  render();
  $<HTMLButtonElement>("cmp-run").disabled = false;
}

init();
