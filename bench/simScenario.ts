/**
 * The generated `simulate` scenario of the bench (and of the speed checks of
 * issue 11): `members` members over `months` months from 2020-05, seeded by
 * the number of members.
 */

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The policy JSON (SUZHOU_2020's, given) with `members` members m0, m1, …, to pass to `definePolicy`. */
export function simPolicyJson(base: unknown, members: number): unknown {
  const json = JSON.parse(JSON.stringify(base));
  // altered data under a version of its own (a built-in id and version with other data is refused)
  json.version = `${json.version}-bench-${members}`;
  json.members[0].value = Array.from({ length: members }, (_, i) => ({ id: `m${i}`, nameZh: `m${i}`, nameEn: `m${i}` }));
  return json;
}

/** The scenario (plain JSON) of `members` members over `months` months. */
export function simScenario(members: number, months: number) {
  const ids = Array.from({ length: members }, (_, i) => `m${i}`);
  const rnd = prng(members);
  const periods: Record<string, unknown>[] = [];
  let y = 2020;
  let m = 5;
  for (let k = 0; k < months; k++) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    const flows: Record<string, unknown> = {
      period,
      members: Object.fromEntries(
        ids.map((id) => [
          id,
          { income: `${900000 + Math.floor(rnd() * 300000)}.00`, expenditure: `${900000 + Math.floor(rnd() * 300000)}.00`, syncInducedRelief: "100000.00" },
        ]),
      ),
    };
    if (m === 6) flows.provincialRemittances = Object.fromEntries(ids.map((id) => [id, "20000.00"]));
    if (k % 17 === 5) flows.majorAccidentClaims = [{ member: ids[k % members]!, amount: "3000000.00" }];
    periods.push(flows);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const opening = {
    start: "2020-05",
    members: Object.fromEntries(
      ids.map((id, i) => [
        id,
        { priorYearBalance: `${(i % 7) * 3000000}.00`, priorYearExpenditure: "12600000.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
      ]),
    ),
  };
  return { opening, periods };
}

/**
 * A starved pool: three members in deficit every month, nothing to top up
 * with; grants and subsidies claimed each month pile up unpaid.
 */
export function starvedScenario(months: number) {
  const periods: Record<string, unknown>[] = [];
  let y = 2020;
  let m = 5;
  for (let i = 0; i < months; i++) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    const members = {
      a: { income: "100.00", expenditure: "1000.00", syncInducedRelief: "200.00" },
      b: { income: i % 7 === 0 ? "5000.00" : "0.00", expenditure: "800.00", syncInducedRelief: "0.00" },
      c: { income: "300.00", expenditure: "700.00", syncInducedRelief: "50.00" },
    };
    const june = m === 6 ? { provincialRemittances: { a: "10.00", b: "10.00", c: "10.00" } } : {};
    periods.push({ period, members, ...june, ...(i % 11 === 3 ? { majorAccidentClaims: [{ member: "a", amount: "900.00" }] } : {}) });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const zero = { priorYearBalance: "0.00", priorYearExpenditure: "0.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" };
  return { opening: { start: "2020-05", members: { a: zero, b: zero, c: zero } }, periods, options: { claimSubsidy: true } };
}

/** The three-member policy JSON (a, b, c) of the starved scenario, from SUZHOU_2020's (given). */
export function starvedPolicyJson(base: unknown): unknown {
  const json = JSON.parse(JSON.stringify(base));
  json.id = "trio-starved";
  json.members[0].value = ["a", "b", "c"].map((id) => ({ id, nameZh: id, nameEn: id }));
  return json;
}

/**
 * The deficit-heavy scenario: `members` members over `months` months from
 * 2020-05, every member in deficit about half the months (so that the pool
 * pays cut-gap grants and subsidies every month, the 20% charges settle each
 * year, and major accidents claim on the pool), seeded by `seed`.
 */
export function deficitScenario(members: number, months: number, seed = 7) {
  const ids = Array.from({ length: members }, (_, i) => `m${i}`);
  const rnd = prng(seed * 1_000_003 + members);
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
  const periods: Record<string, unknown>[] = [];
  let y = 2020;
  let m = 5;
  for (let k = 0; k < months; k++) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    const flows: Record<string, unknown> = {
      period,
      members: Object.fromEntries(
        ids.map((id) => {
          const income = 80_000_000 + Math.floor(rnd() * 40_000_000);
          // about half the months in deficit: the expenditure is above or below the income by up to 30%
          const deficit = rnd() < 0.5;
          const spread = Math.floor(rnd() * 0.3 * income);
          const expenditure = deficit ? income + spread : income - spread;
          return [id, { income: yuan(income), expenditure: yuan(expenditure), syncInducedRelief: yuan(Math.floor(income * 0.05)) }];
        }),
      ),
    };
    if (m === 6) flows.provincialRemittances = Object.fromEntries(ids.map((id) => [id, yuan(1_000_000 + Math.floor(rnd() * 1_000_000))]));
    if (rnd() < 0.3) flows.majorAccidentClaims = [{ member: ids[Math.floor(rnd() * members)]!, amount: yuan(50_000_000 + Math.floor(rnd() * 200_000_000)) }];
    periods.push(flows);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const opening = {
    start: "2020-05",
    members: Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          priorYearBalance: yuan((i % 5) * 20_000_000),
          priorYearExpenditure: yuan(1_200_000_000),
          currentSurplus: "0.00",
          yearToDateExpenditure: "0.00",
        },
      ]),
    ),
  };
  return { opening, periods };
}
