/**
 * A scenario as the engine reads it: validated once, its flows' money in fen.
 *
 * The validation is the scenario's zod schema, whose verdict is the only one:
 * a scenario written the way the engine writes money (`"1234.50"`: two
 * decimals, no sign, no leading zero, below 10^15) is read by a checked fast
 * path that accepts only what the schema accepts and gives the same figures;
 * any other form of a figure goes through the figure's own schema (decimal.js),
 * any other shape of a period through the period's schema, and anything the
 * fast path does not accept is parsed by the whole schema, so that an error is
 * reported exactly as the schema reports it (code, path, message).
 *
 * @module
 */
import type * as z from "zod";
import type { LevyInputSchema } from "../levy/schema.js";
import { type Dec, type Fen, toFen } from "../money.js";
import { moneyField, PERIOD_RE } from "../schema/fields.js";
import { isReservedName } from "../schema/names.js";
import { parseInput } from "../schema/parse.js";
import { PeriodFlowsSchema, ScenarioOpeningSchema, ScenarioSchema, SettlementOptionsSchema } from "./schema.js";

/** A member's flows of a period, money in fen. @internal */
export interface EngineMemberFlows {
  income?: Fen | undefined;
  expenditure: Fen;
  cutRelief?: Fen | undefined;
  syncInducedRelief?: Fen | undefined;
  levies?: z.output<typeof LevyInputSchema>[] | undefined;
}

/** A period's flows, money in fen. @internal */
export interface EngineFlows {
  period: string;
  members: Record<string, EngineMemberFlows>;
  majorAccidentClaims?: { member: string; amount: Fen; note?: string | undefined }[] | undefined;
  provincialRemittances?: Record<string, Fen> | undefined;
  lastPeriod?: boolean | undefined;
}

/** A validated scenario, its flows' money in fen. @internal */
export type EngineScenario = Omit<z.output<typeof ScenarioSchema>, "periods"> & { periods: EngineFlows[] };

const fenOrUndefined = (value: Dec | undefined): Fen | undefined => (value === undefined ? undefined : toFen(value));

/** A period's flows as the schema gives them (decimals) in fen. @internal */
export function flowsInFen(flows: z.output<typeof PeriodFlowsSchema>): EngineFlows {
  const members: Record<string, EngineMemberFlows> = {};
  for (const [id, m] of Object.entries(flows.members)) {
    members[id] = {
      income: fenOrUndefined(m.income),
      expenditure: toFen(m.expenditure),
      cutRelief: fenOrUndefined(m.cutRelief),
      syncInducedRelief: fenOrUndefined(m.syncInducedRelief),
      levies: m.levies,
    };
  }
  const out: EngineFlows = { period: flows.period, members };
  if (flows.majorAccidentClaims !== undefined) out.majorAccidentClaims = flows.majorAccidentClaims.map((c) => ({ ...c, amount: toFen(c.amount) }));
  if (flows.provincialRemittances !== undefined) {
    const remittances: Record<string, Fen> = {};
    for (const [id, amount] of Object.entries(flows.provincialRemittances)) remittances[id] = toFen(amount);
    out.provincialRemittances = remittances;
  }
  if (flows.lastPeriod !== undefined) out.lastPeriod = flows.lastPeriod;
  return out;
}

/** The schema's own fast form of money (see `moneyField`): read without a decimal. */
const PLAIN_MONEY = /^(?:0|[1-9]\d{0,14})\.\d\d$/;
const MONEY = moneyField({ fen: true });

/** zod's own flag, as `parseInput` passes it: stop at the first problem (a huge bad input costs one item's work). */
const FIRST_PROBLEM = { abortEarly: true } as z.core.ParseContext<z.core.$ZodIssue>;

/** Thrown inside the fast path when it declines: the whole schema then decides. */
const DECLINE = Symbol("decline");

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Only `allowed` keys, none reserved. */
function checkKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(value)) if (!allowed.has(key) || isReservedName(key)) throw DECLINE;
}

/** A money figure (≥ 0, whole fen) in fen: the plain form directly, any other through the figure's schema. */
function money(value: unknown): Fen {
  if (typeof value === "string" && PLAIN_MONEY.test(value)) return BigInt(value.slice(0, -3) + value.slice(-2));
  const parsed = MONEY.safeParse(value, FIRST_PROBLEM);
  if (!parsed.success) throw DECLINE;
  return toFen(parsed.data);
}

function optionalMoney(value: unknown): Fen | undefined {
  return value === undefined ? undefined : money(value);
}

const MEMBER_KEYS = new Set(["income", "expenditure", "cutRelief", "syncInducedRelief", "levies"]);
const PERIOD_KEYS = new Set(["period", "members", "majorAccidentClaims", "provincialRemittances", "lastPeriod"]);
const CLAIM_KEYS = new Set(["member", "amount", "note"]);
const SCENARIO_KEYS = new Set(["name", "description", "opening", "periods", "options", "restatements"]);

/** A period read by the fast path, or through the period's schema when it has levy records or any unusual form. */
function fastFlows(value: unknown): EngineFlows {
  if (!isPlainObject(value)) throw DECLINE;
  checkKeys(value, PERIOD_KEYS);
  const { period, members, majorAccidentClaims, provincialRemittances, lastPeriod } = value;
  if (typeof period !== "string" || !PERIOD_RE.test(period) || !isPlainObject(members)) throw DECLINE;
  const out: EngineFlows = { period, members: {} };
  for (const id of Object.keys(members)) {
    const m = members[id];
    if (isReservedName(id) || !isPlainObject(m)) throw DECLINE;
    checkKeys(m, MEMBER_KEYS);
    if (m.levies !== undefined) return slowFlows(value);
    out.members[id] = {
      income: optionalMoney(m.income),
      expenditure: money(m.expenditure),
      cutRelief: optionalMoney(m.cutRelief),
      syncInducedRelief: optionalMoney(m.syncInducedRelief),
      levies: undefined,
    };
  }
  if (majorAccidentClaims !== undefined) {
    if (!Array.isArray(majorAccidentClaims)) throw DECLINE;
    out.majorAccidentClaims = [];
    for (let i = 0; i < majorAccidentClaims.length; i++) {
      const c: unknown = majorAccidentClaims[i];
      if (!isPlainObject(c)) throw DECLINE;
      checkKeys(c, CLAIM_KEYS);
      if (typeof c.member !== "string" || c.member.length === 0 || (c.note !== undefined && typeof c.note !== "string")) throw DECLINE;
      const claim: { member: string; amount: Fen; note?: string } = { member: c.member, amount: money(c.amount) };
      if (Object.hasOwn(c, "note")) claim.note = c.note as string;
      out.majorAccidentClaims.push(claim);
    }
  }
  if (provincialRemittances !== undefined) {
    if (!isPlainObject(provincialRemittances)) throw DECLINE;
    const remittances: Record<string, Fen> = {};
    for (const id of Object.keys(provincialRemittances)) {
      if (isReservedName(id)) throw DECLINE;
      remittances[id] = money(provincialRemittances[id]);
    }
    out.provincialRemittances = remittances;
  }
  if (lastPeriod !== undefined) {
    if (typeof lastPeriod !== "boolean") throw DECLINE;
    out.lastPeriod = lastPeriod;
  }
  return out;
}

/** A period through the period's schema (levy records, unusual forms). */
function slowFlows(value: unknown): EngineFlows {
  const parsed = PeriodFlowsSchema.safeParse(value, FIRST_PROBLEM);
  if (!parsed.success) throw DECLINE;
  return flowsInFen(parsed.data);
}

/** The fast path, or `undefined` when it declines. */
function fastScenario(scenario: unknown): EngineScenario | undefined {
  if (!isPlainObject(scenario)) return undefined;
  try {
    checkKeys(scenario, SCENARIO_KEYS);
    const { name, description, opening, periods, options, restatements } = scenario;
    if ((name !== undefined && typeof name !== "string") || (description !== undefined && typeof description !== "string")) return undefined;
    // restatements are rare and replayed: the whole schema reads them
    if (restatements !== undefined || !Array.isArray(periods) || periods.length === 0) return undefined;
    const parsedOpening = ScenarioOpeningSchema.safeParse(opening, FIRST_PROBLEM);
    if (!parsedOpening.success) return undefined;
    const parsedOptions = options === undefined ? undefined : SettlementOptionsSchema.safeParse(options, FIRST_PROBLEM);
    if (parsedOptions !== undefined && !parsedOptions.success) return undefined;
    const engineFlows: EngineFlows[] = new Array(periods.length);
    for (let i = 0; i < periods.length; i++) engineFlows[i] = fastFlows(periods[i]);
    const out: EngineScenario = { opening: parsedOpening.data, periods: engineFlows };
    if (Object.hasOwn(scenario, "name")) out.name = name as string | undefined;
    if (Object.hasOwn(scenario, "description")) out.description = description as string | undefined;
    if (parsedOptions !== undefined) out.options = parsedOptions.data;
    return out;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/**
 * A scenario validated once and read for the engine: the fast path when it applies, else the whole schema.
 * @throws PoolingError the input codes of the scenario's schema, as it reports them.
 * @internal
 */
export function parseScenario(scenario: unknown): EngineScenario {
  const fast = fastScenario(scenario);
  if (fast !== undefined) return fast;
  const parsed = parseInput(ScenarioSchema, scenario);
  return { ...parsed, periods: parsed.periods.map(flowsInFen) };
}
