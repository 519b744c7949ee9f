// What Neo4j already holds of the ids a load names (entities and sources with the datasets that define them,
// relations with the dataset that wrote them), read before anything is written, for the ownership check of
// model/dataset-ownership.ts. `checkAgainstNeo4j` is the one call the loader and the write path of accepted claims
// make before they hand datasets to the DatasetWriter.

import {
  checkOwnership,
  type HeldEntity,
  type HeldRelation,
  type HeldSource,
  type Holdings,
  type OwnershipCheck,
} from "../../model/dataset-ownership.ts";
import { isRelationType } from "../../model/relations.ts";
import type { Dataset } from "../../model/types.ts";
import type { Neo4jClient } from "./client.ts";
import { toEntityRecord, toSafeNumber, toSourceRecord } from "./mapping.ts";
import { getQuery, withRelationType } from "./queries.ts";

/** Ids per query: large enough that a 500k-relation feed takes a few round trips, small enough for one transaction. */
const IDS_PER_QUERY = 50_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function distinctIds(datasets: readonly Dataset[], pick: (ds: Dataset) => readonly { id: string }[]): string[] {
  return [...new Set(datasets.flatMap((ds) => pick(ds).map((x) => x.id)))];
}

/** Reads what the database holds of every entity, source and relation id the datasets name. */
export async function readHoldings(client: Neo4jClient, datasets: readonly Dataset[]): Promise<Holdings> {
  const entities = new Map<string, HeldEntity>();
  for (const ids of chunks(
    distinctIds(datasets, (d) => d.entities),
    IDS_PER_QUERY,
  )) {
    const result = await client.read("load: held entities", (tx) => tx.run(getQuery("load-held-entities"), { ids }));
    for (const r of result.records) {
      const { degree: _degree, ...entity } = toEntityRecord(r.get("entity"), 0);
      entities.set(entity.id, entity);
    }
  }
  const sources = new Map<string, HeldSource>();
  for (const ids of chunks(
    distinctIds(datasets, (d) => d.sources),
    IDS_PER_QUERY,
  )) {
    const result = await client.read("load: held sources", (tx) => tx.run(getQuery("load-held-sources"), { ids }));
    for (const r of result.records) {
      const source = toSourceRecord(r.get("source"));
      sources.set(source.id, source);
    }
  }
  return { entities, sources, relations: await readHeldRelations(client, datasets) };
}

/**
 * Relation ids are unique per type only (one constraint per type), so an id is looked up under every type the
 * database knows: a dataset must not reuse another's id under another type either. A type holding fewer relationships
 * than twice the ids named is read whole (its ids and datasets only), a larger one is asked id by id through its
 * constraint's index: 100k ids against a database of the briefing and a few feeds took 16 s by lookups alone.
 */
async function readHeldRelations(
  client: Neo4jClient,
  datasets: readonly Dataset[],
): Promise<Map<string, HeldRelation[]>> {
  const relations = new Map<string, HeldRelation[]>();
  const relationIds = distinctIds(datasets, (d) => d.relations);
  if (relationIds.length === 0) return relations;
  const named = new Set(relationIds);
  const known = await client.read("load: relationship types", (tx) => tx.run(getQuery("load-relationship-types")));
  const types = known.records.map((r) => String(r.get("type"))).filter(isRelationType);
  for (const type of types) {
    const counted = await client.read(`load: count ${type}`, (tx) =>
      tx.run(withRelationType(getQuery("load-type-count"), type)),
    );
    const count = toSafeNumber(counted.records[0]?.get("count") ?? 0, "count");
    if (count === 0) continue;
    let ids = relationIds;
    if (count <= 2 * relationIds.length) {
      const all = await client.read(`load: relation ids (${type})`, (tx) =>
        tx.run(withRelationType(getQuery("load-type-relation-ids"), type)),
      );
      ids = all.records.map((r) => String(r.get("id"))).filter((id) => named.has(id));
    }
    const query = withRelationType(getQuery("load-held-relations"), type);
    for (const batch of chunks(ids, IDS_PER_QUERY)) {
      const result = await client.read(`load: held relations (${type})`, (tx) => tx.run(query, { ids: batch }));
      for (const r of result.records) {
        const held: HeldRelation = {
          id: String(r.get("id")),
          type: String(r.get("type")),
          from: String(r.get("from")),
          to: String(r.get("to")),
          dataset: String(r.get("dataset")),
        };
        const list = relations.get(held.id);
        if (list) list.push(held);
        else relations.set(held.id, [held]);
      }
    }
  }
  return relations;
}

/** The ownership check of the datasets against what the database holds (nothing is written). */
export async function checkAgainstNeo4j(client: Neo4jClient, datasets: readonly Dataset[]): Promise<OwnershipCheck> {
  return checkOwnership(datasets, await readHoldings(client, datasets));
}
