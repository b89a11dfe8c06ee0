/**
 * Yearly summaries of a simulation: the figures a municipal finance bureau
 * files (二（四）) and the demo prints.
 *
 * @module
 */
import { D, type Dec, formatMoney, ZERO } from "../money.js";
import { yearOf } from "../period.js";
import type { Policy, RiskLevel } from "../policy/schema.js";
import type { PeriodReport } from "./report.js";

/** One member's figures over a year. */
export interface MemberYearSummary {
  income: string;
  expenditure: string;
  cutRelief: string;
  extraction: string;
  provincialRemittance: string;
  topUp: string;
  grantPaid: string;
  subsidyPaid: string;
  deficitPaid: string;
  majorAccidentPaid: string;
  clawback: string;
  /** Balance (current + carried) at the end of the year's last period. */
  balance: string;
  reserveMonths: string | null;
  risk: RiskLevel;
  /** Periods of the year whose risk was `critical` or `warning`. */
  warnings: string[];
}

/** A year of a simulation. */
export interface YearSummary {
  year: number;
  /** The first and last periods of the year the scenario covers. */
  from: string;
  to: string;
  members: Record<string, MemberYearSummary>;
  pool: {
    balance: string;
    floor: string;
    extractions: string;
    topUp: string;
    shortfall: string;
    paid: { majorAccident: string; cutGapGrant: string; subsidy: string; recordedDeficit: string };
    pendingClaims: string;
    reserveMonths: string | null;
    risk: RiskLevel;
  };
  clawbacks: string;
}

const MEMBER_SUMS = [
  "income", "expenditure", "cutRelief", "extraction", "provincialRemittance", "topUp", "grantPaid", "subsidyPaid",
  "deficitPaid", "majorAccidentPaid", "clawback",
] as const;

/** Sums period reports by calendar (fiscal) year. @internal */
export function summarizeYears(_policy: Policy, periods: readonly PeriodReport[]): YearSummary[] {
  const byYear = new Map<number, PeriodReport[]>();
  for (const r of periods) {
    const y = yearOf(r.period);
    const list = byYear.get(y) ?? [];
    list.push(r);
    byYear.set(y, list);
  }
  const out: YearSummary[] = [];
  for (const [year, reports] of byYear) {
    const last = reports[reports.length - 1]!;
    const members: Record<string, MemberYearSummary> = {};
    for (const id of Object.keys(last.members)) {
      const sums: Record<string, Dec> = {};
      for (const k of MEMBER_SUMS) sums[k] = reports.reduce((s, r) => s.plus(r.members[id]![k]), ZERO);
      const end = last.members[id]!;
      members[id] = {
        ...(Object.fromEntries(MEMBER_SUMS.map((k) => [k, formatMoney(sums[k]!)])) as Record<(typeof MEMBER_SUMS)[number], string>),
        balance: end.balance,
        reserveMonths: end.reserveMonths,
        risk: end.risk,
        warnings: reports.filter((r) => ["critical", "warning"].includes(r.members[id]!.risk)).map((r) => r.period),
      };
    }
    const sum = (f: (r: PeriodReport) => string) => formatMoney(reports.reduce((s, r) => s.plus(f(r)), new D(0)));
    out.push({
      year,
      from: reports[0]!.period,
      to: last.period,
      members,
      pool: {
        balance: last.pool.balance,
        floor: last.pool.floor,
        extractions: sum((r) => r.pool.extractions),
        topUp: sum((r) => r.pool.topUp),
        shortfall: sum((r) => r.pool.shortfall),
        paid: {
          majorAccident: sum((r) => r.pool.paid.majorAccident),
          cutGapGrant: sum((r) => r.pool.paid.cutGapGrant),
          subsidy: sum((r) => r.pool.paid.subsidy),
          recordedDeficit: sum((r) => r.pool.paid.recordedDeficit),
        },
        pendingClaims: last.pool.pendingClaims,
        reserveMonths: last.pool.reserveMonths,
        risk: last.pool.risk,
      },
      clawbacks: sum((r) => r.clawbacks),
    });
  }
  return out;
}
