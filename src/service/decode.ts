/**
 * Strict text decoding shared by the CLI (`--encoding`), the HTTP service
 * (the `charset` of a request's Content-Type) and the playground (its
 * encoding choice): UTF-8 or GB18030 (a superset of GBK, what Excel on
 * Chinese Windows writes). Bytes that are not valid in the encoding are an
 * error, never replaced: a GBK file read as UTF-8 would otherwise become
 * garbled names. No Node module: the playground bundles this for the browser.
 *
 * @module
 */

/** The encodings read. */
export const ENCODINGS = ["utf-8", "gb18030"] as const;

/** An input encoding. */
export type Encoding = (typeof ENCODINGS)[number];

/** The encoding a name stands for (`utf8` and `gbk` are accepted as spellings; case and spaces ignored), or `null`. */
export function encodingOf(name: string): Encoding | null {
  const n = name.trim().toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (n === "gb18030" || n === "gbk") return "gb18030";
  return null;
}

/** Bytes that are not valid in `encoding`. */
export class InvalidEncodingError extends Error {
  constructor(readonly encoding: Encoding) {
    super(`not valid ${encoding === "utf-8" ? "UTF-8" : "GB18030"}`);
    this.name = "InvalidEncodingError";
  }
}

/**
 * A streaming decoder of `encoding` that throws {@link InvalidEncodingError}
 * on bytes not valid in it; a character split between chunks is carried over.
 * A leading byte order mark is dropped.
 */
export function createDecoder(encoding: Encoding): { write(bytes: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let first = true;
  const decode = (bytes: Uint8Array | undefined, stream: boolean): string => {
    let text: string;
    try {
      text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream });
    } catch {
      throw new InvalidEncodingError(encoding);
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  return { write: (bytes) => decode(bytes, true), end: () => decode(undefined, false) };
}

/** The text of `bytes` in `encoding`, without a leading byte order mark; throws {@link InvalidEncodingError}. */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  const decoder = createDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}

/**
 * The service's message (English, Chinese) for a request body not valid in
 * `encoding` (400 INVALID_ENCODING): what to send instead. `type` is the
 * request's media type.
 */
export function invalidEncodingText(encoding: Encoding, type: string): [en: string, zh: string] {
  if (encoding === "utf-8") {
    return [
      `the body is not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: send it with Content-Type: ${type}; charset=gb18030, or re-save it as UTF-8`,
      `请求体不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的文件是 GBK/GB18030 编码：请以 Content-Type: ${type}; charset=gb18030 发送，或将文件另存为 UTF-8 编码`,
    ];
  }
  return ["the body is not valid GB18030 (is it UTF-8? then send charset=utf-8)", "请求体不是有效的 GB18030 编码（若为 UTF-8 编码，请改用 charset=utf-8）"];
}
