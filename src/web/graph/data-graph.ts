// The data graph: every entity and relation the app has loaded, as a graphology multigraph keyed by id. It holds
// data and geometry only (positions, degree, parallel-edge indices); hover, selection, filters and dimming live in
// the UI state and reach the canvas through the reducers. Merges are idempotent and report what was new.

import { MultiDirectedGraph } from "graphology";
import {
  getRelationSpec,
  type EntityKind,
  type EntityRecord,
  type EntitySummary,
  type IsoDate,
  type RelationRecord,
  type RelationType,
  type Stance,
} from "../../model/index.ts";
import { nodeSize } from "./style.ts";

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  kind: EntityKind;
  degree: number;
  /** Came with the initial load (the rest is "extra" in the view). */
  base: boolean;
  /** ISO alpha-3 code of a country (the map layout places it by it). */
  iso3?: string;
}

export interface EdgeAttrs {
  relType: RelationType;
  stance: Stance;
  from: string;
  to: string;
  /** The registry's reading, drawn as the edge label ("threatens"). */
  label: string;
  symmetric: boolean;
  confidence: number;
  inference: boolean;
  date?: IsoDate;
  validFrom?: IsoDate;
  validTo?: IsoDate;
  /** Set by indexParallelEdges (sigma-setup.ts): null or absent when the edge has no parallel. */
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
}

/** An entity as the filters (state/filters.ts) see it: what nodeItems yields. */
export interface NodeItem {
  id: string;
  kind: EntityKind;
  /** Loaded with the initial graph (rather than brought in later). */
  base: boolean;
}

/** A relation as the filters see it: what edgeItems yields. */
export interface EdgeItem {
  id: string;
  relType: RelationType;
  stance: Stance;
  from: string;
  to: string;
  date?: IsoDate;
  validFrom?: IsoDate;
  validTo?: IsoDate;
}

export type DataGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export function createDataGraph(): DataGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
}

/** A deterministic starting place for the i-th entity (a sunflower spiral), so a first layout is reproducible. */
export function seedPosition(i: number): { x: number; y: number } {
  const r = 10 * Math.sqrt(i + 0.5);
  const a = i * 2.399963229728653;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/** A place on a ring around (cx, cy), for entities brought in next to the one they connect to. */
export function ringPosition(cx: number, cy: number, i: number, n: number, radius: number): { x: number; y: number } {
  const a = (2 * Math.PI * i) / Math.max(1, n) + 0.3;
  return { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a) };
}

function hasDegree(e: EntitySummary | EntityRecord): e is EntityRecord {
  return typeof (e as EntityRecord).degree === "number";
}

export interface MergeOptions {
  base: boolean;
  /** Place new entities around this one (else on the seed spiral). */
  near?: string;
}

/** Adds entities not yet in the graph and refreshes degree/base of those that are. Returns the ids added. */
export function mergeEntities(
  graph: DataGraph,
  entities: readonly (EntitySummary | EntityRecord)[],
  options: MergeOptions,
): string[] {
  const added: string[] = [];
  const fresh = entities.filter((e) => !graph.hasNode(e.id));
  const anchor = options.near && graph.hasNode(options.near) ? graph.getNodeAttributes(options.near) : undefined;
  const radius = anchor ? 8 + 4 * Math.sqrt(fresh.length) : 0;
  for (const e of entities) {
    if (graph.hasNode(e.id)) {
      const attrs = graph.getNodeAttributes(e.id);
      if (options.base && !attrs.base) graph.setNodeAttribute(e.id, "base", true);
      if (hasDegree(e) && e.degree !== attrs.degree) {
        graph.mergeNodeAttributes(e.id, { degree: e.degree, size: nodeSize(e.degree) });
      }
      continue;
    }
    const degree = hasDegree(e) ? e.degree : 1;
    const place = anchor
      ? ringPosition(anchor.x, anchor.y, added.length, fresh.length, radius)
      : seedPosition(graph.order);
    graph.addNode(e.id, {
      ...place,
      size: nodeSize(degree),
      label: e.name,
      kind: e.kind,
      degree,
      base: options.base,
      ...("iso3" in e && e.iso3 ? { iso3: e.iso3 } : {}),
    });
    added.push(e.id);
  }
  return added;
}

/** Adds relations whose both ends are in the graph and that are not there yet. Returns the ids added. */
export function mergeRelations(graph: DataGraph, relations: readonly RelationRecord[]): string[] {
  const added: string[] = [];
  for (const r of relations) {
    if (graph.hasEdge(r.id) || !graph.hasNode(r.from) || !graph.hasNode(r.to)) continue;
    const spec = getRelationSpec(r.type);
    const attrs: EdgeAttrs = {
      relType: r.type,
      stance: r.stance,
      from: r.from,
      to: r.to,
      label: spec.reading,
      symmetric: !!spec.symmetric,
      confidence: r.confidence,
      inference: r.inference,
    };
    if (r.date) attrs.date = r.date;
    if (r.validFrom) attrs.validFrom = r.validFrom;
    if (r.validTo) attrs.validTo = r.validTo;
    graph.addDirectedEdgeWithKey(r.id, r.from, r.to, attrs);
    added.push(r.id);
  }
  return added;
}

/** The graph as the filters see it (no copies of attributes beyond what they need). */
export function* nodeItems(graph: DataGraph): Generator<NodeItem> {
  for (const { node, attributes } of graph.nodeEntries()) {
    yield { id: node, kind: attributes.kind, base: attributes.base };
  }
}

export function* edgeItems(graph: DataGraph): Generator<EdgeItem> {
  for (const { edge, attributes: a } of graph.edgeEntries()) {
    yield {
      id: edge,
      relType: a.relType,
      stance: a.stance,
      from: a.from,
      to: a.to,
      date: a.date,
      validFrom: a.validFrom,
      validTo: a.validTo,
    };
  }
}

/** Neighbours of an entity among the given visible entities (for hover and selection focus). */
export function visibleNeighbourhood(
  graph: DataGraph,
  id: string,
  visibleEdges: ReadonlySet<string>,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>([id]);
  const edges = new Set<string>();
  if (!graph.hasNode(id)) return { nodes, edges };
  graph.forEachEdge(id, (edge, attrs) => {
    if (!visibleEdges.has(edge)) return;
    edges.add(edge);
    nodes.add(attrs.from);
    nodes.add(attrs.to);
  });
  return { nodes, edges };
}
