/**
 * One run's scenario drawn from a flow model: the only place where random
 * draws become money. Every amount is rounded to the fen, half-up, once: the
 * drawn yuan × 100 rounded to an integer (a draw above 10^14 yuan is taken as
 * 10^14). Nothing here computes a rule: the scenario goes to `simulate`.
 *
 * @module
 */
import { PoolingError } from "../errors.js";
import { isDecimalInstance, mulRoundFen } from "../money.js";
import { monthOf, nextPeriod, yearOf } from "../period.js";
import { paramsAt } from "../policy/paramsAt.js";
import type { Policy } from "../policy/schema.js";
import type { Period, PeriodInput } from "../schema/fields.js";
import type { MemberFlows, PeriodFlows, Scenario } from "../settlement/schema.js";
import type { ParsedFlowModel } from "./flowModel.js";
import type { Rng } from "./rng.js";
import { logNormal, normal, normalCdf, pareto, poisson } from "./sampling.js";

type Series = ParsedFlowModel["members"][string]["contributions"];
type Noise = Series["noise"];

const MAX_FEN = 1e16; // 10^14 yuan
const DEFAULT_CAP = 1e12;

/** Yuan drawn as a float → integer fen, half-up (the rounding point of the model). @internal */
export function toFenNumber(yuan: number): number {
  if (!(yuan > 0)) return 0;
  return Math.min(Math.round(yuan * 100), MAX_FEN);
}

/** Integer fen (a safe integer ≥ 0) as a two-decimal string. @internal */
export function fenString(fen: number): string {
  const cents = fen % 100;
  return `${(fen - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/** The members of the policy at the model's start, checked against the model's. @internal */
export function modelMembers(model: ParsedFlowModel, policy: Policy): string[] {
  const ids = paramsAt(policy, model.start, ["start"]).members.value.map((m) => m.id);
  for (const id of Object.keys(model.members)) {
    if (!ids.includes(id)) throw new PoolingError("UNKNOWN_MEMBER", ["members", id]);
  }
  for (const id of ids) if (!(id in model.members)) throw new PoolingError("MISSING_MEMBER", ["members", id]);
  return ids;
}

function noiseFactor(noise: Noise, rng: Rng, common: number, rho: number): number {
  if (noise.family === "none") return 1;
  if (rho === 0) {
    if (noise.family === "twoPoint") return rng.next() < noise.pHigh ? noise.high : noise.low;
    const s = noise.sigma;
    return Math.exp(s * normal(rng) - (s * s) / 2);
  }
  const z = Math.sqrt(rho) * common + Math.sqrt(1 - rho) * normal(rng);
  if (noise.family === "twoPoint") return normalCdf(z) < noise.pHigh ? noise.high : noise.low;
  return Math.exp(noise.sigma * z - (noise.sigma * noise.sigma) / 2);
}

/** A series' expected yuan in month `t` (from the start) of calendar month `month`: base × (1 + trend)^(t/12) × season. */
function seriesYuan(series: Series, t: number, month: number): number {
  const base = series.base.toNumber();
  const season = series.seasonality?.[month - 1] ?? 1;
  return base * (1 + series.trend) ** (t / 12) * season;
}

type Accidents = NonNullable<ParsedFlowModel["members"][string]["accidents"]>;

/** A member's accidents with the severity's figures as numbers (read once per experiment). */
interface AccidentPlan {
  rate: number;
  paidBy: Accidents["paidBy"];
  cap: number;
  family: Accidents["severity"]["family"];
  /** The fixed amount, the log-normal median or the Pareto scale (yuan). */
  size: number;
  /** The log-normal sigma or the Pareto shape. */
  spread: number;
}

function severityYuan(a: AccidentPlan, rng: Rng): number {
  let x: number;
  if (a.family === "fixed") x = a.size;
  else if (a.family === "lognormal") x = logNormal(normal(rng), a.size, a.spread);
  else x = pareto(rng, a.size, a.spread);
  return Math.min(x, a.cap);
}

function accidentPlan(a: Accidents): AccidentPlan {
  const s = a.severity;
  const cap = a.cap?.toNumber() ?? DEFAULT_CAP;
  if (s.family === "fixed") return { rate: a.rate, paidBy: a.paidBy, cap, family: s.family, size: s.amount.toNumber(), spread: 0 };
  if (s.family === "lognormal") return { rate: a.rate, paidBy: a.paidBy, cap, family: s.family, size: s.median.toNumber(), spread: s.sigma };
  return { rate: a.rate, paidBy: a.paidBy, cap, family: s.family, size: s.scale.toNumber(), spread: s.shape };
}

/**
 * What every run of an experiment shares, computed once: the months (period,
 * calendar month, year, whether a June remittance is drawn), each series'
 * expected yuan by month, the accidents' figures as numbers and the openings'
 * prior incomes in fen. A run then only draws. @internal
 */
export interface DrawPlan {
  ids: readonly string[];
  rho: number;
  startYear: number;
  months: { period: Period; month: number; year: number; remit: boolean }[];
  members: {
    contributions: { expected: number[]; noise: Noise };
    benefits: { expected: number[]; noise: Noise };
    accidents?: AccidentPlan;
    remittanceRate: ParsedFlowModel["members"][string]["remittanceRate"];
    priorYearIncome: bigint;
    yearToDateIncome: bigint;
  }[];
}

/** The plan of `horizon` months of draws from the model under the policy (see {@link DrawPlan}). @internal */
export function drawPlan(model: ParsedFlowModel, policy: Policy, ids: readonly string[], horizon: number): DrawPlan {
  const months: DrawPlan["months"] = [];
  let period: Period = model.start as Period;
  for (let t = 0; t < horizon; t++) {
    const month = monthOf(period);
    months.push({ period, month, year: yearOf(period), remit: month === 6 && paramsAt(policy, period).provincialReserve.value.rule === undefined });
    period = nextPeriod(period);
  }
  const fen = (d: { times(n: number): { toFixed(dp: number): string } } | undefined) => BigInt(d?.times(100).toFixed(0) ?? "0");
  const members = ids.map((id) => {
    const m = model.members[id]!;
    const series = (s: Series) => ({ expected: months.map((x, t) => seriesYuan(s, t, x.month)), noise: s.noise });
    return {
      contributions: series(m.contributions),
      benefits: series(m.benefits),
      ...(m.accidents ? { accidents: accidentPlan(m.accidents) } : {}),
      remittanceRate: m.remittanceRate,
      priorYearIncome: fen(m.opening.priorYearIncome),
      yearToDateIncome: fen(m.opening.yearToDateIncome),
    };
  });
  return { ids, rho: model.correlation, startYear: yearOf(model.start), months, members };
}

/** A parsed opening (decimals) back to plain JSON values. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isDecimalInstance(v) ? v.toFixed() : v]));
}

/** One month of a drawn run, in integer fen (each a safe integer ≥ 0), members in the policy's order. @internal */
export interface DrawnPeriod {
  period: Period;
  income: number[];
  expenditure: number[];
  /** Major-accident claims on the pool, in the order drawn. */
  claims: { member: string; fen: number }[];
  /** In June when the policy has no provincial rule: each member's remittance. */
  remittances?: number[];
}

/**
 * Draws one run's months of a plan: every member's contributions, benefits,
 * accidents and (in June, when the policy has no provincial rule) remittance,
 * in integer fen. The draws are taken in a
 * fixed order (month by month; the common factors, then each member in the
 * policy's order: contributions, benefits, accident count, severities), so a
 * run's months depend only on the model, the policy, the horizon and its generator.
 * @internal
 */
export function drawPeriods(plan: DrawPlan, rng: Rng): DrawnPeriod[] {
  const { ids, rho, startYear } = plan;
  const periods: DrawnPeriod[] = [];
  // contributions by calendar year, in fen (the start year's months before the start from the opening)
  const yearIncome = new Map<number, number[]>();
  plan.months.forEach(({ period, year, remit }, t) => {
    const commonC = rho > 0 ? normal(rng) : 0;
    const commonB = rho > 0 ? normal(rng) : 0;
    const incomes: number[] = [];
    const expenditures: number[] = [];
    const claims: { member: string; fen: number }[] = [];
    const income = yearIncome.get(year) ?? ids.map(() => 0);
    ids.forEach((id, i) => {
      const m = plan.members[i]!;
      const c = toFenNumber(m.contributions.expected[t]! * noiseFactor(m.contributions.noise, rng, commonC, rho));
      let b = toFenNumber(m.benefits.expected[t]! * noiseFactor(m.benefits.noise, rng, commonB, rho));
      if (m.accidents) {
        const n = poisson(rng, m.accidents.rate);
        for (let k = 0; k < n; k++) {
          const amount = toFenNumber(severityYuan(m.accidents, rng));
          if (amount === 0) continue;
          if (m.accidents.paidBy === "member") b = Math.min(b + amount, MAX_FEN);
          else claims.push({ member: id, fen: amount });
        }
      }
      income[i] = income[i]! + c;
      incomes.push(c);
      expenditures.push(b);
    });
    yearIncome.set(year, income);
    const drawn: DrawnPeriod = { period, income: incomes, expenditure: expenditures, claims };
    if (remit) {
      drawn.remittances = plan.members.map((m, i) => {
        let prior: bigint;
        if (year === startYear) prior = m.priorYearIncome;
        else {
          const drawnIncome = yearIncome.get(year - 1)?.[i] ?? 0;
          prior = BigInt(drawnIncome) + (year - 1 === startYear ? m.yearToDateIncome : 0n);
        }
        return m.remittanceRate === undefined ? 0 : Number(mulRoundFen(prior, m.remittanceRate));
      });
    }
    periods.push(drawn);
  });
  return periods;
}

/** The scenario's opening from the model: its start and each member's opening data, as plain JSON. @internal */
export function scenarioOpening(model: ParsedFlowModel, ids: readonly string[]): Scenario["opening"] {
  return {
    start: model.start as PeriodInput,
    members: Object.fromEntries(ids.map((id) => [id, plain(model.members[id]!.opening as unknown as Record<string, unknown>)])),
  } as Scenario["opening"];
}

/** Drawn months as a scenario's periods: money as two-decimal strings (the input form of `simulate`). @internal */
export function periodFlowsOf(drawn: readonly DrawnPeriod[], ids: readonly string[]): PeriodFlows[] {
  return drawn.map((d) => {
    const members: Record<string, MemberFlows> = {};
    ids.forEach((id, i) => {
      members[id] = { income: fenString(d.income[i]!), expenditure: fenString(d.expenditure[i]!) };
    });
    const flows: PeriodFlows = { period: d.period as PeriodInput, members };
    if (d.claims.length > 0) flows.majorAccidentClaims = d.claims.map((c) => ({ member: c.member, amount: fenString(c.fen) }));
    if (d.remittances) flows.provincialRemittances = Object.fromEntries(ids.map((id, i) => [id, fenString(d.remittances![i]!)]));
    return flows;
  });
}

/**
 * Draws one run's scenario (see {@link drawPeriods}) as a plain scenario for
 * `simulate`, which validates it.
 * @internal
 */
export function drawScenario(model: ParsedFlowModel, policy: Policy, ids: readonly string[], horizon: number, rng: Rng): Scenario {
  return { opening: scenarioOpening(model, ids), periods: periodFlowsOf(drawPeriods(drawPlan(model, policy, ids, horizon), rng), ids) } as Scenario;
}
