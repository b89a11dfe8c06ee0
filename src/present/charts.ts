/**
 * The inline SVG charts and HTML tables of the reports (a simulation's, a
 * comparison's, a stress test's): line charts, grouped bars, tables, and
 * HTML escaping. Figures become numbers only to place them on a chart; every
 * figure printed is the library's exact string.
 *
 * @module
 */

import { wan } from "./summary.js";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

/** HTML-escapes text. @internal */
export function esc(s: string): string {
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

/** A series of a chart. @internal */
export interface Series {
  name: string;
  values: number[];
  dashed?: boolean;
  /** A colour of its own (else the palette's, by position). */
  color?: string;
  /** Line width (default 2). */
  width?: number;
  /** The exact figures of the values, as the bars' tooltips print them (else the values, to two decimals). */
  figures?: string[];
}

const colorOf = (s: Series, i: number) => s.color ?? COLORS[i % COLORS.length]!;

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

function legend(series: Series[], lines = false): string {
  let x = M.left;
  const y = H - 14;
  return series
    .map((s, i) => {
      const swatch = lines
        ? `<line x1="${x}" x2="${x + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${colorOf(s, i)}" stroke-width="${s.width ?? 2}"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`
        : `<rect x="${x}" y="${y - 9}" width="14" height="10" fill="${colorOf(s, i)}"/>`;
      const item = `${swatch}<text x="${x + (lines ? 26 : 18)}" y="${y}" class="tick">${esc(s.name)}</text>`;
      x += (lines ? 42 : 34) + [...s.name].reduce((w, ch) => w + (/[\u2e80-\u9fff]/.test(ch) ? 11 : 6), 0);
      return item;
    })
    .join("");
}

/** A line chart (SVG). @internal */
export function lineChart(title: string, unit: string, labels: string[], series: Series[]): string {
  const all = series.flatMap((s) => s.values);
  const range = niceRange(Math.min(...all), Math.max(...all));
  const { min, max } = range;
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const x = (i: number) => M.left + (labels.length === 1 ? iw / 2 : (iw * i) / (labels.length - 1));
  const y = (v: number) => M.top + ih - (ih * (v - min)) / (max - min);
  const lines = series.map((s, i) => {
    const d = s.values.map((v, k) => `${k === 0 ? "M" : "L"}${x(k).toFixed(1)},${y(v).toFixed(1)}`).join("");
    return `<path d="${d}" fill="none" stroke="${colorOf(s, i)}" stroke-width="${s.width ?? 2}"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`;
  });
  // later series are drawn over earlier ones: a line given last stays visible where they coincide
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${axes(labels, range, unit, title, x)}${lines.join("")}${legend(series, true)}</svg>`;
}

/** Bars side by side in each period, each bar a stack of its series (e.g. the pool's payments; the top-ups; the clawbacks). @internal */
export function groupedBars(title: string, unit: string, labels: string[], groups: Series[][]): string {
  const totals = groups.flatMap((g) => labels.map((_, k) => g.reduce((s, se) => s + Math.max(0, se.values[k] ?? 0), 0)));
  const range = niceRange(0, Math.max(...totals));
  const { max } = range;
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const slot = iw / Math.max(1, labels.length);
  const bar = (slot * 0.8) / groups.length;
  const all = groups.flat();
  const bars: string[] = [];
  labels.forEach((label, k) => {
    groups.forEach((group, g) => {
      let base = 0;
      for (const s of group) {
        const i = all.indexOf(s);
        const v = Math.max(0, s.values[k] ?? 0);
        if (v === 0) continue;
        const figure = s.figures?.[k] ?? v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const h = (ih * v) / max;
        const yTop = M.top + ih - (ih * base) / max - h;
        bars.push(
          `<rect x="${(M.left + slot * k + slot * 0.1 + bar * g).toFixed(1)}" y="${yTop.toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${colorOf(s, i)}"><title>${esc(`${label} ${s.name}: ${figure}`)}</title></rect>`,
        );
        base += v;
      }
    });
  });
  const axis = axes(labels, range, unit, title, (k) => M.left + slot * k + slot / 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${axis}${bars.join("")}${legend(all)}</svg>`;
}

/** An HTML table: a header row and rows of cells (already escaped where they hold text). @internal */
export function table(header: string[], rows: string[][], left = 1, className?: string): string {
  const cell = (tag: string, c: string, i: number) => (i < left ? `<${tag} class="l">${c}</${tag}>` : `<${tag}>${c}</${tag}>`);
  return `<table${className ? ` class="${className}"` : ""}><tr>${header.map((h, i) => cell("th", h, i)).join("")}</tr>${rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("")}</table>`;
}

/** 万元 as a number, for placing on a chart only. @internal */
export const wanNumber = (yuan: string) => Number(yuan) / 10_000;

/** A bar series of figures in yuan: the values in 万元 to place the bars, the exact figures (万元, two decimals) for the tooltips. */
export const barSeries = (name: string, color: string, yuan: string[]): Series => ({ name, color, values: yuan.map(wanNumber), figures: yuan.map(wan) });
