// Neo4jDatasetSink: the write path on Neo4j. A dataset is read back from the database (entities and sources tagged
// with it, relations carrying it), the records added (a record with an id it holds replaces that one), the result
// checked by the loader's rules (with the entities other datasets define as known), and written by the loader's
// DatasetWriter on the shared Neo4jClient, which writes only the rows that changed. Nothing else is touched.

import type { DatasetAdditions } from "../../model/report-accept.ts";
import type { Entity, Relation, Source } from "../../model/types.ts";
import {
  createWriteQueue,
  DatasetRejectedError,
  validated,
  type DatasetSink,
  type ValidateDatasets,
} from "../dataset-sink.ts";
import { checkAgainstNeo4j } from "./dataset-holdings.ts";
import { datasetYaml, upsertDatasetYaml } from "../dataset-yaml.ts";
import type { Neo4jClient } from "./client.ts";
import { DatasetWriter } from "./dataset-writer.ts";
import { toEntityRecord, toRelationRecord, toSourceRecord } from "./mapping.ts";
import { getQuery } from "./queries.ts";

interface StoredDataset {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

export class Neo4jDatasetSink implements DatasetSink {
  readonly kind = "neo4j" as const;
  private readonly queue = createWriteQueue();

  constructor(
    private readonly client: Neo4jClient,
    private readonly validate: ValidateDatasets,
  ) {}

  add(additions: DatasetAdditions): Promise<{ file?: string }> {
    return this.queue(() => this.write(additions));
  }

  /** The dataset as the database holds it, as dataset records (a record's store-only fields left out). */
  async read(dataset: string): Promise<StoredDataset> {
    return this.client.read("datasets: read back", async (tx) => {
      const [entities, sources, relations] = [
        await tx.run(getQuery("dataset-read-entities"), { dataset }),
        await tx.run(getQuery("dataset-read-sources"), { dataset }),
        await tx.run(getQuery("dataset-read-relations"), { dataset }),
      ];
      return {
        entities: entities.records.map((r) => {
          const { degree: _degree, datasets: _datasets, ...entity } = toEntityRecord(r.get("entity"), 0);
          return entity;
        }),
        sources: sources.records.map((r) => {
          const { datasets: _datasets, ...source } = toSourceRecord(r.get("source"));
          return source;
        }),
        relations: relations.records.map((r) => {
          const {
            stance: _stance,
            dataset: _dataset,
            ...relation
          } = toRelationRecord(r.get("relation"), r.get("from"), r.get("to"));
          return relation;
        }),
      };
    });
  }

  private async knownEntities(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await this.client.read("datasets: known entities", (tx) =>
      tx.run(getQuery("dataset-known-entities"), { ids: [...ids] }),
    );
    return new Set(result.records.map((r) => String(r.get("id"))));
  }

  private async write(additions: DatasetAdditions): Promise<{ file?: string }> {
    const id = additions.dataset.id;
    const stored = await this.read(id);
    const isNew = stored.entities.length + stored.sources.length + stored.relations.length === 0;
    // Neo4j keeps no dataset title; the loader's check needs one, and the writer does not store it.
    const before = isNew ? undefined : datasetYaml({ info: additions.dataset, ...stored });
    const text = upsertDatasetYaml(before, additions);
    const defined = new Set([...stored.entities, ...additions.entities].map((e) => e.id));
    const named = [...stored.relations, ...additions.relations].flatMap((r) => [r.from, r.to]);
    const outside = [...new Set(named)].filter((e) => !defined.has(e));
    const datasets = validated(
      this.validate,
      `statecraft/datasets: dataset "${id}" would not load after this write`,
      [{ file: `neo4j dataset "${id}"`, text }],
      { knownEntities: await this.knownEntities(outside) },
    );
    // Another dataset's relation ids, entities and sources are checked as `npm run load` checks them.
    const checked = await checkAgainstNeo4j(this.client, datasets);
    if (checked.issues.length > 0)
      throw new DatasetRejectedError(
        `statecraft/datasets: dataset "${id}" would take over another dataset's records: ` +
          checked.issues.map((i) => i.message).join("; "),
      );
    await new DatasetWriter(this.client).write(checked.datasets);
    return {};
  }
}
