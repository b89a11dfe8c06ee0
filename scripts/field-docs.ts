/**
 * Writes src/schema/outputDocs.ts: the TSDoc of each field of the result
 * types declared as interfaces (`Levy`, `LevyTotals`, …), read with the
 * TypeScript compiler API, so that the JSON Schemas (and the service's OpenAPI
 * document) describe each field in the words of its doc comment: one
 * declaration (then `npx biome check --write` formats it). `--check` fails when
 * the file is not current (test/types/fieldDocs.test.ts checks it too).
 */
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";

const root = new URL("..", import.meta.url).pathname;
/** The interfaces whose fields describe the output schemas, and their files. */
export const DOCUMENTED: Record<string, string> = {
  Levy: "src/levy/schema.ts",
  LevyTotals: "src/levy/schema.ts",
};
const OUT = `${root}src/schema/outputDocs.ts`;

/** Each documented field's doc comment, `Interface.field` → text (one line). */
export function fieldDocs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(DOCUMENTED)) {
    const source = ts.createSourceFile(file, readFileSync(`${root}${file}`, "utf8"), ts.ScriptTarget.Latest, true);
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!decl) throw new Error(`no interface ${name} in ${file}`);
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.name) continue;
      const doc = ts.getJSDocCommentsAndTags(member).find(ts.isJSDoc);
      const text = typeof doc?.comment === "string" ? doc.comment : ts.getTextOfJSDocComment(doc?.comment);
      if (!text) throw new Error(`${name}.${member.name.getText(source)} has no doc comment`);
      out[`${name}.${member.name.getText(source)}`] = text.replace(/\s+/g, " ").trim();
    }
  }
  return out;
}

/** The generated module's text. */
export function outputDocsModule(): string {
  const entries = Object.entries(fieldDocs())
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n");
  return `/**
 * The doc comments of the result types' fields (\`Levy\`, \`LevyTotals\`, …),
 * generated from their TSDoc by scripts/field-docs.ts: do not edit (run
 * \`npx tsx scripts/field-docs.ts\` after changing a doc comment). The JSON
 * Schemas describe each output field in these words.
 *
 * @module
 */

/** \`Interface.field\` → the field's doc comment. @internal */
export const OUTPUT_FIELD_DOCS: Readonly<Record<string, string>> = Object.freeze({
${entries}
});
`;
}

/** Whether src/schema/outputDocs.ts holds the doc comments as they are now (its formatting aside). */
export async function outputDocsCurrent(): Promise<boolean> {
  const { OUTPUT_FIELD_DOCS } = await import("../src/schema/outputDocs.js");
  return JSON.stringify(OUTPUT_FIELD_DOCS) === JSON.stringify(fieldDocs());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--check")) {
    if (!(await outputDocsCurrent())) {
      console.error("src/schema/outputDocs.ts is not current: run npx tsx scripts/field-docs.ts");
      process.exit(1);
    }
  } else writeFileSync(OUT, outputDocsModule());
}
