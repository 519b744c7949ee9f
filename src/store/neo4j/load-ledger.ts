// The loader's bookkeeping in the graph database: one :StatecraftLoad node holding a generation token that every
// writing load changes before its first write, and one per dataset holding the hash of its last complete load (and
// of each bucket of its relations) under the token it was recorded with. Kept in the graph database, not the app
// store, so that it can never describe another database's contents: a wiped or restored graph loses it with the data.
// These nodes carry no :Entity label and no relationship, so no graph route, count, search or path can reach them.

import { randomUUID } from "node:crypto";
import type { Neo4jClient } from "./client.ts";
import { getQuery } from "./queries.ts";

export const LEDGER_LABEL = "StatecraftLoad";

export interface LedgerEntry {
  hash: string | null;
  /** The token the entry was recorded under; the entry holds only while it equals the ledger's token. */
  token: string | null;
  buckets: number | null;
  bucketHashes: string[] | null;
  bucketCounts: number[] | null;
}

export interface LedgerState {
  token: string | null;
  entries: Map<string, LedgerEntry>;
}

export interface LedgerRecord {
  dataset: string;
  hash: string;
  buckets: number | null;
  bucketHashes: string[] | null;
  bucketCounts: number[] | null;
}

export const ledgerKey = (dataset: string): string => `dataset:${dataset}`;

const toNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : typeof v === "number" ? v : Number(String(v));

export async function readLedger(client: Neo4jClient, datasets: readonly string[]): Promise<LedgerState> {
  const keys = datasets.map(ledgerKey);
  const result = await client.read("load ledger: read", (tx) => tx.run(getQuery("load-ledger-read"), { keys }));
  const state: LedgerState = { token: null, entries: new Map() };
  for (const r of result.records) {
    state.token = (r.get("token") as string | null) ?? null;
    state.entries.set(String(r.get("key")), {
      hash: (r.get("hash") as string | null) ?? null,
      token: (r.get("datasetToken") as string | null) ?? null,
      buckets: toNumber(r.get("buckets")),
      bucketHashes: (r.get("bucketHashes") as string[] | null) ?? null,
      bucketCounts: ((r.get("bucketCounts") as unknown[] | null) ?? null)?.map((n) => toNumber(n) ?? 0) ?? null,
    });
  }
  return state;
}

/** An entry that still describes the database: recorded under the current token. */
export function validEntry(state: LedgerState, dataset: string): LedgerEntry | undefined {
  const entry = state.entries.get(ledgerKey(dataset));
  return entry && state.token !== null && entry.token === state.token ? entry : undefined;
}

/** Starts a writing load: a new token, returned. */
export async function beginLedger(client: Neo4jClient): Promise<string> {
  const token = randomUUID();
  await client.write("load ledger: begin", (tx) => tx.run(getQuery("load-ledger-begin"), { token }));
  return token;
}

/** Records completed datasets under `token` (the load's own, or the one it found when it wrote nothing). */
export async function commitLedger(
  client: Neo4jClient,
  token: string,
  records: readonly LedgerRecord[],
): Promise<void> {
  const datasets = records.map((r) => ({ key: ledgerKey(r.dataset), ...r }));
  await client.write("load ledger: commit", (tx) => tx.run(getQuery("load-ledger-commit"), { token, datasets }));
}

export const newToken = (): string => randomUUID();
