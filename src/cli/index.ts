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
import { runCompare } from "./compare.js";
import { runCorrections } from "./corrections.js";
import { ENCODINGS, encodingOf } from "./decode.js";
import { HELP } from "./help.js";
import { CliError, describeError, EXIT, everyProblem, loadPolicy, parseJson, readText } from "./io.js";
import { runLevy } from "./levy.js";
import { LEVY_EXTRA_OPTIONS, readLevyExtras } from "./levyOptions.js";
import { StdoutClosed, writeFilesWhole, writeFileWhole, writeStdout } from "./output.js";
import { writePlayground } from "./playground.js";
import { simulateProgress } from "./progress.js";
import { packageVersion, runServe } from "./serve.js";
import { runStatements } from "./statements.js";
import { runStress } from "./stress.js";

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
    const output = { json: Boolean(values.json), out: values.out as string | undefined, bom: Boolean(values.bom) };
    return runCorrections({ file: positionals[0]!, encoding, policy, lang, outEncoding, ...output });
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
