/**
 * The parameters and the clauses a settled period used (R14): the versions in
 * force in the period, as the policy writes them, and the citations of its
 * steps. Part of a period's report (see `PeriodReport`).
 *
 * @module
 */
import * as z from "zod";
import { CitationSchema } from "../policy/citation.js";
import { ResultDecimalSchema, ResultRateSchema } from "../schema/resultFields.js";

/**
 * zod schema of the parameters a settled period used: the versions in force
 * in the period, as the policy writes them (decimal strings).
 */
export const PeriodParametersSchema = z
  .object({
    /** R9: the clawback rate in force in the period (e.g. `"0.2"`). */
    clawbackRate: ResultRateSchema,
    /** R7: the pool floor's months of city-district payouts in force in the period (e.g. `"3"`). */
    poolFloorMonths: ResultDecimalSchema,
    /** R5: the opening extraction rate (of the opening's version, e.g. `"0.1"`). */
    openingExtractionRate: ResultRateSchema,
    /** R5: the year whose year-end balance is the extraction's base (e.g. `2019`). */
    openingBalanceYear: z.number().int(),
    /** R9: 市本级's clawback: `"none"` (its government is municipal finance: it owes none) or a split, fiscal account name → weight (a fraction; 苏州: `gusu` 姑苏区, `snd` 苏州高新区), by which those accounts bear 市本级's clawback. */
    clawbackMunicipal: z.union([
      z.literal("none"),
      z
        .object({
          /** Fiscal account name → weight (a fraction; the weights sum to 1), by which those accounts bear 市本级's clawback (R9, 二（三）). */
          split: z.record(z.string(), ResultRateSchema),
        })
        .strict(),
    ]),
    /** R7: the top-up schedule in force (`"monthEnd"`, `"yearly"` or `"monthly"`). */
    topUpSchedule: z.enum(["monthEnd", "yearly", "monthly"]),
    /** R7 (0.7): the months a `"monthEnd"` top-up restores (the floor's months unless `topUp.targetMonths`). */
    topUpTargetMonths: ResultDecimalSchema,
    /** R7: whether the pool is also topped up when it cannot pay a period's claims. */
    topUpWhenShort: z.boolean(),
    /** R10: the order the pool pays its classes of claims (the library's default, not the document's). */
    priority: z.array(z.enum(["majorAccident", "cutGapGrant", "subsidy", "recordedDeficit"])),
    /** R5: whether the opening deficits are covered by the pool. */
    coverOpeningDeficits: z.boolean(),
    /** R5 (0.7): whether covering an opening deficit carries the 20% of 二（三） (`opening.deficitCoverageCharged`; default false). */
    deficitCoverageCharged: z.boolean(),
    /** R5, R6 (0.7): an extraction or remittance a fund cannot pay: `"owed"` (应上解未上解, default) or `"subsidy"` (the 0.6 reading). */
    unpaidTransfers: z.enum(["owed", "subsidy"]),
    /** R8: whether the year's grants and subsidies are trued up at year end (`deficitCoverage.yearEndTrueUp`). */
    yearEndTrueUp: z.boolean(),
    /**
     * R11 (0.5): where each warning band comes from (only `critical`, below the 3-month pool floor, is the
     * document's; the others are the library's defaults), e.g. `"critical from 0 months: document; warning
     * from 3 months: library default; …"`. These are the pool's: its floor is the document's 3 months.
     */
    riskBandsSource: z.string(),
    /**
     * R11 (0.7): the same for the members' funds: every band a library default (the document's 3 months is
     * the pool's floor, not a member's band).
     */
    memberRiskBandsSource: z.string(),
  })
  .strict();

/**
 * zod schema of the clauses a settled period's steps cite, from the policy
 * versions in force (so that `explain` cites what the figures used).
 */
export const PeriodCitationsSchema = z
  .object({
    /** The clause cited for the opening: the 10% extraction and the legacy funds (二（二）): `{ doc, clause, note }`. */
    opening: CitationSchema,
    /** The clause cited for the provincial reserve remittance, due by 06-20 (二（二）): `{ doc, clause, note }`. */
    provincialRemittance: CitationSchema,
    /** The clause cited for a gap paid first from the member's own current surplus, then its balance (二（三）): `{ doc, clause, note }`. */
    localCoverage: CitationSchema,
    /** The clause cited for the cut-gap grant (二（三）): `{ doc, clause, note }`. */
    cutGapGrant: CitationSchema,
    /** The clause cited for the subsidy (二（三）): `{ doc, clause, note }`. */
    subsidy: CitationSchema,
    /** The clause cited for covering a recorded deficit (二（二）): `{ doc, clause, note }`. */
    recordedDeficit: CitationSchema,
    /** The clause cited for major-accident benefits paid by the pool (二（二）): `{ doc, clause, note }`. */
    majorAccident: CitationSchema,
    /** The clause cited for the pool's 3-month floor (二（二）): `{ doc, clause, note }`. */
    poolFloor: CitationSchema,
    /** The clause cited for the members' top-up of the pool by their share of balances (二（二）): `{ doc, clause, note }`. */
    topUp: CitationSchema,
    /** The clause cited for when the pool is topped up (the library's reading of 二（二）): `{ doc, clause, note }`. */
    topUpSchedule: CitationSchema,
    /** The clause cited for the order the pool pays its classes of claims (a library default): `{ doc, clause, note }`. */
    priority: CitationSchema,
    /** The clause cited for the 20% clawback of subsidies (二（三）): `{ doc, clause, note }`. */
    clawback: CitationSchema,
    /** R8: the year-end true-up's clause (the subsidy clause when the policy names none). */
    trueUp: CitationSchema,
  })
  .strict();
/** The clauses a settled period's steps cite. */
export type PeriodCitations = z.output<typeof PeriodCitationsSchema>;
/** The parameters a settled period used: the versions in force, as the policy writes them. */
export interface PeriodParameters {
  /** R9: the clawback rate in force in the period (e.g. `"0.2"`). */
  clawbackRate: string;
  /** R7: the pool floor's months in force in the period (e.g. `"3"`). */
  poolFloorMonths: string;
  /** R5: the opening extraction rate (of the opening's version, e.g. `"0.1"`). */
  openingExtractionRate: string;
  /** R5: the year whose year-end balance is the extraction's base (e.g. `2019`). */
  openingBalanceYear: number;
  /** R9: 市本级's clawback: `"none"` or a split, fiscal account name → weight (for 苏州: `gusu`, `snd`). */
  clawbackMunicipal: "none" | { split: Readonly<Record<string, string>> };
  /** R7: the top-up schedule in force. */
  topUpSchedule: "monthEnd" | "yearly" | "monthly";
  /** R7 (0.7): the months a `"monthEnd"` top-up restores. */
  topUpTargetMonths: string;
  /** R7: whether the pool is also topped up when it cannot pay a period's claims. */
  topUpWhenShort: boolean;
  /** R10: the order the pool pays its classes of claims. */
  priority: ("majorAccident" | "cutGapGrant" | "subsidy" | "recordedDeficit")[];
  /** R5: whether the opening deficits are covered by the pool. */
  coverOpeningDeficits: boolean;
  /** R5 (0.7): whether covering an opening deficit carries the 20% of 二（三）. */
  deficitCoverageCharged: boolean;
  /** R5, R6 (0.7): an extraction or remittance a fund cannot pay: owed, or (the 0.6 reading) a subsidy. */
  unpaidTransfers: "owed" | "subsidy";
  /** R8: whether the year's grants and subsidies are trued up at year end. */
  yearEndTrueUp: boolean;
  /** R11 (0.5): where each of the pool's warning bands comes from (the document's 3-month floor, else the library's defaults). */
  riskBandsSource: string;
  /** R11 (0.7): the same for the members' funds (all library defaults). */
  memberRiskBandsSource: string;
}
