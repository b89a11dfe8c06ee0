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
 * A streaming decoder of `encoding` that fails (with {@link encodingError})
 * on bytes not valid in it; a character split between chunks is carried over.
 * A leading byte order mark is dropped.
 */
export function createDecoder(path: string, encoding: Encoding): { write(bytes: Uint8Array): string; end(): string } {
  const decoder = createStrictDecoder(encoding);
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
  return { write: cli(decoder.write), end: cli(decoder.end) };
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
