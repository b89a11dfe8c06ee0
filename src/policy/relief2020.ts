/**
 * The opt-in 2020 national relief overlay (R4, "Relief programs"): never
 * switched on by default. Attach it with `withReliefOverlays`.
 *
 * @module
 */
import { cite } from "./citation.js";
import { deepFreeze } from "./define.js";
import type { ReliefOverlay } from "./schema.js";

/**
 * The 2020 national waiver and halving of employers' work-injury
 * contributions: small, medium and micro enterprises exempt 2020-02 to
 * 2020-12; large enterprises halved 2020-02 to 2020-06
 * (人社部发〔2020〕11号, extended by 人社部发〔2020〕49号). Opt-in.
 *
 * @example
 * ```ts
 * const policy = withReliefOverlays(SUZHOU_2020, RELIEF_2020);
 * computeLevy({ period: "2020-07", industryClass: 3, payroll: "100000", cutFraction: "0.5",
 *               enterpriseSize: "small" }, { policy }).reliefWaived; // "250.00"
 * ```
 */
export const RELIEF_2020: readonly ReliefOverlay[] = deepFreeze([
  Object.freeze({
    id: "2020-sme-exemption",
    from: "2020-02-01",
    to: "2020-12-31",
    enterpriseSizes: ["medium", "small", "micro"],
    fraction: "1",
    citation: cite("一", "中小微企业免征三项社会保险单位缴费部分，2020 年 2 月至 12 月（经人社部发〔2020〕49号延长）", "人社部发〔2020〕11号"),
  }),
  Object.freeze({
    id: "2020-large-halving",
    from: "2020-02-01",
    to: "2020-06-30",
    enterpriseSizes: ["large"],
    fraction: "0.5",
    citation: cite("一", "大型企业等其他参保单位减半征收，2020 年 2 月至 6 月（经人社部发〔2020〕49号延长）", "人社部发〔2020〕11号"),
  }),
]) as readonly ReliefOverlay[];
