import { existsSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { DOCUMENTED, fieldDocs, outputDocsCurrent } from "../../scripts/field-docs.js";
import { RESULT_RECORDS, recordFieldDoc, recordsIn } from "../../src/explain/fieldOwners.js";
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

  it("every field of every documented result record has a doc comment (scripts/field-docs.ts names each one without: a field added bare fails here)", () => {
    expect(() => fieldDocs()).not.toThrow();
    expect([...RESULT_RECORDS.values()].sort()).toEqual(Object.keys(DOCUMENTED).sort());
    const missing: string[] = [];
    for (const schema of RESULT_RECORDS.keys()) {
      for (const [object, record] of recordsIn(schema)) {
        const shape = (object as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;
        for (const key of Object.keys(shape)) if (recordFieldDoc(record, key) === undefined) missing.push(`${record}.${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the simulation's, the period report's, the year's and the correction's JSON Schemas describe every field of theirs in those words", () => {
    const docs = fieldDocs();
    const sim = toJSONSchema("Simulation") as { properties: Record<string, { description: string; items?: { properties: Record<string, Node> } }> };
    type Node = { description: string; properties?: Record<string, Node>; additionalProperties?: Node; items?: Node };
    const period = sim.properties.periods?.items as Node;
    const member = period.properties?.members?.additionalProperties as Node;
    for (const [key, field] of Object.entries(member.properties ?? {})) {
      expect(field.description.startsWith(docs[`MemberPeriodReport.${key}`] as string), key).toBe(true);
    }
    expect(member.properties?.syncInducedRelief?.description).toBe(
      "The part of `cutRelief` caused by the city-wide cut exceeding the member's own (同步降费减收额, 二（三）), in yuan: what a cut-gap grant may cover.",
    );
    for (const [key, field] of Object.entries(period.properties?.pool?.properties ?? {})) {
      expect(field.description.startsWith(docs[`PoolPeriodReport.${key}`] as string), key).toBe(true);
    }
    const year = toJSONSchema("YearSummary") as Node;
    for (const [key, field] of Object.entries(year.properties?.pool?.properties ?? {})) {
      expect(field.description.startsWith(docs[`YearSummary.pool.${key}`] as string), key).toBe(true);
    }
    const correction = toJSONSchema("LevyCorrection") as Node;
    expect(correction.properties?.difference?.properties?.premiumDue?.description).toBe(
      "corrected − original, in yuan, of: What the employer is billed, in yuan: `premium − reliefWaived` (equal to `premium` without a relief overlay). (应缴金额)",
    );
  });
});
