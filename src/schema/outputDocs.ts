/**
 * The doc comments of the result types' fields (`Levy`, `LevyTotals`, …),
 * generated from their TSDoc by scripts/field-docs.ts: do not edit (run
 * `npx tsx scripts/field-docs.ts` after changing a doc comment). The JSON
 * Schemas describe each output field in these words.
 *
 * @module
 */

/** `Interface.field` → the field's doc comment. @internal */
export const OUTPUT_FIELD_DOCS: Readonly<Record<string, string>> = Object.freeze({
  "Levy.employerId": "The caller's identifier of the employer (单位编号), echoed from the input; absent when none was given.",
  "Levy.period": "The month the contributions are for (费款所属期), `YYYY-MM`; its rules are those in force on its first day.",
  "Levy.industryClass": "The industry class (行业类别), 1 (lowest risk) to 8, which sets the base rate (二（一）).",
  "Levy.payroll": "The wage base (缴费工资总额) in yuan, as given, or the clamped sum of `employees`; never rounded.",
  "Levy.baseRate": "The class's base rate (行业基准费率), a fraction of payroll: the policy's table for the period (二（一）).",
  "Levy.floatMultiplier": "The employer's floating multiplier (浮动费率档次), a tier of its class's ladder (二（一）; 人社部发〔2015〕71号); 1 when not given.",
  "Levy.floatedRate": "`baseRate × floatMultiplier`, exact: the rate before the phased cut (二（一）).",
  "Levy.cutFraction": "The city-wide phased cut (降费比例) applied, a fraction in [0, 1); 0 outside the 2020-05..2021-04 window (二（一）).",
  "Levy.cutSource":
    "Where `cutFraction` came from: `outsideWindow` (0), `policy` (fixed by the policy), `caller` (given), `reserveMonths` (from `cityReserveMonths` through the national bands).",
  "Levy.ownCutFraction":
    "The cut the employer's own district would qualify for (本地区降费比例), or null when neither `ownCutFraction` nor `ownReserveMonths` was given (二（三）).",
  "Levy.ownCutSource": "Where `ownCutFraction` came from; `notGiven`: no gap is attributed to the city-wide cut (`syncInducedRelief` 0).",
  "Levy.effectiveRate": "`floatedRate × (1 − cutFraction)`, exact: the rate charged (二（一）).",
  "Levy.premiumBeforeCut": "What the period would cost without the cut, in yuan: `round_fen(payroll × floatedRate)`, half-up to the fen.",
  "Levy.premium": "The premium after the cut, in yuan: `round_fen(payroll × effectiveRate)`, half-up to the fen (二（一）).",
  "Levy.cutRelief": "The revenue the cut gives up (降费减收额), in yuan: `premiumBeforeCut − premium`.",
  "Levy.syncInducedRelief":
    "The gap the city-wide cut causes the employer's district (同步降费减收额, 二（三）), in yuan: `round_fen(payroll × floatedRate × (1 − ownCutFraction)) − premium` when the own cut is smaller, else 0.",
  "Levy.reliefFraction":
    "The fraction of the premium a relief overlay waives, in [0, 1]; 0 when no overlay applies (the overlays are opt-in, beyond the document).",
  "Levy.reliefWaived": "The premium waived by a relief overlay, in yuan: `round_fen(premium × reliefFraction)`; 0.00 without one.",
  "Levy.premiumDue": "What the employer is billed, in yuan: `premium − reliefWaived` (equal to `premium` without a relief overlay).",
  "Levy.citations": "The clauses the figures rest on, each with its document and clause (e.g. 苏府办〔2020〕86号 二（一）).",
  "Levy.policy": "The policy that produced the figures: its `id`, `version` and SHA-256 `hash`.",
  "Levy.library": "The library that produced them: `{ name, version }`.",
  "Levy.warnings": "`POLICY_NOT_REVIEWED_FOR_PERIOD` when the period is after the policy's `reviewedThrough`; absent otherwise.",
  "LevyTotals.payroll": "Sum of the wage bases (缴费工资总额) in yuan (every digit kept: two decimals when in whole fen).",
  "LevyTotals.premiumBeforeCut": "Sum of the items' `premiumBeforeCut`, in yuan, exact (each item rounded once to the fen).",
  "LevyTotals.premium": "Sum of the items' `premium` (after the cut, 二（一）), in yuan, exact.",
  "LevyTotals.cutRelief": "Sum of the items' `cutRelief` (降费减收额), in yuan, exact.",
  "LevyTotals.syncInducedRelief": "Sum of the items' `syncInducedRelief` (同步降费减收额, 二（三）), in yuan, exact.",
  "LevyTotals.reliefWaived": "Sum of the items' `reliefWaived` (relief overlays only), in yuan, exact.",
  "LevyTotals.premiumDue": "Sum of the items' `premiumDue`: what the batch bills, in yuan, exact.",
  "LevyTotals.policy": "The policy that produced the figures: its `id`, `version` and `hash`.",
  "LevyTotals.library": "The library that produced them: `{ name, version }`.",
});
