// The Bolt side of a bulk first load: the check that the database is empty before neo4j-admin import, and the
// finishing step after it: the schema the transactional loader applies (cypher/schema.cypher and the relation id
// constraints), then the empty lists the import tool cannot store. After it the graph is the one a transactional
// load of the same files makes, with the same per-row hashes and dataset tags, so `npm run load` of those files
// finds every row unchanged.

import neo4j from "neo4j-driver";
import type { BulkManifest, EmptyListRow } from "./bulk-csv.ts";
import type { Neo4jClient } from "./client.ts";
import { DatasetWriter, DEFAULT_WRITE_OPTIONS } from "./dataset-writer.ts";
import { commitLedger, newToken } from "./load-ledger.ts";
import { getQuery, withRelationType } from "./queries.ts";

export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
}

/** Throws DatabaseNotEmptyError, naming the target and what to do, when the database holds any node. */
export async function assertDatabaseEmpty(client: Neo4jClient, where: string): Promise<void> {
  const result = await client.read("bulk: is the database empty", (tx) => tx.run(getQuery("bulk-database-empty")));
  if (neo4j.integer.toNumber(result.records[0]!.get("nodes")) > 0) {
    throw new DatabaseNotEmptyError(
      `statecraft/load: --bulk fills an empty database only, and ${where} already holds data. Load into it without ` +
        "--bulk (only what changed is written), or bulk-load into a new database.",
    );
  }
}

/** The schema the transactional loader applies (cypher/schema.cypher and the relation id constraints). */
export async function applyBulkSchema(client: Neo4jClient): Promise<void> {
  await new DatasetWriter(client).applySchema();
}

/**
 * Sets the empty lists the import tool could not store (after the schema: rows are found by their ids' index);
 * answers how many lists it set.
 */
export async function setEmptyLists(
  client: Neo4jClient,
  manifest: BulkManifest,
  batchSize = DEFAULT_WRITE_OPTIONS.batchSize,
): Promise<number> {
  const jobs: [string, EmptyListRow[]][] = [
    [getQuery("bulk-set-entity-lists"), manifest.emptyLists.entities],
    [getQuery("bulk-set-source-lists"), manifest.emptyLists.sources],
    ...Object.entries(manifest.emptyLists.relations).map(([type, rows]): [string, EmptyListRow[]] => [
      withRelationType(getQuery("bulk-set-relation-lists"), type),
      rows,
    ]),
  ];
  let written = 0;
  const fills: [string, string[]][] = [
    [getQuery("bulk-fill-entity-lists"), manifest.listsWhereMissing.entities],
    [getQuery("bulk-fill-source-lists"), manifest.listsWhereMissing.sources],
    ...Object.entries(manifest.listsWhereMissing.relations).map(([type, keys]): [string, string[]] => [
      withRelationType(getQuery("bulk-fill-relation-lists"), type),
      keys,
    ]),
  ];
  for (const [query, keys] of fills) {
    for (const key of keys) {
      // IN TRANSACTIONS needs an auto-commit transaction: a session's run, not a managed transaction.
      const session = client.openSession("WRITE");
      try {
        const summary = await session.run(query, { key, props: { [key]: [] } }).summary();
        written += summary.counters.updates().propertiesSet;
      } finally {
        await session.close();
      }
    }
  }
  for (const [query, rows] of jobs) {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await client.write("bulk: empty lists", (tx) => tx.run(query, { rows: batch }));
      written += batch.reduce((n, row) => n + Object.keys(row.props).length, 0);
    }
  }
  return written;
}

/**
 * Records the imported datasets in the loader's ledger, under a new generation token, as a transactional load of the
 * same files would: loading them again afterwards is then decided from the hashes alone.
 */
export async function recordBulkLedger(client: Neo4jClient, manifest: BulkManifest): Promise<void> {
  if (manifest.ledger.length > 0) await commitLedger(client, newToken(), manifest.ledger);
}
