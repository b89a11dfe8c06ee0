/**
 * A member's gap walked through the coverage order of 二（三）: this year's
 * surplus, the carried balance, the pool's grant for the gap the city-wide
 * cut caused, a subsidy with its 20% clawback, and what stays a deficit.
 * Run: npx tsx examples/deficit.ts
 */
import { coverDeficit, explain } from "suzhou-wi-pooling";

// The rules' worked example (R8): a gap of 500, 100 of surplus, nothing carried, 150 of sync-induced relief, a pool with 1,000.
const coverage = coverDeficit({
  gap: "500.00",
  currentSurplus: "100.00",
  cumulativeBalance: "0.00",
  syncInducedRelief: "150.00",
  poolAvailable: "1000.00",
});
console.log(explain(coverage, { lang: "zh" }).text);

// The same gap when the member does not claim the subsidy (二（三） "可申请"): the rest is a recorded deficit.
const unclaimed = coverDeficit({
  gap: "500.00",
  currentSurplus: "100.00",
  cumulativeBalance: "0.00",
  syncInducedRelief: "150.00",
  poolAvailable: "1000.00",
  claimSubsidy: false,
});
console.log(`without claiming: grant ${unclaimed.poolGrant}, subsidy ${unclaimed.poolSubsidy}, uncovered ${unclaimed.uncovered}`);
