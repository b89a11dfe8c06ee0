/**
 * The reading questions of docs/analysis.md on the example flow model: the
 * probability of an unscheduled top-up against the floor's months (2, 3, 4, 6)
 * and the top-up schedule, and what a 30% charge does to the districts'
 * expected charges. Prints the tables of the document (a test checks that the
 * document shows exactly these figures). The same figures come from the CLI:
 *
 *   wi-pooling stress --example --out model.json
 *   wi-pooling stress model.json --runs 100 --seed 2020 --horizon 32 --policy floor4.json --json
 *
 * Run: npx tsx examples/analysis-study.ts
 */
import { pathToFileURL } from "node:url";
import { definePolicy, type Policy, SUZHOU_2020 } from "suzhou-wi-pooling";
import { type StressResult, stressTest } from "suzhou-wi-pooling/analysis";
import { EXAMPLE_FLOW_MODEL } from "suzhou-wi-pooling/examples";

/** The study's experiment: the CLI's `--runs 100 --seed 2020 --horizon 32`. */
export const STUDY = { runs: 100, seed: 2020, horizon: 32 } as const;

/** SUZHOU_2020 with a change, under its own version. */
function variant(
  version: string,
  change: (json: {
    poolFloor: { value: { months: string } }[];
    topUp: { value: { schedule: string; targetMonths?: string } }[];
    clawback: { value: { rate: string } }[];
  }) => void,
): Policy {
  const json = JSON.parse(JSON.stringify(SUZHOU_2020));
  json.version = version;
  change(json);
  return definePolicy(json);
}

const pct = (p: { p: string; se: string }) => `${(Number(p.p) * 100).toFixed(1)}% ± ${(Number(p.se) * 100).toFixed(1)}`;
const wan = (yuan: string | null) => (yuan === null ? "—" : (Number(yuan) / 10_000).toFixed(1));

/** The study's tables, as Markdown. */
export function studyMarkdown(): string {
  const run = (policy: Policy): StressResult => stressTest(EXAMPLE_FLOW_MODEL, { ...STUDY, policy });
  const floors: [string, Policy][] = [
    // the yearly schedule (with a top-up whenever the pool is short): the unscheduled top-ups the floor's months drive
    ...(["2", "3", "4", "6"] as const).map((months): [string, Policy] => [
      `${months} months, yearly${months === "3" ? " (the document's floor)" : ""}`,
      variant(`floor-${months}-yearly`, (j) => {
        for (const v of j.poolFloor) v.value.months = months;
        for (const v of j.topUp) v.value.schedule = "yearly";
      }),
    ]),
    // the default: topped up at each month's end after the month's claims (to the floor, or to targetMonths)
    ["3 months, month end (the default)", SUZHOU_2020],
    ["3 months, month end, target 4 months", variant("target-4", (j) => (j.topUp[0]!.value.targetMonths = "4"))],
  ];
  const results = floors.map(([label, policy]) => [label, run(policy)] as const);
  const base = results[4]![1]; // SUZHOU_2020 as it stands (month-end top-ups)
  const lines = [
    `Example flow model, ${STUDY.runs} runs, seed ${STUDY.seed}, ${STUDY.horizon} months from 2020-05 (to 2022-12); probabilities ± one standard error.`,
    "",
    "| floor, top-up schedule | P(unscheduled top-up) 2020 | 2021 | 2022 | over the horizon | P(pool below its floor at 2021's end) | mean top-ups 2021 (万元) |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const [label, r] of results) {
    const y = (year: number) => r.years.find((x) => x.year === year)!;
    lines.push(
      `| ${label} | ${pct(y(2020).pool.unscheduledTopUp)} | ${pct(y(2021).pool.unscheduledTopUp)} | ${pct(y(2022).pool.unscheduledTopUp)} | ${pct(r.horizon.pool.unscheduledTopUp)} | ${pct(y(2021).pool.belowFloor)} | ${wan(y(2021).pool.quantiles.topUp.mean)} |`,
    );
  }
  const charge = run(variant("clawback-0.3", (j) => (j.clawback[0]!.value.rate = "0.3")));
  lines.push("", "| district, year | mean subsidies (万元) | mean charge at 20% (万元) | mean charge at 30% (万元) | ratio |", "|---|---|---|---|---|");
  for (const y of base.years) {
    for (const id of base.experiment.members) {
      const a = y.members[id]!.quantiles;
      const b = charge.years.find((x) => x.year === y.year)!.members[id]!.quantiles;
      if (a.clawback.mean === "0.00" && b.clawback.mean === "0.00") continue;
      const ratio = (Number(b.clawback.mean) / Number(a.clawback.mean)).toFixed(3);
      lines.push(`| ${id} ${y.year} | ${wan(a.subsidyPaid.mean)} | ${wan(a.clawback.mean)} | ${wan(b.clawback.mean)} | ${ratio} |`);
    }
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(studyMarkdown());
