import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as analysis from "../src/analysis.js";
import * as examples from "../src/examples.js";
import * as src from "../src/index.js";
import * as report from "../src/report.js";
import * as schemas from "../src/schemas.js";

const root = new URL("..", import.meta.url).pathname;

/**
 * The main entry's runtime API: the rule functions, the policy, the errors and the parse function
 * a caller needs. Everything else is on a subpath (docs/api-conventions.md says which and why).
 */
const EXPECTED_RUNTIME_EXPORTS = [
  "DOC",
  "ERROR_CODES",
  "PoolingError",
  "RELIEF_2020",
  "SUZHOU_2020",
  "apportion",
  "apportionTopUp",
  "assessRisk",
  "baseRate",
  "budgetExecution",
  "checkConservation",
  "cite",
  "clawback",
  "computeLevies",
  "computeLevy",
  "consolidate",
  "coverDeficit",
  "cutGapGrantEligibility",
  "definePolicy",
  "effectiveRate",
  "explain",
  "floatTiers",
  "floatedRate",
  "foldJournal",
  "formatCitation",
  "fundStatements",
  "initialState",
  "isInRateCutWindow",
  "isPoolingError",
  "lateFee",
  "levyCorrection",
  "levyCorrections",
  "moveFloatTier",
  "nationalCutFraction",
  "openPooling",
  "paramsAt",
  "parseLevyInput",
  "payByPriority",
  "policyRef",
  "poolFloor",
  "provincialRemittance",
  "rateCutWindow",
  "requiredReserveMonths",
  "reserveMonths",
  "reviewFloatTier",
  "settlePeriod",
  "simulate",
  "simulationBudgetExecution",
  "simulationYear",
  "streamLevies",
  "syncInducedRelief",
  "withReliefOverlays",
  "yearEndTrueUp",
];

/** `suzhou-wi-pooling/schemas`: the records' zod schemas, the schema table and its helpers, the records' vocabularies. */
const SCHEMAS_EXPORTS = [
  "ACCOUNTS",
  "AccidentModelSchema",
  "AdjustmentSchema",
  "BudgetAdjustmentSchema",
  "BudgetExecutionInputSchema",
  "BudgetExecutionSchema",
  "BudgetSchema",
  "BudgetsAndAdjustmentsSchema",
  "CLAUSE_NAMES",
  "CitationSchema",
  "ClaimKindSchema",
  "ConservationReportSchema",
  "CoverDeficitInputSchema",
  "CutGapGrantEligibilityInputSchema",
  "DATED_PARAMETERS",
  "DeficitCoverageSchema",
  "ENTRY_KINDS",
  "EffectiveRateInputSchema",
  "EnterpriseSizeSchema",
  "FinalAccountsSchema",
  "FlowHistorySchema",
  "FlowModelSchema",
  "FundStatementSchema",
  "JournalEntrySchema",
  "LEVY_AMOUNT_FIELDS",
  "LateFeeInputSchema",
  "LateFeeSchema",
  "LateFeeWaiverSchema",
  "LateFeesSchema",
  "LevyBatchCollectedSchema",
  "LevyBatchOptionsSchema",
  "LevyBatchSchema",
  "LevyCorrectionInputSchema",
  "LevyCorrectionSchema",
  "LevyInputSchema",
  "LevyRecordErrorSchema",
  "LevySchema",
  "LevyTotalsSchema",
  "MAX_LISTED_ERRORS",
  "MajorAccidentClaimSchema",
  "MemberFlowModelSchema",
  "MemberFlowsSchema",
  "MemberPeriodReportSchema",
  "MemberSchema",
  "MemberYearSummarySchema",
  "MoveFloatTierInputSchema",
  "NoiseSchema",
  "OpenPoolingInputSchema",
  "OpeningMemberSchema",
  "PendingClaimSchema",
  "PeriodFlowsSchema",
  "PeriodReportSchema",
  "PolicySchema",
  "PoolPeriodReportSchema",
  "PoolingErrorJSONSchema",
  "PriorityClaimsInputSchema",
  "ProvincialRemittanceInputSchema",
  "RESTATED_FIELDS",
  "ReliefOverlaySchema",
  "RestatedSchema",
  "RestatementSchema",
  "ReviewFloatTierInputSchema",
  "RiskLevelSchema",
  "STATEMENT_CATEGORIES",
  "ScenarioOpeningSchema",
  "ScenarioSchema",
  "SeriesModelSchema",
  "SettlementOptionsSchema",
  "SettlementSchema",
  "SettlementStateSchema",
  "SeveritySchema",
  "SimulationSchema",
  "SyncInducedReliefInputSchema",
  "TopUpInputSchema",
  "YearEndTrueUpInputSchema",
  "YearEndTrueUpSchema",
  "YearSummarySchema",
  "PeriodOutlineSchema",
  "SimulationSummarySchema",
  "ANALYSIS_SCHEMAS",
  "analysisJSONSchema",
  "accountKind",
  "carriedAccount",
  "currentAccount",
  "fiscalAccount",
  "inputProblems",
  "parseInputAs",
  "schemas",
  "toJSONSchema",
];

/** `suzhou-wi-pooling/analysis`: the policy analysis. */
const ANALYSIS_EXPORTS = [
  "MAX_SEED",
  "MEMBER_FIGURES",
  "POOL_FIGURES",
  "compare",
  "compareSimulations",
  "diffPolicies",
  "explainComparison",
  "fitFlowModel",
  "mergeStressResults",
  "stressTest",
];

/** `suzhou-wi-pooling/examples`: the worked examples. */
const EXAMPLES_EXPORTS = ["EXAMPLE_BUDGET", "EXAMPLE_FLOW_MODEL", "EXAMPLE_SCENARIO"];

/** Every public entry but the main one, with its module and expected runtime exports (`/report` has its own list in test/present). */
const SUBPATHS = [
  ["schemas", schemas, SCHEMAS_EXPORTS],
  ["analysis", analysis, ANALYSIS_EXPORTS],
  ["examples", examples, EXAMPLES_EXPORTS],
] as const;

describe("the package entry", () => {
  it("exports the API", () => {
    expect(Object.keys(src).sort()).toEqual([...EXPECTED_RUNTIME_EXPORTS].sort());
  });

  it("keeps the main entry to at most 60 runtime exports", () => {
    expect(Object.keys(src).length).toBeLessThanOrEqual(60);
  });

  it.each(SUBPATHS)("suzhou-wi-pooling/%s exports its API", (_name, entry, expected) => {
    expect(Object.keys(entry).sort()).toEqual([...expected].sort());
  });

  it("gives every runtime export one home: no name on two entries", () => {
    const names = [src, schemas, analysis, examples, report].flatMap((e) => Object.keys(e));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(SUBPATHS)("builds suzhou-wi-pooling/%s as ESM and CJS with the same exports", async (name, entry) => {
    const esm = await import(join(root, `dist/${name}.js`));
    const cjs = createRequire(import.meta.url)(join(root, `dist/${name}.cjs`));
    expect(Object.keys(esm).sort()).toEqual(Object.keys(entry).sort());
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(entry).sort());
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports[`./${name}`].import.types).toBe(`./dist/${name}.d.ts`);
    expect(pkg.files).toContain(`${name}/package.json`);
  });

  it("builds ESM and CJS with the same exports and the same results", async () => {
    const esm = await import(join(root, "dist/index.js"));
    const cjs = createRequire(import.meta.url)(join(root, "dist/index.cjs"));
    expect(Object.keys(esm).sort()).toEqual(Object.keys(src).sort());
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(src).sort());
    const input = { period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies src.LevyInput;
    expect(esm.computeLevy(input)).toEqual(src.computeLevy(input));
    expect(cjs.computeLevy(input)).toEqual(src.computeLevy(input));
    expect(() => cjs.computeLevy({})).toThrow(cjs.PoolingError);
  });

  it("ships type declarations for both, types first in the exports map", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.exports["."].import)[0]).toBe("types");
    expect(Object.keys(pkg.exports["."].require)[0]).toBe("types");
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@date-fns/utc", "date-fns", "decimal.js", "zod"]);
    expect(statSync(join(root, "dist/index.d.ts")).size).toBeGreaterThan(1000);
    expect(statSync(join(root, "dist/index.d.cts")).size).toBeGreaterThan(1000);
  });
});

describe("documentation of every export", () => {
  const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(root, "src", f), "utf8"));
  const all = files.join("\n");

  const publicApi: Record<string, unknown> = { ...src, ...schemas, ...analysis, ...examples };
  it.each(Object.keys(publicApi).filter((n) => typeof publicApi[n] === "function" && !/Schema$/.test(n)))(
    "%s has TSDoc with @param, @returns, @throws and an @example",
    (name) => {
      const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function\\*?|class|const)\\s*${name}\\b`);
      const m = all.match(re);
      expect(m, `TSDoc of ${name}`).not.toBeNull();
      const fn = publicApi[name] as (...a: unknown[]) => unknown;
      if (/^class\b/.test(fn.toString())) {
        // a class documents its use with an example; its constructor is internal to the library
        expect(m![1]).toContain("@example");
        return;
      }
      const missing = ["@returns", "@throws", "@example", ...(fn.length > 0 || /\(\s*\w/.test(fn.toString().split("{")[0] ?? "") ? ["@param"] : [])].filter(
        (tag) => !m![1]!.includes(tag),
      );
      expect(missing, `TSDoc of ${name}`).toEqual([]);
    },
  );
});
