// The graph a load of datasets makes in an EMPTY database, node by node and relationship by relationship, for the
// bulk first load (neo4j-admin import). Built from the DatasetWriter's own row mapping (entityRow, sourceRow,
// relationRow), so the bulk path stores exactly the labels and properties the transactional path stores; only what
// the writer's MERGE statements add in Cypher (the kind label, the `datasets` tags) is repeated here, and the
// integration test compares the two graphs.

import type { Dataset } from "../../model/types.ts";
import { DEFAULT_WRITE_OPTIONS, ledgerRecordOf } from "./dataset-writer.ts";
import { datasetHash } from "./load-plan.ts";
import type { LedgerRecord } from "./load-ledger.ts";
import { entityRow, relationRow, sourceRow } from "./load-rows.ts";

export type BulkProps = Record<string, unknown>;

export interface BulkNode {
  id: string;
  labels: string[];
  props: BulkProps;
}

export interface BulkRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  props: BulkProps;
}

export interface BulkPlan {
  entities: BulkNode[];
  sources: BulkNode[];
  relations: BulkRelation[];
  /** What the transactional loader would record for these datasets in its ledger, recorded once the import is done. */
  ledger: LedgerRecord[];
}

/** Tags a node with a dataset the way load-merge-entities / load-merge-sources do: once, in load order. */
function tagged(previous: BulkNode | undefined, dataset: string): string[] {
  const datasets = (previous?.props.datasets as string[] | undefined) ?? [];
  return datasets.includes(dataset) ? datasets : [...datasets, dataset];
}

/**
 * What DatasetWriter.write(datasets) leaves in an empty database. Datasets are taken in order, as the writer takes
 * them: an entity or source that several define carries the last one's properties and kind, and every dataset's tag;
 * a relation is one per (type, id), the last one written.
 */
export function planBulkLoad(datasets: readonly Dataset[]): BulkPlan {
  const entities = new Map<string, BulkNode>();
  const sources = new Map<string, BulkNode>();
  const relations = new Map<string, BulkRelation>();
  for (const ds of datasets) {
    const dataset = ds.info.id;
    for (const entity of ds.entities) {
      const row = entityRow(entity);
      const datasets = tagged(entities.get(row.id), dataset);
      entities.set(row.id, { id: row.id, labels: ["Entity", row.kind], props: { ...row.props, datasets } });
    }
    for (const source of ds.sources) {
      const row = sourceRow(source);
      const datasets = tagged(sources.get(row.id), dataset);
      sources.set(row.id, { id: row.id, labels: ["Source"], props: { ...row.props, datasets } });
    }
  }
  // Relations after every dataset's nodes, as the writer does, so a relation may point into a dataset loaded later.
  // Each row is made once, for the import file and for the ledger record alike (a row hashes its properties).
  const ledger: LedgerRecord[] = [];
  for (const ds of datasets) {
    const rows = ds.relations.map((r) => relationRow(r, ds.info.id, ds.eventLogs?.get(r.id)));
    for (const row of rows) {
      // The writer MATCHes both ends and so writes nothing for a relation whose end no entity has; the same here.
      if (!entities.has(row.from) || !entities.has(row.to)) continue;
      relations.set(`${row.type}\u0000${row.id}`, row);
    }
    ledger.push(ledgerRecordOf(ds, DEFAULT_WRITE_OPTIONS, datasetHash(ds), rows));
  }
  return {
    entities: [...entities.values()],
    sources: [...sources.values()],
    relations: [...relations.values()],
    ledger,
  };
}
