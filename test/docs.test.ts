import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** The internal contract and the issue tracker are not part of the package: no shipped file may cite them. */
const SPEC_WORD = /\bSPEC\b|\b[Ii]ssue \d+/;

/** `file:line` of every line of `files` that names the internal spec. */
function specReferences(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    read(file)
      .split("\n")
      .flatMap((line, i) => (SPEC_WORD.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

/** The shipped documents: docs/*.md, README.md and CHANGELOG.md. */
const docFiles = [
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
  "README.md",
  "CHANGELOG.md",
];

/** Every file under src/ (the source of dist/ and of the type declarations). */
const srcFiles = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((f) => statSync(join(root, "src", f)).isFile())
  .map((f) => `src/${f.split("\\").join("/")}`)
  .sort();

/** Every file under examples/ (what users read and run). */
const exampleFiles = readdirSync(join(root, "examples"), { recursive: true, encoding: "utf8" })
  .filter((f) => statSync(join(root, "examples", f)).isFile())
  .map((f) => `examples/${f.split("\\").join("/")}`)
  .sort();

describe("no shipped file cites the internal spec", () => {
  it("finds the files it checks", () => {
    expect(docFiles).toContain("docs/rules.md");
    expect(srcFiles).toContain("src/index.ts");
    expect(exampleFiles).toContain("examples/deficit.ts");
  });
  it("examples/", () => {
    expect(specReferences(exampleFiles)).toEqual([]);
  });
  it("docs/*.md, README.md, CHANGELOG.md", () => {
    expect(specReferences(docFiles)).toEqual([]);
  });
  it("src/", () => {
    expect(specReferences(srcFiles)).toEqual([]);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

describe("docs/rules.md", () => {
  const rules = read("docs/rules.md");
  const headings = [...rules.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]);

  it("has a heading for each of R1..R14", () => {
    for (let n = 1; n <= 14; n++) expect(headings.filter((h) => new RegExp(`^R${n}\\b`).test(h))).toHaveLength(1);
  });
  it("every link into it, from the docs and the README, points at one of its headings", () => {
    const anchors = new Set(headings.map(anchor));
    const links = docFiles.flatMap((file) => {
      const pattern = file === "docs/rules.md" ? /\]\(#([^)]+)\)/g : /\]\((?:docs\/)?rules\.md#([^)]+)\)/g;
      return [...read(file).matchAll(pattern)].map((m) => ({ file, anchor: m[1] }));
    });
    expect(links.length).toBeGreaterThan(14);
    expect(links.filter((l) => !anchors.has(l.anchor))).toEqual([]);
  });
});
