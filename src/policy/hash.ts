/**
 * The fingerprint of a policy's data: SHA-256 (hex) of its canonical JSON
 * (keys sorted, no whitespace), computed once per policy object. The review
 * date (`reviewedThrough`) is not part of it: re-checking the data against
 * the documents changes no figure.
 *
 * @module
 */
import type { Policy } from "./schema.js";

/** JSON with every object's keys sorted and no whitespace; `undefined` properties left out. @internal */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}

/** The first 32 bits of the fractional part of `x`. */
const frac32 = (x: number): number => ((x - Math.floor(x)) * 0x100000000) >>> 0;

/** SHA-256's constants: the fractional parts of the square roots of the first 8 primes (H) and cube roots of the first 64 (K). */
const [H0, K] = (() => {
  const h: number[] = [];
  const k: number[] = [];
  for (let n = 2; k.length < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (!prime) continue;
    if (h.length < 8) h.push(frac32(n ** 0.5));
    k.push(frac32(n ** (1 / 3)));
  }
  return [h, k];
})();

/** SHA-256 (FIPS 180-4) of `text`'s UTF-8 bytes, as 64 lowercase hex digits. @internal */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  const padded = new Uint8Array((((data.length + 8) >> 6) + 1) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

const hashes = new WeakMap<Policy, string>();

/**
 * SHA-256 (hex) of the policy's canonical JSON without `reviewedThrough`, once per policy object.
 * @internal
 */
export function policyHash(policy: Policy): string {
  let hash = hashes.get(policy);
  if (hash === undefined) {
    const { reviewedThrough: _review, ...data } = policy;
    hash = sha256Hex(canonicalJson(data));
    hashes.set(policy, hash);
  }
  return hash;
}
