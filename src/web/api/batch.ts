// Batch reads of many ids: the server takes at most BATCH_MAX_IDS ids a request, so longer lists are cut into
// chunks, sent one after another (a capture should not crowd out the explorer's own requests), and the answers
// joined into one: records sorted by id as a single answer would be, missing ids in request order.

import { BATCH_MAX_IDS } from "../../model/api.ts";

/** The ids, each once and in order, cut into chunks of at most `size`. */
export function chunkIds(ids: readonly string[], size: number = BATCH_MAX_IDS): string[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`statecraft/web: batch size must be 1 or more, got ${size}`);
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}

export interface BatchAnswer<R> {
  found: R[];
  missing: string[];
}

/** Reads every id through `readChunk`, one chunk at a time; no request at all for no ids. */
export async function readInBatches<R extends { id: string }>(
  ids: readonly string[],
  readChunk: (chunk: string[]) => Promise<BatchAnswer<R>>,
  size: number = BATCH_MAX_IDS,
): Promise<BatchAnswer<R>> {
  const found: R[] = [];
  const missing: string[] = [];
  for (const chunk of chunkIds(ids, size)) {
    const answer = await readChunk(chunk);
    found.push(...answer.found);
    missing.push(...answer.missing);
  }
  found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { found, missing };
}
