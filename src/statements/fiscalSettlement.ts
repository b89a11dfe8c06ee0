/**
 * R9 (二（三）, 0.7): the fiscal settlement statement (财力结算): per district
 * and year, each pool subsidy by period with its rate, the 20% accrued on it,
 * what its government settled with municipal finance and when; totals that
 * reconcile to the journal. Read from the simulation (never recomputed).
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { ACCOUNTS } from "../ledger/accounts.js";
import { type Fen, fenSum, formatFen, parseFen } from "../money.js";
import { yearOf } from "../period.js";
import type { Citation } from "../policy/citation.js";
import { parseInput } from "../schema/parse.js";
import { type Simulation, SimulationSchema } from "../settlement/results.js";
import { simulationYear } from "../settlement/simulationYear.js";

/** One district's lines of the fiscal settlement statement. */
export interface FiscalSettlementDistrict {
  member: string;
  /** False for 市本级 when its government is municipal finance (`clawback.municipal: "none"`): nothing is charged. */
  charged: boolean;
  /**
   * Each period with a pool subsidy (市区统筹基金补助) or an accrual: the subsidy (`paidAfterWaiting`: the part of
   * it that waited for the pool and was paid as a recorded deficit), the rate in force, the 20% accrued.
   */
  subsidies: { period: string; subsidy: string; paidAfterWaiting?: string; rate: string; accrued: string }[];
  /** Σ subsidies, Σ accrued. */
  subsidyTotal: string;
  accrued: string;
  /** The settlements through 财力结算: the period, the paying government, municipal finance, the amount. */
  settlements: { period: string; from: string; to: string; amount: string }[];
  settled: string;
  /** `accrued − settled`: 0 once the year is settled (a true-up that returns subsidies lowers what settles). */
  unsettled: string;
}

/** The result of {@link fiscalSettlementStatement}. */
export interface FiscalSettlementStatement {
  year: number;
  districts: FiscalSettlementDistrict[];
  totals: { subsidies: string; accrued: string; settled: string; unsettled: string };
  /** The journal's own sums for the year: its `subsidy` postings from the pool and its `clawback` postings to municipal finance. */
  journal: { subsidies: string; clawbacks: string };
  citation: Citation;
}

/**
 * R9 (二（三）“仍存在缺口的，可申请市区统筹基金补助，当地政府按市区统筹基金补助额的20%通过财力结算上解市级财政”):
 * a year's fiscal settlement statement. Per district (the policy's members, in order): each period's pool
 * subsidy with the rate in force and the 20% accrued on it (the simulation's own figures: grants, deficit
 * coverage and transfers owed carry none), the settlements its government made with municipal finance
 * (`fiscal:<id>` → `fiscal:city`, their period: the year's end), and what is left unsettled; totals checked
 * against the journal (Σ subsidies = the year's `subsidy` postings, Σ settled = its `clawback` postings, else
 * `INTERNAL_INVARIANT`).
 *
 * @param sim - a result of `simulate`
 * @param year - a fiscal year of the simulation
 * @returns the districts' lines, the totals and the journal's sums
 * @throws PoolingError `YEAR_NOT_IN_SIMULATION` (a year the simulation does not cover), `INVALID_TYPE`, `UNKNOWN_KEY`, `MISSING_FIELD` (not a simulation), `INTERNAL_INVARIANT` (the reports and the journal disagree: a defect)
 * @example
 * ```ts
 * const s = fiscalSettlementStatement(simulate(EXAMPLE_SCENARIO), 2021);
 * s.districts.find((d) => d.member === "wuzhong")?.settled; // "5582873.39"
 * s.totals.settled === s.journal.clawbacks;                   // true
 * ```
 */
export function fiscalSettlementStatement(sim: Simulation, year: number): FiscalSettlementStatement {
  parseInput(SimulationSchema, sim, ["sim"]); // a simulation's result (read back from JSON too)
  simulationYear(sim, year); // a year the simulation covers (else YEAR_NOT_IN_SIMULATION)
  const periods = sim.periods.filter((p) => yearOf(p.period) === year);
  const ids = Object.keys(periods[0]!.members);
  const journal = sim.journal.filter((e) => yearOf(e.period) === year);
  const districts = ids.map((id): FiscalSettlementDistrict => {
    // the subsidies as journaled (a subsidy that waited and was paid later as a recorded deficit included)
    const subsidies = periods
      .map((p) => {
        const journaled = fenSum(journal.filter((e) => e.kind === "subsidy" && e.member === id && e.period === p.period).map((e) => parseFen(e.amount)));
        const waited = journaled - parseFen(p.members[id]!.subsidyPaid);
        return {
          period: p.period,
          subsidy: formatFen(journaled),
          ...(waited > 0n ? { paidAfterWaiting: formatFen(waited) } : {}),
          rate: p.parameters.clawbackRate,
          accrued: p.members[id]!.clawbackAccrued,
        };
      })
      .filter((s) => s.subsidy !== "0.00" || s.accrued !== "0.00");
    const settlements = journal
      .filter((e) => e.kind === "clawback" && e.member === id)
      .map((e) => ({ period: e.period, from: e.from, to: e.to, amount: e.amount }));
    const sum = (xs: string[]): Fen => fenSum(xs.map(parseFen));
    const accrued = sum(subsidies.map((s) => s.accrued));
    const settled = sum(settlements.map((s) => s.amount));
    const municipalNone = id === "municipal" && periods.every((p) => p.parameters.clawbackMunicipal === "none");
    return {
      member: id,
      charged: !municipalNone,
      subsidies,
      subsidyTotal: formatFen(sum(subsidies.map((s) => s.subsidy))),
      accrued: formatFen(accrued),
      settlements,
      settled: formatFen(settled),
      unsettled: formatFen(accrued - settled),
    };
  });
  const total = (pick: (d: FiscalSettlementDistrict) => string) => fenSum(districts.map((d) => parseFen(pick(d))));
  const journalSubsidies = fenSum(journal.filter((e) => e.kind === "subsidy" && e.from === ACCOUNTS.pool).map((e) => parseFen(e.amount)));
  const journalClawbacks = fenSum(journal.filter((e) => e.kind === "clawback" && e.to === ACCOUNTS.municipalFinance).map((e) => parseFen(e.amount)));
  const totals = {
    subsidies: total((d) => d.subsidyTotal),
    accrued: total((d) => d.accrued),
    settled: total((d) => d.settled),
  };
  if (totals.subsidies !== journalSubsidies || totals.settled !== journalClawbacks) {
    throw new PoolingError("INTERNAL_INVARIANT", [], {
      en: `internal: the ${year} subsidies or settlements do not reconcile to the journal`,
      zh: `内部错误：${year} 年补助或财力结算与记账不符`,
    });
  }
  return {
    year,
    districts,
    totals: {
      subsidies: formatFen(totals.subsidies),
      accrued: formatFen(totals.accrued),
      settled: formatFen(totals.settled),
      unsettled: formatFen(totals.accrued - totals.settled),
    },
    journal: { subsidies: formatFen(journalSubsidies), clawbacks: formatFen(journalClawbacks) },
    citation: periods.at(-1)!.citations.clawback,
  };
}
