/**
 * A GB18030 encoder (what Excel on Chinese Windows reads as its ANSI code
 * page, GBK, extended to all of Unicode). The platforms decode GB18030
 * (`TextDecoder("gb18030")`) but have no encoder: the table is derived from
 * the decoder by inverting it, once, on first use, so the bytes written are
 * exactly those the decoder reads back:
 * - ASCII as itself;
 * - the two-byte codes (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE: GBK,
 *   every character the library writes) from the decoder's reading of each;
 *   where two codes read as the same character, the first one (in code order);
 * - every other character of the Basic Multilingual Plane as the four-byte
 *   code the decoder reads as it (0x81308130 to 0x8431A439);
 * - characters beyond it (U+10000 and above) as the linear four-byte codes
 *   from 0x90308130.
 * A lone surrogate (not a character) is written as `?`.
 *
 * @module
 */

/** The code of each BMP character: `(bytes << 3) | length` would be clumsy; two arrays instead. */
let table: { two: Uint16Array; four: Uint32Array } | null = null;

/** Builds the table by decoding every two- and four-byte code once. */
function build(): { two: Uint16Array; four: Uint32Array } {
  const two = new Uint16Array(0x10000); // lead << 8 | trail, 0 = none
  const four = new Uint32Array(0x10000); // the four bytes, 0 = none
  const decoder = new TextDecoder("gb18030");
  // two-byte codes: one buffer, each code followed by an ASCII separator, so that one bad code never swallows the next
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) pairs.push((lead << 8) | trail);
    }
  }
  const bytes = new Uint8Array(pairs.length * 3);
  pairs.forEach((p, i) => {
    bytes[i * 3] = p >> 8;
    bytes[i * 3 + 1] = p & 0xff;
    bytes[i * 3 + 2] = 0x0a;
  });
  const chars = decoder.decode(bytes).split("\n");
  pairs.forEach((p, i) => {
    const c = chars[i] as string;
    if (c.length !== 1 || c === "\uFFFD") return;
    const u = c.charCodeAt(0);
    if (two[u] === 0) two[u] = p;
  });
  // four-byte codes of the BMP: b1 0x81–0x84, b2 0x30–0x39, b3 0x81–0xFE, b4 0x30–0x39
  const quads: number[] = [];
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) quads.push(((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0);
      }
    }
  }
  const qbytes = new Uint8Array(quads.length * 5);
  quads.forEach((q, i) => {
    qbytes[i * 5] = q >>> 24;
    qbytes[i * 5 + 1] = (q >>> 16) & 0xff;
    qbytes[i * 5 + 2] = (q >>> 8) & 0xff;
    qbytes[i * 5 + 3] = q & 0xff;
    qbytes[i * 5 + 4] = 0x0a;
  });
  const qchars = decoder.decode(qbytes).split("\n");
  quads.forEach((q, i) => {
    const c = qchars[i] as string;
    if (c.length !== 1 || c === "\uFFFD") return;
    const u = c.charCodeAt(0);
    if (two[u] === 0 && four[u] === 0) four[u] = q;
  });
  return { two, four };
}

/**
 * Encodes text as GB18030 bytes (see the module's notes).
 *
 * @param text - any text
 * @returns its GB18030 bytes
 * @throws never
 * @example
 * ```ts
 * [...encodeGb18030("A合计")]; // [0x41, 0xba, 0xcf, 0xbc, 0xc6]
 * ```
 */
export function encodeGb18030(text: string): Uint8Array {
  table ??= build();
  const { two, four } = table;
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) {
      out[n++] = u;
      continue;
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (u <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        // beyond the BMP: linear from 0x90308130
        let k = ((u - 0xd800) << 10) + (low - 0xdc00);
        i++;
        const b4 = k % 10;
        k = (k - b4) / 10;
        const b3 = k % 126;
        k = (k - b3) / 126;
        const b2 = k % 10;
        const b1 = (k - b2) / 10;
        out[n++] = 0x90 + b1;
        out[n++] = 0x30 + b2;
        out[n++] = 0x81 + b3;
        out[n++] = 0x30 + b4;
      } else out[n++] = 0x3f; // a lone surrogate
      continue;
    }
    const p = two[u] as number;
    if (p !== 0) {
      out[n++] = p >> 8;
      out[n++] = p & 0xff;
      continue;
    }
    const q = four[u] as number;
    if (q !== 0) {
      out[n++] = q >>> 24;
      out[n++] = (q >>> 16) & 0xff;
      out[n++] = (q >>> 8) & 0xff;
      out[n++] = q & 0xff;
    } else out[n++] = 0x3f; // not a character the decoder reads from any code
  }
  return out.subarray(0, n);
}

/** The text encodings of an output: UTF-8 (the default) or GB18030. */
export type OutputEncoding = "utf-8" | "gb18030";

/**
 * Encodes text in an output encoding.
 *
 * @param text - the text
 * @param encoding - `"utf-8"` or `"gb18030"`
 * @returns the bytes
 * @throws never
 * @example
 * ```ts
 * encodeText("合计", "gb18030").length; // 4
 * ```
 */
export function encodeText(text: string, encoding: OutputEncoding): Uint8Array {
  return encoding === "gb18030" ? encodeGb18030(text) : new TextEncoder().encode(text);
}
