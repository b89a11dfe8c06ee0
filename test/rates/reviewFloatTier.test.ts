import { describe, expect, it } from "vitest";
import { reviewFloatTier } from "../../src/index.js";
import { expectPoolingError } from "../helpers.js";

/** The illustrative table of docs/guide.en.md (not a default of the library). */
const BANDS = [{ payoutRatioBelow: "0.5", steps: -1 }, { payoutRatioBelow: "1", steps: 0 }, { payoutRatioBelow: "1.5", steps: 1 }, { steps: 2 }];

describe("reviewFloatTier (R2: indicator-based review by a caller's table)", () => {
  it("takes the first band whose bounds hold", () => {
    expect(reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "0.3" }, bands: BANDS })).toMatchObject({
      multiplier: "0.8",
      steps: -1,
      moved: -1,
      band: 0,
    });
    expect(reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "0.5" }, bands: BANDS })).toMatchObject({ multiplier: "1", band: 1 });
    expect(reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "1.49" }, bands: BANDS }).multiplier).toBe("1.2");
    expect(reviewFloatTier({ industryClass: 3, current: "0.8", indicators: { payoutRatio: "3" }, bands: BANDS }).multiplier).toBe("1.2");
  });
  it("bands may bound the accident rate too", () => {
    const bands = [{ payoutRatioBelow: "0.5", accidentRateBelow: "0.001", steps: -2 }, { steps: 0 }];
    expect(reviewFloatTier({ industryClass: 4, current: "1", indicators: { payoutRatio: "0.2", accidentRate: "0.0005" }, bands }).multiplier).toBe("0.5");
    expect(reviewFloatTier({ industryClass: 4, current: "1", indicators: { payoutRatio: "0.2", accidentRate: "0.002" }, bands }).multiplier).toBe("1");
    expect(reviewFloatTier({ industryClass: 4, current: "1", indicators: { payoutRatio: "0.2" }, bands }).multiplier).toBe("1");
  });
  it("leaving the ladder is an error unless the caller opts to stay at its end", () => {
    expectPoolingError(() => reviewFloatTier({ industryClass: 1, current: "1", indicators: { payoutRatio: "0.1" }, bands: BANDS }), "TIER_OUT_OF_RANGE", [
      "bands",
      0,
      "steps",
    ]);
    expect(reviewFloatTier({ industryClass: 1, current: "1", indicators: { payoutRatio: "0.1" }, bands: BANDS, atLadderEnd: "stay" })).toMatchObject({
      multiplier: "1",
      steps: -1,
      moved: 0,
    });
    expect(reviewFloatTier({ industryClass: 3, current: "1.2", indicators: { payoutRatio: "9" }, bands: BANDS, atLadderEnd: "stay" })).toMatchObject({
      multiplier: "1.5",
      moved: 1,
    });
  });
  it("refuses a table with no matching band, moves beyond two tiers, and bad indicators", () => {
    expectPoolingError(
      () => reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "2" }, bands: BANDS.slice(0, 3) }),
      "NO_MATCHING_BAND",
      ["bands"],
    );
    expectPoolingError(
      () => reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "2" }, bands: [{ steps: 3 }] }),
      "TIER_STEP_TOO_LARGE",
      ["bands", 0, "steps"],
    );
    expectPoolingError(() => reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "-1" }, bands: BANDS }), "INVALID_NUMBER", [
      "indicators",
      "payoutRatio",
    ]);
    expectPoolingError(() => reviewFloatTier({ industryClass: 3, current: "1", indicators: { payoutRatio: "1" }, bands: [] }), "INVALID_TYPE", ["bands"]);
    expectPoolingError(() => reviewFloatTier({ industryClass: 1, current: "0.8", indicators: { payoutRatio: "1" }, bands: BANDS }), "INVALID_MULTIPLIER", [
      "current",
    ]);
  });
});
