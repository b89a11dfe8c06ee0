import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as src from "../src/index.js";

const root = new URL("..", import.meta.url).pathname;

/** The public runtime API this version provides. */
const EXPECTED_RUNTIME_EXPORTS = [
  // policy analysis (0.7)
  "AccidentModelSchema",
  "EXAMPLE_FLOW_MODEL",
  "FlowHistorySchema",
  "FlowModelSchema",
  "MAX_SEED",
  "MEMBER_FIGURES",
  "MemberFlowModelSchema",
  "NoiseSchema",
  "POOL_FIGURES",
  "SeriesModelSchema",
  "SeveritySchema",
  "compare",
  "compareSimulations",
  "diffPolicies",
  "explainComparison",
  "fitFlowModel",
  "mergeStressResults",
  "stressTest",
  "CitationSchema",
  "DOC",
  "ERROR_CODES",
  "EffectiveRateInputSchema",
  "EnterpriseSizeSchema",
  "LevyInputSchema",
  "MemberSchema",
  "MoveFloatTierInputSchema",
  "PolicySchema",
  "PoolingError",
  "RELIEF_2020",
  "ReliefOverlaySchema",
  "SUZHOU_2020",
  "baseRate",
  "cite",
  "computeLevies",
  "computeLevy",
  "definePolicy",
  "effectiveRate",
  "floatTiers",
  "floatedRate",
  "isInRateCutWindow",
  "moveFloatTier",
  "nationalCutFraction",
  "rateCutWindow",
  "requiredReserveMonths",
  "withReliefOverlays",
  // fund engine
  "ACCOUNTS",
  "ENTRY_KINDS",
  "EXAMPLE_SCENARIO",
  "EXAMPLE_BUDGET",
  "CoverDeficitInputSchema",
  "FundStatementSchema",
  "JournalEntrySchema",
  "MajorAccidentClaimSchema",
  "MemberFlowsSchema",
  "OpenPoolingInputSchema",
  "OpeningMemberSchema",
  "PendingClaimSchema",
  "PeriodFlowsSchema",
  "PriorityClaimsInputSchema",
  "ProvincialRemittanceInputSchema",
  "ScenarioOpeningSchema",
  "ScenarioSchema",
  "SettlementOptionsSchema",
  "SettlementStateSchema",
  "TopUpInputSchema",
  "ConservationReportSchema",
  "ClaimKindSchema",
  "reviewFloatTier",
  "ReviewFloatTierInputSchema",
  "streamLevies",
  "LevySchema",
  "LevyBatchSchema",
  "LevyBatchCollectedSchema",
  "LevyRecordErrorSchema",
  "PoolingErrorJSONSchema",
  "LevyTotalsSchema",
  "MAX_LISTED_ERRORS",
  "DeficitCoverageSchema",
  "explain",
  "formatCitation",
  "schemas",
  "toJSONSchema",
  "parseInputAs",
  "parseLevyInput",
  "simulationYear",
  "MemberPeriodReportSchema",
  "MemberYearSummarySchema",
  "PeriodReportSchema",
  "PoolPeriodReportSchema",
  "RiskLevelSchema",
  "SettlementSchema",
  "SimulationSchema",
  "SimulationSummarySchema",
  "PeriodOutlineSchema",
  "YearSummarySchema",
  "YearEndTrueUpInputSchema",
  "YearEndTrueUpSchema",
  "accountKind",
  "apportion",
  "paramsAt",
  "policyRef",
  "isPoolingError",
  "inputProblems",
  "LevyBatchOptionsSchema",
  "SyncInducedReliefInputSchema",
  "syncInducedRelief",
  "CutGapGrantEligibilityInputSchema",
  "cutGapGrantEligibility",
  "BudgetSchema",
  "BudgetsAndAdjustmentsSchema",
  "BudgetAdjustmentSchema",
  "BudgetExecutionInputSchema",
  "BudgetExecutionSchema",
  "FinalAccountsSchema",
  "budgetExecution",
  "simulationBudgetExecution",
  "STATEMENT_CATEGORIES",
  "CLAUSE_NAMES",
  "DATED_PARAMETERS",
  "apportionTopUp",
  "assessRisk",
  "carriedAccount",
  "checkConservation",
  "clawback",
  "consolidate",
  "coverDeficit",
  "currentAccount",
  "fiscalAccount",
  "foldJournal",
  "fundStatements",
  "initialState",
  "openPooling",
  "payByPriority",
  "poolFloor",
  "provincialRemittance",
  "reserveMonths",
  "settlePeriod",
  "simulate",
  "yearEndTrueUp",
  // levy corrections and late fees
  "LEVY_AMOUNT_FIELDS",
  "LateFeeInputSchema",
  "LateFeeSchema",
  "LateFeeWaiverSchema",
  "LateFeesSchema",
  "LevyCorrectionInputSchema",
  "LevyCorrectionSchema",
  "lateFee",
  "levyCorrection",
  "levyCorrections",
  // restatements
  "AdjustmentSchema",
  "RESTATED_FIELDS",
  "RestatedSchema",
  "RestatementSchema",
];

describe("the package entry", () => {
  it("exports the API", () => {
    expect(Object.keys(src).sort()).toEqual([...EXPECTED_RUNTIME_EXPORTS].sort());
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

  it.each(Object.keys(src).filter((n) => typeof (src as Record<string, unknown>)[n] === "function" && !/Schema$/.test(n)))(
    "%s has TSDoc with @param, @returns, @throws and an @example",
    (name) => {
      const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function\\*?|class|const)\\s*${name}\\b`);
      const m = all.match(re);
      expect(m, `TSDoc of ${name}`).not.toBeNull();
      const fn = (src as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
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
