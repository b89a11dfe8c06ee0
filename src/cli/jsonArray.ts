/**
 * A top-level JSON array read as a stream: each item is found by
 * scanning the bytes (strings, escapes and nesting), then parsed alone with
 * `JSON.parse`, so that only the item being read is held in memory; each
 * item is checked as strictly as every JSON input (`checkJsonText`).
 *
 * @module
 */

import { checkJsonText } from "../service/json.js";

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isOpen = (c: number) => c === 0x7b || c === 0x5b; // { [
const isClose = (c: number) => c === 0x7d || c === 0x5d; // } ]

const BOM = [0xef, 0xbb, 0xbf];

/** The input is not a JSON array, or not valid JSON (the message says where). @internal */
export class JsonArrayError extends Error {}

/**
 * Yields the items of the JSON array in `chunks` (UTF-8 bytes, an optional
 * BOM) one at a time, each parsed; holds one item's bytes at most (and one chunk).
 * @throws JsonArrayError when the input is not a JSON array or not valid JSON; PoolingError `AMOUNT_NOT_EXACT`,
 *   `DUPLICATE_KEY` (at `[index, …]`) for an item with a number a double changes or a key given twice.
 * @internal
 */
export async function* jsonArrayItems(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<unknown> {
  // phase: 0 before "[", 1 before an item (or "]" when empty), 2 in an item, 3 after an item, 4 after "]"
  let phase = 0;
  let first = true;
  let kind = 0; // in an item: 0 an object or array, 1 a string, 2 a number or literal
  let depth = 0;
  let inString = false;
  let escaped = false;
  let offset = 0;
  let parts: Uint8Array[] = [];
  let itemStart = 0;
  let index = 0;
  const fail = (at: number, what: string) => new JsonArrayError(`${what} (byte ${at})`);
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (phase === 2) {
        let end = -1;
        if (kind === 2) {
          if (!(isSpace(c) || c === 0x2c || c === 0x5d)) continue;
          end = i;
        } else if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (kind === 1) end = i + 1;
          }
        } else if (c === 0x22) inString = true;
        else if (isOpen(c)) depth++;
        else if (isClose(c) && --depth === 0) end = i + 1;
        if (end < 0) continue;
        parts.push(chunk.subarray(itemStart, end));
        const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        parts = [];
        let item: unknown;
        const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
        try {
          item = JSON.parse(text);
        } catch (e) {
          throw fail(offset + i, (e as Error).message);
        }
        // a number a double changes, a key given twice: a PoolingError at the item's path
        checkJsonText(text, [index++]);
        yield item;
        phase = 3;
        if (end === i + 1) continue;
      }
      if (isSpace(c)) continue;
      if (phase === 0 && offset + i < 3 && c === BOM[offset + i]) continue;
      if (phase === 0) {
        if (c !== 0x5b) throw new JsonArrayError("not an array");
        phase = 1;
      } else if (phase === 3) {
        if (c === 0x5d) phase = 4;
        else if (c === 0x2c) phase = 1;
        else throw fail(offset + i, "expected , or ]");
      } else if (phase === 1) {
        if (c === 0x5d && first) {
          phase = 4;
          continue;
        }
        if (c === 0x5d || c === 0x2c) throw fail(offset + i, "expected an item");
        first = false;
        phase = 2;
        itemStart = i;
        kind = isOpen(c) ? 0 : c === 0x22 ? 1 : 2;
        depth = kind === 0 ? 1 : 0;
        inString = kind === 1;
        escaped = false;
      } else throw fail(offset + i, "unexpected data after the array");
    }
    if (phase === 2) {
      parts.push(chunk.subarray(itemStart));
      itemStart = 0;
    }
    offset += chunk.length;
  }
  if (phase !== 4) throw phase === 0 ? new JsonArrayError("not an array") : fail(offset, "unexpected end of input");
}
