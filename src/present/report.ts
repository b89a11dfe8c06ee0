/**
 * The HTML report of a simulation: one self-contained file (no external
 * scripts, fonts or CDNs) with inline SVG charts and Chinese and English
 * labels. Pure: returns a string. Figures are converted to numbers only to
 * place them on the charts; every figure printed is the library's exact string.
 *
 * @module
 */

import { periodOf } from "../period.js";
import { paramsAt } from "../policy/paramsAt.js";
import { resolvePolicy } from "../policy/resolve.js";
import type { Policy } from "../policy/schema.js";
import type { Simulation } from "../settlement/results.js";
import { wan } from "./summary.js";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A "nice" number at least `v` (1, 2, 2.5 or 5 times a power of ten). */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** An axis range covering `lo` to `hi` (and 0), cut in nice steps. */
function niceRange(lo: number, hi: number): { min: number; max: number; step: number } {
  const low = Math.min(0, lo);
  const high = Math.max(0, hi);
  const step = niceMax((high - low) / 4 || 1);
  return { min: Math.floor(low / step) * step, max: Math.max(step, Math.ceil(high / step) * step), step };
}

interface Series {
  name: string;
  values: number[];
  dashed?: boolean;
}

const W = 900;
const H = 320;
const M = { left: 90, right: 20, top: 40, bottom: 60 };

function axes(labels: string[], range: { min: number; max: number; step: number }, unit: string, title: string, xOf: (i: number) => number): string {
  const { min, max, step } = range;
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const parts: string[] = [`<text x="${M.left}" y="22" class="title">${esc(title)}</text>`];
  const ticks = Math.round((max - min) / step);
  for (let k = 0; k <= ticks; k++) {
    const v = min + step * k;
    const y = M.top + ih - (ih * k) / ticks;
    parts.push(`<line x1="${M.left}" x2="${M.left + iw}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${y + 4}" class="tick" text-anchor="end">${esc(v.toLocaleString("en-US", { maximumFractionDigits: 1 }))}</text>`);
  }
  const last = labels.length - 1;
  labels.forEach((l, i) => {
    // every third label, and the last one when it does not crowd the one before
    if (i % 3 !== 0 && !(i === last && last % 3 >= 2)) return;
    parts.push(`<text x="${xOf(i).toFixed(1)}" y="${H - M.bottom + 16}" class="tick" text-anchor="middle">${esc(l)}</text>`);
  });
  parts.push(`<text x="14" y="${M.top + ih / 2}" class="tick" transform="rotate(-90 14 ${M.top + ih / 2})" text-anchor="middle">${esc(unit)}</text>`);
  return parts.join("");
}

function legend(series: Series[]): string {
  let x = M.left;
  const y = H - 14;
  return series
    .map((s, i) => {
      const item = `<rect x="${x}" y="${y - 9}" width="14" height="10" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 18}" y="${y}" class="tick">${esc(s.name)}</text>`;
      x += 34 + [...s.name].reduce((w, ch) => w + (/[\u2e80-\u9fff]/.test(ch) ? 11 : 6), 0);
      return item;
    })
    .join("");
}

function lineChart(title: string, unit: string, labels: string[], series: Series[]): string {
  const all = series.flatMap((s) => s.values);
  const range = niceRange(Math.min(...all), Math.max(...all));
  const { min, max } = range;
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const x = (i: number) => M.left + (labels.length === 1 ? iw / 2 : (iw * i) / (labels.length - 1));
  const y = (v: number) => M.top + ih - (ih * (v - min)) / (max - min);
  const lines = series.map((s, i) => {
    const d = s.values.map((v, k) => `${k === 0 ? "M" : "L"}${x(k).toFixed(1)},${y(v).toFixed(1)}`).join("");
    return `<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${axes(labels, range, unit, title, x)}${lines.join("")}${legend(series)}</svg>`;
}

function stackedBars(title: string, unit: string, labels: string[], series: Series[]): string {
  const totals = labels.map((_, k) => series.reduce((s, se) => s + Math.max(0, se.values[k] ?? 0), 0));
  const range = niceRange(0, Math.max(...totals));
  const { max } = range;
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const slot = iw / Math.max(1, labels.length);
  const bars: string[] = [];
  labels.forEach((label, k) => {
    let base = 0;
    series.forEach((s, i) => {
      const v = Math.max(0, s.values[k] ?? 0);
      if (v === 0) return;
      const h = (ih * v) / max;
      const yTop = M.top + ih - (ih * base) / max - h;
      bars.push(
        `<rect x="${(M.left + slot * k + slot * 0.15).toFixed(1)}" y="${yTop.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${label} ${s.name}: ${v.toLocaleString("en-US")}`)}</title></rect>`,
      );
      base += v;
    });
  });
  const axis = axes(labels, range, unit, title, (k) => M.left + slot * k + slot / 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${axis}${bars.join("")}${legend(series)}</svg>`;
}

/** 万元 as a number, for placing on a chart only. */
const wanNumber = (yuan: string) => Number(yuan) / 10_000;

/**
 * The self-contained HTML report of a simulation (what `wi-pooling simulate
 * --report` writes): one file with no external scripts, fonts or CDNs, inline
 * SVG charts of the pool against its floor and of each member's balance and
 * reserve months, with Chinese and English labels. Pure: returns the HTML.
 * Every figure printed is the simulation's own exact string; figures are
 * turned into numbers only to place them on the charts.
 *
 * @param sim - a result of `simulate`
 * @param policy - the policy the simulation ran under (default `SUZHOU_2020`): it names the members
 * @returns the HTML document
 * @throws PoolingError `POLICY_NOT_IN_FORCE` when the policy is not in force for the simulation's first period
 *
 * @example
 * ```ts
 * const html = renderReport(simulate(EXAMPLE_SCENARIO));
 * writeFileSync("report.html", html);
 * ```
 */
export function renderReport(sim: Simulation, policy?: Policy): string {
  const p = resolvePolicy(policy);
  const labels = sim.periods.map((p) => p.period);
  const members = paramsAt(p, sim.periods[0]?.period ?? periodOf(p.inForce.from)).members.value;
  const ids = members.map((m) => m.id);
  const name = (id: string) => {
    const m = members.find((x) => x.id === id)!;
    return `${m.nameZh.replace(/（.*）/, "")} ${m.id}`;
  };
  const floorMonths = sim.periods.at(-1)?.parameters.poolFloorMonths ?? "?";
  const pool = lineChart(`统筹基金与 ${floorMonths} 个月备付下限 / The pool against its ${floorMonths}-month floor (二（二）)`, "万元 (10,000 yuan)", labels, [
    { name: "统筹基金 pool", values: sim.periods.map((p) => wanNumber(p.pool.balance)) },
    { name: "备付下限 floor", values: sim.periods.map((p) => wanNumber(p.pool.floor)), dashed: true },
  ]);
  const balances = lineChart(
    "各地累计结余 / Each member's carried balance",
    "万元 (10,000 yuan)",
    labels,
    ids.map((id) => ({ name: name(id), values: sim.periods.map((p) => wanNumber(p.members[id]!.carried)) })),
  );
  const months = lineChart(
    "各地可支付月数 / Each member's reserve months (二（五）)",
    "月 months",
    labels,
    ids.map((id) => ({ name: name(id), values: sim.periods.map((p) => Number(p.members[id]!.reserveMonths ?? "0")) })),
  );
  const sumMembers = (f: (m: Simulation["periods"][number]["members"][string]) => string) =>
    sim.periods.map((p) => Object.values(p.members).reduce((s, m) => s + wanNumber(f(m)), 0));
  const flows = stackedBars(
    "每期降费补缺、补助、上解、上划 / Grants, subsidies, clawbacks and top-ups per period (二（二）, 二（三）)",
    "万元 (10,000 yuan)",
    labels,
    [
      { name: "降费补缺 grants", values: sim.periods.map((p) => wanNumber(p.pool.paid.cutGapGrant)) },
      { name: "补助 subsidies", values: sim.periods.map((p) => wanNumber(p.pool.paid.subsidy)) },
      { name: "上解市财政 clawbacks", values: sim.periods.map((p) => wanNumber(p.clawbacks)) },
      { name: "上划 top-ups", values: sumMembers((m) => m.topUp) },
    ],
  );
  const yearRows = sim.years
    .map(
      (y) =>
        `<tr><td>${y.year}</td><td>${wan(y.pool.balance)}</td><td>${wan(y.pool.floor)}</td><td>${wan(y.pool.topUp)}</td><td>${wan(y.pool.paid.majorAccident)}</td><td>${wan(y.pool.paid.cutGapGrant)}</td><td>${wan(y.pool.paid.subsidy)}</td><td>${wan(y.clawbacks)}</td></tr>`,
    )
    .join("");
  const c = sim.conservation;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>市区工伤保险统筹模拟 / City-district pooling simulation</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 960px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
svg { width: 100%; height: auto; background: #fff; border: 1px solid #ddd; margin: 8px 0; }
.title { font-size: 14px; font-weight: 600; } .tick { font-size: 11px; fill: #444; } .grid { stroke: #eee; }
table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; } th { background: #f4f4f4; }
.note { color: #666; font-size: 12px; }
</style>
</head>
<body>
<h1>市区工伤保险统筹模拟 / Work-injury insurance city-district pooling: simulation</h1>
<p>${esc(sim.name ?? "")}</p>
<p class="note">苏府办〔2020〕86号《市政府办公室关于工伤保险市区统筹的实施意见》. ${esc(labels[0] ?? "")} → ${esc(labels.at(-1) ?? "")}. 金额单位：万元 / amounts in 万元 (10,000 yuan). 守恒检查 conservation: ${c.ok ? "通过 ok" : "失败 FAILED"}.</p>
<h2>统筹基金 / The pool</h2>
${pool}
<h2>各地基金 / The members' funds</h2>
${balances}
${months}
<h2>资金往来 / Flows between the members and the pool</h2>
${flows}
<h2>年度汇总 / Yearly summary</h2>
<table><tr><th>年度 year</th><th>年末统筹基金 pool</th><th>备付下限 floor</th><th>上划 top-ups</th><th>重大事故 major accidents</th><th>降费补缺 grants</th><th>补助 subsidies</th><th>上解 clawbacks</th></tr>${yearRows}</table>
<p class="note">Generated by suzhou-wi-pooling. 图表仅用于展示；精确数值见 JSON 输出 / Charts are for reading; exact figures are in the JSON output.</p>
</body>
</html>
`;
}
