/**
 * The examples of the service's OpenAPI document: inputs, and results
 * computed by the library under the service's policy.
 *
 * @module
 */
import { compare } from "../analysis.js";
import { EXAMPLE_FLOW_MODEL, EXAMPLE_SCENARIO } from "../examples.js";
import { definePolicy, type LevyInput, type Policy } from "../index.js";

/** A JSON object of the document. @internal */
export type Json = Record<string, unknown>;

/** The example body of `POST /stress`: two runs of three months of the example model. */
export const STRESS_EXAMPLE = { model: EXAMPLE_FLOW_MODEL, runs: 2, seed: 1, horizon: 3 };

/** An example result computed by the library, or a note when the service's policy does not fit the example (other members). */
export function exampleOf(compute: () => unknown): unknown {
  try {
    return compute();
  } catch {
    return { note: "the example needs a policy with the members of SUZHOU_2020" };
  }
}

/** The example comparison of `POST /compare`. @internal */
export function compareExample(policy: Policy): unknown {
  return exampleOf(() => compare(EXAMPLE_SCENARIO, policy, definePolicy({ ...structuredClone(policy), version: `${policy.version}-copy` })));
}

/** A JSON media type with its schema and example. @internal */
export const json = (schema: Json, example: unknown) => ({ "application/json": { schema, example } });

/** The example inputs of the document. */
export const EXAMPLES = {
  levyInput: { employerId: "E001", period: "2020-09", industryClass: 3, floatMultiplier: "0.8", payroll: "2000000.00", cutFraction: "0.2" } satisfies LevyInput,
  badLevyInput: { employerId: "E002", period: "2020-09", industryClass: 9, payroll: "1000.00", cutFraction: "0.2" },
  scenario: { ...EXAMPLE_SCENARIO, name: "EXAMPLE_SCENARIO, first two periods", periods: EXAMPLE_SCENARIO.periods.slice(0, 2) },
  budgetExecution: {
    budget: [{ member: "wujiang", year: 2021, income: { contributions: "48.00" }, expenditure: { benefits: "36.00" } }],
    adjustments: [
      { member: "wujiang", year: 2021, changes: { expenditure: { benefits: "4.00" } }, approval: { ref: "吴财社〔2021〕12号", date: "2021-09-15" as const } },
    ],
    finalAccounts: {
      year: 2021,
      statements: [
        {
          entity: "member:wujiang",
          opening: "100.00",
          income: { contributions: "50.00" },
          expenditure: { benefits: "40.00" },
          transfersIn: [],
          transfersOut: [],
          closing: "110.00",
        },
      ],
    },
  },
};

/** The example CSV body of `POST /levies`. @internal */
export const CSV_IN = "employerId,period,industryClass,payroll,floatMultiplier,cutFraction\nE001,2020-09,3,2000000.00,0.8,0.2\nE005,2021-07,2,5.00,,\n";
/** @internal */
export const LEVIES_400 =
  "invalid input: a bad record (the library's PoolingError, with index and, for CSV, line), INVALID_JSON, INVALID_ENCODING (the body is not valid UTF-8, or not valid GB18030 with charset=gb18030: send charset=gb18030 or re-save as UTF-8), INVALID_CSV, UNKNOWN_KEY or DUPLICATE_COLUMN (a CSV header), INVALID_QUERY (errors or rawCells), MISSING_HOST, INVALID_URL, BAD_REQUEST, ABORTED, or NO_ROWS: the batch has no record (an empty CSV, a header only, or [])";
/** @internal */
export const LIBRARY_400 = "the library refused the input: its PoolingError (code, path, messages; every code in ErrorCode)";
