/// <reference lib="dom" />
/**
 * Loads the compare tab's script (`compare-tab.js`, beside the page's own)
 * the first time the tab is opened: the page's script does not carry the
 * comparison. A classic script, so that it loads from a file too.
 *
 * @module
 */

/** The tab's script, beside the page's own (captured while the page's script runs). */
const scriptUrl = (() => {
  const src = typeof document === "undefined" ? undefined : (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL("compare-tab.js", src).href : "compare-tab.js";
})();

/** Wires the compare tab's button to load the tab's script on first use. */
export function initCompareTab(): void {
  document.querySelector('.tab[data-view="compare"]')?.addEventListener(
    "click",
    () => {
      const script = document.createElement("script");
      script.src = scriptUrl;
      document.head.append(script);
    },
    { once: true },
  );
}
