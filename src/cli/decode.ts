/**
 * The text encodings of the CLI's input files (`--encoding`): UTF-8 (the
 * default) or GB18030 (a superset of GBK, what Excel on Chinese Windows
 * writes). Bytes that are not valid in the encoding are an error, never
 * replaced: a GBK file read as UTF-8 would otherwise print garbled names.
 * The decoding itself is shared with the service and the playground
 * (`src/service/decode.ts`); this module gives its errors the CLI's exit code.
 *
 * @module
 */
import { createDecoder as createStrictDecoder, type Encoding, InvalidEncodingError } from "../service/decode.js";
import { CliError, EXIT } from "./io.js";

export { ENCODINGS, type Encoding, encodingOf } from "../service/decode.js";

/** The error of a file that is not valid in its encoding (exit 2), naming the option that reads it. */
export function encodingError(path: string, encoding: Encoding): CliError {
  if (encoding === "utf-8") {
    return new CliError(
      EXIT.invalidInput,
      `${path}: not valid UTF-8. A file saved by Excel on Chinese Windows is GBK/GB18030: run again with --encoding gb18030\n` +
        `${path}：不是有效的 UTF-8 编码。中文版 Windows 上的 Excel 保存的文件是 GBK/GB18030 编码：请加上 --encoding gb18030 重新运行`,
    );
  }
  return new CliError(
    EXIT.invalidInput,
    `${path}: not valid GB18030 (is it UTF-8? then leave out --encoding gb18030)\n${path}：不是有效的 GB18030 编码（若为 UTF-8 编码，请去掉 --encoding gb18030）`,
  );
}

/**
 * Whether a file's first bytes are UTF-16 (what Excel's "Unicode text" and
 * some exports write): a byte order mark (FF FE, FE FF), or, without one,
 * text whose every other byte is NUL (a character of the ASCII range in
 * UTF-16). A CSV in UTF-8 or GB18030 has no NUL byte at all.
 */
export function utf16Of(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return "UTF-16LE";
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return "UTF-16BE";
  return null;
}

/** The error (exit 2) of a UTF-16 file: it is not read; what to save it as instead. */
export function utf16Error(path: string, which: "UTF-16LE" | "UTF-16BE"): CliError {
  return new CliError(
    EXIT.invalidInput,
    `${path}: the file is ${which} (Excel's "Unicode text"), which is not read: save it as "CSV UTF-8" (or as CSV in GB18030/GBK, then run with --encoding gb18030) and run again\n` +
      `${path}：文件为 ${which} 编码（Excel 的“Unicode 文本”），无法读取：请另存为“CSV UTF-8（逗号分隔）”（或 GB18030/GBK 编码的 CSV，并加上 --encoding gb18030）后重新运行`,
  );
}

/**
 * A streaming decoder of `encoding` that fails (with {@link encodingError})
 * on bytes not valid in it, and on a UTF-16 file (its first chunk, see
 * {@link utf16Of}); a character split between chunks is carried over.
 * A leading byte order mark is dropped.
 */
export function createDecoder(path: string, encoding: Encoding): { write(bytes: Uint8Array): string; end(): string } {
  const decoder = createStrictDecoder(encoding);
  let first = true;
  const cli =
    <A extends unknown[]>(f: (...args: A) => string) =>
    (...args: A): string => {
      try {
        return f(...args);
      } catch (e) {
        if (e instanceof InvalidEncodingError) throw encodingError(path, encoding);
        throw e;
      }
    };
  const write = cli(decoder.write);
  return {
    write: (bytes) => {
      if (first && bytes.length > 0) {
        first = false;
        const utf16 = utf16Of(bytes);
        if (utf16) throw utf16Error(path, utf16);
      }
      return write(bytes);
    },
    end: cli(decoder.end),
  };
}

/** The text of a byte stream, decoded chunk by chunk (see {@link createDecoder}). */
export async function* decodeStream(bytes: AsyncIterable<Uint8Array>, path: string, encoding: Encoding): AsyncGenerator<string> {
  const decoder = createDecoder(path, encoding);
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
