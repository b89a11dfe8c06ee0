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
/**
 * The result records whose fields describe the output schemas: an interface (`Levy`), or the zod
 * object a type is derived from (`{ file, schema }`: its properties' doc comments, which the derived
 * type carries too). A property whose value is an inline `z.object({...})` is a record of its own,
 * `Type.field` (its fields `Type.field.key`).
 */
export const DOCUMENTED: Record<string, string | { file: string; schema: string }> = {
  Levy: "src/levy/schema.ts",
  LevyTotals: "src/levy/schema.ts",
  Simulation: { file: "src/settlement/results.ts", schema: "SimulationSchema" },
  Settlement: { file: "src/settlement/results.ts", schema: "SettlementSchema" },
  SimulationSummary: { file: "src/settlement/summaryResult.ts", schema: "SimulationSummarySchema" },
  PeriodOutline: { file: "src/settlement/summaryResult.ts", schema: "PeriodOutlineSchema" },
  PeriodReport: { file: "src/settlement/report.ts", schema: "PeriodReportSchema" },
  MemberPeriodReport: { file: "src/settlement/report.ts", schema: "MemberPeriodReportSchema" },
  PoolPeriodReport: { file: "src/settlement/report.ts", schema: "PoolPeriodReportSchema" },
  ClassAmounts: { file: "src/settlement/report.ts", schema: "ClassAmountsSchema" },
  PeriodParameters: { file: "src/settlement/periodParameters.ts", schema: "PeriodParametersSchema" },
  PeriodCitations: { file: "src/settlement/periodParameters.ts", schema: "PeriodCitationsSchema" },
  YearSummary: { file: "src/settlement/years.ts", schema: "YearSummarySchema" },
  MemberYearSummary: { file: "src/settlement/years.ts", schema: "MemberYearSummarySchema" },
  LevyCorrection: { file: "src/levy/correction.ts", schema: "LevyCorrectionSchema" },
  FundStatement: { file: "src/statements/consolidate.ts", schema: "FundStatementSchema" },
};
const OUT = `${root}src/schema/outputDocs.ts`;

/** The fields found without a doc comment by the last {@link fieldDocs} (it throws, naming them all). */
const missing: string[] = [];

/** A doc comment's text on one line ("" and the field noted as missing when it has none). */
function docOf(node: ts.Node, where: string): string {
  const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = typeof doc?.comment === "string" ? doc.comment : ts.getTextOfJSDocComment(doc?.comment);
  if (!text) missing.push(where);
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The first `z.object({...})` literal in an expression (depth first), if any. */
function objectLiteralIn(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  const callee = ts.isCallExpression(node) ? node.expression : undefined;
  const isZodObject = callee !== undefined && ts.isPropertyAccessExpression(callee) && callee.name.text === "object" && callee.expression.getText() === "z";
  if (isZodObject && ts.isCallExpression(node) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
    return node.arguments[0];
  }
  return ts.forEachChild(node, objectLiteralIn);
}

/** The doc comment of each property of a zod object literal, inline objects as records of their own. */
function zodDocs(literal: ts.ObjectLiteralExpression, owner: string, out: Record<string, string>): void {
  for (const p of literal.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = p.name.getText();
    out[`${owner}.${key}`] = docOf(p, `${owner}.${key}`);
    const inner = ts.isPropertyAssignment(p) ? objectLiteralIn(p.initializer) : undefined;
    if (inner) zodDocs(inner, `${owner}.${key}`, out);
  }
}

/** Each documented field's doc comment, `Record.field` → text (one line). */
export function fieldDocs(): Record<string, string> {
  const out: Record<string, string> = {};
  missing.length = 0;
  for (const [name, where] of Object.entries(DOCUMENTED)) {
    const file = typeof where === "string" ? where : where.file;
    const source = ts.createSourceFile(file, readFileSync(`${root}${file}`, "utf8"), ts.ScriptTarget.Latest, true);
    if (typeof where !== "string") {
      const decl = source.statements
        .filter(ts.isVariableStatement)
        .flatMap((s) => [...s.declarationList.declarations])
        .find((d) => d.name.getText() === where.schema);
      const literal = decl?.initializer ? objectLiteralIn(decl.initializer) : undefined;
      if (!literal) throw new Error(`no z.object ${where.schema} in ${file}`);
      zodDocs(literal, name, out);
      continue;
    }
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!decl) throw new Error(`no interface ${name} in ${file}`);
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.name) continue;
      out[`${name}.${member.name.getText(source)}`] = docOf(member, `${name}.${member.name.getText(source)}`);
    }
  }
  if (missing.length > 0) throw new Error(`fields without a doc comment: ${missing.join(", ")}`);
  return out;
}

/** The generated module's text. */
export function outputDocsModule(): string {
  const entries = Object.entries(fieldDocs())
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n");
  return `/**
 * The doc comments of the result records' fields (\`Levy\`, \`Simulation\`, …),
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
