/**
 * `wi-pooling compare`: one scenario under a base policy and a reform.
 *
 * @module
 */

import { compareSimulations, explainComparison } from "../analysis.js";
import { EXAMPLE_SCENARIO } from "../examples.js";
import { isPoolingError, type Scenario, type Simulation, simulate } from "../index.js";
import { renderComparisonReport } from "../report.js";
import { CliError, EXIT, everyProblem, loadPolicy, parseJson, readText } from "./io.js";
import { writeFileWhole, writeStdout } from "./output.js";

/** The help of `compare`. */
export const COMPARE_HELP = `wi-pooling compare [SCENARIO.json] --reform B.json [--base A.json] [--json] [--lang en|zh]
                   [--out FILE] [--report FILE.html]

Runs one scenario (default: the built-in EXAMPLE_SCENARIO, illustrative figures) under a base policy
(default SUZHOU_2020) and a reform, and prints which parameters differ and, year by year, every figure
that moved (grants, subsidies, clawbacks, top-ups, shortfalls, balances, reserve months, warnings)
with both values and the parameter changes that drove it.

  --reform FILE   the reform policy (JSON, as "wi-pooling policy" prints; give it its own version)
  --base FILE     the base policy (default SUZHOU_2020)
  --json          print the comparison as JSON
  --lang zh       the explanation in Chinese (default en)
  --out FILE      write the output to FILE (whole or not at all) instead of stdout
  --report FILE   also write an HTML report: both runs side by side and the table of differences`;

/** Runs `compare` with its parsed arguments. */
export async function runCompare(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> {
  if (positionals.length > 1) throw new CliError(EXIT.usage, `compare takes at most one scenario / 至多一个情景文件\n\n${COMPARE_HELP}`);
  if (typeof values.reform !== "string") throw new CliError(EXIT.usage, `compare needs --reform FILE / 需要 --reform 政策文件\n\n${COMPARE_HELP}`);
  const lang = (values.lang as string | undefined) ?? "en";
  if (lang !== "en" && lang !== "zh") throw new CliError(EXIT.usage, `--lang takes en or zh / --lang 只能为 en 或 zh\n\n${COMPARE_HELP}`);
  const base = await loadPolicy(values.base as string | undefined, false);
  const reform = await loadPolicy(values.reform, false);
  const file = positionals[0];
  const scenario = file ? (parseJson(await readText(file), file) as Scenario) : EXAMPLE_SCENARIO;
  const runs: Simulation[] = [];
  for (const [policy, name] of [
    [base, values.base ?? "SUZHOU_2020"],
    [reform, values.reform],
  ] as const) {
    try {
      runs.push(simulate(scenario, { policy }));
    } catch (e) {
      if (isPoolingError(e)) {
        throw new CliError(EXIT.invalidInput, `${everyProblem(e, "Scenario", scenario, file ?? "EXAMPLE_SCENARIO", true, policy)}\n(under ${String(name)})`);
      }
      throw e;
    }
  }
  const comparison = compareSimulations(runs[0]!, runs[1]!, base, reform);
  if (typeof values.report === "string") {
    await writeFileWhole(values.report, renderComparisonReport(runs[0]!, runs[1]!, comparison, { illustrative: file === undefined }));
  }
  const text = values.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${explainComparison(comparison, lang).text}\n`;
  if (typeof values.out === "string") await writeFileWhole(values.out, text);
  else await writeStdout(text);
  return EXIT.ok;
}
