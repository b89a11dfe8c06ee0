/**
 * The page style of the analysis reports (comparison, stress test).
 *
 * @module
 */

/** The page style shared by the analysis reports. @internal */
export const ANALYSIS_STYLE = `body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 960px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
svg { width: 100%; height: auto; background: #fff; border: 1px solid #ddd; margin: 8px 0; }
.title { font-size: 14px; font-weight: 600; } .tick { font-size: 11px; fill: #444; } .grid { stroke: #eee; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; } th { background: #f4f4f4; } td.l, th.l { text-align: left; }
.note { color: #666; font-size: 12px; } .banner { font-weight: 700; color: #a00; border: 1px solid #a00; padding: 6px 10px; }`;
