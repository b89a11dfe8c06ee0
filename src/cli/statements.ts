/**
 * `wi-pooling statements`: the statements an auditor asks for, as JSON: per
 * year the final accounts in the unified lines (二（四）), the fiscal
 * settlement statement (二（三）) and the top-up working papers (二（二）).
 *
 * @module
 */
import { EXAMPLE_SCENARIO } from "../examples.js";
import { isPoolingError, type Scenario, type Simulation, simulate } from "../index.js";
import { auditStatements } from "../report.js";
import { CliError, EXIT, everyProblem, loadPolicy, parseJson, readText } from "./io.js";
import { writeFileWhole, writeStdout } from "./output.js";

/** The help of `statements`. */
export const STATEMENTS_HELP = `wi-pooling statements [scenario.json] [--year YYYY] [--policy FILE] [--out FILE]

Simulates the scenario (default: the built-in EXAMPLE_SCENARIO, illustrative figures) and prints, per
year, the statements an auditor asks for, as JSON: the final accounts in the unified lines of the fund
budget format (统一的社会保险基金预决算编制格式, 二（四）: each fund and the city-district consolidated,
transfers between the funds eliminated; lines the scenario does not carry are null, not 0), the fiscal
settlement statement (财力结算, 二（三）: each subsidy by period, its rate, the 20% accrued and settled)
and the top-up working papers (上划底稿, 二（二）: floor, pool before, weights, shares, paid, owed).

  --year YYYY     one year only
  --policy FILE   use a policy from a JSON file instead of SUZHOU_2020
  --out FILE      write the output to FILE (whole or not at all) instead of stdout`;

/** Runs `statements` with its parsed arguments. */
export async function runStatements(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> {
  if (positionals.length > 1) throw new CliError(EXIT.usage, `statements takes at most one scenario / 至多一个情景文件\n\n${STATEMENTS_HELP}`);
  const yearArg = values.year as string | undefined;
  if (yearArg !== undefined && !/^\d{4}$/.test(yearArg))
    throw new CliError(EXIT.usage, `--year takes a year, YYYY / --year 须为四位年份\n\n${STATEMENTS_HELP}`);
  const policy = await loadPolicy(values.policy as string | undefined, false);
  const file = positionals[0];
  const scenario = file ? (parseJson(await readText(file), file) as Scenario) : EXAMPLE_SCENARIO;
  let sim: Simulation;
  try {
    sim = simulate(scenario, { policy });
  } catch (e) {
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, everyProblem(e, "Scenario", scenario, file ?? "EXAMPLE_SCENARIO", true, policy));
    throw e;
  }
  const out = auditStatements(sim, scenario.opening).filter((y) => yearArg === undefined || y.year === Number(yearArg));
  if (out.length === 0) throw new CliError(EXIT.usage, `the scenario does not cover ${yearArg} / 情景不含 ${yearArg} 年`);
  const text = `${JSON.stringify({ illustrative: file === undefined, years: out }, null, 2)}\n`;
  if (typeof values.out === "string") await writeFileWhole(values.out, text);
  else await writeStdout(text);
  return EXIT.ok;
}
