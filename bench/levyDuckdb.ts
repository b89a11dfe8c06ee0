/**
 * The baseline of the CLI's levy run: DuckDB (embedded columnar SQL) doing
 * the same CSV → CSV job. The input is read with its columns' types (the
 * payroll a DECIMAL(18,2)); the rates come from a joined table keyed by one
 * integer, the hash of (period, class, tier, cut, own cut), whose exact rates (DECIMAL) and texts are the
 * library's own (one computeLevy per key, so the baseline computes no rate);
 * the amounts are DECIMAL products rounded half-up to the fen (DuckDB's
 * ROUND on a DECIMAL rounds half away from zero: half-up for these
 * non-negative amounts); the output has the CLI's columns, in input order,
 * and its totals row.
 */
import { appendFileSync } from "node:fs";
import { computeLevy, type LevyInput } from "../dist/index.js";
import { LEVY_COLUMNS, levyClauses } from "../dist/report.js";
import { records } from "./levyData.js";

/** `@duckdb/node-api`, or the reason it cannot be loaded. */
export async function loadDuckdb(): Promise<typeof import("@duckdb/node-api") | string> {
  try {
    return await import("@duckdb/node-api");
  } catch (e) {
    return (e as Error).message.split("\n")[0]!;
  }
}

const sqlText = (s: string | null | undefined) => (s === null || s === undefined ? "NULL" : `'${s.replace(/'/g, "''")}'`);

/** The rate table's rows: every (period, class, tier, cut, own cut) of the generated records, with the library's rates. */
function rateRows(): string[] {
  const keys = new Map<string, LevyInput>();
  for (const r of records(20_000, 99)) {
    const k = `${r.period}|${r.industryClass}|${r.floatMultiplier}|${r.cutFraction ?? ""}|${r.ownCutFraction ?? ""}`;
    if (!keys.has(k)) keys.set(k, r);
  }
  const rows: string[] = [];
  for (const r of keys.values()) {
    const zero = computeLevy({ ...r, employerId: undefined, payroll: "0" } as LevyInput);
    const some = computeLevy({ ...r, employerId: undefined, payroll: "1000000" } as LevyInput);
    const own = zero.ownCutFraction;
    const ownEffective = own !== null && Number(own) < Number(zero.cutFraction) ? `${zero.floatedRate}::DECIMAL(18,8) * (1 - ${own}::DECIMAL(18,8))` : "NULL";
    rows.push(
      `(${[
        sqlText(r.period),
        String(r.industryClass),
        sqlText(r.floatMultiplier as string),
        sqlText(r.cutFraction as string | undefined),
        sqlText(r.ownCutFraction as string | undefined),
        sqlText(zero.baseRate),
        sqlText(zero.floatMultiplier),
        sqlText(zero.floatedRate),
        sqlText(zero.cutFraction),
        sqlText(zero.cutSource),
        sqlText(own),
        sqlText(zero.ownCutSource),
        sqlText(zero.effectiveRate),
        sqlText(zero.reliefFraction),
        `${zero.floatedRate}::DECIMAL(18,8)`,
        `${zero.effectiveRate}::DECIMAL(18,8)`,
        ownEffective,
        sqlText(levyClauses(zero)),
        sqlText(levyClauses(some)),
        zero.cutFraction === "0" ? "false" : "true",
      ].join(", ")})`,
    );
  }
  return rows;
}

/** The input's columns with their types, as read_csv takes them (no sniffing, no text-to-number casts in the query). */
const INPUT_TYPES =
  "{'employerId': 'VARCHAR', 'period': 'VARCHAR', 'industryClass': 'UTINYINT', 'payroll': 'DECIMAL(18,2)', " +
  "'floatMultiplier': 'VARCHAR', 'cutFraction': 'VARCHAR', 'ownCutFraction': 'VARCHAR'}";

/** The key of a rate: one integer hash of the five fields that choose it (NULLs included), the same on both sides of the join. */
const RATE_KEY = (p: string) => `hash(${p}period, ${p}industryClass, ${p}floatMultiplier, ${p}cutFraction, ${p}ownCutFraction)`;

/** The input's rows with their rates and amounts (a view: the rows are read from the file by each query that uses it). */
const COMPUTED = (
  input: string,
) => `SELECT i.employerId, i.period, i.industryClass, i.payroll, r.baseRate, r.floatMultiplierOut AS floatMultiplier, r.floatedRate,
          r.cutFractionOut AS cutFraction, r.cutSource, r.ownCutFractionOut AS ownCutFraction, r.ownCutSource, r.effectiveRate, r.reliefFraction,
          r.cutPositive, r.clauses, r.clausesWithSync,
          ROUND(i.payroll * r.floated, 2) AS premiumBeforeCut,
          ROUND(i.payroll * r.effective, 2) AS premium,
          CASE WHEN r.ownEffective IS NULL THEN 0::DECIMAL(18,2) ELSE ROUND(i.payroll * r.ownEffective, 2) - ROUND(i.payroll * r.effective, 2) END AS syncInducedRelief
        FROM read_csv('${input}', header = true, auto_detect = false, delim = ',', quote = '', escape = '', columns = ${INPUT_TYPES}) i
        JOIN rateKeys r ON r.k = ${RATE_KEY("i.")}`;

/**
 * The SQL of the job: `input` CSV → `output` CSV (the rows), then the totals
 * (one row, appended by {@link duckdbLevy}). Written as a DuckDB user would:
 * read_csv with the columns' types, the rates a small table joined on one
 * integer key, no ORDER BY. On one thread (the default here) DuckDB keeps
 * the input's order; on several, its hash join does not (measured at a
 * million rows), and the ways to keep the order on several threads cost more
 * than they gain (measured under the same load: a row number and ORDER BY,
 * three times the time; the rates as a list indexed by a key instead of a
 * join, five times). The totals one aggregate
 * over the same view (DuckDB reads the file again: cheaper than keeping the
 * million computed rows in a table, measured).
 */
export function duckdbLevySql(input: string, output: string, threads: number): { setup: string[]; totals: string } {
  return {
    setup: [
      `CREATE TABLE rates (period VARCHAR, industryClass UTINYINT, floatMultiplier VARCHAR, cutFraction VARCHAR, ownCutFraction VARCHAR,
        baseRate VARCHAR, floatMultiplierOut VARCHAR, floatedRate VARCHAR, cutFractionOut VARCHAR, cutSource VARCHAR,
        ownCutFractionOut VARCHAR, ownCutSource VARCHAR, effectiveRate VARCHAR, reliefFraction VARCHAR,
        floated DECIMAL(18,8), effective DECIMAL(18,8), ownEffective DECIMAL(18,8), clauses VARCHAR, clausesWithSync VARCHAR, cutPositive BOOLEAN)`,
      `INSERT INTO rates VALUES ${rateRows().join(",\n")}`,
      // read_csv gives the planner no row count: without this it would build the join's hash table on the million rows, not the rates
      "SET disabled_optimizers = 'build_side_probe_side'",
      `SET threads = ${threads}`,
      `CREATE TABLE rateKeys AS SELECT ${RATE_KEY("")} AS k, * FROM rates`,
      `CREATE VIEW computed AS ${COMPUTED(input)}`,
      `COPY (
        SELECT employerId, period, industryClass, payroll, baseRate, floatMultiplier, floatedRate, cutFraction, cutSource,
          ownCutFraction, ownCutSource, effectiveRate, premiumBeforeCut, premium, premiumBeforeCut - premium AS cutRelief, syncInducedRelief, reliefFraction,
          '0.00' AS reliefWaived, premium AS premiumDue,
          CASE WHEN cutPositive AND syncInducedRelief <> 0 THEN clausesWithSync ELSE clauses END AS clauses
        FROM computed
      ) TO '${output}' (HEADER, DELIMITER ',', QUOTE '')`,
    ],
    totals: `SELECT sum(payroll)::VARCHAR, sum(premiumBeforeCut)::VARCHAR, sum(premium)::VARCHAR,
      sum(premiumBeforeCut - premium)::VARCHAR, sum(syncInducedRelief)::VARCHAR FROM computed`,
  };
}

/**
 * Runs the job in DuckDB on `threads` threads (1: the rows in the input's
 * order, the CLI's bytes); returns its wall time in ms: the database's start,
 * the rate table's load, the query, the totals row. The rate table's rows are
 * made by the library before the clock starts (reference data a SQL user
 * would already have; computing them is the library's first calls).
 */
export async function duckdbLevy(duckdb: typeof import("@duckdb/node-api"), input: string, output: string, threads = 1): Promise<number> {
  const { setup, totals } = duckdbLevySql(input, output, threads);
  const t = performance.now();
  const instance = await duckdb.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of setup) await connection.run(sql);
  // the totals row, the CLI's: TOTAL 合计, the payroll and the four sums, reliefWaived 0.00, premiumDue = premium
  const [payroll, before, premium, relief, sync] = (await (await connection.run(totals)).getRows())[0]!.map(String);
  const cells = LEVY_COLUMNS.map(() => "");
  const set = (c: string, v: string) => {
    cells[LEVY_COLUMNS.indexOf(c as (typeof LEVY_COLUMNS)[number])] = v;
  };
  set("employerId", "TOTAL 合计");
  set("payroll", payroll!);
  set("premiumBeforeCut", before!);
  set("premium", premium!);
  set("cutRelief", relief!);
  set("syncInducedRelief", sync!);
  set("reliefWaived", "0.00");
  set("premiumDue", premium!);
  appendFileSync(output, `${cells.join(",")}\n`);
  connection.closeSync();
  instance.closeSync();
  return performance.now() - t;
}
