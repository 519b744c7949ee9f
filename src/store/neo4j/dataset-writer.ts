// Writes datasets into Neo4j through the shared Neo4jClient: the schema first, then entities, sources and relations
// in UNWIND batches, one write transaction each, MERGE on the constrained keys (every statement from cypher/, by
// name). Only rows whose content hash changed are written, so a second load of the same data writes nothing; rows a
// dataset no longer lists are removed, other datasets' rows stay.

import { createHash } from "node:crypto";
import neo4j from "neo4j-driver";
import { RELATION_TYPE_NAMES } from "../../model/relations.ts";
import { foldText } from "../../model/text.ts";
import { mergeRelation } from "../../model/dataset-merge.ts";
import {
  flattenAliases,
  type Dataset,
  type Entity,
  type EventLog,
  type Relation,
  type Source,
} from "../../model/types.ts";
import type { Neo4jClient } from "./client.ts";
import { toEventLog } from "./mapping.ts";
import { getQuery, getStatements, withAllKinds, withKind, withRelationType } from "./queries.ts";

export interface WriteOptions {
  /** Rows per transaction. */
  batchSize: number;
  /**
   * Write transactions of relation batches in flight at once, through the one client. 1 by default: on the 2-core
   * benchmark machine two at once loaded 500k relations in 126 s against 100 s for one (lock waits on shared
   * entities).
   */
  concurrency: number;
  /** Called after each batch with rows written so far and rows to write in all. */
  onProgress?: (done: number, total: number, what: string) => void;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = { batchSize: 10_000, concurrency: 1 };

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
}

interface Phase {
  what: string;
  done: number;
  total: number;
}

const phase = (what: string, total: number): Phase => ({ what, done: 0, total });

const emptyTally = (): Tally => ({ created: 0, updated: 0, removed: 0, unchanged: 0 });

type Props = Record<string, unknown>;
interface Row {
  id: string;
  props: Props;
}

function hashOf(props: Props): string {
  return createHash("sha1").update(JSON.stringify(props)).digest("base64url");
}

function toNeo4jDate(iso: string | undefined): unknown {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** What search reads: the name and every alias, folded (model/text.ts), one a line. */
export function searchTextOf(entity: Entity): string {
  return [entity.name, ...flattenAliases(entity)].map(foldText).join("\n");
}

export function entityRow(entity: Entity): Row & { kind: string } {
  const aliases = Object.entries(entity.aliases).flatMap(([lang, names]) => names.map((n) => [lang, n] as const));
  const props: Props = {
    kind: entity.kind,
    name: entity.name,
    aliases: aliases.map(([, n]) => n),
    aliasLangs: aliases.map(([l]) => l),
    iso3: entity.iso3 ?? null,
    description: entity.description ?? null,
    searchText: searchTextOf(entity),
  };
  return { id: entity.id, kind: entity.kind, props: { ...props, hash: hashOf(props) } };
}

export function sourceRow(source: Source): Row {
  const props: Props = {
    title: source.title,
    publisher: source.publisher ?? null,
    url: source.url ?? null,
    published: source.published ?? null,
    marking: source.marking ?? null,
  };
  return { id: source.id, props: { ...props, hash: hashOf(props), published: toNeo4jDate(source.published) } };
}

/** The flat properties of a feed relation's tally and event log (Neo4j has no map properties); null when none. */
function eventProps(relation: Relation, log: EventLog | undefined): Props {
  const t = relation.events;
  return {
    eventCount: t?.count ?? null,
    eventMentions: t?.mentions ?? null,
    eventSources: t?.sources ?? null,
    eventArticles: t?.articles ?? null,
    goldstein: t?.goldstein ?? null,
    tone: t?.tone ?? null,
    firstSeen: t?.firstSeen ?? null,
    lastSeen: t?.lastSeen ?? null,
    eventIds: t?.eventIds ?? null,
    logMentions: log?.mentions ?? null,
    logSources: log?.sources ?? null,
    logArticles: log?.articles ?? null,
    logGoldstein10: log?.goldstein10 ?? null,
    logTone1e6: log?.tone1e6 ?? null,
    logAdded: log?.added ?? null,
    topEventIds: log?.top.map((s) => s.eventId) ?? null,
    topUrls: log?.top.map((s) => s.url) ?? null,
    topDays: log?.top.map((s) => s.day) ?? null,
    topCodes: log?.top.map((s) => s.code) ?? null,
    hosts: log?.hosts ?? null,
    attributes: relation.attributes ? JSON.stringify(relation.attributes) : null,
  };
}

export function relationRow(
  relation: Relation,
  dataset: string,
  log?: EventLog,
): Row & { type: string; from: string; to: string } {
  const props: Props = {
    dataset,
    from: relation.from,
    to: relation.to,
    date: relation.date ?? null,
    validFrom: relation.validFrom ?? null,
    validTo: relation.validTo ?? null,
    confidence: relation.confidence,
    inference: relation.inference,
    sourceIds: relation.evidence.map((e) => e.source),
    evidence: relation.evidence.map((e) => e.text),
    note: relation.note ?? null,
    marking: relation.marking ?? null,
    ...eventProps(relation, log),
  };
  const { from: _from, to: _to, ...stored } = props;
  return {
    id: relation.id,
    type: relation.type,
    from: relation.from,
    to: relation.to,
    props: {
      ...stored,
      // The hash covers the type and both ends: a relation that moved is rewritten, not patched.
      hash: hashOf({ type: relation.type, ...props }),
      date: toNeo4jDate(relation.date),
      validFrom: toNeo4jDate(relation.validFrom),
      validTo: toNeo4jDate(relation.validTo),
    },
  };
}

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

export class DatasetWriter {
  private readonly options: WriteOptions;

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
    await this.applySchema();
    const summaries: DatasetWriteSummary[] = [];
    // Entities and sources of every dataset first, so relations may point across datasets loaded together.
    for (const ds of datasets) {
      summaries.push({
        dataset: ds.info.id,
        entities: await this.writeNodes(ds, "entities"),
        sources: await this.writeNodes(ds, "sources"),
        relations: emptyTally(),
      });
    }
    for (const [i, ds] of datasets.entries()) {
      summaries[i]!.relations = ds.mode === "merge" ? await this.mergeRelations(ds) : await this.writeRelations(ds);
    }
    // Removals last: an entity dropped from one file may still be used by a relation written above. A dataset in
    // "merge" mode (a feed) removes nothing: 15-minute files accumulate.
    for (const [i, ds] of datasets.entries()) {
      if (ds.mode === "merge") continue;
      summaries[i]!.entities.removed = await this.untag(ds, "entities");
      summaries[i]!.sources.removed = await this.untag(ds, "sources");
    }
    return summaries;
  }

  private async read<T>(query: string, params: Props, purpose: string): Promise<T[]> {
    const result = await this.client.read(`load ${purpose}`, (tx) => tx.run(query, params));
    return result.records.map((r) => r.toObject() as T);
  }

  /** Writes rows in batches; progress is counted for the whole phase (all kinds or types of one dataset). */
  private async writeBatches<T>(
    rows: readonly T[],
    phase: Phase,
    purpose: string,
    run: (batch: T[]) => { query: string; params: Props },
  ): Promise<void> {
    for (const batch of chunks(rows, this.options.batchSize)) {
      const { query, params } = run(batch);
      await this.client.write(`load ${purpose}`, (tx) => tx.run(query, params));
      phase.done += batch.length;
      this.options.onProgress?.(phase.done, phase.total, phase.what);
    }
  }

  private async writeNodes(ds: Dataset, what: "entities" | "sources"): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const rows: (Row & { kind?: string })[] =
      what === "entities" ? ds.entities.map(entityRow) : ds.sources.map(sourceRow);
    const existing = new Map<string, { hash: string | null; kind?: string | null; tagged: boolean }>();
    for (const batch of chunks(rows, 50_000)) {
      const found = await this.read<{ id: string; hash: string | null; kind?: string | null; tagged: boolean }>(
        getQuery(what === "entities" ? "load-existing-entities" : "load-existing-sources"),
        { ids: batch.map((r) => r.id), dataset },
        `read existing ${what}`,
      );
      for (const f of found) existing.set(f.id, f);
    }
    const toWrite = rows.filter((row) => {
      const old = existing.get(row.id);
      if (!old) tally.created++;
      else if (old.hash !== row.props.hash) tally.updated++;
      else if (!old.tagged) tally.updated++;
      else {
        tally.unchanged++;
        return false;
      }
      return true;
    });
    const progress = phase(`${what} of ${dataset}`, toWrite.length);
    if (what === "entities") {
      // Only entities whose kind changed lose their old kind label; the rest skip the label removal.
      const relabel = toWrite.filter((r) => {
        const oldKind = existing.get(r.id)?.kind;
        return oldKind != null && oldKind !== r.kind;
      });
      const relabelQuery = withAllKinds(getQuery("load-relabel-entities"));
      await this.writeBatches(relabel, phase("entities changing kind", relabel.length), "relabel", (batch) => ({
        query: relabelQuery,
        params: { ids: batch.map((r) => r.id) },
      }));
      for (const [kind, group] of groupBy(toWrite, (r) => r.kind!)) {
        const query = withKind(getQuery("load-merge-entities"), kind);
        await this.writeBatches(group, progress, `entities (${kind})`, (batch) => ({
          query,
          params: { rows: batch.map(({ id, props }) => ({ id, props })), dataset },
        }));
      }
    } else {
      await this.writeBatches(toWrite, progress, "sources", (batch) => ({
        query: getQuery("load-merge-sources"),
        params: { rows: batch, dataset },
      }));
    }
    return tally;
  }

  private async untag(ds: Dataset, what: "entities" | "sources"): Promise<number> {
    const dataset = ds.info.id;
    const listed = new Set<string>((what === "entities" ? ds.entities : ds.sources).map((x) => x.id));
    const tagged = await this.read<{ id: string }>(
      getQuery(what === "entities" ? "load-dataset-entities" : "load-dataset-sources"),
      { dataset },
      `read ${what} of dataset`,
    );
    const dropped = tagged.map((t) => t.id).filter((id) => !listed.has(id));
    if (dropped.length === 0) return 0;
    const query = getQuery(what === "entities" ? "load-untag-entities" : "load-untag-sources");
    await this.writeBatches(
      dropped,
      phase(`${what} removed from ${dataset}`, dropped.length),
      `${what} removed`,
      (batch) => ({
        query,
        params: { ids: batch, dataset },
      }),
    );
    return dropped.length;
  }

  /**
   * Relations of a merge-mode dataset (a feed): each is compared with what is stored under its id; an aggregated
   * relation's event log merges with the stored one by event id, so events already counted count once. Nothing is
   * removed.
   */
  private async mergeRelations(ds: Dataset): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const toWrite: ReturnType<typeof relationRow>[] = [];
    for (const [type, group] of groupBy(ds.relations, (r) => r.type)) {
      const query = withRelationType(getQuery("load-relations-by-id"), type);
      for (const batch of chunks(group, this.options.batchSize)) {
        const stored = new Map(
          (
            await this.read<{ id: string; props: Props }>(
              query,
              { ids: batch.map((r) => r.id) },
              "read stored relations",
            )
          ).map((r) => [r.id, r.props]),
        );
        for (const relation of batch) {
          const old = stored.get(relation.id);
          const merged = mergeRelation(old ? toEventLog(old) : undefined, relation, ds.eventLogs?.get(relation.id));
          const row = relationRow(merged.relation, dataset, merged.log);
          if (!old) tally.created++;
          else if (old.hash === row.props.hash) {
            tally.unchanged++;
            continue;
          } else tally.updated++;
          toWrite.push(row);
        }
      }
    }
    await this.writeRelationRows(toWrite, phase(`relations of ${dataset}`, toWrite.length));
    return tally;
  }

  private async writeRelations(ds: Dataset): Promise<Tally> {
    const tally = emptyTally();
    const dataset = ds.info.id;
    const rows = ds.relations.map((r) => relationRow(r, dataset, ds.eventLogs?.get(r.id)));
    const existing = new Map(
      (
        await this.read<{ id: string; type: string; hash: string | null }>(
          getQuery("load-dataset-relations"),
          { dataset },
          "read existing relations",
        )
      ).map((r) => [r.id, r]),
    );
    const toDelete: { id: string; type: string }[] = [];
    const toWrite = rows.filter((row) => {
      const old = existing.get(row.id);
      existing.delete(row.id);
      if (!old) {
        tally.created++;
        return true;
      }
      if (old.hash === row.props.hash) {
        tally.unchanged++;
        return false;
      }
      tally.updated++;
      toDelete.push(old);
      return true;
    });
    for (const gone of existing.values()) {
      tally.removed++;
      toDelete.push(gone);
    }
    const progress = phase(`relations of ${dataset}`, toDelete.length + toWrite.length);
    for (const [type, group] of groupBy(toDelete, (r) => r.type)) {
      const query = withRelationType(getQuery("load-delete-relations"), type);
      await this.writeBatches(group, progress, `relations removed (${type})`, (batch) => ({
        query,
        params: { ids: batch.map((r) => r.id) },
      }));
    }
    await this.writeRelationRows(toWrite, progress);
    return tally;
  }

  private async writeRelationRows(toWrite: ReturnType<typeof relationRow>[], progress: Phase): Promise<void> {
    // With concurrency > 1, batches of new and changed relations go out as parallel transactions: while Neo4j runs
    // one, the driver encodes the next. Two batches that lock the same entities may deadlock; the driver retries.
    const jobs: { type: string; query: string; batch: typeof toWrite }[] = [];
    for (const [type, group] of groupBy(toWrite, (r) => r.type)) {
      const query = withRelationType(getQuery("load-merge-relations"), type);
      for (const batch of chunks(group, this.options.batchSize)) jobs.push({ type, query, batch });
    }
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const rows = job.batch.map(({ id, from, to, props }) => ({ id, from, to, props }));
        const query = job.query;
        await this.client.write(`load relations (${job.type})`, (tx) => tx.run(query, { rows }));
        progress.done += job.batch.length;
        this.options.onProgress?.(progress.done, progress.total, progress.what);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
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
