/**
 * The built-in policies' fingerprints: for each id and version, the SHA-256
 * of its data (see `hash.ts`). A policy under one of these ids and versions
 * must carry exactly these data: `definePolicy` refuses an altered copy
 * (`POLICY_VERSION_CONFLICT`), and the built-in policy itself fails to load
 * when its data change without a new version here (a test checks the table).
 *
 * @module
 */

/** Id → version → SHA-256 (hex) of the data. Add a version; never edit one. @internal */
export const PINNED_POLICIES: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze({
  "suzhou-2020": Object.freeze({
    "1.0": "3c4ec7499de4f988849cd67560beb3a0044b4bf9a5985b1110a9ea3961deb04a",
    "2.0": "289aec57954d4f05f0700d5f22a507aa420600e570d58dc8445a2e81f1e67899",
  }),
});
