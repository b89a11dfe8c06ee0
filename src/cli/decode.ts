/**
 * The text encodings of the CLI's input files (`--encoding`): UTF-8 (the
 * default) or GB18030 (a superset of GBK, what Excel on Chinese Windows
 * writes). Bytes that are not valid in the encoding are an error, never
 * replaced: a GBK file read as UTF-8 would otherwise print garbled names.
 *
 * @module
 */
import { CliError, EXIT } from "./io.js";

/** The encodings `--encoding` takes. */
export const ENCODINGS = ["utf-8", "gb18030"] as const;

/** An input encoding. */
export type Encoding = (typeof ENCODINGS)[number];

/** The encoding an `--encoding` value names (`utf8` and `gbk` are accepted as spellings), or `null`. */
export function encodingOf(name: string): Encoding | null {
  const n = name.trim().toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (n === "gb18030" || n === "gbk") return "gb18030";
  return null;
}

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
  const decoder = new TextDecoder(encoding, { fatal: true });
  let first = true;
  const decode = (bytes: Uint8Array | undefined, stream: boolean): string => {
    let text: string;
    try {
      text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream });
    } catch {
      throw encodingError(path, encoding);
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  return { write: (bytes) => decode(bytes, true), end: () => decode(undefined, false) };
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
