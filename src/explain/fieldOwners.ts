/**
 * Which result record each zod object of an output schema is, so that its
 * JSON Schema describes every field in the words of the record's doc
 * comments (`OUTPUT_FIELD_DOCS`, generated from them by
 * scripts/field-docs.ts): the records by their zod schema, and an object
 * written inline in a record's field as `Record.field`.
 *
 * @module
 */
import type * as z from "zod";
import { LevyCorrectionSchema } from "../levy/correction.js";
import { LevySchema, LevyTotalsSchema } from "../levy/schema.js";
import { OUTPUT_FIELD_DOCS } from "../schema/outputDocs.js";
import {
  ClassAmountsSchema,
  MemberPeriodReportSchema,
  PeriodCitationsSchema,
  PeriodParametersSchema,
  PeriodReportSchema,
  PoolPeriodReportSchema,
} from "../settlement/report.js";
import { SettlementSchema, SimulationSchema } from "../settlement/results.js";
import { PeriodOutlineSchema, SimulationSummarySchema } from "../settlement/summaryResult.js";
import { MemberYearSummarySchema, YearSummarySchema } from "../settlement/years.js";
import { FundStatementSchema } from "../statements/consolidate.js";

/** The documented result records, by their zod schema (the names of scripts/field-docs.ts's `DOCUMENTED`). @internal */
export const RESULT_RECORDS: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [LevySchema, "Levy"],
  [LevyTotalsSchema, "LevyTotals"],
  [SimulationSchema, "Simulation"],
  [SettlementSchema, "Settlement"],
  [SimulationSummarySchema, "SimulationSummary"],
  [PeriodOutlineSchema, "PeriodOutline"],
  [PeriodReportSchema, "PeriodReport"],
  [MemberPeriodReportSchema, "MemberPeriodReport"],
  [PoolPeriodReportSchema, "PoolPeriodReport"],
  [ClassAmountsSchema, "ClassAmounts"],
  [PeriodParametersSchema, "PeriodParameters"],
  [PeriodCitationsSchema, "PeriodCitations"],
  [YearSummarySchema, "YearSummary"],
  [MemberYearSummarySchema, "MemberYearSummary"],
  [LevyCorrectionSchema, "LevyCorrection"],
  [FundStatementSchema, "FundStatement"],
]);

/** The records by their definition, which a copy made by `.describe()` shares. */
const RECORD_BY_DEF = new Map<unknown, string>([...RESULT_RECORDS].map(([schema, name]) => [(schema as unknown as { _zod: { def: unknown } })._zod.def, name]));

/** Records whose fields repeat another's: `[the other record, the words before its field's doc]`. */
const DERIVED: Readonly<Record<string, readonly [string, string]>> = {
  "LevyCorrection.difference": ["Levy", "corrected − original, in yuan, of:"],
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
};

/** Whether `name` (`Record.field`) is an object written inline in a record: its fields have docs, or it repeats another record's. */
function isInlineRecord(name: string): boolean {
  return Object.hasOwn(DERIVED, name) || Object.keys(OUTPUT_FIELD_DOCS).some((k) => k.startsWith(`${name}.`));
}

/**
 * Every zod object reachable from `schema` that is a documented record (or inline in one's field), with
 * the record's name. @internal
 */
export function recordsIn(schema: z.ZodType): Map<z.ZodType, string> {
  const out = new Map<z.ZodType, string>();
  const seen = new Set<z.ZodType>();
  const visit = (node: z.ZodType | undefined, inline: string | undefined): void => {
    if (node === undefined || seen.has(node)) return;
    seen.add(node);
    const def = (node as unknown as { _zod: { def: Def } })._zod.def;
    if (def.type === "object") {
      // an object inside a record's field is a record of its own when written inline there (the script found its fields' docs)
      const name = RECORD_BY_DEF.get(def) ?? (inline !== undefined && isInlineRecord(inline) ? inline : undefined);
      if (name !== undefined) out.set(node, name);
      for (const [k, v] of Object.entries(def.shape ?? {})) visit(v, name === undefined ? undefined : `${name}.${k}`);
    } else if (def.type === "array") visit(def.element, inline);
    else if (def.type === "record") visit(def.valueType, inline);
    else if (def.type === "union") for (const o of def.options ?? []) visit(o, inline);
    else if (def.type === "pipe") {
      visit(def.in, inline);
      visit(def.out, inline);
    } else if (def.innerType !== undefined) visit(def.innerType, inline);
  };
  visit(schema, undefined);
  return out;
}

/** The doc of a record's field (`OUTPUT_FIELD_DOCS`, or a derived record's words), if it has one. @internal */
export function recordFieldDoc(record: string, key: string): string | undefined {
  const own = OUTPUT_FIELD_DOCS[`${record}.${key}`];
  if (own !== undefined) return own;
  const derived = DERIVED[record];
  const base = derived === undefined ? undefined : OUTPUT_FIELD_DOCS[`${derived[0]}.${key}`];
  return base === undefined ? undefined : `${derived![1]} ${base}`;
}
