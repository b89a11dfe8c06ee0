/**
 * inputProblems in bounded memory: the piece-by-piece walk gives exactly the
 * problems a whole safeParse gives (the 0.5 implementation, kept here as the
 * reference), for every input schema, on generated inputs, whether each piece
 * is checked whole or apart; a huge bad input keeps at most `max` problems.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { EXAMPLE_BUDGET, EXAMPLE_SCENARIO } from "../../src/examples.js";
import { ProblemSink, walk } from "../../src/explain/problems.js";
import { PoolingError, SUZHOU_2020 } from "../../src/index.js";
import { memberNamesZh } from "../../src/policy/names.js";
import { issueToError } from "../../src/schema/parse.js";
import { inputProblems, type SchemaName, schemas, toJSONSchema } from "../../src/schemas.js";

/** inputProblems as 0.5 had it: one safeParse of the whole input, every issue, then the first `max`. */
function reference(name: SchemaName, value: unknown, memberNames?: Readonly<Record<string, string>>) {
  const result = (schemas[name] as z.ZodType).safeParse(value, { reportInput: true } as z.core.ParseContext<z.core.$ZodIssue>);
  if (result.success) return [];
  return result.error.issues
    .flatMap((issue): z.core.$ZodIssue[] => (issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]))
    .map((issue) => {
      const e = issueToError(issue);
      return (memberNames === undefined ? e : new PoolingError(e.code, e.path, e.detail, { memberNames })).toJSON();
    });
}

function walked(name: SchemaName, value: unknown, small?: number) {
  const sink = new ProblemSink(Number.MAX_SAFE_INTEGER);
  walk(schemas[name] as z.core.$ZodType, value, [], sink, undefined, small);
  return sink.problems.map((p) => p.toJSON());
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  8,
  2021,
  Number.NaN,
  "",
  "x",
  "2020-05",
  "2020-5",
  "2021-06-20",
  "100.00",
  "-3.00",
  "1.234",
  "0.2",
  "1e3",
  "municipal",
  "sip",
  "nowhere",
  {},
  [],
  [1, "a"],
  { bogus: 1 },
  JSON.parse('{"__proto__": {"a": 1}}'),
];

/** A value shaped by the schema (objects with their keys, arrays with a few items), with junk here and there. */
function generate(schema: z.core.$ZodType, rand: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  if (depth > 6 || rand() < 0.12) return structuredClone(pick(JUNK));
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        if (rand() < 0.85) out[key] = generate(field, rand, depth + 1);
      }
      if (rand() < 0.1) out.extra = 1;
      return out;
    }
    case "array":
      return Array.from({ length: Math.floor(rand() * 4) }, () => generate(def.element as z.core.$ZodType, rand, depth + 1));
    case "record": {
      const out: Record<string, unknown> = {};
      for (const key of ["municipal", "sip", "2020-07", "nowhere"]) if (rand() < 0.5) out[key] = generate(def.valueType as z.core.$ZodType, rand, depth + 1);
      return out;
    }
    case "optional":
    case "nullable":
    case "default":
      return rand() < 0.2 ? undefined : generate(def.innerType as z.core.$ZodType, rand, depth + 1);
    case "pipe":
      return generate(def.in as z.core.$ZodType, rand, depth + 1);
    case "union":
      return generate(pick(def.options as z.core.$ZodType[]), rand, depth + 1);
    case "enum":
      return pick(Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return pick(def.values as unknown[]);
    default:
      return structuredClone(pick(JUNK));
  }
}

/** Replaces a few nodes of a valid value by junk, deletes some, adds unknown keys. */
function mutate(base: unknown, rand: () => number): unknown {
  const copy = structuredClone(base);
  const nodes: [Record<string | number, unknown>, string | number][] = [];
  const collect = (v: unknown) => {
    if (typeof v !== "object" || v === null) return;
    for (const key of Object.keys(v)) {
      nodes.push([v as Record<string, unknown>, Array.isArray(v) ? Number(key) : key]);
      collect((v as Record<string, unknown>)[key]);
    }
  };
  collect(copy);
  for (let k = 0; k < 1 + Math.floor(rand() * 4) && nodes.length > 0; k++) {
    const [parent, key] = nodes[Math.floor(rand() * nodes.length)]!;
    const r = rand();
    if (r < 0.2 && !Array.isArray(parent)) delete parent[key];
    else if (r < 0.3 && !Array.isArray(parent)) parent.bogus = 1;
    else parent[key] = structuredClone(JUNK[Math.floor(rand() * JUNK.length)]);
  }
  return copy;
}

const BASES: Partial<Record<SchemaName, unknown>> = {
  Scenario: EXAMPLE_SCENARIO,
  ScenarioOpening: EXAMPLE_SCENARIO.opening,
  PeriodFlows: EXAMPLE_SCENARIO.periods[13],
  Policy: JSON.parse(JSON.stringify(SUZHOU_2020)),
  BudgetsAndAdjustments: EXAMPLE_BUDGET,
  LevyInputs: Array.from({ length: 300 }, (_, i) => ({ employerId: `E${i}`, period: "2020-09", industryClass: 1 + (i % 8), payroll: `${i}.00` })),
};

const INPUT_NAMES = (Object.keys(schemas) as SchemaName[]).filter((name) => toJSONSchema(name)["x-io"] === "input");

describe("inputProblems, piece by piece: the problems of a whole safeParse, in its order", () => {
  it("on generated inputs of every input schema, each piece whole or apart", () => {
    expect(INPUT_NAMES).toHaveLength(32);
    const rand = prng(20200501);
    let compared = 0;
    let withProblems = 0;
    for (const name of INPUT_NAMES) {
      for (let n = 0; n < 60; n++) {
        const base = BASES[name];
        const value = base !== undefined && rand() < 0.7 ? mutate(base, rand) : generate(schemas[name] as z.core.$ZodType, rand);
        const expected = reference(name, value);
        expect(walked(name, value, 0), `${name} #${n} (every piece apart)`).toEqual(expected);
        expect(walked(name, value), `${name} #${n}`).toEqual(expected);
        compared++;
        if (expected.length > 0) withProblems++;
      }
    }
    expect(compared).toBe(32 * 60); // 32 input schemas (the levy corrections and restatements added 4)
    expect(withProblems).toBeGreaterThan(1400);
  });
  it("a big input (a scenario of 32 periods, 300 levy records) with problems deep inside", () => {
    const s = structuredClone(EXAMPLE_SCENARIO) as unknown as { periods: Record<string, unknown>[] };
    s.periods[3]!.bogus = 1;
    (s.periods[7]!.members as Record<string, Record<string, unknown>>).wujiang!.levies = [{ period: "2020-12", industryClass: 9 }, {}];
    s.periods[31]!.period = "2022-13";
    const expected = reference("Scenario", s);
    expect(expected.map((p) => [p.code, p.path])).toEqual([
      ["UNKNOWN_KEY", ["periods", 3, "bogus"]],
      ["INVALID_CLASS", ["periods", 7, "members", "wujiang", "levies", 0, "industryClass"]],
      ["MISSING_FIELD", ["periods", 7, "members", "wujiang", "levies", 1, "period"]],
      ["MISSING_FIELD", ["periods", 7, "members", "wujiang", "levies", 1, "industryClass"]],
      ["INVALID_PERIOD", ["periods", 31, "period"]],
    ]);
    expect(walked("Scenario", s)).toEqual(expected);
    expect(walked("Scenario", s, 0)).toEqual(expected);
    // inputProblems names the members as the policy in use does (吴江区, not the id)
    const named = reference("Scenario", s, memberNamesZh(SUZHOU_2020));
    expect(named[1]!.messageZh).toBe("第 8 个结算期的吴江区的单位缴费记录第 1 项的行业类别：行业类别须为 1 至 8 的整数（收到 9）");
    expect(inputProblems("Scenario", s).problems.map((p) => p.toJSON())).toEqual(named);
  });
});

describe("inputProblems keeps at most max problems and counts the others", () => {
  it("300,000 empty levy records in a 64 MB heap (0.5's whole parse needed over 256 MB: out of memory)", () => {
    const root = new URL("../..", import.meta.url).pathname;
    const run = spawnSync(process.execPath, ["--max-old-space-size=64", "--import", "tsx", "bench/inputProblems.ts", "levies", "300000", "10"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^LevyInputs: 10 listed, 599990 more; /);
  });
  it("100,000 empty levy records: 10 listed, 199,990 counted, the first ten as a whole parse gives them", () => {
    const value = new Array(100_000).fill({});
    const { problems, more } = inputProblems("LevyInputs", value, { max: 10 });
    expect(more).toBe(199_990);
    expect(problems.map((p) => [p.code, p.path])).toEqual(
      [0, 1, 2, 3, 4].flatMap((i) => [
        ["MISSING_FIELD", [i, "period"]],
        ["MISSING_FIELD", [i, "industryClass"]],
      ]),
    );
  });
  it("a scenario of 20,000 periods each with a negative income: 1,000 listed, 19,000 counted", () => {
    const period = { ...EXAMPLE_SCENARIO.periods[0]!, members: { ...EXAMPLE_SCENARIO.periods[0]!.members, sip: { income: "-1", expenditure: "0" } } };
    const { problems, more } = inputProblems("Scenario", { ...EXAMPLE_SCENARIO, periods: new Array(20_000).fill(period) });
    expect(problems).toHaveLength(1000);
    expect(more).toBe(19_000);
    expect(problems[999]!.path).toEqual(["periods", 999, "members", "sip", "income"]);
    expect(problems.every((p) => p.code === "NEGATIVE_AMOUNT")).toBe(true);
  });
  it("one record with 50,000 unknown keys and 50,000 bad employees: 3 listed", () => {
    const record: Record<string, unknown> = { period: "2020-09", industryClass: 1, employees: new Array(50_000).fill("-1") };
    for (let i = 0; i < 50_000; i++) record[`k${i}`] = i;
    const { problems, more } = inputProblems("LevyInput", record, { max: 3 });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["NEGATIVE_AMOUNT", ["employees", 0]],
      ["NEGATIVE_AMOUNT", ["employees", 1]],
      ["NEGATIVE_AMOUNT", ["employees", 2]],
    ]);
    expect(more).toBe(99_997);
  });
});
