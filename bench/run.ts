/**
 * `npm run bench`: speed of the library, measured against baselines in the same run.
 *
 * 1. Batch levies: `computeLevies` (the exact fast path, validation included)
 *    against a naive per-record decimal.js loop and a plain float64 loop
 *    (inexact: the speed limit). The two baselines skip validation but build
 *    the same result records as `computeLevies` (the same fields, as strings),
 *    so that all three do the same job.
 * 2. A differential check on LEVY_DIFF records (default 1,000,000): the fast
 *    path against the independent decimal.js computation, field by field.
 * 3. `simulate` for 5, 50 and 500 members over 120 months, and how its time
 *    grows with members × months.
 *
 * 4. A starved pool (three members in deficit every month, nothing to top up
 *    with) over 120 and 600 months: the claims waiting for the pool are kept
 *    aggregated, so 600 months should cost about 5× 120 (target < 6×).
 *
 * 5. The CLI end to end (`wi-pooling levy`, CSV to CSV) on a generated
 *    CLI_ROWS-row file (default 1,000,000) against DuckDB doing the same job
 *    in the same run (target ≤ 1.5× its time, byte-identical output); max RSS
 *    at a quarter of the rows and at all of them (≤ 200 MB, flat); the same
 *    file with 10% bad rows (≥ 0.5× the all-good rate, every problem of every
 *    bad row reported); `POST /levies` streaming the file (≥ 0.5× the CLI's
 *    rows/s). See bench/levyCli.ts.
 *
 * 6. The stress test through the CLI (`wi-pooling stress`, the example model
 *    of 5 members, 36 months): STRESS_RUNS runs (default 10,000) with the
 *    default workers, and STRESS_RUNS_ONE (default 1,000) on one worker; the
 *    ratio of their runs/s, the 10,000-run time (measured, or extrapolated and
 *    said so), the max RSS at a quarter of the runs and at all, where a run's
 *    time goes, and met / NOT met (target: 10,000 runs ≤ 20 s). See bench/stress.ts.
 *
 * 7. `simulate` on a deficit-heavy scenario (500 members × SIM_MONTHS months), against 0.6.0 built from
 *    its git tag in the same run (bench/simDeficit.ts); 5 members against 500; max RSS, full and summary-only.
 *
 * Environment: LEVY_N (records timed, default 300,000), LEVY_DIFF, CLI_ROWS, SIM_MONTHS (default 120),
 * STRESS_RUNS, STRESS_RUNS_ONE; BENCH_ONLY (comma-separated: cli, starved, stress, deficit) runs only those
 * of these sections (sections 1–3 always run: make them small with LEVY_N, LEVY_DIFF).
 */
import { Decimal } from "decimal.js";
import { computeLevies, definePolicy, type LevyInput, policyRef, type Scenario, SUZHOU_2020, simulate } from "../dist/index.js";
import { benchLevyCli } from "./levyCli.js";
import { records } from "./levyData.js";
import { benchSimDeficit } from "./simDeficit.js";
import { simPolicyJson, simScenario, starvedPolicyJson, starvedScenario } from "./simScenario.js";
import { benchStress } from "./stress.js";

/** Whether a section runs (BENCH_ONLY unset: every section). */
const only = (section: string) => process.env.BENCH_ONLY === undefined || process.env.BENCH_ONLY.split(",").includes(section);

const N = Number(process.env.LEVY_N ?? 300_000);
const DIFF = Number(process.env.LEVY_DIFF ?? 1_000_000);
const MONTHS = Number(process.env.SIM_MONTHS ?? 120);
const CLI_ROWS = Number(process.env.CLI_ROWS ?? 1_000_000);

const BASE = ["0.0015", "0.003", "0.005", "0.006", "0.008", "0.009", "0.011", "0.015"];
const Dx = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
const CITATIONS = SUZHOU_2020.baseRates[0]!.citation;
/** Every levy carries its policy's { id, version }: the baselines too, so that all three build the same records. */
const POLICY = policyRef(SUZHOU_2020);
const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The naive per-record decimal.js loop: no validation, no caching, exact. */
function naiveDecimal(inputs: LevyInput[]) {
  return inputs.map((r) => {
    const payroll = new Dx(r.payroll as string);
    const floated = new Dx(BASE[(r.industryClass as number) - 1]!).times(r.floatMultiplier as string);
    const f = r.cutFraction !== undefined ? new Dx(r.cutFraction as string) : new Dx(0);
    const own = r.ownCutFraction !== undefined ? new Dx(r.ownCutFraction as string) : new Dx(0);
    const before = fen(payroll.times(floated));
    const premium = fen(payroll.times(floated).times(new Dx(1).minus(f)));
    const sync = own.gte(f) ? new Dx(0) : fen(payroll.times(floated).times(new Dx(1).minus(own))).minus(premium);
    return {
      employerId: r.employerId,
      period: r.period,
      industryClass: r.industryClass,
      payroll: payroll.toFixed(2),
      baseRate: BASE[(r.industryClass as number) - 1],
      floatMultiplier: r.floatMultiplier,
      floatedRate: floated.toFixed(),
      cutFraction: f.toFixed(),
      cutSource: "caller",
      ownCutFraction: own.toFixed(),
      effectiveRate: floated.times(new Dx(1).minus(f)).toFixed(),
      premiumBeforeCut: before.toFixed(2),
      premium: premium.toFixed(2),
      cutRelief: before.minus(premium).toFixed(2),
      syncInducedRelief: sync.toFixed(2),
      reliefFraction: "0",
      reliefWaived: "0.00",
      premiumDue: premium.toFixed(2),
      citations: [CITATIONS],
      policy: POLICY,
    };
  });
}

/** The plain float64 loop: inexact, the speed limit. */
function float64(inputs: LevyInput[]) {
  return inputs.map((r) => {
    const payroll = Number(r.payroll);
    const floated = Number(BASE[(r.industryClass as number) - 1]) * Number(r.floatMultiplier);
    const f = r.cutFraction !== undefined ? Number(r.cutFraction) : 0;
    const own = r.ownCutFraction !== undefined ? Number(r.ownCutFraction) : 0;
    const before = Math.round(payroll * floated * 100) / 100;
    const premium = Math.round(payroll * floated * (1 - f) * 100) / 100;
    const sync = own >= f ? 0 : Math.round(payroll * floated * (1 - own) * 100) / 100 - premium;
    return {
      employerId: r.employerId,
      period: r.period,
      industryClass: r.industryClass,
      payroll: payroll.toFixed(2),
      baseRate: BASE[(r.industryClass as number) - 1],
      floatMultiplier: r.floatMultiplier,
      floatedRate: String(floated),
      cutFraction: String(f),
      cutSource: "caller",
      ownCutFraction: String(own),
      effectiveRate: String(floated * (1 - f)),
      premiumBeforeCut: before.toFixed(2),
      premium: premium.toFixed(2),
      cutRelief: (before - premium).toFixed(2),
      syncInducedRelief: sync.toFixed(2),
      reliefFraction: "0",
      reliefWaived: "0.00",
      premiumDue: premium.toFixed(2),
      citations: [CITATIONS],
      policy: POLICY,
    };
  });
}

function time(fn: () => unknown, runs = 5): number {
  fn(); // warm up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

console.log(`node ${process.version}; ${N.toLocaleString("en-US")} levy records; median of 5 runs after a warm-up\n`);
const inputs = records(N, 42);
const tFast = time(() => computeLevies(inputs));
const tDec = time(() => naiveDecimal(inputs));
const tFloat = time(() => float64(inputs));
console.log("batch levies            ms     records/s");
console.log(`computeLevies (exact) ${tFast.toFixed(0).padStart(6)}  ${fmt((N / tFast) * 1000).padStart(12)}`);
console.log(`naive decimal.js loop ${tDec.toFixed(0).padStart(6)}  ${fmt((N / tDec) * 1000).padStart(12)}`);
console.log(`float64 loop (inexact)${tFloat.toFixed(0).padStart(6)}  ${fmt((N / tFloat) * 1000).padStart(12)}`);
const speedup = tDec / tFast;
const vsFloat = tFast / tFloat;
console.log(`\nratio: computeLevies is ${speedup.toFixed(1)}× the naive decimal loop (target ≥ 8×): ${speedup >= 8 ? "met" : "NOT met"}`);
console.log(`ratio: computeLevies takes ${vsFloat.toFixed(2)}× the float64 loop's time (target ≤ 3×): ${vsFloat <= 3 ? "met" : "NOT met"}`);

// differential: the fast path against the independent exact decimal computation
let mismatches = 0;
let floatMismatches = 0;
const CHUNK = 100_000;
for (let done = 0; done < DIFF; done += CHUNK) {
  const n = Math.min(CHUNK, DIFF - done);
  // payrolls up to 10^12 yuan, and every 7th an exact half-fen product
  const chunk = records(n, 1000 + done, 100_000_000_000_000).map((r, i) =>
    i % 7 === 0 ? ({ ...r, industryClass: 2, floatMultiplier: "0.5", payroll: `${(i % 1000) + 1}.${i % 2 ? "00" : "01"}` } as LevyInput) : r,
  );
  const fast = computeLevies(chunk).items;
  const exact = naiveDecimal(chunk);
  const approx = float64(chunk);
  for (let i = 0; i < n; i++) {
    const a = fast[i]!;
    const b = exact[i]!;
    if (a.premiumBeforeCut !== b.premiumBeforeCut || a.premium !== b.premium || a.cutRelief !== b.cutRelief || a.syncInducedRelief !== b.syncInducedRelief)
      mismatches++;
    if (approx[i]!.premium !== b.premium || approx[i]!.premiumBeforeCut !== b.premiumBeforeCut) floatMismatches++;
  }
}
console.log(
  `\ndifferential: ${DIFF.toLocaleString("en-US")} records (payrolls to 10^12 yuan, half-fen edges): fast path vs exact decimal: ${mismatches} mismatches; the float64 loop: ${floatMismatches.toLocaleString("en-US")} wrong premiums`,
);

// 5. The CLI end to end, against DuckDB doing the same job (bench/levyCli.ts)
if (only("cli")) await benchLevyCli(CLI_ROWS);

// simulate: growth in members × months (the scenario: bench/simScenario.ts)
function scenario(members: number, months: number): { policy: ReturnType<typeof definePolicy>; scenario: Scenario } {
  return { policy: definePolicy(simPolicyJson(SUZHOU_2020, members) as never), scenario: simScenario(members, months) as unknown as Scenario };
}
/** 0.4's figure per member-month at 500 members × 120 months (README of 0.4), and the target of issue 11. */
const SIM_04_US = 168;
const SIM_TARGET_US = 15;
console.log(`\nsimulate over ${MONTHS} months       ms   µs per member-month   ratio to 0.4 (${SIM_04_US} µs at 500)`);
const perUnit: number[] = [];
for (const members of [5, 50, 500]) {
  const { policy, scenario: s } = scenario(members, MONTHS);
  const t = time(() => simulate(s, policy), members >= 500 ? 3 : 5);
  perUnit.push((t * 1000) / (members * MONTHS));
  const us = perUnit.at(-1)!;
  console.log(
    `${String(members).padStart(4)} members            ${t.toFixed(0).padStart(7)}   ${us.toFixed(1).padStart(8)}              ${(us / SIM_04_US).toFixed(3)}`,
  );
}
const growth = perUnit[2]! / perUnit[1]!;
console.log(
  `growth: time per member-month at 500 members is ${growth.toFixed(2)}× that at 50 (linear in members × months means ≈ 1): ${growth <= 1.5 ? "linear" : "NOT linear"}`,
);
console.log(
  `target simulate ≤ ${SIM_TARGET_US} µs per member-month at 500 members × ${MONTHS} months: ${perUnit[2]!.toFixed(1)} µs, ${perUnit[2]! <= SIM_TARGET_US ? "met" : "NOT met"} (${(SIM_04_US / perUnit[2]!).toFixed(1)}× faster than 0.4)`,
);
if (perUnit[2]! > SIM_TARGET_US) {
  console.log(
    "what limits it (profiled): the garbage collector, about half the time (each member's report is 28 strings a period, every fen amount a bigint), then the scenario's schema validation, about a fifth; other processes on the 2 cores add the rest",
  );
}

// 4. A starved pool: 600 months against 120 (interleaved runs, medians of 7; the same process and noise).
if (only("starved")) {
  const policy = definePolicy(starvedPolicyJson(SUZHOU_2020));
  const s120 = starvedScenario(120) as unknown as Scenario;
  const s600 = starvedScenario(600) as unknown as Scenario;
  simulate(s120, policy);
  simulate(s600, policy);
  const t120: number[] = [];
  const t600: number[] = [];
  for (let round = 0; round < 7; round++) {
    let t = performance.now();
    for (let k = 0; k < 5; k++) simulate(s120, policy);
    t120.push((performance.now() - t) / 5);
    t = performance.now();
    simulate(s600, policy);
    t600.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3]!;
  const ratio = median(t600) / median(t120);
  console.log(
    `\nstarved pool: 120 months ${median(t120).toFixed(0)} ms, 600 months ${median(t600).toFixed(0)} ms: ratio ${ratio.toFixed(1)}× (linear ≈ 5×; target < 6×): ${ratio < 6 ? "met" : "NOT met"}`,
  );
}

// 6. The stress test through the CLI: default workers against one (runs/s), the example model, 36 months (bench/stress.ts).
if (only("stress")) benchStress();

// 7. simulate on a deficit-heavy scenario against 0.6.0 built from its tag; 5 members against 500; max RSS.
if (only("deficit")) await benchSimDeficit(MONTHS);
