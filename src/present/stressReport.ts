/**
 * The HTML report of a stress test: a fan chart of the pool's reserve months
 * (P5–P95 and P25–P75 bands, the median) by month, and probability bars by
 * year. Pure: returns a string.
 *
 * @module
 */
import type { StressResult } from "../analysis/stressResult.js";
import type { Probability } from "../analysis/summaries.js";
import { analysisPage } from "./analysisStyle.js";
import { esc, groupedBars, table } from "./charts.js";

const W = 900;
const H = 320;
const M = { left: 70, right: 20, top: 40, bottom: 50 };

/** The fan chart: bands between quantiles by month; months whose quantiles are unbounded or not assessed are left out. */
function fanChart(fan: StressResult["fan"], floorMonths: number | null): string {
  const rows = fan.filter((f) => f.p5 !== null && f.p95 !== null && f.p25 !== null && f.p75 !== null && f.p50 !== null);
  const title = "统筹基金可支付月数：P5–P95 扇形图 / The pool's reserve months: fan chart P5–P95 (P25–P75 darker, median line)";
  if (rows.length === 0) return `<p class="note">${esc(title)}: no month with bounded reserve months.</p>`;
  const num = (s: string | null) => Number(s);
  const max = Math.max(...rows.map((r) => num(r.p95)), floorMonths ?? 0, 1) * 1.05;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (i: number) => M.left + (rows.length === 1 ? iw / 2 : (iw * i) / (rows.length - 1));
  const y = (v: number) => M.top + ih - (ih * Math.max(0, v)) / max;
  const band = (lo: keyof (typeof rows)[number], hi: keyof (typeof rows)[number], color: string) => {
    const top = rows.map((r, i) => `${x(i).toFixed(1)},${y(num(r[hi] as string)).toFixed(1)}`);
    const bottom = rows.map((r, i) => `${x(i).toFixed(1)},${y(num(r[lo] as string)).toFixed(1)}`).reverse();
    return `<polygon points="${[...top, ...bottom].join(" ")}" fill="${color}" stroke="none"/>`;
  };
  const median = rows.map((r, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(num(r.p50)).toFixed(1)}`).join("");
  const ticks: string[] = [];
  const step = max > 20 ? 5 : max > 8 ? 2 : 1;
  for (let v = 0; v <= max; v += step) {
    ticks.push(
      `<line x1="${M.left}" x2="${M.left + iw}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${M.left - 6}" y="${y(v) + 4}" class="tick" text-anchor="end">${v}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((r, i) => {
    if (i % every === 0) ticks.push(`<text x="${x(i)}" y="${H - M.bottom + 16}" class="tick" text-anchor="middle">${esc(r.period)}</text>`);
  });
  const floor =
    floorMonths === null
      ? ""
      : `<line x1="${M.left}" x2="${M.left + iw}" y1="${y(floorMonths)}" y2="${y(floorMonths)}" stroke="#d62728" stroke-width="2" stroke-dasharray="6 4"/><text x="${M.left + iw - 4}" y="${y(floorMonths) - 4}" class="tick" text-anchor="end">下限 floor ${floorMonths}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><text x="${M.left}" y="22" class="title">${esc(title)}</text>${ticks.join("")}${band("p5", "p95", "#c6dbef")}${band("p25", "p75", "#6baed6")}<path d="${median}" fill="none" stroke="#08519c" stroke-width="2"/>${floor}</svg>`;
}

const pctText = (p: Probability) =>
  `${(Number(p.p) * 100).toFixed(2)}% (se ${(Number(p.se) * 100).toFixed(2)}, 95% ${(Number(p.lo) * 100).toFixed(2)}–${(Number(p.hi) * 100).toFixed(2)})`;
const bar = (name: string, color: string, ps: Probability[]) => ({ name, color, values: ps.map((p) => Number(p.p) * 100), figures: ps.map(pctText) });

/**
 * The self-contained HTML report of a stress test (what `wi-pooling stress
 * --report` writes): what was run; a fan chart of the pool's reserve months by
 * month (P5–P95, P25–P75, the median, the floor); bars of the pool's
 * probabilities by year (unscheduled top-up, shortfall, below its floor at year
 * end) and of each member's fund going below zero; the tables of those
 * probabilities with their standard errors and 95% intervals, and of the
 * quantiles of the pool's top-ups and balances.
 *
 * @param result - a result of `stressTest` or `mergeStressResults`
 * @param options - `floorMonths`: the floor drawn on the fan chart (default 3, the document's; `null` for none)
 * @returns the HTML document
 * @throws never
 * @example
 * ```ts
 * writeFileSync("stress.html", renderStressReport(stressTest(EXAMPLE_FLOW_MODEL, { runs: 500, seed: 1 })));
 * ```
 */
export function renderStressReport(result: StressResult, options?: { floorMonths?: number | null }): string {
  const e = result.experiment;
  const years = result.years.map((y) => String(y.year));
  const poolBars = groupedBars("统筹基金各年概率 / The pool: probabilities by year (%)", "%", years, [
    [
      bar(
        "计划外补足 unscheduled top-up",
        "#ff7f0e",
        result.years.map((y) => y.pool.unscheduledTopUp),
      ),
    ],
    [
      bar(
        "补足缺口 shortfall",
        "#d62728",
        result.years.map((y) => y.pool.shortfall),
      ),
    ],
    [
      bar(
        "年末低于下限 below floor",
        "#9467bd",
        result.years.map((y) => y.pool.belowFloor),
      ),
    ],
  ]);
  const memberBars = groupedBars(
    "各地基金出现负数的概率 / Each member's fund below zero, by year (%)",
    "%",
    years,
    e.members.map((id, i) => [
      bar(
        id,
        ["#1f77b4", "#2ca02c", "#8c564b", "#e377c2", "#17becf", "#bcbd22"][i % 6]!,
        result.years.map((y) => y.members[id]!.belowZero),
      ),
    ]),
  );
  const probRows = result.years.map((y) => [String(y.year), pctText(y.pool.unscheduledTopUp), pctText(y.pool.shortfall), pctText(y.pool.belowFloor)]);
  const qRows = result.years.flatMap((y) =>
    (["topUp", "balance", "reserveMonths"] as const).map((k) => {
      const q = y.pool.quantiles[k];
      return [String(y.year), k, q.p5 ?? "∞", q.p50 ?? "∞", q.p95 ?? "∞", q.p99 ?? "∞"];
    }),
  );
  return analysisPage(
    "压力测试 / Stress test",
    `<h1>统筹基金压力测试 / Stress test of the pool (二（五）风险预警)</h1>
<p class="banner">模型测算，并非预测 / A model, not a forecast: the probabilities are those of the flow model, not of the future.</p>
<p class="note">${esc(`${e.policy.id} ${e.policy.version}; model ${e.model}; seed ${e.seed}; runs ${result.runs.from}–${result.runs.to} of ${e.totalRuns}; ${e.horizon} months from ${e.start}. Quantiles within ${(Number(result.quantileRelativeError) * 100).toFixed(2)}% (log bins). Every run's journal conserved money (${result.conservationChecked} runs).`)}</p>
<h2>可支付月数 / Reserve months</h2>
${fanChart(result.fan, options?.floorMonths === undefined ? 3 : options.floorMonths)}
<h2>概率 / Probabilities</h2>
${poolBars}
${memberBars}
${table(["年度 year", "计划外补足 unscheduled top-up", "补足缺口 shortfall", "年末低于下限 below floor"], probRows)}
<h2>分位数 / Quantiles of the pool (P5, P50, P95, P99)</h2>
${table(["年度 year", "项目 figure", "P5", "P50", "P95", "P99"], qRows, 2)}`,
    "精确数值见 JSON 输出 / exact figures in the JSON output.",
  );
}
