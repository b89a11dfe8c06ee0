/**
 * Hostile and awkward input to `wi-pooling levy` (spawns dist/cli.js: `npm
 * run build` first): employer ids a spreadsheet would run as formulas, an
 * option given an empty value, a UTF-16 file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "wi-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir });
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** Employer ids that Excel would run, as the CSV holds them (CSV-quoted where needed). */
const FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", '"=HYPERLINK(""http://x.example"",""y"")"', "-2+3"];

describe("formula cells (OWASP CSV injection)", { timeout: 120_000 }, () => {
  const csv = file(
    "formulas.csv",
    `employerId,period,industryClass,payroll\n${FORMULAS.map((id) => `${id},2021-07,2,100.00`).join("\n")}\nE1,2021-07,2,100.00\n`,
  );
  const json = file(
    "formulas.json",
    JSON.stringify([
      { employerId: "\t=1+1", period: "2021-07", industryClass: 2, payroll: "100.00" },
      { employerId: "\r=1+1", period: "2021-07", industryClass: 2, payroll: "100.00" },
    ]),
  );
  const firstCells = (stdout: string) => stdout.split("\nTOTAL")[0]!.split("\n").slice(1);

  it("each text cell starting with = + - @ (and tab, CR) gets a ' before it; the figures are as they were", () => {
    const r = run("levy", csv);
    expect(r.status).toBe(0);
    const lines = firstCells(r.stdout);
    expect(lines.map((l) => l.slice(0, l.indexOf(",2021-07")))).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+1+1",
      "'@SUM(A1)",
      `"'=HYPERLINK(""http://x.example"",""y"")"`,
      "'-2+3",
      "E1",
    ]);
    for (const l of lines)
      expect(l.slice(l.indexOf(",2021-07"))).toBe(
        ",2021-07,2,100.00,0.003,1,0.003,0,outsideWindow,,notGiven,0.003,0.30,0.30,0.00,0.00,0,0.00,0.30,苏府办〔2020〕86号 二（一）",
      );
    const fromJson = firstCells(run("levy", json).stdout);
    expect(fromJson.map((l) => l.slice(0, l.indexOf(",2021-07")))).toEqual(["'\t=1+1", `"'\r=1+1"`]);
  });

  it("--raw-cells writes them as they are; --json is never changed", () => {
    const raw = firstCells(run("levy", csv, "--raw-cells").stdout);
    expect(raw.map((l) => l.slice(0, l.indexOf(",2021-07")))).toEqual([...FORMULAS.slice(0, 3), `"=HYPERLINK(""http://x.example"",""y"")"`, "-2+3", "E1"]);
    const items = JSON.parse(run("levy", csv, "--json").stdout).items as { employerId: string }[];
    expect(items.map((i) => i.employerId)).toEqual(["=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", '=HYPERLINK("http://x.example","y")', "-2+3", "E1"]);
    const both = run("levy", csv, "--json", "--raw-cells");
    expect([both.status, both.stdout]).toEqual([3, ""]);
    expect(both.stderr.split("\n")[0]).toBe("--raw-cells is for CSV output, not --json / --raw-cells 仅用于 CSV 输出");
  });
});

describe("an option with an empty value", { timeout: 120_000 }, () => {
  const ok = file("ok.csv", "period,industryClass,payroll\n2021-07,1,1\n");
  it.each([
    ["levy --out=", ["levy", ok, "--out="], "out"],
    ["levy --policy=", ["levy", ok, "--policy="], "policy"],
    ["simulate --report=", ["simulate", "--report="], "report"],
    ["schema --all --out-dir=", ["schema", "--all", "--out-dir="], "out-dir"],
    ["policy --policy=", ["policy", "--policy="], "policy"],
  ])("%s is a usage error (exit 3), nothing written", (_, args, name) => {
    const before = readdirSync(dir).sort();
    const r = run(...args);
    expect([r.status, r.stdout]).toEqual([3, ""]);
    expect(r.stderr.split("\n")[0]).toBe(`--${name} needs a value, not an empty one / --${name} 需要一个非空的值`);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe("a UTF-16 file", { timeout: 120_000 }, () => {
  const text = "employerId,period,industryClass,payroll\nE1,2021-07,2,100.00\n";
  const be = (s: string) => Buffer.from(s, "utf16le").swap16();
  const message = (path: string, which: string) =>
    `${path}: the file is ${which} (Excel's "Unicode text"), which is not read: save it as "CSV UTF-8" (or as CSV in GB18030/GBK, then run with --encoding gb18030) and run again\n` +
    `${path}：文件为 ${which} 编码（Excel 的“Unicode 文本”），无法读取：请另存为“CSV UTF-8（逗号分隔）”（或 GB18030/GBK 编码的 CSV，并加上 --encoding gb18030）后重新运行\n`;
  it.each([
    ["with its byte order mark FF FE", "le-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "UTF-16LE"],
    ["with its byte order mark FE FF", "be-bom.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)]), "UTF-16BE"],
    ["little-endian without a byte order mark", "le.csv", Buffer.from(text, "utf16le"), "UTF-16LE"],
    ["big-endian without a byte order mark", "be.csv", be(text), "UTF-16BE"],
    ["as a JSON array", "le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"period":"2021-07"}]', "utf16le")]), "UTF-16LE"],
  ])("%s is named UTF-16 (exit 2), with what to save it as, under either --encoding", (_, name, bytes, which) => {
    const path = file(name, bytes);
    for (const encoding of [[], ["--encoding", "gb18030"]]) {
      const r = run("levy", path, ...encoding, "--out", join(dir, "never.csv"));
      expect([r.status, r.stdout, r.stderr]).toEqual([2, "", message(path, which)]);
    }
    expect(existsSync(join(dir, "never.csv"))).toBe(false);
  });
  it("a UTF-8 or GB18030 file is still read (no NUL byte in it)", () => {
    expect(run("levy", file("u8.csv", "单位编号,period,industryClass,payroll\n苏州,2021-07,2,100.00\n")).status).toBe(0);
    const gbk = Buffer.concat([
      Buffer.from("employerId,period,industryClass,payroll\n"),
      Buffer.from([0xcb, 0xd5, 0xd6, 0xdd]),
      Buffer.from(",2021-07,2,100.00\n"),
    ]);
    const r = run("levy", file("gbk.csv", gbk), "--encoding", "gb18030");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[1]!.startsWith("苏州,2021-07")).toBe(true);
  });
});
