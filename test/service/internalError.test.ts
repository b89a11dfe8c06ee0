/**
 * No "please report it" without a place: the package names no issue tracker (`bugs` or
 * `repository` in package.json), so the service's 500 body, the CLI's unexpected-error line and
 * the library's messages ask nobody to report anything; if package.json ever names one, the 500
 * body must name it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { internalError } from "../../src/service/httpError.js";

const root = new URL("../..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bugs?: unknown; repository?: unknown };
const REPORT = /please report|请报告/i;

describe("the 500 error asks for no report it cannot direct", () => {
  it("the INTERNAL body: a defect, details in the log, and a place to report only if the package names one", () => {
    const e = internalError();
    expect(e.status).toBe(500);
    expect(e.body).toEqual({
      name: "ServiceError",
      code: "INTERNAL",
      path: [],
      message: "unexpected error: a defect of the service (the details are in the service's log)",
      messageZh: "意外错误：服务程序缺陷（详情已记入服务日志）",
    });
    if (pkg.bugs === undefined && pkg.repository === undefined) {
      expect(`${e.body.message} ${e.body.messageZh}`).not.toMatch(REPORT);
    } else {
      const url = typeof pkg.bugs === "string" ? pkg.bugs : ((pkg.bugs as { url?: string } | undefined)?.url ?? JSON.stringify(pkg.repository));
      expect(e.body.message).toContain(url);
    }
  });

  it("no shipped source or document asks for a report without a place", () => {
    if (pkg.bugs !== undefined || pkg.repository !== undefined) return;
    const files = ["src", "docs", "examples"].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(ts|md|html|mjs|js)$/.test(f) && !f.endsWith("api-report.d.ts"))
        .map((f) => join(dir, f)),
    );
    files.push("README.md");
    const offenders = files.filter((f) => REPORT.test(readFileSync(join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
