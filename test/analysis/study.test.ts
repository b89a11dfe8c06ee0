import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { studyMarkdown } from "../../examples/analysis-study.js";

describe("docs/analysis.md: the reading questions", () => {
  it("shows exactly the figures the study computes (regenerate with npx tsx examples/analysis-study.ts)", () => {
    const doc = readFileSync(new URL("../../docs/analysis.md", import.meta.url), "utf8");
    const shown = /<!-- study:begin -->\n([\s\S]*?)\n<!-- study:end -->/.exec(doc)?.[1];
    expect(shown).toBe(studyMarkdown());
  }, 600_000);
});
