import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const run = (file: string) => execFileSync(process.execPath, ["--import", "tsx", join(root, "examples", file)], { encoding: "utf8", cwd: root });

describe("examples run", () => {
  it("every example is listed here", () => {
    expect(readdirSync(join(root, "examples")).sort()).toEqual(["demo.ts", "levy-window.ts"]);
  });
  it("demo: the simulation's yearly summary, conservation ok", () => {
    const out = run("demo.ts");
    expect(out).toContain("2020 年度 (2020-05 → 2020-12)");
    expect(out).toContain("2022 年度 (2022-01 → 2022-12)");
    expect(out).toContain("守恒检查 conservation (R13): 通过 ok");
    expect(out).toMatch(/相城区 xiangcheng .* 1,410\.00 +890\.00 +178\.00/);
  });
  it("levy-window: premiums across the window's edges", () => {
    const out = run("levy-window.ts");
    expect(out).toMatch(/合计 Total +14173703\.67 +111771\.66 +74514\.44 +37257\.22 +19093\.34/);
    expect(out).toContain("2020-04 → POLICY_NOT_IN_FORCE");
  });
});
