/** A one-member policy and models with known answers, for the stress test's tests. */
import { definePolicy, SUZHOU_2020 } from "../../src/index.js";
import type { FlowModel } from "../../src/schemas.js";

const json = JSON.parse(JSON.stringify(SUZHOU_2020));
json.id = "one-member-test";
json.members[0].value = [{ id: "solo", nameZh: "单一统筹地区", nameEn: "Solo" }];
// no floor to top up and no extraction: the member's fund is a pure random walk
json.poolFloor[0].value.months = "0";
json.opening[0].value.extractionRate = "0";
/** SUZHOU_2020 with one member, no pool floor and no opening extraction. */
export const ONE_MEMBER_POLICY = definePolicy(json);

const yuan = (units: number, a: number) => `${units * a}.00`;

/** Net monthly flow +a with probability p, −a with 1 − p, starting at k·a. */
export function randomWalkModel(p: number, k: number, a = 100): FlowModel {
  return {
    start: "2020-05",
    correlation: 0,
    members: {
      solo: {
        opening: { priorYearBalance: yuan(k, a), priorYearExpenditure: yuan(12, a), currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
        contributions: { base: yuan(1, a), trend: 0, noise: { family: "none" } },
        // benefits 2a with probability 1 − p, else 0: the net flow is −a or +a
        benefits: { base: yuan(1, a), trend: 0, noise: { family: "twoPoint", low: 0, high: 2, pHigh: 1 - p } },
      },
    },
  };
}

/** Net monthly flow +c, less Poisson(λ) accidents of size s a month paid by the member, starting at k. */
export function poissonModel(c: number, s: number, lambda: number, k: number): FlowModel {
  return {
    start: "2020-05",
    correlation: 0,
    members: {
      solo: {
        opening: { priorYearBalance: `${k}.00`, priorYearExpenditure: "1200.00", currentSurplus: "0.00", yearToDateExpenditure: "0.00" },
        contributions: { base: `${c}.00`, trend: 0, noise: { family: "none" } },
        benefits: { base: "0.00", trend: 0, noise: { family: "none" } },
        accidents: { rate: lambda, severity: { family: "fixed", amount: `${s}.00` }, paidBy: "member" },
      },
    },
  };
}

/** P(the walk from k, steps +1 w.p. p and −1 w.p. 1 − p, goes below 0 within T steps), by dynamic programming. */
export function ruinRandomWalk(p: number, k: number, T: number): number {
  let alive = new Map<number, number>([[k, 1]]);
  let ruined = 0;
  for (let t = 0; t < T; t++) {
    const next = new Map<number, number>();
    for (const [x, w] of alive) {
      for (const [y, q] of [
        [x + 1, p],
        [x - 1, 1 - p],
      ] as const) {
        if (y < 0) ruined += w * q;
        else next.set(y, (next.get(y) ?? 0) + w * q);
      }
    }
    alive = next;
  }
  return ruined;
}

/** P(k + c·t − s·N_t < 0 for some month t ≤ T), N a Poisson process of rate λ a month, by dynamic programming. */
export function ruinPoisson(c: number, s: number, lambda: number, k: number, T: number): number {
  const pmf: number[] = [];
  let term = Math.exp(-lambda);
  for (let n = 0; n < 60; n++) {
    pmf.push(term);
    term *= lambda / (n + 1);
  }
  let alive = new Map<number, number>([[k, 1]]);
  let ruined = 0;
  for (let t = 0; t < T; t++) {
    const next = new Map<number, number>();
    for (const [x, w] of alive) {
      pmf.forEach((q, n) => {
        const y = x + c - s * n;
        if (y < 0) ruined += w * q;
        else next.set(y, (next.get(y) ?? 0) + w * q);
      });
    }
    alive = next;
  }
  return ruined;
}
