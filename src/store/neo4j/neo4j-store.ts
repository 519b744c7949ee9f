// Neo4jStore: the GraphStore over a Neo4j database, answering exactly as the memory store does (the rules are in
// store/graph-store.ts). Every read goes through the shared Neo4jClient (client.ts): a read transaction tagged with
// its purpose, failing fast with StoreUnavailableError while the database is down. Users' own Cypher is not the
// store's business: cypher-runner.ts runs it.

import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from "neo4j-driver";
import type {
  EntityDetail,
  EntityRecord,
  EntitySummary,
  GraphFilter,
  Neighbourhood,
  NeighbourOptions,
  PathOptions,
  PathResult,
  PathSearch,
  RelationDetail,
  SearchHit,
  SourceRecord,
  Subgraph,
  Summary,
} from "../../model/api.ts";
import type { EntityKind } from "../../model/kinds.ts";
import type { ChangeKind, ChangeOptions, ChangesAnswer } from "../../model/changes.ts";
import { readRelation } from "../../model/readout.ts";
import {
  getRelationSpec,
  getTypesByStance,
  isRelationType,
  RELATION_TYPE_NAMES,
  type RelationType,
  type Stance,
} from "../../model/relations.ts";
import { foldText, scoreMatch, typoBigrams, typoPieces } from "../../model/text.ts";
import {
  PATHS_NARROWER,
  StoreTimeoutError,
  StoreUnavailableError,
  type GraphStore,
  type StoreOptions,
} from "../graph-store.ts";
import { MAX_PATH_CANDIDATES, rankPaths, selectPaths, toPathResult, type PathOutline } from "../path-ranking.ts";
import type { Neo4jClient } from "./client.ts";
import { classifyNeo4jError } from "./errors.ts";
import {
  RecordMappingError,
  toEntityRecord,
  toEntitySummary,
  toIsoDate,
  toRelationRecord,
  toSafeNumber,
  toSourceRecord,
} from "./mapping.ts";
import { getQuery, withInteger, withRelationTypes } from "./queries.ts";

/** Relations an entity's detail lists at most (model/api.ts EntityDetail). */
const ENTITY_RELATION_CAP = 1000;
/** The most relations a path may have; the server's own limit is lower, this one keeps the Cypher text sane. */
const MAX_HOPS_CEILING = 20;

type Row = Record<string, unknown>;

let relationQueryTexts: { one: string; batch: string } | undefined;

/** The relation queries with every registry type filled in: the same text for every call, so built once. */
function relationQueries(): { one: string; batch: string } {
  relationQueryTexts ??= {
    one: withRelationTypes(getQuery("store-relation"), RELATION_TYPE_NAMES),
    batch: withRelationTypes(getQuery("store-relations-batch"), RELATION_TYPE_NAMES),
  };
  return relationQueryTexts;
}

function rowsOf(records: Neo4jRecord[]): Row[] {
  return records.map((r) => r.toObject() as Row);
}

/** Code-unit order, the order of Neo4j's ORDER BY on strings and of the memory store's sorts. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The relation types a filter lets through: undefined when it names neither types nor stances (every type), else
 * the listed types that are in the listed stances. As in the memory store, a missing or empty list does not
 * constrain (a query string with no types asks for all of them), and an unknown type name matches nothing.
 */
export function allowedTypes(types?: readonly string[], stances?: readonly Stance[]): RelationType[] | undefined {
  const byType = types && types.length > 0 ? types : undefined;
  const byStance = stances && stances.length > 0 ? stances : undefined;
  if (!byType && !byStance) return undefined;
  let allowed: RelationType[] = byType ? byType.filter(isRelationType) : [...RELATION_TYPE_NAMES];
  if (byStance) {
    const inStances = new Set<string>(getTypesByStance(byStance));
    allowed = allowed.filter((t) => inStances.has(t));
  }
  return [...new Set(allowed)];
}

/** A time bound as a query parameter: like model/time.ts, an empty string sets no bound. */
function orNull(value: string | undefined): string | null {
  return value ? value : null;
}

/** A row of store-paths-*.cypher: what ranking needs, and the element id to read each relation whole later. */
interface OutlineRow extends PathOutline {
  nodes: { id: string }[];
  relations: { id: string; confidence: number; element: string }[];
}

function toPathOutline(row: Row): OutlineRow {
  return {
    nodes: (row.nodes as unknown[]).map((id) => ({ id: String(id) })),
    relations: (row.relations as Row[]).map((r) => ({
      id: String(r.id),
      confidence: toSafeNumber(r.confidence, "confidence"),
      element: String(r.element),
    })),
  };
}

/** A row of store-relation.cypher or store-relations-batch.cypher as the API's relation detail. */
function toRelationDetail(row: Row): RelationDetail {
  const fromEntity = toEntitySummary(row.fromEntity);
  const toEntity = toEntitySummary(row.toEntity);
  const record = toRelationRecord(row.relation, fromEntity.id, toEntity.id);
  const byId = new Map<string, SourceRecord>();
  for (const node of row.sources as unknown[]) {
    const source = toSourceRecord(node);
    byId.set(source.id, source);
  }
  // In evidence order, each source once; an id with no Source node is left out.
  const sources = [...new Set(record.evidence.map((e) => e.source))]
    .map((sid) => byId.get(sid))
    .filter((s): s is SourceRecord => s !== undefined);
  return {
    ...record,
    fromEntity,
    toEntity,
    sentence: readRelation({ type: record.type, from: fromEntity, to: toEntity }),
    sources,
  };
}

/** How a timed-out read of this purpose is named, and what to ask for less of: the fields of its route. */
const TIMED_OUT: Record<string, { what: string; narrow: string }> = {
  graph: { what: "the graph read", narrow: "a smaller limit, or kinds, types, stances, a dataset or dates" },
  search: { what: "the search", narrow: "a longer search text or a smaller limit" },
  neighbours: { what: "the neighbours read", narrow: "a smaller limit, types or a direction" },
  "path ends": { what: "the path search", narrow: PATHS_NARROWER },
  paths: { what: "the path search", narrow: PATHS_NARROWER },
  "entities batch": { what: "the entities batch read", narrow: "fewer ids" },
  "relations batch": { what: "the relations batch read", narrow: "fewer ids" },
};

export class Neo4jStore implements GraphStore {
  readonly kind = "neo4j" as const;

  constructor(
    private readonly client: Neo4jClient,
    private readonly options: StoreOptions = {},
  ) {}

  /**
   * Runs `work` in a read transaction tagged with `purpose`, within the store's timeout: the client (client.ts) ends
   * a transaction past it, on the server too, and a timeout becomes StoreTimeoutError naming what to ask less of.
   */
  private async read<T>(purpose: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const timeoutMs = this.options.timeoutMs;
    try {
      return await this.client.read(purpose, work, timeoutMs ? { timeoutMs } : {});
    } catch (error) {
      if (timeoutMs && !(error instanceof StoreUnavailableError) && classifyNeo4jError(error) === "timeout") {
        const named = TIMED_OUT[purpose];
        throw new StoreTimeoutError(named?.what ?? `the ${purpose} read`, timeoutMs, named?.narrow);
      }
      throw error;
    }
  }

  private async run(tx: ManagedTransaction, query: string, params: Row = {}): Promise<Row[]> {
    return rowsOf((await tx.run(query, params)).records);
  }

  async health(): Promise<{ store: "neo4j"; version?: string; entities: number; relations: number }> {
    const [row] = await this.read("health", (tx) => this.run(tx, getQuery("store-health")));
    return {
      store: "neo4j",
      ...(typeof row?.version === "string" ? { version: row.version } : {}),
      entities: toSafeNumber(row?.entities ?? 0, "entities"),
      relations: toSafeNumber(row?.relations ?? 0, "relations"),
    };
  }

  async summary(): Promise<Summary> {
    const [row] = await this.read("summary", (tx) => this.run(tx, getQuery("store-summary")));
    if (!row) throw new Error("statecraft/neo4j: the summary query returned no row");
    const byKind: Summary["byKind"] = {};
    for (const { kind, count } of row.byKind as { kind: EntityKind; count: unknown }[]) {
      const n = toSafeNumber(count, "count");
      if (kind && n > 0) byKind[kind] = n;
    }
    const byType: Summary["byType"] = {};
    const byStance: Summary["byStance"] = {};
    for (const { type, count } of row.byType as { type: RelationType; count: unknown }[]) {
      const n = toSafeNumber(count, "count");
      if (n === 0) continue;
      byType[type] = n;
      const stance = getRelationSpec(type).stance;
      byStance[stance] = (byStance[stance] ?? 0) + n;
    }
    const min = toIsoDate(row.minDate);
    const max = toIsoDate(row.maxDate);
    const datasets = (row.datasets as { id: string; entities: unknown; relations: unknown }[])
      .map((d) => ({
        id: d.id,
        entities: toSafeNumber(d.entities, "entities"),
        relations: toSafeNumber(d.relations, "relations"),
      }))
      .sort((a, b) => compareStrings(a.id, b.id));
    return {
      entities: toSafeNumber(row.entities, "entities"),
      relations: toSafeNumber(row.relations, "relations"),
      sources: toSafeNumber(row.sources, "sources"),
      byKind,
      byType,
      byStance,
      dateRange: { ...(min ? { min } : {}), ...(max ? { max } : {}) },
      datasets,
    };
  }

  async graph(filter: GraphFilter): Promise<Subgraph> {
    const limit = Math.max(0, Math.floor(filter.limit));
    const types = allowedTypes(filter.types, filter.stances);
    return this.read("graph", async (tx) => {
      const entityRows = await this.run(tx, getQuery("store-graph-entities"), {
        kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null,
        // Any string is a dataset id here, even "" (which tags nothing); only a missing one means every dataset.
        dataset: filter.dataset ?? null,
        limit: neo4j.int(limit + 1),
      });
      const entities = entityRows.slice(0, limit).map((r) => toEntityRecord(r.entity, r.degree));
      const relationRows =
        entities.length === 0 || types?.length === 0
          ? []
          : await this.run(tx, getQuery("store-graph-relations"), {
              ids: entities.map((e) => e.id),
              types: types ?? null,
              dataset: filter.dataset ?? null,
              asOf: orNull(filter.asOf),
              from: orNull(filter.from),
              to: orNull(filter.to),
              limit: neo4j.int(limit + 1),
            });
      const relations = relationRows.slice(0, limit).map((r) => toRelationRecord(r.relation, r.from, r.to));
      return { entities, relations, truncated: entityRows.length > limit || relationRows.length > limit };
    });
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const folded = foldText(text);
    if (!folded || limit <= 0) return [];
    const scored = (rows: Row[]) => {
      const hits: (SearchHit & { folded: string })[] = [];
      for (const row of rows) {
        const entity = toEntitySummary(row);
        const aliases = Array.isArray(row.aliases) ? (row.aliases as string[]) : [];
        const { score, matched } = scoreMatch(text, { name: entity.name, aliases });
        if (score > 0) hits.push({ entity, matched, score, folded: foldText(entity.name) });
      }
      return hits;
    };
    let hits = scored(await this.read("search", (tx) => this.run(tx, getQuery("store-search"), { folded })));
    // Typos are forgiven only when nothing matches exactly (GraphStore's rule): a second, rarer query.
    const pieces = hits.length === 0 ? typoPieces(folded) : [];
    if (pieces.length > 0) {
      const { bigrams, need } = typoBigrams(folded);
      const params = { pieces, bigrams, need: neo4j.int(need) };
      hits = scored(await this.read("search", (tx) => this.run(tx, getQuery("store-search-typos"), params)));
    }
    hits.sort(
      (a, b) => b.score - a.score || compareStrings(a.folded, b.folded) || compareStrings(a.entity.id, b.entity.id),
    );
    return hits.slice(0, limit).map(({ entity, matched, score }) => ({ entity, matched, score }));
  }

  /** The neighbourhood query: the entity, its degree, how many relations match, and the first `limit` of them. */
  private async neighbourhood(
    id: string,
    types: RelationType[] | undefined,
    direction: NeighbourOptions["direction"],
    limit: number,
    purpose: string,
  ) {
    const [row] = await this.read(purpose, (tx) =>
      this.run(tx, getQuery("store-neighbourhood"), {
        id,
        types: types ?? null,
        direction,
        limit: neo4j.int(Math.max(0, Math.floor(limit))),
      }),
    );
    if (!row) return undefined;
    const entity = toEntityRecord(row.entity, row.degree);
    const rows = (row.rows as Row[]).map((r) => ({
      relation: toRelationRecord(r.relation, r.from, r.to),
      other: toEntityRecord(r.other, r.otherDegree),
    }));
    // Neo4j ordered them already; sorting again costs nothing and states the rule here too.
    rows.sort((a, b) => compareStrings(a.relation.id, b.relation.id));
    const neighbours = new Map<string, EntityRecord>();
    for (const r of rows) neighbours.set(r.other.id, r.other);
    return {
      entity,
      total: toSafeNumber(row.total, "total"),
      relations: rows.map((r) => r.relation),
      neighbours: [...neighbours.values()].sort((a, b) => compareStrings(a.id, b.id)),
    };
  }

  async entity(id: string): Promise<EntityDetail | undefined> {
    const found = await this.neighbourhood(id, undefined, "both", ENTITY_RELATION_CAP, "entity");
    if (!found) return undefined;
    const summary = (e: EntityRecord): EntitySummary => ({ id: e.id, kind: e.kind, name: e.name });
    return { ...found.entity, relations: found.relations, neighbours: found.neighbours.map(summary) };
  }

  async neighbours(id: string, options: NeighbourOptions): Promise<Neighbourhood | undefined> {
    const types = allowedTypes(options.types);
    const found = await this.neighbourhood(id, types, options.direction, options.limit, "neighbours");
    if (!found) return undefined;
    const { id: entityId, kind, name } = found.entity;
    return {
      entity: { id: entityId, kind, name },
      relations: found.relations,
      neighbours: found.neighbours,
      total: found.total,
    };
  }

  async relation(id: string): Promise<RelationDetail | undefined> {
    const query = relationQueries().one;
    const [row] = await this.read("relation", (tx) => this.run(tx, query, { id }));
    return row ? toRelationDetail(row) : undefined;
  }

  async entities(ids: readonly string[]): Promise<EntityRecord[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await this.read("entities batch", (tx) =>
      this.run(tx, getQuery("store-entities-batch"), { ids: unique }),
    );
    return rows.map((r) => toEntityRecord(r.entity, r.degree)).sort((a, b) => compareStrings(a.id, b.id));
  }

  async changes(options: ChangeOptions): Promise<ChangesAnswer> {
    const { from, to } = options;
    const limit = Math.max(0, Math.floor(options.limit));
    const types = allowedTypes(options.types, options.stances);
    const rows =
      types?.length === 0 || from > to
        ? []
        : await this.read("the changes", (tx) =>
            this.run(tx, getQuery("store-changes"), {
              from,
              to,
              types: types ?? null,
              dataset: options.dataset ?? null,
              limit: neo4j.int(limit + 1),
            }),
          );
    const kept = rows.slice(0, limit);
    const entities = new Map<string, EntitySummary>();
    const changes = kept.map((row) => {
      for (const end of [row.fromEntity, row.toEntity]) {
        const entity = toEntitySummary(end);
        entities.set(entity.id, entity);
      }
      const newSources = Array.isArray(row.newSources) ? (row.newSources as string[]).map(String).sort() : [];
      return {
        change: String(row.change) as ChangeKind,
        on: String(row.day),
        relation: toRelationRecord(row.relation, row.from, row.to),
        newSources,
      };
    });
    const sorted = [...entities.values()].sort((a, b) => compareStrings(a.id, b.id));
    return { from, to, changes, entities: sorted, truncated: rows.length > limit };
  }

  async relations(ids: readonly string[]): Promise<RelationDetail[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const query = relationQueries().batch;
    const rows = await this.read("relations batch", (tx) => this.run(tx, query, { ids: unique }));
    return rows.map(toRelationDetail).sort((a, b) => compareStrings(a.id, b.id));
  }

  async paths(from: string, to: string, options: PathOptions): Promise<PathSearch | undefined> {
    const ends = await this.read("path ends", (tx) =>
      this.run(tx, getQuery("store-entity-summaries"), { ids: [...new Set([from, to])] }),
    );
    const byId = new Map(ends.map((r) => [String((r.entity as Row).id), toEntitySummary(r.entity)]));
    const start = byId.get(from);
    if (!start || !byId.has(to)) return undefined;
    if (from === to) return { paths: rankPaths([{ nodes: [start], relations: [] }], options.k), truncated: false };

    const types = allowedTypes(options.types, options.stances) ?? [...RELATION_TYPE_NAMES];
    const maxHops = Math.min(Math.floor(options.maxHops), MAX_HOPS_CEILING);
    if (types.length === 0 || maxHops < 1 || options.k < 1) return { paths: [], truncated: false };

    const template = withRelationTypes(
      getQuery(options.direction === "follow" ? "store-paths-follow" : "store-paths-any"),
      types,
    );
    // One row more than the cap tells that the cap cut.
    const params = { from, to, asOf: orNull(options.asOf), limit: neo4j.int(MAX_PATH_CANDIDATES + 1) };
    // One transaction: the element ids the candidates give are looked up again at the end.
    return this.read("paths", async (tx) => {
      // SHORTEST k GROUPS returns every path of the k shortest lengths. Start with the shortest length only (on a
      // dense graph the next lengths can hold millions of paths) and take one length more while fewer than k simple
      // paths were found and longer lengths within maxHops may hold some: the memory store stops at the same length.
      for (let groups = 1; ; groups = Math.min(groups + 1, maxHops)) {
        const query = withInteger(
          withInteger(template, "__GROUPS__", groups, 1, MAX_HOPS_CEILING),
          "__MAX_HOPS__",
          maxHops,
          1,
          MAX_HOPS_CEILING,
        );
        const rows = await this.run(tx, query, params);
        const truncated = rows.length > MAX_PATH_CANDIDATES;
        const chosen = selectPaths(rows.slice(0, MAX_PATH_CANDIDATES).map(toPathOutline), options.k);
        const lengths = new Set(rows.map((r) => toSafeNumber(r.length, "length")));
        const longest = Math.max(0, ...lengths);
        if (truncated || chosen.length >= options.k || lengths.size < groups || longest >= maxHops || groups >= maxHops)
          return { paths: await this.pathResults(tx, chosen), truncated };
      }
    });
  }

  /** The chosen outlines as results: their entities and relations read whole, in one query each. */
  private async pathResults(tx: ManagedTransaction, chosen: OutlineRow[]): Promise<PathResult[]> {
    const elements = [...new Set(chosen.flatMap((p) => p.relations.map((r) => r.element)))];
    const entityIds = [...new Set(chosen.flatMap((p) => p.nodes.map((n) => n.id)))];
    const [relationRows, entityRows] = [
      await this.run(tx, getQuery("store-path-relations"), { elements }),
      await this.run(tx, getQuery("store-entity-summaries"), { ids: entityIds }),
    ];
    const relations = new Map(relationRows.map((r) => [String(r.element), toRelationRecord(r.relation, r.from, r.to)]));
    const entities = new Map(entityRows.map((r) => [String((r.entity as Row).id), toEntitySummary(r.entity)]));
    const lookup = <T>(map: Map<string, T>, key: string): T => {
      const value = map.get(key);
      // Cannot happen inside one transaction; were it to, a path with a hole would be worse than an error.
      if (value === undefined)
        throw new RecordMappingError(`statecraft/neo4j: path search: "${key}" vanished within its own transaction`);
      return value;
    };
    return chosen.map((p) =>
      toPathResult({
        nodes: p.nodes.map((n) => lookup(entities, n.id)),
        relations: p.relations.map((r) => lookup(relations, r.element)),
      }),
    );
  }

  /** The client belongs to whoever built it (src/server/main.ts), which closes it. */
  async close(): Promise<void> {}
}
