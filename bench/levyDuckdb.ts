/**
 * The baseline of the CLI's levy run: DuckDB (embedded columnar SQL) doing
 * the same CSV → CSV job. The input is read as text; the payroll is a
 * DECIMAL(18,2); the rates come from a joined table keyed by (period, class,
 * tier, cut, own cut), whose exact rates (DECIMAL) and texts are the
 * library's own (one computeLevy per key, so the baseline computes no rate);
 * the amounts are DECIMAL products rounded half-up to the fen (DuckDB's
 * ROUND on a DECIMAL rounds half away from zero: half-up for these
 * non-negative amounts); the output has the CLI's columns, in input order,
 * and its totals row.
 */
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
        sqlText(String(r.industryClass)),
        sqlText(r.floatMultiplier as string),
        sqlText((r.cutFraction as string | undefined) ?? ""),
        sqlText((r.ownCutFraction as string | undefined) ?? ""),
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

/** The SQL of the job: `input` CSV → `output` CSV. */
export function duckdbLevySql(input: string, output: string): string[] {
  const cols = LEVY_COLUMNS.map((c) => `"${c}"`).join(", ");
  return [
    `CREATE OR REPLACE TABLE rates (period VARCHAR, cls VARCHAR, mult VARCHAR, cut VARCHAR, own VARCHAR,
      baseRate VARCHAR, floatMultiplier VARCHAR, floatedRate VARCHAR, cutFraction VARCHAR, cutSource VARCHAR,
      ownCutFraction VARCHAR, ownCutSource VARCHAR, effectiveRate VARCHAR, reliefFraction VARCHAR,
      floated DECIMAL(18,8), effective DECIMAL(18,8), ownEffective DECIMAL(18,8), clauses VARCHAR, clausesWithSync VARCHAR, cutPositive BOOLEAN)`,
    `INSERT INTO rates VALUES ${rateRows().join(",\n")}`,
    `COPY (
      WITH input AS (
        SELECT row_number() OVER () AS rn, * FROM read_csv('${input}', header = true, all_varchar = true)
      ), computed AS (
        SELECT i.rn, i.employerId, i.period, i.industryClass, i.payroll::DECIMAL(18,2) AS payroll, r.*,
          ROUND(i.payroll::DECIMAL(18,2) * r.floated, 2) AS premiumBeforeCut,
          ROUND(i.payroll::DECIMAL(18,2) * r.effective, 2) AS premium,
          CASE WHEN r.ownEffective IS NULL THEN 0::DECIMAL(18,2)
               ELSE ROUND(i.payroll::DECIMAL(18,2) * r.ownEffective, 2) - ROUND(i.payroll::DECIMAL(18,2) * r.effective, 2) END AS syncInducedRelief
        FROM input i JOIN rates r
          ON r.period = i.period AND r.cls = i.industryClass AND r.mult = i.floatMultiplier
         AND r.cut = coalesce(i.cutFraction, '') AND r.own = coalesce(i.ownCutFraction, '')
      ), rows AS (
        SELECT rn, employerId, period, industryClass, payroll::VARCHAR AS payroll, baseRate, floatMultiplier, floatedRate, cutFraction, cutSource,
          ownCutFraction, ownCutSource, effectiveRate, premiumBeforeCut::VARCHAR AS premiumBeforeCut, premium::VARCHAR AS premium,
          (premiumBeforeCut - premium)::VARCHAR AS cutRelief, syncInducedRelief::VARCHAR AS syncInducedRelief, reliefFraction,
          '0.00' AS reliefWaived, premium::VARCHAR AS premiumDue,
          CASE WHEN cutPositive AND syncInducedRelief <> 0 THEN clausesWithSync ELSE clauses END AS clauses
        FROM computed
        UNION ALL
        SELECT 9223372036854775807, 'TOTAL 合计', NULL, NULL, sum(payroll)::VARCHAR, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
          sum(premiumBeforeCut)::VARCHAR, sum(premium)::VARCHAR, sum(premiumBeforeCut - premium)::VARCHAR, sum(syncInducedRelief)::VARCHAR,
          NULL, '0.00', sum(premium)::VARCHAR, NULL
        FROM computed
      )
      SELECT ${cols} FROM rows ORDER BY rn
    ) TO '${output}' (HEADER, DELIMITER ',')`,
  ];
}

/** Runs the job in DuckDB; returns its wall time in ms (the rate table included). */
export async function duckdbLevy(duckdb: typeof import("@duckdb/node-api"), input: string, output: string): Promise<number> {
  const t = performance.now();
  const instance = await duckdb.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of duckdbLevySql(input, output)) await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
  return performance.now() - t;
}
