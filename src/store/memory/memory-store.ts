// MemoryStore: the embedded default GraphStore, answering from a graphology graph held in memory (entity-graph.ts),
// by the rules in store/graph-store.ts so that it and the Neo4j store give equal answers. The data changes only when
// the datasets are read again as a whole (reload: a dataset file written through the API), so the sorted lists, the
// search index and the summary are built once per load, on first use.

import {
  changeOf,
  compareChanges,
  type ChangeOptions,
  type ChangeRecord,
  type ChangesAnswer,
} from "../../model/changes.ts";
import { readRelation } from "../../model/readout.ts";
import { foldText, holdsBigrams, scoreMatch, typoBigrams, typoPieces } from "../../model/text.ts";
import { flattenAliases, type Dataset } from "../../model/types.ts";
import {
  type EntityDetail,
  type EntityRecord,
  type GraphFilter,
  type GraphStore,
  type Neighbourhood,
  type NeighbourOptions,
  type PathOptions,
  type PathSearch,
  type RelationDetail,
  type RelationRecord,
  type SearchHit,
  type SourceRecord,
  type StoreOptions,
  type Subgraph,
  type Summary,
} from "../graph-store.ts";
import { rankPaths } from "../path-ranking.ts";
import { buildEntityGraph, summaryOf, type EntityAttributes, type EntityGraph } from "./entity-graph.ts";
import { DEFAULT_PATH_SEARCH_LIMITS, findPaths, type PathSearchLimits } from "./k-shortest-paths.ts";
import { compileRelationFilter } from "./relation-filter.ts";

/** Relations an entity's detail lists at most. */
export const ENTITY_DETAIL_RELATIONS = 1000;

interface SearchIndex {
  entities: EntityAttributes[];
  /** Each entity's name and aliases, folded, one a line: a cheap first test before scoring. */
  texts: string[];
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Answers share the store's records (the server only serializes them): treat them as read-only. The summary is the
 * exception, being cached.
 */
export class MemoryStore implements GraphStore {
  readonly kind = "memory" as const;
  private sortedEntities?: EntityAttributes[];
  private searchIndex?: SearchIndex;
  private summaryCache?: Summary;

  constructor(
    private graphNow: EntityGraph,
    private sources: ReadonlyMap<string, SourceRecord>,
    private readonly options: StoreOptions = {},
  ) {}

  get entityGraph(): EntityGraph {
    return this.graphNow;
  }

  /**
   * Answers from these datasets from now on (all of them, as at start: a dataset file changed on disk). The new graph
   * is built aside and swapped in at once, so a read never sees half of it; the caches go with the old one.
   */
  reload(datasets: readonly Dataset[]): void {
    const { graph, sources } = buildEntityGraph(datasets);
    this.graphNow = graph;
    this.sources = sources;
    this.sortedEntities = undefined;
    this.searchIndex = undefined;
    this.summaryCache = undefined;
  }

  async health(): Promise<{ store: "memory"; entities: number; relations: number }> {
    return { store: "memory", entities: this.entityGraph.order, relations: this.entityGraph.size };
  }

  async summary(): Promise<Summary> {
    this.summaryCache ??= this.computeSummary();
    return structuredClone(this.summaryCache);
  }

  async graph(filter: GraphFilter): Promise<Subgraph> {
    const g = this.entityGraph;
    const limit = Math.max(0, Math.floor(filter.limit));
    const kinds = filter.kinds?.length ? new Set<string>(filter.kinds) : undefined;
    const kept: EntityAttributes[] = [];
    let truncated = false;
    for (const e of this.entitiesSorted()) {
      if (kinds !== undefined && !kinds.has(e.kind)) continue;
      if (filter.dataset !== undefined && !e.datasets.includes(filter.dataset)) continue;
      if (kept.length === limit) {
        truncated = true;
        break;
      }
      kept.push(e);
    }
    const keptIds = new Set(kept.map((e) => e.id));
    const test = compileRelationFilter({
      types: filter.types,
      stances: filter.stances,
      time: { asOf: filter.asOf, from: filter.from, to: filter.to },
      dataset: filter.dataset,
    });
    // Walking the kept entities' outgoing relations finds each relation with both ends kept exactly once.
    const relations: RelationRecord[] = [];
    const collect = (_key: string, r: RelationRecord, _source: string, target: string): void => {
      if (keptIds.has(target) && (test === undefined || test(r))) relations.push(r);
    };
    for (const e of kept) g.forEachOutEdge(e.id, collect);
    relations.sort(byId);
    if (relations.length > limit) truncated = true;
    return {
      entities: kept.map((e) => this.entityRecord(e.id)),
      relations: relations.slice(0, limit),
      truncated,
    };
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const query = foldText(text);
    if (!query || !(limit > 0)) return [];
    const index = this.searchIndexOf();
    const hits: { entity: EntityAttributes; folded: string; matched: string; score: number }[] = [];
    const score = (i: number) => {
      const entity = index.entities[i]!;
      const { score, matched } = scoreMatch(text, { name: entity.name, aliases: flattenAliases(entity) });
      if (score > 0) hits.push({ entity, folded: foldText(entity.name), matched, score });
    };
    // Every exact tier implies the folded query is a substring of the folded name or of an alias.
    for (let i = 0; i < index.texts.length; i++) if (index.texts[i]!.includes(query)) score(i);
    // Typos are forgiven only when nothing matches exactly (GraphStore's rule), among the texts holding one of the
    // query's pieces and enough of its bigrams (model/text.ts typoPieces, typoBigrams).
    const pieces = hits.length === 0 ? typoPieces(query) : [];
    if (pieces.length > 0) {
      const bigrams = typoBigrams(query);
      for (let i = 0; i < index.texts.length; i++) {
        const t = index.texts[i]!;
        if (pieces.some((p) => t.includes(p)) && holdsBigrams(t, bigrams)) score(i);
      }
    }
    hits.sort((a, b) => b.score - a.score || compareText(a.folded, b.folded) || byId(a.entity, b.entity));
    return hits.slice(0, limit).map((h) => ({ entity: summaryOf(h.entity), matched: h.matched, score: h.score }));
  }

  async entity(id: string): Promise<EntityDetail | undefined> {
    if (!this.entityGraph.hasNode(id)) return undefined;
    const relations = this.touching(id, "both").sort(byId).slice(0, ENTITY_DETAIL_RELATIONS);
    const neighbours = this.otherEnds(id, relations).map((n) => summaryOf(this.entityGraph.getNodeAttributes(n)));
    return { ...this.entityRecord(id), relations, neighbours };
  }

  async entities(ids: readonly string[]): Promise<EntityRecord[]> {
    const found = [...new Set(ids)].filter((id) => this.entityGraph.hasNode(id)).sort(compareText);
    return found.map((id) => this.entityRecord(id));
  }

  async relations(ids: readonly string[]): Promise<RelationDetail[]> {
    const found = [...new Set(ids)].filter((id) => this.entityGraph.hasEdge(id)).sort(compareText);
    return Promise.all(found.map(async (id) => (await this.relation(id))!));
  }

  async relation(id: string): Promise<RelationDetail | undefined> {
    const g = this.entityGraph;
    if (!g.hasEdge(id)) return undefined;
    const r = g.getEdgeAttributes(id);
    const fromEntity = summaryOf(g.getNodeAttributes(r.from));
    const toEntity = summaryOf(g.getNodeAttributes(r.to));
    const sources: SourceRecord[] = [];
    for (const sourceId of new Set(r.evidence.map((e) => e.source))) {
      const source = this.sources.get(sourceId);
      if (source) sources.push(source);
    }
    const sentence = readRelation({ type: r.type, from: fromEntity, to: toEntity });
    return { ...r, fromEntity, toEntity, sentence, sources };
  }

  async neighbours(id: string, options: NeighbourOptions): Promise<Neighbourhood | undefined> {
    if (!this.entityGraph.hasNode(id)) return undefined;
    const test = compileRelationFilter({ types: options.types });
    const touching = this.touching(id, options.direction);
    const matching = test === undefined ? touching : touching.filter(test);
    const relations = matching.sort(byId).slice(0, Math.max(0, Math.floor(options.limit)));
    return {
      entity: summaryOf(this.entityGraph.getNodeAttributes(id)),
      relations,
      neighbours: this.otherEnds(id, relations).map((n) => this.entityRecord(n)),
      total: matching.length,
    };
  }

  async changes(options: ChangeOptions): Promise<ChangesAnswer> {
    const { from, to } = options;
    const test = compileRelationFilter({ types: options.types, stances: options.stances, dataset: options.dataset });
    const published = (id: string) => this.sources.get(id)?.published;
    const found: ChangeRecord[] = [];
    this.entityGraph.forEachEdge((_key, relation: RelationRecord) => {
      if (test !== undefined && !test(relation)) return;
      const change = changeOf(relation, from, to, published);
      if (change) found.push({ ...change, relation });
    });
    found.sort(compareChanges);
    const limit = Math.max(0, Math.floor(options.limit));
    const changes = found.slice(0, limit);
    const ends = new Set(changes.flatMap((c) => [c.relation.from, c.relation.to]));
    const entities = [...ends].sort().map((id) => summaryOf(this.entityGraph.getNodeAttributes(id)));
    return { from, to, changes, entities, truncated: found.length > limit };
  }

  async paths(from: string, to: string, options: PathOptions): Promise<PathSearch | undefined> {
    if (!this.entityGraph.hasNode(from) || !this.entityGraph.hasNode(to)) return undefined;
    // Only the path search gets a deadline: every other read is one pass over the data, bounded by its size.
    const timeoutMs = this.options.timeoutMs;
    const limits: PathSearchLimits = timeoutMs
      ? { ...DEFAULT_PATH_SEARCH_LIMITS, deadline: { at: performance.now() + timeoutMs, timeoutMs } }
      : DEFAULT_PATH_SEARCH_LIMITS;
    const found = findPaths(this.entityGraph, from, to, options, limits);
    return { paths: rankPaths(found.candidates, options.k), truncated: found.truncated };
  }

  async close(): Promise<void> {}

  private entityRecord(id: string): EntityRecord {
    return { ...this.entityGraph.getNodeAttributes(id), degree: this.entityGraph.degree(id) };
  }

  /** Relations touching an entity, each once: `out` where it is `from`, `in` where it is `to`, `both` either. */
  private touching(id: string, direction: "out" | "in" | "both"): RelationRecord[] {
    const found: RelationRecord[] = [];
    if (direction !== "in") this.entityGraph.forEachOutEdge(id, (_key, r) => void found.push(r));
    if (direction !== "out") {
      this.entityGraph.forEachInEdge(id, (_key, r) => {
        // A relation from the entity to itself is already listed as outgoing.
        if (direction === "in" || r.from !== id) found.push(r);
      });
    }
    return found;
  }

  /** The other ends of relations touching `id`, unique, sorted by id. */
  private otherEnds(id: string, relations: readonly RelationRecord[]): string[] {
    const ends = new Set<string>();
    for (const r of relations) ends.add(r.from === id ? r.to : r.from);
    return [...ends].sort(compareText);
  }

  private entitiesSorted(): EntityAttributes[] {
    if (!this.sortedEntities) {
      const all: EntityAttributes[] = [];
      this.entityGraph.forEachNode((_id, attributes) => void all.push(attributes));
      this.sortedEntities = all.sort(byId);
    }
    return this.sortedEntities;
  }

  private searchIndexOf(): SearchIndex {
    if (!this.searchIndex) {
      const entities = this.entitiesSorted();
      const texts = entities.map((e) => [e.name, ...flattenAliases(e)].map(foldText).join("\n"));
      this.searchIndex = { entities, texts };
    }
    return this.searchIndex;
  }

  private computeSummary(): Summary {
    const g = this.entityGraph;
    const byKind: Summary["byKind"] = {};
    const byType: Summary["byType"] = {};
    const byStance: Summary["byStance"] = {};
    const datasets = new Map<string, { id: string; entities: number; relations: number }>();
    const datasetOf = (id: string) => {
      let entry = datasets.get(id);
      if (!entry) datasets.set(id, (entry = { id, entities: 0, relations: 0 }));
      return entry;
    };
    g.forEachNode((_id, e) => {
      byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
      for (const ds of e.datasets) datasetOf(ds).entities++;
    });
    let min: string | undefined;
    let max: string | undefined;
    g.forEachEdge((_key, r) => {
      byType[r.type] = (byType[r.type] ?? 0) + 1;
      byStance[r.stance] = (byStance[r.stance] ?? 0) + 1;
      datasetOf(r.dataset).relations++;
      for (const date of [r.date, r.validFrom, r.validTo]) {
        if (date === undefined) continue;
        if (min === undefined || date < min) min = date;
        if (max === undefined || date > max) max = date;
      }
    });
    const dateRange: Summary["dateRange"] = {};
    if (min !== undefined) dateRange.min = min;
    if (max !== undefined) dateRange.max = max;
    return {
      entities: g.order,
      relations: g.size,
      sources: this.sources.size,
      byKind,
      byType,
      byStance,
      dateRange,
      datasets: [...datasets.values()].sort(byId),
    };
  }
}

/** A store over datasets already read (by src/ingest, in src/server/main.ts; tests and benchmarks build theirs). */
export function createMemoryStore(datasets: Dataset[], options: StoreOptions = {}): MemoryStore {
  const { graph, sources } = buildEntityGraph(datasets);
  return new MemoryStore(graph, sources, options);
}
