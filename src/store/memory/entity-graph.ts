// The graph the memory store answers from: a graphology MultiDirectedGraph keyed by entity id (nodes) and relation
// id (edges) with the records as attributes, and the sources beside it. Built once from datasets, never changed.

import { MultiDirectedGraph, UsageGraphError } from "graphology";
import { mergeDatasets } from "../../model/dataset-merge.ts";
import { getRelationSpec } from "../../model/relations.ts";
import type { Dataset, Entity, Relation, Source } from "../../model/types.ts";
import type { EntityRecord, EntitySummary, RelationRecord, SourceRecord } from "../graph-store.ts";

// graphology's attribute types need an index signature, which interfaces lack; a mapped copy has one implicitly.
type Plain<T> = { [K in keyof T]: T[K] };

/** What a node holds: its entity record without the degree, which the graph itself knows. */
export type EntityAttributes = Plain<Omit<EntityRecord, "degree">>;
/** What an edge holds: its relation record, as answered. */
export type RelationAttributes = Plain<RelationRecord>;
export type EntityGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes>;

export interface BuiltGraph {
  graph: EntityGraph;
  sources: Map<string, SourceRecord>;
}

export function summaryOf(entity: EntityAttributes): EntitySummary {
  return { id: entity.id, kind: entity.kind, name: entity.name };
}

function union(list: string[], id: string): string[] {
  return list.includes(id) ? list : [...list, id];
}

// Optional fields are copied only when present, so answers carry no undefined (or null) keys.
function toEntityAttributes(entity: Entity, datasets: string[]): EntityAttributes {
  const attributes: EntityAttributes = {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases ?? {},
    datasets,
  };
  if (entity.iso3 !== undefined) attributes.iso3 = entity.iso3;
  if (entity.description !== undefined) attributes.description = entity.description;
  return attributes;
}

function toSourceRecord(source: Source, datasets: string[]): SourceRecord {
  const record: SourceRecord = { id: source.id, title: source.title, datasets };
  if (source.publisher !== undefined) record.publisher = source.publisher;
  if (source.url !== undefined) record.url = source.url;
  if (source.published !== undefined) record.published = source.published;
  if (source.marking !== undefined) record.marking = source.marking;
  return record;
}

function toRelationAttributes(relation: Relation, dataset: string): RelationAttributes {
  const record: RelationAttributes = {
    id: relation.id,
    type: relation.type,
    stance: getRelationSpec(relation.type).stance,
    from: relation.from,
    to: relation.to,
    confidence: relation.confidence,
    inference: relation.inference ?? false,
    // Shared with the dataset, not copied: evidence is read-only here and a million copies would double memory.
    evidence: relation.evidence,
    dataset,
  };
  if (relation.date !== undefined) record.date = relation.date;
  if (relation.validFrom !== undefined) record.validFrom = relation.validFrom;
  if (relation.validTo !== undefined) record.validTo = relation.validTo;
  if (relation.note !== undefined) record.note = relation.note;
  if (relation.marking !== undefined) record.marking = relation.marking;
  if (relation.events !== undefined) record.events = relation.events;
  if (relation.attributes !== undefined) record.attributes = relation.attributes;
  return record;
}

/**
 * graphology keeps a node's relations in plain objects keyed by the entity at the other end. V8 gives an object a
 * new hidden class per key added, and with a million distinct keys that bookkeeping dominates loading; an object
 * already in dictionary mode (forced by deleting a property) skips it, halving the time to add a million relations.
 * This reaches into graphology 0.26's internals, so it changes nothing unless they look exactly as expected.
 */
function useDictionaryAdjacency(graph: EntityGraph, id: string): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  const data = nodes.get(id) as { in?: unknown; out?: unknown } | undefined;
  if (!data || !isEmptyPlainObject(data.in) || !isEmptyPlainObject(data.out)) return;
  data.in = dictionaryObject();
  data.out = dictionaryObject();
}

function isEmptyPlainObject(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}

function dictionaryObject(): Record<string, unknown> {
  // Deleting a property that is not the last one added moves the object to dictionary mode, where it stays.
  const object: Record<string, unknown> = { a: undefined, b: undefined };
  delete object.a;
  delete object.b;
  return object;
}

/**
 * Builds the graph as the Neo4j loader would leave the database after loading the datasets in order: feed datasets
 * ("merge" mode) of one id accumulate; an entity or
 * source defined by several datasets takes the fields of the last one and is tagged with all of them (in load
 * order); a relation id given twice keeps the last definition. Throws when a relation names an unknown entity.
 */
export function buildEntityGraph(loaded: readonly Dataset[]): BuiltGraph {
  // Feed files of one dataset accumulate, their event tallies merged by event id, as the Neo4j loader merges them.
  const datasets = mergeDatasets(loaded);
  const entities = new Map<string, EntityAttributes>();
  const sources = new Map<string, SourceRecord>();
  for (const ds of datasets) {
    const id = ds.info.id;
    for (const e of ds.entities)
      entities.set(e.id, toEntityAttributes(e, union(entities.get(e.id)?.datasets ?? [], id)));
    for (const s of ds.sources) sources.set(s.id, toSourceRecord(s, union(sources.get(s.id)?.datasets ?? [], id)));
  }
  const graph: EntityGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes>();
  for (const [id, attributes] of entities) {
    graph.addNode(id, attributes);
    useDictionaryAdjacency(graph, id);
  }
  for (const ds of datasets) {
    for (const r of ds.relations) {
      const missing = !entities.has(r.from) ? r.from : !entities.has(r.to) ? r.to : undefined;
      if (missing !== undefined) {
        throw new Error(
          `statecraft/memory: relation "${r.id}" of dataset "${ds.info.id}" names no entity "${missing}"`,
        );
      }
      const record = toRelationAttributes(r, ds.info.id);
      try {
        graph.addDirectedEdgeWithKey(r.id, r.from, r.to, record);
      } catch (error) {
        // A relation id given again: the last definition wins. (Asking hasEdge first costs a lookup per relation.)
        if (!(error instanceof UsageGraphError) || !graph.hasEdge(r.id)) throw error;
        graph.dropEdge(r.id);
        graph.addDirectedEdgeWithKey(r.id, r.from, r.to, record);
      }
    }
  }
  return { graph, sources };
}
