/**
 * The library's name and version, as package.json states them (a test keeps
 * the two in step). Every result names them beside its policy.
 *
 * @module
 */

/** Which library produced a result: its package name and version. */
export interface LibraryRef {
  readonly name: string;
  readonly version: string;
}

/**
 * This library's name and version, the same frozen object in every result.
 *
 * @example
 * ```ts
 * LIBRARY; // { name: "suzhou-wi-pooling", version: "0.6.0" }
 * ```
 */
export const LIBRARY: LibraryRef = Object.freeze({ name: "suzhou-wi-pooling", version: "0.6.0" });
