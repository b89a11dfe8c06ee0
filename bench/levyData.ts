/**
 * The generated levy records of the bench: random classes, tiers, periods
 * (in and out of the 2020–21 cut window), cuts and payrolls, seeded; and the
 * same records written as a CLI input CSV, optionally with bad rows.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { LevyInput } from "../dist/index.js";
import { prng } from "./simScenario.js";

const LADDER1 = ["1", "1.2", "1.5"];
const LADDER = ["0.5", "0.8", "1", "1.2", "1.5"];
const PERIODS = ["2020-05", "2020-09", "2021-04", "2021-05", "2021-07", "2022-01"];
const inWindow = (p: string) => p <= "2021-04";

/** `n` generated levy inputs (payrolls below `maxPayrollFen` fen, written with two decimals). */
export function records(n: number, seed: number, maxPayrollFen = 10_000_000_000): LevyInput[] {
  const rnd = prng(seed);
  const out: LevyInput[] = [];
  for (let i = 0; i < n; i++) {
    const cls = 1 + Math.floor(rnd() * 8);
    const ladder = cls === 1 ? LADDER1 : LADDER;
    const period = PERIODS[Math.floor(rnd() * PERIODS.length)]!;
    const fen = Math.floor(rnd() * maxPayrollFen);
    // generated at run time: typed as the library's input (it checks every field anyway)
    const r = {
      employerId: `E${i}`,
      period,
      industryClass: cls,
      payroll: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`,
      floatMultiplier: ladder[Math.floor(rnd() * ladder.length)]!,
    } as LevyInput;
    if (inWindow(period)) {
      r.cutFraction = rnd() < 0.5 ? "0.5" : "0.2";
      r.ownCutFraction = rnd() < 0.5 ? "0" : "0.5";
    }
    out.push(r);
  }
  return out;
}

/** The columns of the bench's input CSV. */
export const CSV_COLUMNS = ["employerId", "period", "industryClass", "payroll", "floatMultiplier", "cutFraction", "ownCutFraction"] as const;

/** A bad row with three problems (period, class, payroll): every tenth row when `bad` is set. */
const BAD_ROW = (i: number) => `B${i},2019-13,9,-5.001,7,,`;

/**
 * Writes `rows` generated records (seed `seed`) as the CLI's input CSV at
 * `path`; with `bad`, every tenth row is a bad one (three problems each).
 * Returns the records written (the good ones), as the CSV reader reads them.
 */
export function writeLevyCsv(path: string, rows: number, seed: number, bad = false, keep = false): LevyInput[] {
  const same: LevyInput[] = [];
  const fd = openSync(path, "w");
  let text = `${CSV_COLUMNS.join(",")}\n`;
  let i = 0;
  for (const r of records(rows, seed)) {
    const row = CSV_COLUMNS.map((c) => (r[c] === undefined ? "" : String(r[c])));
    if (bad && i % 10 === 9) text += `${BAD_ROW(i)}\n`;
    else {
      if (keep) {
        const input: Record<string, string> = {};
        CSV_COLUMNS.forEach((c, k) => {
          if (row[k] !== "") input[c] = row[k]!;
        });
        same.push(input as unknown as LevyInput);
      }
      text += `${row.join(",")}\n`;
    }
    i++;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = "";
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  return same;
}
