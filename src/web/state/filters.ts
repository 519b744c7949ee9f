// Which relation types, stances, entity kinds and moment in time the canvas shows, and what that leaves visible.
// computeVisibility runs once per change over the loaded graph (O(nodes + edges)) and hands the reducers plain sets,
// so they answer in O(1) per item. Counts are facet counts: each dimension counted with the other filters applied,
// so an unticked type still says how many relations it would bring back.

import {
  ENTITY_KINDS,
  RELATION_TYPES,
  STANCES,
  matchesTime,
  type EntityKind,
  type IsoDate,
  type RelationType,
  type Stance,
} from "../../model/index.ts";
import type { EdgeItem, NodeItem } from "../graph/data-graph.ts";
import { isInView, type ViewContent } from "./view.ts";

export interface Filters {
  readonly types: ReadonlySet<RelationType>;
  readonly stances: ReadonlySet<Stance>;
  readonly kinds: ReadonlySet<EntityKind>;
  /** Show the graph as it stood on this day (events up to it, standing facts in force on it). */
  readonly asOf?: IsoDate;
}

export const ALL_TYPES: readonly RelationType[] = RELATION_TYPES.map((s) => s.type);

export const DEFAULT_FILTERS: Filters = {
  types: new Set(ALL_TYPES),
  stances: new Set(STANCES),
  kinds: new Set(ENTITY_KINDS),
};

export function isDefaultFilters(filters: Filters): boolean {
  return (
    filters.types.size === ALL_TYPES.length &&
    filters.stances.size === STANCES.length &&
    filters.kinds.size === ENTITY_KINDS.length &&
    !filters.asOf
  );
}

function toggle<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const out = new Set(set);
  if (out.has(value)) out.delete(value);
  else out.add(value);
  return out;
}

export const toggleType =
  (type: RelationType) =>
  (f: Filters): Filters => ({ ...f, types: toggle(f.types, type) });
export const toggleStance =
  (stance: Stance) =>
  (f: Filters): Filters => ({ ...f, stances: toggle(f.stances, stance) });
export const toggleKind =
  (kind: EntityKind) =>
  (f: Filters): Filters => ({ ...f, kinds: toggle(f.kinds, kind) });
export const setTypes =
  (types: readonly RelationType[]) =>
  (f: Filters): Filters => ({ ...f, types: new Set(types) });
export const setKinds =
  (kinds: readonly EntityKind[]) =>
  (f: Filters): Filters => ({ ...f, kinds: new Set(kinds) });
export const setStances =
  (stances: readonly Stance[]) =>
  (f: Filters): Filters => ({ ...f, stances: new Set(stances) });
export const setAsOf =
  (asOf: IsoDate | undefined) =>
  (f: Filters): Filters => {
    if (f.asOf === asOf) return f;
    const { asOf: _old, ...rest } = f;
    return asOf ? { ...rest, asOf } : rest;
  };
export const resetFilters = () => (): Filters => DEFAULT_FILTERS;

export interface FacetCounts {
  kinds: Partial<Record<EntityKind, number>>;
  types: Partial<Record<RelationType, number>>;
  stances: Partial<Record<Stance, number>>;
}

export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Visible entities by kind and visible relations by type and stance (what the legend shows). */
  shown: FacetCounts;
  /** Facet counts for the filter panel (each dimension with the other filters applied). */
  facets: FacetCounts;
  /** Entities in view, and relations between them, before filters. */
  inView: { nodes: number; edges: number };
}

export interface Forced {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const NOTHING_FORCED: Forced = { nodes: new Set(), edges: new Set() };

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * What the canvas shows. An entity shows when it is in view and of a ticked kind, and, while a date is set, when it
 * has no relations in view or at least one of them stands on that date (so playing through time grows the graph).
 * A relation shows when both ends show and its type, stance and dates pass. Forced items (the path on screen, the
 * selection) show whatever the filters say.
 */
export function computeVisibility(
  nodes: Iterable<NodeItem>,
  edges: Iterable<EdgeItem>,
  filters: Filters,
  view: ViewContent,
  forced: Forced = NOTHING_FORCED,
): Visibility {
  const candidates = new Map<string, EntityKind>();
  const facets: FacetCounts = { kinds: {}, types: {}, stances: {} };
  let inViewNodes = 0;
  for (const node of nodes) {
    if (!isInView(view, node.id, node.base) && !forced.nodes.has(node.id)) continue;
    inViewNodes++;
    bump(facets.kinds, node.kind);
    if (filters.kinds.has(node.kind) || forced.nodes.has(node.id)) candidates.set(node.id, node.kind);
  }

  const timeFilter = filters.asOf ? { asOf: filters.asOf } : undefined;
  const inViewEdges = new Map<string, number>();
  const timelyEdges = new Map<string, number>();
  const passing: EdgeItem[] = [];
  let inViewEdgeCount = 0;
  for (const edge of edges) {
    const forcedEdge = forced.edges.has(edge.id);
    if (!candidates.has(edge.from) || !candidates.has(edge.to)) {
      if (!forcedEdge) continue;
    }
    inViewEdgeCount++;
    const typeOk = filters.types.has(edge.relType);
    const stanceOk = filters.stances.has(edge.stance);
    const timeOk = !timeFilter || matchesTime(edge, timeFilter);
    if (stanceOk && timeOk) bump(facets.types, edge.relType);
    if (typeOk && timeOk) bump(facets.stances, edge.stance);
    inViewEdges.set(edge.from, (inViewEdges.get(edge.from) ?? 0) + 1);
    inViewEdges.set(edge.to, (inViewEdges.get(edge.to) ?? 0) + 1);
    if (timeOk) {
      timelyEdges.set(edge.from, (timelyEdges.get(edge.from) ?? 0) + 1);
      timelyEdges.set(edge.to, (timelyEdges.get(edge.to) ?? 0) + 1);
    }
    if ((typeOk && stanceOk && timeOk) || forcedEdge) passing.push(edge);
  }

  const visibleNodes = new Set<string>();
  const shown: FacetCounts = { kinds: {}, types: {}, stances: {} };
  for (const [id, kind] of candidates) {
    const outOfTime = timeFilter && (inViewEdges.get(id) ?? 0) > 0 && (timelyEdges.get(id) ?? 0) === 0;
    if (outOfTime && !forced.nodes.has(id)) continue;
    visibleNodes.add(id);
    bump(shown.kinds, kind);
  }
  const visibleEdges = new Set<string>();
  for (const edge of passing) {
    if (!forced.edges.has(edge.id) && (!visibleNodes.has(edge.from) || !visibleNodes.has(edge.to))) continue;
    visibleEdges.add(edge.id);
    bump(shown.types, edge.relType);
    bump(shown.stances, edge.stance);
  }
  return {
    nodes: visibleNodes,
    edges: visibleEdges,
    shown,
    facets,
    inView: { nodes: inViewNodes, edges: inViewEdgeCount },
  };
}
