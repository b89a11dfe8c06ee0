import { existsSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { fieldDocs, outputDocsCurrent } from "../../scripts/field-docs.js";
import { toJSONSchema } from "../../src/schemas.js";

const root = new URL("../..", import.meta.url).pathname;
const DTS = `${root}dist/index.d.ts`;

/** The result types whose every field has a doc comment (what it is, its unit, its clause). */
const DOCUMENTED_TYPES = ["Levy", "LevyTotals", "LevyBatch", "LevyBatchWithErrors", "LevyRecordError"];

/** Each property of each named export of dist/index.d.ts without a doc comment, as `Type.field`. */
function undocumented(names: string[]): string[] {
  const program = ts.createProgram([DTS], { skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(DTS);
  if (!file) throw new Error("no dist/index.d.ts");
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error("dist/index.d.ts is not a module");
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  const missing: string[] = [];
  for (const name of names) {
    let symbol = exports.get(name);
    if (!symbol) throw new Error(`${name} is not exported`);
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const props = checker.getPropertiesOfType(type);
    expect(props.length, name).toBeGreaterThan(1);
    for (const p of props) if (ts.displayPartsToString(p.getDocumentationComment(checker)).trim() === "") missing.push(`${name}.${p.name}`);
  }
  return missing;
}

describe("the result types' fields are documented", () => {
  it.skipIf(!existsSync(DTS))(
    "every field of Levy, LevyTotals and the batch types has a doc comment in the published declarations (dist/index.d.ts)",
    { timeout: 120_000 },
    () => {
      expect(undocumented(DOCUMENTED_TYPES)).toEqual([]);
    },
  );

  it("the JSON Schemas describe those fields in the words of their doc comments (one declaration; scripts/field-docs.ts)", async () => {
    expect(await outputDocsCurrent()).toBe(true);
    const docs = fieldDocs();
    const levy = toJSONSchema("Levy") as { properties: Record<string, { description: string }> };
    for (const [key, field] of Object.entries(levy.properties)) expect(field.description.startsWith(docs[`Levy.${key}`] as string), key).toBe(true);
    expect(levy.properties.premiumDue?.description).toBe(
      "What the employer is billed, in yuan: `premium − reliefWaived` (equal to `premium` without a relief overlay). (应缴金额)",
    );
    const totals = toJSONSchema("LevyTotals") as { properties: Record<string, { description: string }> };
    for (const [key, field] of Object.entries(totals.properties)) expect(field.description.startsWith(docs[`LevyTotals.${key}`] as string), key).toBe(true);
  });
});
