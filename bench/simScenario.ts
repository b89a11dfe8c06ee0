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
