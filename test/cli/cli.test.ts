import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { computeLevies, SUZHOU_2020, simulate } from "../../src/index.js";
import { schemas } from "../../src/schemas.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(join(tmpdir(), "wi-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("wi-pooling levy", () => {
  it("writes every result field and a totals row, equal to computeLevies", () => {
    const r = run("levy", "examples/data/levies.csv");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "employerId,period,industryClass,payroll,baseRate,floatMultiplier,floatedRate,cutFraction,cutSource,ownCutFraction,ownCutSource,effectiveRate,premiumBeforeCut,premium,cutRelief,syncInducedRelief,reliefFraction,reliefWaived,premiumDue,clauses",
    );
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe(
      // E001 gives no own cut: 0.5 attributes no gap to the city-wide cut (0.4 assumed 0 and reported 1600.00).
      "E001 精密机械,2020-09,3,2000000.00,0.005,0.8,0.004,0.2,caller,,notGiven,0.0032,8000.00,6400.00,1600.00,0.00,0,0.00,6400.00,苏府办〔2020〕86号 二（一）",
    );
    expect(lines[3]!.startsWith('"E003 建筑工程, 一公司",2021-07,8,')).toBe(true);
    expect(lines[6]).toBe("TOTAL 合计,,,4724572.89,,,,,,,,,37512.24,32726.24,4786.00,2880.00,,0.00,32726.24,");
  });
  it("--json gives { items, totals } equal to computeLevies", () => {
    const r = run("levy", "examples/data/levies.csv", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const expected = computeLevies([
      { employerId: "E001 精密机械", period: "2020-09", industryClass: "3", payroll: "2000000.00", floatMultiplier: "0.8", cutFraction: "0.2" },
      {
        employerId: "E002 软件公司",
        period: "2020-09",
        industryClass: "1",
        payroll: "850000.00",
        floatMultiplier: "1.2",
        cutFraction: "0.2",
        ownCutFraction: "0.2",
      },
      { employerId: "E003 建筑工程, 一公司", period: "2021-07", industryClass: "8", payroll: "1234567.89", floatMultiplier: "1.2" },
      {
        employerId: "E004 物流运输",
        period: "2021-04",
        industryClass: "6",
        payroll: "640000.00",
        floatMultiplier: "1",
        cutFraction: "0.5",
        ownCutFraction: "0",
      },
      { employerId: "E005 小微商贸", period: "2021-07", industryClass: "2", payroll: "5.00" },
    ]);
    expect(out).toEqual(expected);
  });
  it("reads JSON arrays and writes --out whole", () => {
    const input = file("in.json", JSON.stringify([{ period: "2021-07", industryClass: 2, payroll: "5.00" }]));
    const out = join(dir, "out.csv");
    const r = run("levy", input, "--out", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8").trim().split("\n").at(-1)).toBe("TOTAL 合计,,,5.00,,,,,,,,,0.02,0.02,0.00,0.00,,0.00,0.02,");
  });
  it("lists every bad row by line, field and reason in both languages, writes nothing and exits 2", () => {
    const bad = file(
      "bad.csv",
      'employerId,period,industryClass,payroll,cutFraction\nA,2020-09,3,2000000.00,0.2\nB,2020-04,1,100,\n"C,\nquoted",2021-07,9,100,\nD,2021-07,2,-5,\n',
    );
    const out = join(dir, "never.csv");
    const r = run("levy", bad, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    // a levy record is one line: the quote opened on line 4 and the one on line 5 are each a bad row of their own
    expect(r.stderr).toContain("4 invalid record(s); nothing was written.");
    expect(r.stderr).toContain("line 3: POLICY_NOT_IN_FORCE at period");
    expect(r.stderr).toContain("line 4: malformed CSV: a quote opened in this row is never closed");
    expect(r.stderr).toContain("line 5: malformed CSV: a quote inside an unquoted cell");
    expect(r.stderr).toContain("line 6: NEGATIVE_AMOUNT at payroll");
    expect(r.stderr).toContain("金额不得为负数");
  });
  it("refuses unknown columns, unreadable files and bad arguments with their exit codes", () => {
    const r1 = run("levy", file("cols.csv", "period,industryClass,salary\n2021-07,1,1\n"));
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain("line 1: unknown column(s) salary");
    expect(r1.stdout).toBe("");
    expect(run("levy", join(dir, "missing.csv")).status).toBe(4);
    expect(run("levy").status).toBe(3);
    expect(run("levy", "a.csv", "--frob").status).toBe(3);
    expect(run("levy", file("x.json", "{not json")).status).toBe(2);
    const unwritable = run("levy", file("ok.csv", "period,industryClass,payroll\n2021-07,1,1\n"), "--out", "/no/such/dir/x.csv");
    expect(unwritable.status).toBe(4);
    expect(unwritable.stderr).toContain("cannot write /no/such/dir/x.csv");
    expect(unwritable.stderr).not.toContain("unexpected error");
  });
  it("--out an existing directory: exit 4 with its path in both languages, no stack, the directory untouched, no temporary file left", () => {
    const input = file("ok-out.csv", "period,industryClass,payroll\n2021-07,1,1\n");
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const outDir = mkdtempSync(join(dir, "out-"));
    const full = mkdtempSync(join(dir, "full-"));
    writeFileSync(join(full, "keep.txt"), "kept");
    for (const [target, args] of [
      [outDir, []],
      [full, []],
      [outDir, ["--json"]],
      [`${outDir}/`, []],
    ] as const) {
      const r = spawnSync(process.execPath, [cli, "levy", input, "--out", target, ...args], {
        encoding: "utf8",
        cwd: root,
        env: { ...process.env, TMPDIR: tmp },
      });
      expect(r.status, target).toBe(4);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`cannot write ${target}: is a directory\n无法写入 ${target}：是目录\n`);
    }
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(full)).toEqual(["keep.txt"]);
    expect(readFileSync(join(full, "keep.txt"), "utf8")).toBe("kept");
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".wi-pooling-"))).toEqual([]);
    // a directory that does not exist: the same message form, the system's reason
    const missing = run("levy", input, "--out", "/no/such/dir/x.csv");
    expect(missing.status).toBe(4);
    expect(missing.stderr).toBe("cannot write /no/such/dir/x.csv: no such directory\n无法写入 /no/such/dir/x.csv：目录不存在\n");
  });
  it("--relief-2020 opts into the 2020 overlay", () => {
    const input = file(
      "relief.json",
      JSON.stringify([{ period: "2020-07", industryClass: 3, payroll: "100000", cutFraction: "0.5", enterpriseSize: "small" }]),
    );
    const out = JSON.parse(run("levy", input, "--json", "--relief-2020").stdout);
    expect(out.items[0]).toMatchObject({ premium: "250.00", reliefWaived: "250.00", premiumDue: "0.00" });
  });
});

describe("wi-pooling simulate", () => {
  it("runs EXAMPLE_SCENARIO without a file and prints the yearly summary", () => {
    const r = run("simulate");
    expect(r.status).toBe(0);
    // the built-in example's figures are illustrative: the same banner as the demo
    expect(r.stdout.split("\n")[0]).toBe("示例数据，非真实数据 / ILLUSTRATIVE figures, not real data");
    expect(r.stdout).toContain("══ 2021 年度 (2021-01 → 2021-12) ══");
    expect(r.stdout).toContain("守恒检查 conservation (R13): 通过 ok");
    // the story: eligibility, top-ups and why, clawbacks accrued and settled, EXAMPLE_BUDGET's execution
    expect(r.stdout).toMatch(/吴中区 wuzhong +24\.00 +0\.5 +否 no/);
    expect(r.stdout).toMatch(/相城区 xiangcheng +-8\.21 +0 +是 yes 2020-05 → 2020-12 +2,820\.00/);
    // 0.7: a top-up at each month's end (0.6, yearly: "(2020-06 3,225.00 按期 scheduled; 2020-12 25,930.00 支付不足 when short)")
    expect(r.stdout).toContain("(2020-06 13,250.00 按期 scheduled; 2020-07 622.50 按期 scheduled; 2020-08 622.50 按期 scheduled;");
    expect(r.stdout).toContain("应上解 accrued 1,253.09, 年末已上解 settled 1,253.09"); // 0.6: 1,264.96
    expect(r.stdout).toContain("══ 2020 年度预算执行 budget execution (二（四）) ══");
    expect(r.stdout).toMatch(/吴江区 wujiang +13,000\.00 +12,816\.00 +98\.58% +待遇支出 +18,000\.00 +18,000\.00 +100\.00%/);
  });
  it("--budget FILE shows a budget file's execution; a bad one exits 2", () => {
    const scenario = file("scenario-b.json", JSON.stringify(EXAMPLE_SCENARIO));
    expect(run("simulate", scenario).stdout).not.toContain("预算执行");
    // a scenario file: not the built-in example, no banner
    expect(run("simulate", scenario).stdout).not.toContain("ILLUSTRATIVE");
    const budget = { budget: [{ member: "wuzhong", year: 2021, income: {}, expenditure: { benefits: "173000000.00" } }], adjustments: [] };
    const r = run("simulate", scenario, "--budget", file("budget.json", JSON.stringify(budget)));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("══ 2021 年度预算执行 budget execution (二（四）) ══");
    expect(r.stdout).not.toContain("══ 2020 年度预算执行");
    // 346,000,000.00 against 173,000,000.00
    expect(r.stdout).toMatch(/吴中区 wuzhong .* 17,300\.00 +34,600\.00 +200\.00%/);
    const bad = { budget: budget.budget, adjustments: [{ member: "wuzhong", year: 2021, changes: {}, approval: { date: "2021-05-01" } }] };
    const e = run("simulate", scenario, "--budget", file("bad-budget.json", JSON.stringify(bad)));
    expect(e.status).toBe(2);
    expect(e.stderr).toContain("BUDGET_ADJUSTMENT_UNAPPROVED");
    expect(e.stdout).toBe("");
  });
  it("--json prints the whole result; a scenario file works the same", () => {
    const scenario = file("scenario.json", JSON.stringify(EXAMPLE_SCENARIO));
    const r = run("simulate", scenario, "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(simulate(EXAMPLE_SCENARIO))));
  });
  it("--report writes one self-contained HTML file with SVG charts and both languages", () => {
    const report = join(dir, "report.html");
    expect(run("simulate", "--report", report).status).toBe(0);
    const html = readFileSync(report, "utf8");
    expect(html).toContain('<p class="banner">示例数据，非真实数据 / ILLUSTRATIVE figures, not real data</p>');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain("统筹基金与 3 个月备付下限 / The pool against its 3-month floor");
    expect(html).toContain("各地可支付月数 / Each member's reserve months");
    expect(html).toContain("Pool payments, top-ups and clawbacks per period");
    expect(html).toContain("Eligibility for the cut-gap grant");
    expect(html).toContain("Clawbacks accrued and settled");
    expect(html).toContain("预算执行 / Budget execution");
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
  it("bad scenarios exit 2 with the error's path", () => {
    const s = JSON.parse(JSON.stringify(EXAMPLE_SCENARIO));
    s.periods[3].members.sip.income = "-1.00";
    const r = run("simulate", file("bad-scenario.json", JSON.stringify(s)));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("NEGATIVE_AMOUNT at periods[3].members.sip.income");
    expect(r.stdout).toBe("");
  });
});

describe("wi-pooling schema and help", () => {
  it("prints a JSON Schema", () => {
    const r = run("schema", "LevyInput");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: "LevyInput", type: "object", required: ["period", "industryClass"], additionalProperties: false });
    expect(run("schema", "Nope").status).toBe(3);
    // the analysis's: the flow model, a comparison, a stress result (docs/schemas holds them too)
    for (const [name, io] of [
      ["FlowModel", "input"],
      ["FlowHistory", "input"],
      ["Comparison", "output"],
      ["StressResult", "output"],
    ]) {
      const a = run("schema", name!);
      expect(a.status).toBe(0);
      expect(JSON.parse(a.stdout)).toMatchObject({ title: name, "x-io": io, type: "object", additionalProperties: false });
    }
  });
  it("has --help on every command", () => {
    for (const args of [
      ["--help"],
      ["levy", "--help"],
      ["simulate", "--help"],
      ["schema", "--help"],
      ["policy", "--help"],
      ["serve", "--help"],
      ["playground", "--help"],
    ]) {
      const r = run(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("wi-pooling");
    }
    expect(run("frob").status).toBe(3);
  });
  it("without arguments prints the usage on stderr and exits 3; --version prints the package's version", () => {
    const none = run();
    expect(none.status).toBe(3);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("Usage:");
    const version = run("--version");
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });
  it("usage errors (exit 3) are in English and Chinese: an unknown command, schema or option, an option's missing value", () => {
    const usage = (r: ReturnType<typeof run>, first: string) => {
      expect(r.status).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n\n")[0]).toBe(first);
      expect(r.stderr.split("\n\n")[1]).toMatch(/^wi-pooling[: ]/); // then the usage
      expect(r.stderr).not.toContain("please report it");
    };
    usage(run("frobnicate"), "unknown command frobnicate / 未知命令 frobnicate");
    usage(
      run("schema", "Nope"),
      `unknown schema Nope; known: ${[...Object.keys(schemas), "FlowModel", "FlowHistory", "Comparison", "StressResult"].join(", ")}\n未知的结构名称 Nope（可用的名称见上一行）`,
    );
    usage(
      run("levy", "examples/data/levies.csv", "--bogus"),
      'unknown option --bogus (a file name starting with "-" goes after "--": -- --bogus) / 未知选项 --bogus（以 "-" 开头的文件名请放在 "--" 之后：-- --bogus）',
    );
    usage(
      run("simulate", "-x"),
      'unknown option -x (a file name starting with "-" goes after "--": -- -x) / 未知选项 -x（以 "-" 开头的文件名请放在 "--" 之后：-- -x）',
    );
    usage(run("levy", "examples/data/levies.csv", "--out"), "--out needs a value / --out 需要一个值");
    usage(run("levy", "examples/data/levies.csv", "--json=yes"), "--json takes no value / --json 不接受取值");
    usage(
      run("levy", "examples/data/levies.csv", "--out", "--json"),
      '--out needs a value (one starting with "-" is written --out=-VALUE) / --out 需要一个值（以 "-" 开头的值请写作 --out=-值）',
    );
    usage(run("schema", "--all"), "--all needs --out-dir DIR and no name / --all 需要 --out-dir 目录，且不接受结构名称");
    // the usage that follows is the command's own
    expect(run("levy", "--bogus").stderr).toContain("wi-pooling levy <file.csv|file.json>");
  });
  it("policy prints the built-in policy as JSON, a starting point for --policy", () => {
    const r = run("policy");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(SUZHOU_2020)));
    const file = join(mkdtempSync(join(dir, "policy-")), "p.json");
    writeFileSync(file, r.stdout);
    expect(run("levy", "--policy", file, join(root, "examples/data/levies.csv")).status).toBe(0);
    expect(run("policy", "extra").status).toBe(3);
  });
});
