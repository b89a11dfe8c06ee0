/**
 * `wi-pooling`: the command-line interface. The only code of the package
 * with I/O; everything it computes comes from the library.
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { isMainThread } from "node:worker_threads";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "../examples.js";
import {
  type BudgetExecution,
  type BudgetsAndAdjustments,
  isPoolingError,
  type Scenario,
  type Simulation,
  simulate,
  simulationBudgetExecution,
} from "../index.js";
import { auditStatements, formatSummary, renderReport } from "../report.js";
import { ANALYSIS_SCHEMAS, analysisJSONSchema, type SchemaName, schemas, toJSONSchema } from "../schemas.js";
import { COMPARE_HELP, runCompare } from "./compare.js";
import { runCorrections } from "./corrections.js";
import { ENCODINGS, encodingOf } from "./decode.js";
import { CliError, describeError, EXIT, everyProblem, loadPolicy, parseJson, readText } from "./io.js";
import { runLevy } from "./levy.js";
import { LEVY_EXTRA_OPTIONS, readLevyExtras, readLevyWorkers } from "./levyOptions.js";
import { StdoutClosed, writeFilesWhole, writeFileWhole, writeStdout } from "./output.js";
import { PLAYGROUND_HELP, writePlayground } from "./playground.js";
import { simulateProgress } from "./progress.js";
import { packageVersion, runServe, SERVE_HELP } from "./serve.js";
import { runStatements, STATEMENTS_HELP } from "./statements.js";
import { runStress, STRESS_HELP } from "./stress.js";

const HELP: Record<string, string> = {
  main: `wi-pooling: Suzhou work-injury insurance city-district pooling (苏府办〔2020〕86号)

Usage:
  wi-pooling levy <file.csv|file.json> [--json] [--out FILE] [--encoding utf-8|gb18030] [--bom] [--no-totals]
                  [--raw-cells] [--policy FILE] [--relief-2020] [--lang zh] [--out-encoding gb18030]
                  [--errors-out FILE] [--normalize] [--cut-fraction F] [--own-cut-fraction F] [--own-reserve-months M]
  wi-pooling levy --corrections <file.csv|file.json> [--json] [--out FILE] [--encoding utf-8|gb18030] [--lang en|zh] [--out-encoding utf-8|gb18030] [--bom] [--policy FILE]
  wi-pooling simulate [scenario.json] [--report FILE.html] [--json] [--policy FILE] [--budget FILE]
  wi-pooling statements [scenario.json] [--year YYYY] [--policy FILE] [--out FILE]
  wi-pooling compare [scenario.json] --reform B.json [--base A.json] [--report FILE.html] [--json]
  wi-pooling stress MODEL.json [--runs N] [--seed S] [--workers W] [--horizon M] [--shard i/n] [--report FILE.html] [--json]
  wi-pooling stress --example | stress merge SHARD.json...
  wi-pooling schema <Name> | --all --out-dir DIR
  wi-pooling serve [--port N] [--host H] [--max-body BYTES] [--max-rows N] [--max-time MS] [--workers N] [--cors ORIGIN] …
  wi-pooling playground --out DIR
  wi-pooling policy [--policy FILE]       the policy as JSON (a starting point for --policy)
  wi-pooling --version | <command> --help

Exit codes: 0 ok; 1 unexpected error; 2 invalid input (nothing written to stdout); 3 wrong arguments; 4 a file could not be read or written;
5 levy --errors-out: some rows were bad (good rows written, bad rows in the errors file); 130/143 interrupted (SIGINT/SIGTERM; temporaries removed).
退出码：0 成功；1 意外错误；2 输入数据有误（标准输出不写任何内容）；3 参数错误；4 文件读写失败；5 levy --errors-out 时部分记录有误（正确记录已输出，有误记录写入错误文件）；130/143 被中断（已删除临时文件）。`,
  levy: `wi-pooling levy <file.csv|file.json> [--json] [--out FILE] [--encoding utf-8|gb18030] [--bom] [--no-totals] [--raw-cells] [--policy FILE] [--relief-2020]

Computes each employer's premium (R4, 二（一）). A CSV file has a header row whose columns
are computeLevy's input fields (employerId, period, industryClass, payroll, floatMultiplier,
cutFraction, cityReserveMonths, ownCutFraction, ownReserveMonths, enterpriseSize, employees,
baseFloor, baseCeiling) or their Chinese names (单位编号, 费款所属期, 行业类别, 缴费工资总额,
浮动费率档次 or 浮动费率, 降费比例, 市区可支付月数, 本地区降费比例, 本地区可支付月数, 企业规模,
职工个人缴费基数, 缴费基数下限, 缴费基数上限); empty cells are absent; employees is a ;-separated
list. Rows whose cells are all empty are skipped (and counted). A JSON file is an array of such
objects. Output: every result field and a totals row, as CSV (default) or JSON.

If any record is invalid, nothing is written to stdout: every bad record is listed on stderr
with its line in the file (the header is line 1), each of its problems with the field and the
reason, in English and Chinese, and the exit code is 2. A file with no data row is an error
too ("no rows"). Files are streamed; progress shows on stderr at a terminal.

  --json               write JSON ({ items, totals }) instead of CSV
  --out FILE           write to FILE instead of stdout (written whole or not at all)
  --encoding ENC       the input's encoding: utf-8 (default) or gb18030 (GBK: Excel on Chinese Windows)
  --bom                start the CSV with a UTF-8 byte order mark (for Excel)
  --no-totals          leave out the TOTAL row (and totals from --json)
  --raw-cells          write text cells as they are: without it, a text cell starting with = + - @, a tab
                       or a carriage return gets a ' before it, so that a spreadsheet never runs it as a formula
  --policy FILE        use a policy from a JSON file (definePolicy) instead of SUZHOU_2020
  --relief-2020        apply the opt-in 2020 national relief overlay (人社部发〔2020〕11号, 49号)
  --workers N          worker threads for a CSV file written as CSV (default 1; the output, the messages
                       and the exit code are the same for any N; each worker costs memory: see docs/cli.md)
  --lang zh            Chinese headers (with units: 缴费工资总额（元）) and Chinese labels of the codes (CSV output)
  --out-encoding ENC   the output's encoding: utf-8 (default) or gb18030 (what Excel on Chinese Windows opens)
  --errors-out FILE    write the good rows to the output and every bad row to FILE (its line, fields, codes,
                       中文说明, English message, then the row as read); exit code 5 when any row was bad
  --normalize          read common 社保 export forms: periods YYYYMM (202107), thousands separators
                       (12,345.00), full-width digits, headers with their unit (缴费工资总额（元）); every
                       change is counted on stderr. Off by default: such input is refused
  --cut-fraction F     the city-wide 降费比例 for rows that give neither cutFraction nor cityReserveMonths
  --city-reserve-months M  the city's reserve months, likewise (instead of --cut-fraction)
  --own-cut-fraction F     the own district's 降费比例 for rows that give neither ownCutFraction nor ownReserveMonths
  --own-reserve-months M   the own district's reserve months, likewise
  --corrections        the file holds levy corrections, one original/corrected pair a row (levyCorrection):
                       columns employerId, period, industryClass, floatMultiplier, cutFraction,
                       cityReserveMonths, ownCutFraction, enterpriseSize (both records), originalPayroll,
                       correctedPayroll, correctedIndustryClass, correctedFloatMultiplier, knownOn, paidOn,
                       or their Chinese names (单位编号, 费款所属期, 行业类别, 浮动费率档次, 降费比例,
                       市区可支付月数, 本地区降费比例, 企业规模, 原缴费工资总额, 更正后缴费工资总额,
                       更正后行业类别, 更正后浮动费率档次, 发现日期, 补缴日期); a JSON file is an array of
                       { original, corrected, knownOn, paidOn? }. Output: kind, both premiums due, arrears,
                       refund, due date, late-fee days, late fee (《社会保险法》第八十六条) and a totals row.`,
  simulate: `wi-pooling simulate [scenario.json] [--report FILE.html] [--json] [--policy FILE] [--budget FILE]

Simulates the city-district month by month (R14). Without a file it runs the built-in
EXAMPLE_SCENARIO (illustrative figures) with its budgets, EXAMPLE_BUDGET. Prints the yearly
summary (中文/English): balances, eligibility for the cut-gap grant, top-ups, clawbacks accrued
and settled, the budget execution (二（四）) when there are budgets, and the statements for the
auditor (the unified lines, the fiscal settlement, the top-ups; in full: wi-pooling statements). A bad scenario: every
problem of it is listed (at most 1,000), and the exit code is 2.

  --json             print the whole result (periods, years, journal, balances, conservation) as JSON
  --report FILE      also write a self-contained HTML report with SVG charts
  --policy FILE      use a policy from a JSON file instead of SUZHOU_2020
  --budget FILE      budgets and approved adjustments, { "budget": [...], "adjustments": [...] }
                     (the BudgetsAndAdjustments schema): their execution is shown`,
  schema: `wi-pooling schema <Name> | --all --out-dir DIR

Prints the JSON Schema (draft 2020-12) of an input or output: ${[...Object.keys(schemas), ...Object.keys(ANALYSIS_SCHEMAS)].join(", ")}.
  --all --out-dir DIR   write every schema to DIR/<Name>.schema.json`,
  serve: SERVE_HELP,
  compare: COMPARE_HELP,
  statements: STATEMENTS_HELP,
  stress: STRESS_HELP,
  playground: PLAYGROUND_HELP,
  policy: `wi-pooling policy [--policy FILE]

Prints the built-in policy SUZHOU_2020 (or the one in FILE, validated) as JSON: every parameter
with its dated versions and citations. Edit a copy and pass it to --policy.`,
};

function usage(command: string, message: string): never {
  throw new CliError(EXIT.usage, `${message}\n\n${HELP[command] ?? HELP.main}`);
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node's parseArgs error as a usage message in English and Chinese (its own
 * words vary between Node versions: the option is taken from them, the
 * message is ours).
 */
function argsMessage(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = String((e as Error)?.message ?? e);
  const option = /^(?:Unknown option|Option) '(-[^' ]*)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) {
    return `unknown option ${option} (a file name starting with "-" goes after "--": -- ${option}) / 未知选项 ${option}（以 "-" 开头的文件名请放在 "--" 之后：-- ${option}）`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
    if (/does not take an argument/.test(message)) return `${option} takes no value / ${option} 不接受取值`;
    if (/ambiguous/.test(message))
      return `${option} needs a value (one starting with "-" is written ${option}=-VALUE) / ${option} 需要一个值（以 "-" 开头的值请写作 ${option}=-值）`;
    return `${option} needs a value / ${option} 需要一个值`;
  }
  return `${message}\n参数有误`;
}

function parse(command: string, args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(command, argsMessage(e));
  }
  // an empty value (`--out=`) is no value: never stdout, the built-in policy or the default in its place
  for (const [name, value] of Object.entries(r.values)) {
    if (value === "") usage(command, `--${name} needs a value, not an empty one / --${name} 需要一个非空的值`);
  }
  return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
}

async function levy(args: string[]): Promise<number> {
  const { values, positionals } = parse("levy", args, {
    json: { type: "boolean" },
    out: { type: "string" },
    policy: { type: "string" },
    "relief-2020": { type: "boolean" },
    encoding: { type: "string" },
    bom: { type: "boolean" },
    "no-totals": { type: "boolean" },
    "raw-cells": { type: "boolean" },
    corrections: { type: "boolean" },
    workers: { type: "string" },
    ...LEVY_EXTRA_OPTIONS,
  });
  if (values.help) return print(HELP.levy!);
  if (positionals.length !== 1) usage("levy", "levy takes one file / 需要一个输入文件");
  const encoding = encodingOf((values.encoding as string | undefined) ?? "utf-8");
  if (encoding === null) usage("levy", `--encoding takes ${ENCODINGS.join(" or ")}, not ${values.encoding} / --encoding 只能为 ${ENCODINGS.join(" 或 ")}`);
  if (values.corrections) {
    const policy = await loadPolicy(values.policy as string | undefined, values["relief-2020"] as boolean | undefined);
    const { lang, outEncoding } = readLevyExtras(values, (m) => usage("levy", m));
    if (values.json && (lang !== "en" || outEncoding !== "utf-8" || values.bom))
      usage("levy", "--lang, --out-encoding and --bom are for CSV output, not --json / --lang、--out-encoding 与 --bom 仅用于 CSV 输出");
    const bom = Boolean(values.bom);
    return runCorrections({
      file: positionals[0]!,
      json: Boolean(values.json),
      out: values.out as string | undefined,
      encoding,
      policy,
      lang,
      outEncoding,
      bom,
    });
  }
  if (values.bom && values.json) usage("levy", "--bom is for CSV output, not --json / --bom 仅用于 CSV 输出");
  if (values["raw-cells"] && values.json) usage("levy", "--raw-cells is for CSV output, not --json / --raw-cells 仅用于 CSV 输出");
  const extras = readLevyExtras(values, (m) => usage("levy", m));
  if (values.json && (extras.lang !== "en" || extras.outEncoding !== "utf-8"))
    usage("levy", "--lang and --out-encoding are for CSV output, not --json / --lang 与 --out-encoding 仅用于 CSV 输出");
  if (values.bom && extras.outEncoding !== "utf-8") usage("levy", "--bom is for UTF-8 output, not GB18030 / --bom 仅用于 UTF-8 输出");
  const policy = await loadPolicy(values.policy as string | undefined, values["relief-2020"] as boolean | undefined);
  return runLevy({
    file: positionals[0]!,
    json: Boolean(values.json),
    bom: Boolean(values.bom),
    totals: !values["no-totals"],
    rawCells: Boolean(values["raw-cells"]),
    out: values.out as string | undefined,
    encoding,
    policy,
    extras,
    workers: readLevyWorkers(values.workers, (m) => usage("levy", m)),
    policySource: { path: values.policy as string | undefined, relief2020: Boolean(values["relief-2020"]) },
  });
}

async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse("simulate", args, {
    json: { type: "boolean" },
    report: { type: "string" },
    policy: { type: "string" },
    budget: { type: "string" },
  });
  if (values.help) return print(HELP.simulate!);
  if (positionals.length > 1) usage("simulate", "simulate takes at most one file / 至多一个情景文件");
  const policy = await loadPolicy(values.policy as string | undefined, false);
  const file = positionals[0];
  const scenario = file ? (parseJson(await readText(file), file) as Scenario) : EXAMPLE_SCENARIO;
  let sim: Simulation;
  try {
    const onPeriod = simulateProgress();
    sim = simulate(scenario, onPeriod ? { policy, onPeriod } : { policy });
  } catch (e) {
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, everyProblem(e, "Scenario", scenario, file ?? "EXAMPLE_SCENARIO", true, policy));
    throw e;
  }
  // the budgets: the file's, or the example's with the example scenario
  const budgetFile = values.budget as string | undefined;
  const budgets: BudgetsAndAdjustments | undefined = budgetFile
    ? (parseJson(await readText(budgetFile), budgetFile) as BudgetsAndAdjustments)
    : file
      ? undefined
      : EXAMPLE_BUDGET;
  let budgetExecution: BudgetExecution[] | undefined;
  try {
    budgetExecution = budgets ? simulationBudgetExecution(sim, budgets, scenario.opening, policy) : undefined;
  } catch (e) {
    if (isPoolingError(e)) throw new CliError(EXIT.invalidInput, describeError(e, budgetFile ?? "EXAMPLE_BUDGET"));
    throw e;
  }
  // the built-in example's figures are illustrative: the presentations say so
  const options = { ...(budgetExecution ? { budgetExecution } : {}), ...(file ? {} : { illustrative: true }), audit: auditStatements(sim, scenario.opening) };
  if (values.report) await writeFileWhole(values.report as string, renderReport(sim, policy, options));
  return print(values.json ? JSON.stringify(sim, null, 2) : formatSummary(sim, policy, options));
}

/** Every schema the CLI prints: the library's inputs and outputs, then the analysis's. */
const SCHEMA_NAMES = [...Object.keys(schemas), ...Object.keys(ANALYSIS_SCHEMAS)];
const jsonSchemaNamed = (name: string) => (Object.hasOwn(schemas, name) ? toJSONSchema(name as SchemaName) : analysisJSONSchema(name));

async function schema(args: string[]): Promise<number> {
  const { values, positionals } = parse("schema", args, { all: { type: "boolean" }, "out-dir": { type: "string" } });
  if (values.help) return print(HELP.schema!);
  if (values.all) {
    const dir = values["out-dir"] as string | undefined;
    if (!dir || positionals.length > 0) usage("schema", "--all needs --out-dir DIR and no name / --all 需要 --out-dir 目录，且不接受结构名称");
    const files = SCHEMA_NAMES.map((name) => ({ name: `${name}.schema.json`, data: `${JSON.stringify(jsonSchemaNamed(name), null, 2)}\n` }));
    await writeFilesWhole(dir!, files);
    return EXIT.ok;
  }
  if (positionals.length !== 1) usage("schema", "schema takes one name / 需要一个结构名称");
  const name = positionals[0]!;
  if (!SCHEMA_NAMES.includes(name)) usage("schema", `unknown schema ${name}; known: ${SCHEMA_NAMES.join(", ")}\n未知的结构名称 ${name}（可用的名称见上一行）`);
  return print(JSON.stringify(jsonSchemaNamed(name), null, 2));
}

/** Writes `text` and a line break to stdout (every byte, awaited: see output.ts); returns exit code 0. */
async function print(text: string): Promise<number> {
  await writeStdout(`${text}\n`);
  return EXIT.ok;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "levy":
        return await levy(rest);
      case "simulate":
        return await simulateCommand(rest);
      case "schema":
        return await schema(rest);
      case "statements": {
        const { values, positionals } = parse("statements", rest, { year: { type: "string" }, policy: { type: "string" }, out: { type: "string" } });
        return values.help ? print(HELP.statements!) : await runStatements(values, positionals);
      }
      case "compare": {
        const o = {
          base: { type: "string" },
          reform: { type: "string" },
          json: { type: "boolean" },
          lang: { type: "string" },
          out: { type: "string" },
          report: { type: "string" },
        } as const;
        const { values, positionals } = parse("compare", rest, o);
        return values.help ? print(HELP.compare!) : await runCompare(values, positionals);
      }
      case "stress": {
        const o = {
          runs: { type: "string" },
          seed: { type: "string" },
          horizon: { type: "string" },
          workers: { type: "string" },
          shard: { type: "string" },
          policy: { type: "string" },
          example: { type: "boolean" },
          json: { type: "boolean" },
          out: { type: "string" },
          report: { type: "string" },
        } as const;
        const { values, positionals } = parse("stress", rest, o);
        return values.help ? print(HELP.stress!) : await runStress(values, positionals);
      }
      case "serve": {
        const o = {
          port: { type: "string" },
          host: { type: "string" },
          "max-body": { type: "string" },
          "max-rows": { type: "string" },
          "max-periods": { type: "string" },
          "max-time": { type: "string" },
          workers: { type: "string" },
          "max-queue": { type: "string" },
          "worker-heap": { type: "string" },
          cors: { type: "string", multiple: true },
          policy: { type: "string" },
          "relief-2020": { type: "boolean" },
        } as const;
        const { values } = parse("serve", rest, o);
        return values.help ? await print(HELP.serve!) : await runServe(values);
      }
      case "playground": {
        const { values, positionals } = parse("playground", rest, { out: { type: "string" } });
        if (values.help) return await print(HELP.playground!);
        if (!values.out || positionals.length > 0) usage("playground", "playground needs --out DIR / 需要 --out 目录");
        return await writePlayground(values.out as string);
      }
      case "policy": {
        const { values, positionals } = parse("policy", rest, { policy: { type: "string" } });
        if (values.help) return await print(HELP.policy!);
        if (positionals.length > 0) usage("policy", "policy takes no file argument (use --policy FILE) / 不接受位置参数");
        return await print(JSON.stringify(await loadPolicy(values.policy as string | undefined, false), null, 2));
      }
      case "--version":
      case "-v":
        return await print(packageVersion());
      case undefined:
        return usage("main", "a command is needed / 需要指定命令");
      case "--help":
      case "-h":
      case "help":
        return await print(HELP.main!);
      default:
        return usage("main", `unknown command ${command} / 未知命令 ${command}`);
    }
  } catch (e) {
    if (e instanceof StdoutClosed) return EXIT.ok; // the reader has what it wanted (`| head`): quietly
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`unexpected error (a defect of wi-pooling) / 意外错误（程序缺陷）: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

// a reader of stderr that went away is no reason to fail (nor to print a stack nobody reads)
process.stderr.on("error", () => undefined);
// a worker thread of `stress` loads this file too: it runs its job (stressWorkers.ts), not the command line
if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
