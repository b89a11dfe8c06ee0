import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(join(tmpdir(), "wi-corr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("wi-pooling levy --corrections", { timeout: 120_000 }, () => {
  it("reads Chinese headers and writes each pair's arrears or refund, late fee and a totals row", () => {
    const csv = file(
      "c.csv",
      "单位编号,费款所属期,行业类别,浮动费率档次,降费比例,原缴费工资总额,更正后缴费工资总额,发现日期,补缴日期\nE1,2020-09,3,1,0.5,1000000.00,1200000.00,2022-03-10,2022-03-31\nE2,2020-09,3,1,0.5,1000000.00,900000.00,2022-03-10,\n",
    );
    const r = run("levy", "--corrections", csv);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      "employerId,period,kind,originalPremiumDue,correctedPremiumDue,arrears,refund,dueDate,lateFeeDays,lateFee,totalDue",
      "E1,2020-09,arrears,2500.00,3000.00,500.00,0.00,2020-10-15,532,133.00,633.00",
      "E2,2020-09,refund,2500.00,2250.00,0.00,250.00,,,0.00,0.00",
      ",,total,,,500.00,250.00,,,133.00,633.00",
    ]);
  });

  it("--lang zh --out-encoding gb18030: Chinese headers with units, Chinese kinds, 合计, in GB18030 (the same figures)", () => {
    const csv = file(
      "czh.csv",
      "单位编号,费款所属期,行业类别,浮动费率档次,降费比例,原缴费工资总额,更正后缴费工资总额,发现日期,补缴日期\nE1,2020-09,3,1,0.5,1000000.00,1200000.00,2022-03-10,2022-03-31\nE2,2020-09,3,1,0.5,1000000.00,900000.00,2022-03-10,\n",
    );
    const out = join(dir, "czh-out.csv");
    const r = run("levy", "--corrections", csv, "--lang", "zh", "--out-encoding", "gb18030", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xb5, 0xa5])); // 单 in GB18030
    expect(new TextDecoder("gb18030").decode(bytes).split("\n")).toEqual([
      "单位编号,费款所属期,更正类型,原应缴金额（元）,更正后应缴金额（元）,补缴金额（元）,退费金额（元）,缴费截止日期,滞纳天数（天）,滞纳金（元）,合计应缴（元）",
      "E1,2020-09,补缴,2500.00,3000.00,500.00,0.00,2020-10-15,532,133.00,633.00",
      "E2,2020-09,退费,2500.00,2250.00,0.00,250.00,,,0.00,0.00",
      ",,合计,,,500.00,250.00,,,133.00,633.00",
      "",
    ]);
    const bom = run("levy", "--corrections", csv, "--lang", "zh", "--bom");
    expect(bom.stdout.startsWith("\uFEFF单位编号,费款所属期,更正类型,")).toBe(true);
    expect(run("levy", "--corrections", csv, "--lang", "zh", "--json").status).toBe(3);
  });

  it("takes JSON pairs and writes JSON to --out through a temporary file", () => {
    const pairs = [
      {
        original: { period: "2020-09", industryClass: 3, cutFraction: "0.5", payroll: "1000000.00" },
        corrected: { period: "2020-09", industryClass: 3, cutFraction: "0.5", payroll: "1200000.00" },
        knownOn: "2022-03-10",
      },
    ];
    const out = join(dir, "out.json");
    const r = run("levy", "--corrections", file("c.json", JSON.stringify(pairs)), "--json", "--out", out);
    expect(r.status).toBe(0);
    const body = JSON.parse(readFileSync(out, "utf8"));
    expect(body.totals).toMatchObject({ arrears: "500.00", lateFee: "127.75" });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("lists every bad row with its line and writes nothing (exit 2); an unknown column is refused", () => {
    const bad = file(
      "bad.csv",
      "employerId,period,industryClass,cutFraction,originalPayroll,correctedPayroll,knownOn\nE1,2020-09,3,0.5,1,2,2022-01-01\nE3,2020-09,3,0.5,-1,2,2022-01-01\nE4,2020-09,3,0.5,1,2,2022-13-01\n",
    );
    const out = join(dir, "never.csv");
    const r = run("levy", "--corrections", bad, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("line 3: NEGATIVE_AMOUNT");
    expect(r.stderr).toContain("line 4: INVALID_DATE");
    expect(r.stderr).toContain("2 bad row(s)");
    expect(existsSync(out)).toBe(false);
    const r2 = run("levy", "--corrections", file("cols.csv", "employerId,payroll\nE1,1\n"));
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain("unknown column(s) payroll");
  });

  it("a file that cannot be written is exit 4", () => {
    const csv = file("ok.csv", "period,industryClass,cutFraction,originalPayroll,correctedPayroll,knownOn\n2020-09,3,0.5,1,2,2022-01-01\n");
    expect(run("levy", "--corrections", csv, "--out", join(dir, "no-such-dir", "x.csv")).status).toBe(4);
  });
});
