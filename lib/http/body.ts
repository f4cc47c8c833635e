import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/** Why a body could not be read; `retryable` when a new attempt might succeed. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

/** What we send as Accept-Encoding: exactly what readBody can undo. */
export const ACCEPTED_ENCODINGS = "gzip, deflate, br";

/**
 * Reads a response body as text, stopping as soon as either the bytes on the wire or the decompressed
 * bytes pass `maxBytes` (a small gzip/brotli bomb must not expand in memory). Invalid byte sequences
 * decode to U+FFFD instead of failing.
 */
export async function readBody(
  body: Readable,
  headers: { contentEncoding?: string; contentType?: string },
  maxBytes: number,
): Promise<string> {
  const decompressor = decompressorFor(headers.contentEncoding);
  const tooLarge = (where: string) => new BodyError(`body is larger than ${maxBytes} bytes ${where}`, false);
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let decodedBytes = 0;

  async function* limitWire(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) throw tooLarge("on the wire");
      yield chunk;
    }
  }
  async function collect(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes) throw tooLarge(decompressor ? "once decompressed" : "on the wire");
      chunks.push(chunk);
    }
  }

  let decompressFailure: unknown;
  decompressor?.once("error", (error) => (decompressFailure = error));
  try {
    if (decompressor) await pipeline(body, limitWire, decompressor, collect);
    else await pipeline(body, limitWire, collect);
  } catch (error) {
    if (error !== undefined && error === decompressFailure) {
      // A truncated or corrupt stream: a later attempt may get a whole one.
      throw new BodyError(`could not decompress ${headers.contentEncoding} body: ${(error as Error).message}`, true);
    }
    throw error;
  }
  return decodeText(Buffer.concat(chunks), headers.contentType);
}

function decompressorFor(contentEncoding: string | undefined): Transform | undefined {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  switch (encoding) {
    case "":
    case "identity":
      return undefined;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      throw new BodyError(`unsupported content-encoding "${contentEncoding}"`, false);
  }
}

function decodeText(bytes: Buffer, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    // An unknown charset label: UTF-8 with replacement is the most useful guess.
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}
