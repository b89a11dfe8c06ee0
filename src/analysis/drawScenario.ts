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

function seriesYuan(series: Series, t: number, month: number): number {
  const base = series.base.toNumber();
  const season = series.seasonality?.[month - 1] ?? 1;
  return base * (1 + series.trend) ** (t / 12) * season;
}

function severityYuan(model: NonNullable<ParsedFlowModel["members"][string]["accidents"]>, rng: Rng): number {
  const s = model.severity;
  const cap = model.cap?.toNumber() ?? DEFAULT_CAP;
  let x: number;
  if (s.family === "fixed") x = s.amount.toNumber();
  else if (s.family === "lognormal") x = logNormal(normal(rng), s.median.toNumber(), s.sigma);
  else x = pareto(rng, s.scale.toNumber(), s.shape);
  return Math.min(x, cap);
}

/** A parsed opening (decimals) back to plain JSON values. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isDecimalInstance(v) ? v.toFixed() : v]));
}

/**
 * Draws one run's scenario: `horizon` months from the model's start, every
 * member's contributions, benefits, accidents and (in June, when the policy has
 * no provincial rule) remittance. The draws are taken in a fixed order (month
 * by month; the common factors, then each member in the policy's order:
 * contributions, benefits, accident count, severities), so a run's scenario
 * depends only on the model, the policy, the horizon and its generator.
 * @internal
 */
export function drawScenario(model: ParsedFlowModel, policy: Policy, ids: readonly string[], horizon: number, rng: Rng): Scenario {
  const rho = model.correlation;
  const periods: PeriodFlows[] = [];
  const startYear = yearOf(model.start);
  // contributions by calendar year, in fen (the start year's months before the start from the opening)
  const yearIncome = new Map<number, number[]>();
  let period: Period = model.start as Period;
  for (let t = 0; t < horizon; t++) {
    const month = monthOf(period);
    const year = yearOf(period);
    const commonC = rho > 0 ? normal(rng) : 0;
    const commonB = rho > 0 ? normal(rng) : 0;
    const members: Record<string, MemberFlows> = {};
    const claims: { member: string; amount: string }[] = [];
    const income = yearIncome.get(year) ?? ids.map(() => 0);
    ids.forEach((id, i) => {
      const m = model.members[id]!;
      const c = toFenNumber(seriesYuan(m.contributions, t, month) * noiseFactor(m.contributions.noise, rng, commonC, rho));
      let b = toFenNumber(seriesYuan(m.benefits, t, month) * noiseFactor(m.benefits.noise, rng, commonB, rho));
      if (m.accidents) {
        const n = poisson(rng, m.accidents.rate);
        for (let k = 0; k < n; k++) {
          const amount = toFenNumber(severityYuan(m.accidents, rng));
          if (amount === 0) continue;
          if (m.accidents.paidBy === "member") b = Math.min(b + amount, MAX_FEN);
          else claims.push({ member: id, amount: fenString(amount) });
        }
      }
      income[i] = income[i]! + c;
      members[id] = { income: fenString(c), expenditure: fenString(b) };
    });
    yearIncome.set(year, income);
    const flows: PeriodFlows = { period: period as PeriodInput, members };
    if (claims.length > 0) flows.majorAccidentClaims = claims;
    if (month === 6 && paramsAt(policy, period).provincialReserve.value.rule === undefined) {
      const remittances: Record<string, string> = {};
      ids.forEach((id, i) => {
        const m = model.members[id]!;
        const rate = m.remittanceRate;
        let prior: bigint;
        if (year === startYear) prior = BigInt(m.opening.priorYearIncome?.times(100).toFixed(0) ?? "0");
        else {
          const drawn = yearIncome.get(year - 1)?.[i] ?? 0;
          const before = year - 1 === startYear ? BigInt(m.opening.yearToDateIncome?.times(100).toFixed(0) ?? "0") : 0n;
          prior = BigInt(drawn) + before;
        }
        const fen = rate === undefined ? 0n : mulRoundFen(prior, rate);
        remittances[id] = fenString(Number(fen));
      });
      flows.provincialRemittances = remittances;
    }
    periods.push(flows);
    period = nextPeriod(period);
  }
  return {
    opening: {
      start: model.start as PeriodInput,
      members: Object.fromEntries(ids.map((id) => [id, plain(model.members[id]!.opening as unknown as Record<string, unknown>)])),
    },
    periods,
  } as Scenario;
}
