// Opens a feed as a stream of text lines: a local path or an http(s) URL, plain or zipped (.zip as GDELT ships its
// files; recognised by its first bytes, whatever the name), decoded as UTF-8 chunk by chunk so memory stays bounded
// whatever the size. The first lines can be looked at before reading on (format detection).

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Unzip, UnzipInflate } from "fflate";
import { InvalidInputError } from "./errors.ts";

/** A feed that cannot be opened or read, as an input error naming the path or URL. */
function unreadable(file: string, message: string): InvalidInputError {
  return new InvalidInputError([{ file, line: 1, column: 1, message }]);
}

export interface FeedLines {
  /** The path or URL as the user gave it, for messages. */
  file: string;
  /** Bytes to read in all, when known (a file's size, an HTTP Content-Length), for progress. */
  size?: number;
  /** Bytes read so far (compressed bytes for a zip). */
  readonly bytesRead: number;
  /** The first `count` lines (fewer at the end of input), kept so that reading starts from line 1 still. */
  peek(count: number): Promise<string[]>;
  /** Every line in order, without its line break; line numbers start at 1. Can be iterated once. */
  [Symbol.asyncIterator](): AsyncIterator<string>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// 64 KiB reads: the lines of one chunk stay alive until the last of them is read, and with 1 MiB chunks thousands of
// them outlived young-generation collections and were promoted, growing the old heap (a 1M-row GDELT read peaked at
// 617 MB resident with 1 MiB chunks, 454 MB with 64 KiB, and took twice as long).
const CHUNK = 1 << 16;

export function isUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

async function openBytes(path: string): Promise<{ chunks: AsyncIterable<Uint8Array>; size?: number }> {
  if (isUrl(path)) {
    let response: Response;
    try {
      response = await fetch(path);
    } catch (error) {
      throw unreadable(path, `could not be fetched (${(error as Error).message})`);
    }
    if (!response.ok || !response.body) {
      throw unreadable(path, `the server answered ${response.status} ${response.statusText}`.trim());
    }
    const length = Number(response.headers.get("content-length"));
    return {
      chunks: response.body as unknown as AsyncIterable<Uint8Array>,
      ...(length > 0 ? { size: length } : {}),
    };
  }
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw unreadable(path, "is a folder, not a feed file");
    size = info.size;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw unreadable(path, "no such file");
  }
  return { chunks: createReadStream(path, { highWaterMark: CHUNK }), size };
}

function startsWithZip(chunk: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => chunk[i] === b);
}

/** The entries of a zip, one after the other, inflated as their compressed bytes arrive. */
async function* unzipped(first: Uint8Array, rest: AsyncIterator<Uint8Array>, file: string): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    entry.ondata = (error, data) => {
      if (error) failure = error;
      else if (data.length > 0) ready.push(data);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      failure = error as Error;
    }
    if (failure) throw unreadable(file, `not a readable zip (${failure.message})`);
  };
  push(first, false);
  yield* ready.splice(0);
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    push(next.value, false);
    yield* ready.splice(0);
  }
  push(new Uint8Array(0), true);
  yield* ready.splice(0);
}

/** Opens a path or URL for reading line by line. */
export async function openLines(path: string): Promise<FeedLines> {
  const { chunks, size } = await openBytes(path);
  let bytesRead = 0;
  const counted = (async function* () {
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      yield chunk;
    }
  })();

  async function* decoded(): AsyncGenerator<string> {
    const first = await counted.next();
    if (first.done) return;
    const bytes = startsWithZip(first.value) ? unzipped(first.value, counted, path) : chainFirst(first.value, counted);
    const decoder = new TextDecoder("utf-8");
    let rest = "";
    for await (const chunk of bytes) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const line of parts) yield line.endsWith("\r") ? line.slice(0, -1) : line;
    }
    rest += decoder.decode();
    if (rest.length > 0) yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
  }

  const source = decoded();
  const buffered: string[] = [];
  let ended = false;
  return {
    file: path,
    ...(size !== undefined ? { size } : {}),
    get bytesRead() {
      return bytesRead;
    },
    async peek(count) {
      while (buffered.length < count && !ended) {
        const next = await source.next();
        if (next.done) ended = true;
        else buffered.push(next.value);
      }
      return buffered.slice(0, count);
    },
    [Symbol.asyncIterator]() {
      return (async function* () {
        yield* buffered.splice(0);
        if (!ended) yield* source;
      })();
    },
  };
}

async function* chainFirst(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
