/**
 * The CLI's help texts, one per command (`wi-pooling <command> --help`).
 *
 * @module
 */
import { ANALYSIS_SCHEMAS, schemas } from "../schemas.js";
import { COMPARE_HELP } from "./compare.js";
import { PLAYGROUND_HELP } from "./playground.js";
import { SERVE_HELP } from "./serve.js";
import { STATEMENTS_HELP } from "./statements.js";
import { STRESS_HELP } from "./stress.js";

/** Each command's help text. @internal */
export const HELP: Record<string, string> = {
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
