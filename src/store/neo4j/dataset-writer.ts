// Writes datasets into Neo4j through the shared Neo4jClient: the schema first, then entities, sources and relations.
// A dataset whose hash matches the one its last complete load recorded (load-ledger.ts) is skipped without reading a
// row back. Otherwise a diff read (ids and hashes only, streamed) sorts rows into new, changed, unchanged and gone:
// new ones are written with CREATE after a MATCH of both ends by the constrained key, changed ones with SET on the
// matched relationship, gone ones deleted, in transactions cut by bytes (load-plan.ts). Relations go out by bucket
// of their start entity, so transactions in flight at once never lock the same start entity. Rows a dataset no
// longer lists are removed, other datasets' rows stay. Every statement comes from cypher/, by name.

import neo4j, { type Record as Neo4jRecord } from "neo4j-driver";
import { RELATION_TYPE_NAMES } from "../../model/relations.ts";
import { mergeRelation } from "../../model/dataset-merge.ts";
import type { Dataset } from "../../model/types.ts";
import type { Neo4jClient } from "./client.ts";
import { classifyNeo4jError } from "./errors.ts";
import {
  beginLedger,
  commitLedger,
  newToken,
  readLedger,
  validEntry,
  type LedgerEntry,
  type LedgerRecord,
} from "./load-ledger.ts";
import { bucketCount, bucketHashes, bucketOf, byteBatches, datasetHash } from "./load-plan.ts";
import {
  entityRow,
  relationRow,
  sourceRow,
  type EntityRow,
  type Props,
  type RelationRow,
  type Row,
} from "./load-rows.ts";
import { toEventLog } from "./mapping.ts";
import { getQuery, getStatements, withAllKinds, withKind, withRelationType } from "./queries.ts";

export { entityRow, relationRow, searchTextOf, sourceRow } from "./load-rows.ts";

export interface WriteOptions {
  /** Rows per transaction at most (1 makes the one-transaction-per-row baseline of the benchmark). */
  batchSize: number;
  /** Bytes per transaction at most, counted as the rows' JSON text: what usually cuts a batch. */
  batchBytes: number;
  /**
   * Relation buckets (and batches of new entities) written at once, each through transactions of its own on the one
   * client. 4 by default: in the loader bench at 100k entities / 500k relations on the 2-core machine (2026-12-04, two
   * runs) 4 sessions loaded in 31.8 s and 29.5 s, 2 in 37.5 s and 39.2 s, 1 in 45.1 s and 43.9 s; warm, one load
   * after another, 4 took 27.0-27.3 s and 2 took 27.9-28.4 s. While Neo4j writes one batch, the driver encodes the
   * next.
   */
  concurrency: number;
  /**
   * "create" (default): rows the diff read finds new are created, changed ones set. "merge": every new or changed row
   * goes through MERGE, as earlier versions wrote; kept to compare the two (they must give the same graph).
   */
  strategy: "create" | "merge";
  /** Skip a dataset whose hashes on its :StatecraftLoad node match (default). False checks every row. */
  skipUnchanged: boolean;
  /**
   * The relation ids the database held, under any type, when the load's ownership check read it (dataset-holdings).
   * A feed's relation not among them is new without a look, so a first load of a feed reads nothing back. A
   * relation another writer makes meanwhile fails its CREATE on the id constraint, and its batch goes through MERGE.
   */
  heldRelationIds?: ReadonlySet<string>;
  /** Called after each batch with rows written so far and rows to write in all. */
  onProgress?: (done: number, total: number, what: string) => void;
  /** Called with the wall time of each step (schema, hashing, diff reads, writes), for the loader's profile. */
  onStep?: (step: string, ms: number) => void;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = {
  batchSize: 20_000,
  batchBytes: 4_000_000,
  concurrency: 4,
  strategy: "create",
  skipUnchanged: true,
};

function bucketsFor(rows: readonly Row[], options: Pick<WriteOptions, "batchBytes" | "concurrency">): number {
  let bytes = 0;
  for (const row of rows) bytes += row.bytes;
  // At least a few buckets a worker, so that workers finish close together.
  return Math.max(bucketCount(bytes, options.batchBytes), options.concurrency > 1 ? 4 * options.concurrency : 1);
}

/**
 * What a complete load of `ds` records in the :StatecraftLoad ledger (load-ledger.ts): its hash and, for a curated
 * dataset, the hash of each bucket of its relations. The bulk first load records the same, so that loading the same
 * files afterwards is the fast no-op.
 */
export function ledgerRecordOf(
  ds: Dataset,
  options: Pick<WriteOptions, "batchBytes" | "concurrency">,
  hash: string,
  rows: readonly RelationRow[],
): LedgerRecord {
  if (ds.mode === "merge") return { dataset: ds.info.id, hash, buckets: null, bucketHashes: null, bucketCounts: null };
  const buckets = bucketsFor(rows, options);
  const { hashes, counts } = bucketHashes(rows, buckets);
  return { dataset: ds.info.id, hash, buckets, bucketHashes: hashes, bucketCounts: counts };
}

export interface Tally {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface DatasetWriteSummary {
  dataset: string;
  entities: Tally;
  sources: Tally;
  relations: Tally;
  /** True when the dataset's hashes matched its last complete load and nothing was read or written. */
  skipped?: boolean;
}

interface Phase {
  what: string;
  done: number;
  total: number;
}

const phase = (what: string, total: number): Phase => ({ what, done: 0, total });

const emptyTally = (): Tally => ({ created: 0, updated: 0, removed: 0, unchanged: 0 });

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const wire = ({ id, from, to, props }: RelationRow) => ({ id, from, to, props });

/**
 * New nodes a transaction, when parallel workers create them. Measured on the 2-core machine, 96k feed sources
 * created by 2 workers: 1.9-2.1 s in transactions of 5,000, 2.5-2.7 s of 20,000 (LOAD CSV with MERGE, 5,000 a
 * transaction: 2.3-2.7 s).
 */
const NEW_NODES_PER_TRANSACTION = 5_000;

/**
 * Sorts node rows by what the diff read found stored under their ids, counting each in the tally: new ones to create
 * (to merge, with the "merge" strategy), changed or not yet tagged with the dataset to merge, the rest unchanged.
 */
function sortNodeRows<R extends Row>(
  rows: readonly R[],
  existing: ReadonlyMap<string, { hash: string | null; tagged: boolean }>,
  tally: Tally,
  strategy: WriteOptions["strategy"],
): { creates: R[]; updates: R[] } {
  const creates: R[] = [];
  const updates: R[] = [];
  for (const row of rows) {
    const old = existing.get(row.id);
    if (!old) {
      tally.created++;
      (strategy === "create" ? creates : updates).push(row);
    } else if (old.hash !== row.props.hash || !old.tagged) {
      tally.updated++;
      updates.push(row);
    } else tally.unchanged++;
  }
  return { creates, updates };
}

/** A curated dataset's relation rows, built a slice at a time with a turn of the event loop between slices. */
async function buildRelationRows(ds: Dataset): Promise<RelationRow[]> {
  const rows: RelationRow[] = [];
  for (const [i, r] of ds.relations.entries()) {
    rows.push(relationRow(r, ds.info.id, ds.eventLogs?.get(r.id)));
    if (i % 2_000 === 1_999) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** The new and changed relations of one bucket (one start entity never in two buckets). */
interface BucketWork {
  creates: RelationRow[];
  updates: RelationRow[];
}

export class DatasetWriter {
  private readonly options: WriteOptions;
  /** The generation token of this load once it has written (load-ledger.ts), or the pending begin. */
  private begun: Promise<string> | undefined;
  /** Set once this load wrote relations: another dataset's may then differ from what its ledger entry says. */
  private relationsWritten = false;

  constructor(
    private readonly client: Neo4jClient,
    options: Partial<WriteOptions> = {},
  ) {
    this.options = { ...DEFAULT_WRITE_OPTIONS, ...options };
  }

  /** Applies cypher/schema.cypher and one id constraint per relation type; every statement is IF NOT EXISTS. */
  async applySchema(): Promise<void> {
    const statements = [
      ...getStatements("schema.cypher"),
      ...RELATION_TYPE_NAMES.map((t) => withRelationType(getStatements("relationship-id-constraint.cypher")[0]!, t)),
    ];
    // Schema commands cannot share a transaction with writes, so each runs on its own.
    for (const statement of statements) await this.client.write("load schema", (tx) => tx.run(statement));
    await this.client.write("load schema: await indexes", (tx) => tx.run(getQuery("schema-await-indexes")));
  }

  async write(datasets: readonly Dataset[]): Promise<DatasetWriteSummary[]> {
    await this.timed("schema", () => this.applySchema());
    const ledger = await this.timed("ledger read", () =>
      readLedger(
        this.client,
        datasets.map((d) => d.info.id),
      ),
    );
    this.begun = undefined;
    this.relationsWritten = false;
    const hashes = await this.timed("dataset hashes", async () => datasets.map(datasetHash));
    const skipped = datasets.map(
      (ds, i) => this.options.skipUnchanged && validEntry(ledger, ds.info.id)?.hash === hashes[i],
    );
    const summaries: DatasetWriteSummary[] = datasets.map((ds, i) =>
      skipped[i]
        ? {
            dataset: ds.info.id,
            entities: { ...emptyTally(), unchanged: ds.entities.length },
            sources: { ...emptyTally(), unchanged: ds.sources.length },
            relations: { ...emptyTally(), unchanged: ds.relations.length },
            skipped: true,
          }
        : { dataset: ds.info.id, entities: emptyTally(), sources: emptyTally(), relations: emptyTally() },
    );
    const todo = datasets.flatMap((ds, i) => (skipped[i] ? [] : [{ ds, summary: summaries[i]!, hash: hashes[i]! }]));
    // The relation rows (and their hashes) are built while Neo4j writes the entities and sources: building yields to
    // the driver between slices, so the writes go on meanwhile instead of waiting for 2.5 s of Node per 500k rows.
    const building = new Map(
      todo.map(({ ds }) => {
        const rows = ds.mode === "merge" ? Promise.resolve([]) : buildRelationRows(ds);
        rows.catch(() => undefined); // awaited below; a failure there, not as an unhandled rejection meanwhile
        return [ds, rows] as const;
      }),
    );
    // Entities and sources of every dataset first, so relations may point across datasets loaded together.
    for (const { ds, summary } of todo) {
      summary.entities = await this.timed("entities", () => this.writeEntities(ds));
      summary.sources = await this.timed("sources", () => this.writeSources(ds));
    }
    const records: LedgerRecord[] = [];
    for (const { ds, summary, hash } of todo) {
      const rows = await this.timed("relation rows (what was left to build)", () => building.get(ds)!);
      summary.relations = await this.timed("relations", () =>
        ds.mode === "merge" ? this.mergeRelations(ds) : this.writeRelations(ds, rows, validEntry(ledger, ds.info.id)),
      );
      records.push(ledgerRecordOf(ds, this.options, hash, rows));
    }
    // Removals last: an entity dropped from one file may still be used by a relation written above. A dataset in
    // "merge" mode (a feed) removes nothing: 15-minute files accumulate.
    for (const { ds, summary } of todo) {
      if (ds.mode === "merge") continue;
      summary.entities.removed = await this.timed("removals", () => this.untag(ds, "entities"));
      summary.sources.removed = await this.timed("removals", () => this.untag(ds, "sources"));
    }
    if (records.length > 0) {
      const token = this.begun ? await this.begun : (ledger.token ?? newToken());
      await this.timed("ledger commit", () => commitLedger(this.client, token, records));
    }
    return summaries;
  }

  private bucketsFor(rows: readonly Row[]): number {
    return bucketsFor(rows, this.options);
  }

  private async timed<T>(step: string, run: () => Promise<T>): Promise<T> {
    if (!this.options.onStep) return run();
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.options.onStep(step, performance.now() - started);
    }
  }

  /** Every write transaction of a load goes through here: the first one marks the load as begun in the ledger. */
  private async writeTx(purpose: string, query: string, params: Props): Promise<Neo4jRecord[]> {
    this.begun ??= beginLedger(this.client);
    await this.begun;
    const result = await this.client.write(`load ${purpose}`, (tx) => tx.run(query, params));
    return result.records;
  }

  /** A read whose records are handed over one by one as they arrive; `reset` starts again when the driver retries. */
  private async stream(
    purpose: string,
    query: string,
    params: Props,
    reset: () => void,
    onRecord: (record: Neo4jRecord) => void,
  ): Promise<void> {
    await this.client.read(`load ${purpose}`, async (tx) => {
      reset();
      for await (const record of tx.run(query, params)) onRecord(record);
    });
  }

  /**
   * Writes rows in batches cut by bytes; progress is counted for the whole phase. `parallel`: the batches share no row
   * and lock nothing in common (new nodes), so they go through `concurrency` workers.
   */
  private async writeBatches<T extends Pick<Row, "bytes">>(
    rows: readonly T[],
    progress: Phase,
    purpose: string,
    run: (batch: T[]) => { query: string; params: Props; fallback?: { query: string; params: Props } },
    parallel = false,
  ): Promise<void> {
    // New nodes by parallel workers go in transactions of at most NEW_NODES_PER_TRANSACTION rows.
    const size = parallel ? Math.min(this.options.batchSize, NEW_NODES_PER_TRANSACTION) : this.options.batchSize;
    const batches = byteBatches(rows, this.options.batchBytes, size);
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const { query, params, fallback } = run(batch);
        try {
          await this.writeTx(purpose, query, params);
        } catch (error) {
          // A row created meanwhile by another writer: the batch goes again through MERGE, which takes it over.
          if (!fallback || classifyNeo4jError(error) !== "constraint") throw error;
          await this.writeTx(`${purpose} (merge)`, fallback.query, fallback.params);
        }
        progress.done += batch.length;
        this.options.onProgress?.(progress.done, progress.total, progress.what);
      }
    };
    await Promise.all(Array.from({ length: parallel ? Math.max(1, this.options.concurrency) : 1 }, worker));
  }

  private async writeEntities(ds: Dataset): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const rows = ds.entities.map(entityRow);
    const existing = new Map<string, { hash: string | null; kind: string | null; tagged: boolean }>();
    for (const batch of chunks(rows, 50_000)) {
      const found: [string, { hash: string | null; kind: string | null; tagged: boolean }][] = [];
      await this.stream(
        "read existing entities",
        getQuery("load-existing-entities"),
        { ids: batch.map((r) => r.id), dataset },
        () => (found.length = 0),
        (r) =>
          found.push([r.get("id"), { hash: r.get("hash"), kind: r.get("kind"), tagged: r.get("tagged") === true }]),
      );
      for (const [id, f] of found) existing.set(id, f);
    }
    const { creates, updates } = sortNodeRows(rows, existing, tally, this.options.strategy);
    const progress = phase(`entities of ${dataset}`, creates.length + updates.length);
    // Only entities whose kind changed lose their old kind label; the rest skip the label removal.
    const relabel = updates.filter((r) => {
      const oldKind = existing.get(r.id)?.kind;
      return oldKind != null && oldKind !== r.kind;
    });
    const relabelQuery = withAllKinds(getQuery("load-relabel-entities"));
    await this.writeBatches(relabel, phase("entities changing kind", relabel.length), "relabel", (batch) => ({
      query: relabelQuery,
      params: { ids: batch.map((r) => r.id) },
    }));
    const node = ({ id, props }: EntityRow) => ({ id, props });
    for (const [kind, group] of groupBy(creates, (r) => r.kind)) {
      const merge = withKind(getQuery("load-merge-entities"), kind);
      const create = withKind(getQuery("load-create-entities"), kind);
      await this.writeBatches(
        group,
        progress,
        `new entities (${kind})`,
        (batch) => {
          const params = { rows: batch.map(node), dataset };
          return { query: create, params, fallback: { query: merge, params } };
        },
        true,
      );
    }
    for (const [kind, group] of groupBy(updates, (r) => r.kind)) {
      const query = withKind(getQuery("load-merge-entities"), kind);
      await this.writeBatches(group, progress, `entities (${kind})`, (batch) => ({
        query,
        params: { rows: batch.map(node), dataset },
      }));
    }
    return tally;
  }

  private async writeSources(ds: Dataset): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const rows = ds.sources.map(sourceRow);
    const existing = new Map<string, { hash: string | null; tagged: boolean }>();
    await this.timed("sources: diff read", async () => {
      for (const batch of chunks(rows, 50_000)) {
        const found: [string, { hash: string | null; tagged: boolean }][] = [];
        await this.stream(
          "read existing sources",
          getQuery("load-existing-sources"),
          { ids: batch.map((r) => r.id), dataset },
          () => (found.length = 0),
          (r) => found.push([r.get("id"), { hash: r.get("hash"), tagged: r.get("tagged") === true }]),
        );
        for (const [id, f] of found) existing.set(id, f);
      }
    });
    const { creates, updates } = sortNodeRows(rows, existing, tally, this.options.strategy);
    // A feed names a source per article URL (96k for a million GDELT rows): new ones are created by parallel
    // workers, as new entities are; changed ones go through MERGE.
    const progress = phase(`sources of ${dataset}`, creates.length + updates.length);
    const merge = getQuery("load-merge-sources");
    const create = getQuery("load-create-sources");
    const node = ({ id, props }: Row) => ({ id, props });
    await this.writeBatches(
      creates,
      progress,
      "new sources",
      (batch) => {
        const params = { rows: batch.map(node), dataset };
        return { query: create, params, fallback: { query: merge, params } };
      },
      true,
    );
    await this.writeBatches(updates, progress, "sources", (batch) => ({
      query: merge,
      params: { rows: batch.map(node), dataset },
    }));
    return tally;
  }

  private async untag(ds: Dataset, what: "entities" | "sources"): Promise<number> {
    const dataset = ds.info.id;
    const listed = new Set<string>((what === "entities" ? ds.entities : ds.sources).map((x) => x.id));
    const dropped: string[] = [];
    await this.stream(
      `read ${what} of dataset`,
      getQuery(what === "entities" ? "load-dataset-entities" : "load-dataset-sources"),
      { dataset },
      () => (dropped.length = 0),
      (r) => {
        const id = String(r.get("id"));
        if (!listed.has(id)) dropped.push(id);
      },
    );
    if (dropped.length === 0) return 0;
    const query = getQuery(what === "entities" ? "load-untag-entities" : "load-untag-sources");
    const rows = dropped.map((id) => ({ id, bytes: id.length + 8 }));
    await this.writeBatches(
      rows,
      phase(`${what} removed from ${dataset}`, rows.length),
      `${what} removed`,
      (batch) => ({
        query,
        params: { ids: batch.map((r) => r.id), dataset },
      }),
    );
    return dropped.length;
  }

  /**
   * Relations of a merge-mode dataset (a feed): each is compared with what is stored under its id; an aggregated
   * relation's event log merges with the stored one by event id, so events already counted count once. Nothing is
   * removed. Streamed: rows are built for one read chunk at a time and written once about four batches
   * have gathered, while the next chunks are read, so a million-event feed never holds all its rows at once.
   */
  private async mergeRelations(ds: Dataset): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const progress = phase(`relations of ${dataset}`, ds.relations.length);
    // Rows in flight: about four batches' worth whatever the concurrency (a million GDELT rows peak near 530 MB).
    const flushBytes = 4 * this.options.batchBytes;
    let creates: RelationRow[] = [];
    let updates: RelationRow[] = [];
    let gathered = 0;
    let writing: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const flush = async () => {
      const [c, u] = [creates, updates];
      [creates, updates, gathered] = [[], [], 0];
      await writing;
      if (failure) throw failure.error;
      // Not awaited here: the next chunk is read meanwhile. A failure is kept and thrown by the next flush.
      writing = this.writeRelationRows(c, u, [], progress).catch((error: unknown) => {
        failure = { error };
      });
    };
    let readMs = 0;
    for (const [type, group] of groupBy(ds.relations, (r) => r.type)) {
      const query = withRelationType(getQuery("load-relations-by-id"), type);
      for (const batch of chunks(group, 10_000)) {
        const started = performance.now();
        const stored = new Map<string, Props>();
        const held = this.options.heldRelationIds;
        const ids = (held ? batch.filter((r) => held.has(r.id)) : batch).map((r) => r.id);
        if (ids.length > 0) {
          await this.stream(
            "read stored relations",
            query,
            { ids },
            () => stored.clear(),
            (r) => stored.set(r.get("id"), r.get("props") as Props),
          );
        }
        for (const relation of batch) {
          const old = stored.get(relation.id);
          const merged = mergeRelation(old ? toEventLog(old) : undefined, relation, ds.eventLogs?.get(relation.id));
          const row = relationRow(merged.relation, dataset, merged.log);
          if (!old) {
            tally.created++;
            creates.push(row);
            gathered += row.bytes;
          } else if (old.hash === row.props.hash) {
            tally.unchanged++;
            progress.done++;
          } else {
            tally.updated++;
            updates.push(row);
            gathered += row.bytes;
          }
        }
        readMs += performance.now() - started;
        if (gathered >= flushBytes) await flush();
      }
    }
    this.options.onStep?.("relations: read stored and merge event logs", readMs);
    await this.timed("relations: write what is left", async () => {
      await flush();
      await writing;
      if (failure) throw failure.error;
    });
    this.options.onProgress?.(progress.done, progress.total, progress.what);
    return tally;
  }

  /**
   * Fills `existing` with the ids, types and hashes of the relations the dataset holds that may differ from `rows`,
   * and answers the rows to compare with them. With the dataset's ledger entry valid and its buckets as many, only
   * the buckets whose hash changed are read, by their start entities; a bucket that holds fewer of them than recorded
   * has lost relations whose start entity the rows no longer name, and then, as without an entry, every relation of
   * the dataset is read (one streamed scan).
   */
  private async readExisting(
    ds: Dataset,
    rows: readonly RelationRow[],
    entry: LedgerEntry | undefined,
    existing: Map<string, { type: string; hash: string | null }>,
  ): Promise<readonly RelationRow[]> {
    const dataset = ds.info.id;
    const readAll = async () => {
      await this.stream(
        "read existing relations",
        getQuery("load-dataset-relations"),
        { dataset },
        () => existing.clear(),
        (r) => existing.set(r.get("id"), { type: r.get("type"), hash: r.get("hash") }),
      );
      return rows;
    };
    const buckets = this.bucketsFor(rows);
    const recorded = entry?.bucketHashes;
    const counts = entry?.bucketCounts;
    if (this.relationsWritten || !recorded || !counts || entry.buckets !== buckets) return readAll();
    const { hashes } = bucketHashes(rows, buckets);
    const changed = new Set(hashes.flatMap((h, b) => (h === recorded[b] ? [] : [b])));
    if (changed.size > buckets / 2) return readAll();
    const picked = rows.filter((r) => changed.has(bucketOf(r.from, buckets)));
    const found = new Array<number>(buckets).fill(0);
    for (const froms of chunks([...new Set(picked.map((r) => r.from))], 10_000)) {
      const part: [string, { type: string; hash: string | null }, string][] = [];
      await this.stream(
        "read existing relations of changed buckets",
        getQuery("load-relations-from"),
        { froms, dataset },
        () => (part.length = 0),
        (r) => part.push([r.get("id"), { type: r.get("type"), hash: r.get("hash") }, r.get("from")]),
      );
      for (const [id, rel, from] of part) {
        existing.set(id, rel);
        found[bucketOf(from, buckets)]!++;
      }
    }
    for (const b of changed) if (found[b]! < counts[b]!) return readAll();
    return picked;
  }

  private async writeRelations(
    ds: Dataset,
    rows: readonly RelationRow[],
    entry: LedgerEntry | undefined,
  ): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const existing = new Map<string, { type: string; hash: string | null }>();
    const changed = await this.timed("relations: diff read", () => this.readExisting(ds, rows, entry, existing));
    // Rows of buckets whose hash is as recorded are unchanged without a look.
    tally.unchanged += rows.length - changed.length;
    const toDelete: { id: string; type: string }[] = [];
    const creates: RelationRow[] = [];
    const updates: RelationRow[] = [];
    for (const row of changed) {
      const old = existing.get(row.id);
      existing.delete(row.id);
      if (!old) {
        tally.created++;
        creates.push(row);
      } else if (old.hash === row.props.hash) tally.unchanged++;
      else {
        tally.updated++;
        // A relation that changed type is another relationship: the old one goes, the new one is created.
        if (old.type !== row.type || this.options.strategy === "merge") {
          toDelete.push({ id: row.id, type: old.type });
          creates.push(row);
        } else updates.push(row);
      }
    }
    for (const [id, gone] of existing) {
      tally.removed++;
      toDelete.push({ id, type: gone.type });
    }
    const progress = phase(`relations of ${dataset}`, toDelete.length + creates.length + updates.length);
    await this.writeRelationRows(creates, updates, toDelete, progress);
    return tally;
  }

  private async deleteRelations(toDelete: readonly { id: string; type: string }[], progress: Phase): Promise<void> {
    for (const [type, group] of groupBy(toDelete, (r) => r.type)) {
      const query = withRelationType(getQuery("load-delete-relations"), type);
      const rows = group.map((r) => ({ id: r.id, bytes: r.id.length + 8 }));
      await this.writeBatches(rows, progress, `relations removed (${type})`, (batch) => ({
        query,
        params: { ids: batch.map((r) => r.id) },
      }));
    }
  }

  /**
   * Deletions first (a relation that changed type or ends is deleted, then created), then new and changed relations
   * bucket by bucket: with concurrency > 1 the buckets go to parallel workers, so that no two transactions in flight
   * write relations of the same start entity.
   */
  private async writeRelationRows(
    creates: readonly RelationRow[],
    updates: readonly RelationRow[],
    toDelete: readonly { id: string; type: string }[],
    progress: Phase,
  ): Promise<void> {
    if (creates.length + updates.length + toDelete.length > 0) this.relationsWritten = true;
    await this.deleteRelations(toDelete, progress);
    const buckets = this.bucketsFor([...creates, ...updates]);
    const work: BucketWork[] = Array.from({ length: buckets }, () => ({ creates: [], updates: [] }));
    for (const row of creates) work[bucketOf(row.from, buckets)]!.creates.push(row);
    for (const row of updates) work[bucketOf(row.from, buckets)]!.updates.push(row);
    const queue = work.filter((w) => w.creates.length + w.updates.length > 0);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.writeBucket(next, progress);
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
  }

  private async writeBucket(work: BucketWork, progress: Phase): Promise<void> {
    const byType = (rows: readonly RelationRow[]) =>
      [...rows].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    const merge = this.options.strategy === "merge";
    for (const batch of byteBatches(byType(work.creates), this.options.batchBytes, this.options.batchSize)) {
      await this.createRelations(batch, merge);
      progress.done += batch.length;
      this.options.onProgress?.(progress.done, progress.total, progress.what);
    }
    const moved: RelationRow[] = [];
    for (const batch of byteBatches(byType(work.updates), this.options.batchBytes, this.options.batchSize)) {
      for (const [type, group] of groupBy(batch, (r) => r.type)) {
        const records = await this.writeTx(
          `changed relations (${type})`,
          withRelationType(getQuery("load-update-relations"), type),
          { rows: group.map(wire) },
        );
        const ids = new Set(records.flatMap((r) => r.get("moved") as string[]));
        moved.push(...group.filter((r) => ids.has(r.id)));
      }
      progress.done += batch.length;
      this.options.onProgress?.(progress.done, progress.total, progress.what);
    }
    // A relation whose ends changed is another relationship: deleted, then created between its new ends.
    if (moved.length > 0) {
      await this.deleteRelations(moved, phase("relations moved", moved.length));
      for (const batch of byteBatches(moved, this.options.batchBytes, this.options.batchSize)) {
        await this.createRelations(batch, merge);
      }
    }
  }

  /** One transaction: a CREATE statement per relation type of the batch (MERGE with the "merge" strategy). */
  private async createRelations(batch: readonly RelationRow[], merge: boolean): Promise<void> {
    const groups = [...groupBy(batch, (r) => r.type)];
    const run = async (name: "load-create-relations" | "load-merge-relations") => {
      this.begun ??= beginLedger(this.client);
      await this.begun;
      await this.client.write(
        `load relations (${name === "load-merge-relations" ? "merge" : "create"})`,
        async (tx) => {
          for (const [type, group] of groups) {
            await tx.run(withRelationType(getQuery(name), type), { rows: group.map(wire) });
          }
        },
      );
    };
    if (merge) return run("load-merge-relations");
    try {
      await run("load-create-relations");
    } catch (error) {
      // An id that exists after all (written by another dataset or another load meanwhile): MERGE takes it over.
      if (classifyNeo4jError(error) !== "constraint") throw error;
      await run("load-merge-relations");
    }
  }
}

/** The country entities the database holds, by ISO alpha-3 code, for feeds to reuse (the first id of a code wins). */
export async function readCountryIds(client: Neo4jClient): Promise<Map<string, string>> {
  const result = await client.read("load countries", (tx) => tx.run(getQuery("load-country-entities")));
  const out = new Map<string, string>();
  for (const r of result.records) {
    const iso3 = String(r.get("iso3"));
    if (!out.has(iso3)) out.set(iso3, String(r.get("id")));
  }
  return out;
}

export async function countGraph(
  client: Neo4jClient,
): Promise<{ entities: number; sources: number; relations: number }> {
  const result = await client.read("counts", (tx) => tx.run(getQuery("counts")));
  const rec = result.records[0]!;
  return {
    entities: neo4j.integer.toNumber(rec.get("entities")),
    sources: neo4j.integer.toNumber(rec.get("sources")),
    relations: neo4j.integer.toNumber(rec.get("relations")),
  };
}
