// How the loader cuts its writes, as pure functions: relations go to buckets by their start entity (so transactions
// of different buckets, run at once, never lock the same start entity), each bucket is written in batches cut by
// bytes (a row of a feed weighs ten times a curated one), and hashes over a whole dataset and over each bucket let a
// reload of unchanged data be decided without reading a row back.

import { createHash } from "node:crypto";
import type { Dataset } from "../../model/types.ts";
import type { Row } from "./load-rows.ts";

/**
 * Bumped when what the loader stores for the same input changes, so that a database loaded by an earlier version is
 * checked row by row once instead of being taken as up to date.
 */
export const LOAD_FORMAT = 2;

/** The most buckets a dataset's relations are spread over (one hash each on the :StatecraftLoad node). */
export const MAX_BUCKETS = 4096;

/** 32-bit FNV-1a of a string's UTF-16 code units: cheap, stable across runs and platforms. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Buckets for rows weighing `totalBytes` in all: a power of two, about one batch of `batchBytes` each. */
export function bucketCount(totalBytes: number, batchBytes: number): number {
  const wanted = Math.max(1, Math.ceil(totalBytes / Math.max(1, batchBytes)));
  let n = 1;
  while (n < wanted && n < MAX_BUCKETS) n *= 2;
  return n;
}

/** The bucket of a start entity id, for a power-of-two bucket count. */
export function bucketOf(id: string, buckets: number): number {
  return fnv1a(id) & (buckets - 1);
}

/** Cuts rows, in order, into batches of at most `maxBytes` (a larger row goes alone) and at most `maxRows` rows. */
export function byteBatches<T extends Pick<Row, "bytes">>(
  rows: readonly T[],
  maxBytes: number,
  maxRows: number,
): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (batch.length > 0 && (bytes + row.bytes > maxBytes || batch.length >= maxRows)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += row.bytes;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** Per bucket: a hash over the ids and content hashes of its rows in order, and how many rows it holds. */
export function bucketHashes(
  rows: readonly (Row & { from: string })[],
  buckets: number,
): { hashes: string[]; counts: number[] } {
  const hashers = Array.from({ length: buckets }, () => createHash("sha1"));
  const counts = new Array<number>(buckets).fill(0);
  for (const row of rows) {
    const b = bucketOf(row.from, buckets);
    hashers[b]!.update(row.id).update("\0").update(String(row.props.hash)).update("\n");
    counts[b]!++;
  }
  return { hashes: hashers.map((h) => h.digest("base64url")), counts };
}

/**
 * A hash of everything a load of this dataset writes: its mode, entities, sources, relations and event logs, as the
 * reader gave them (hashing the input, not the rows built from it, keeps a no-op reload to one pass of
 * JSON.stringify).
 */
export function datasetHash(ds: Dataset): string {
  const h = createHash("sha1");
  h.update(JSON.stringify({ format: LOAD_FORMAT, id: ds.info.id, mode: ds.mode ?? "replace" }));
  for (const part of [ds.entities, ds.sources, ds.relations] as const) {
    h.update("\n#");
    for (const item of part) h.update(JSON.stringify(item)).update("\n");
  }
  h.update("\n#");
  for (const [id, log] of ds.eventLogs ?? []) h.update(id).update(JSON.stringify(log)).update("\n");
  return h.digest("base64url");
}
