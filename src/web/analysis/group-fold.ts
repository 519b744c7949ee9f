// Groups in the explorer: the fold of model/groups.ts applied to the data graph and to what is visible. Aggregated
// relations live in the data graph as edges keyed "group:…" while their group is collapsed (sigma draws what the
// graph holds); the members and the relations they fold are taken out of the visibility, so the legend, the counts
// and a capture see the folded picture. Pure but for syncAggregates, which writes only "group:" edges.

import {
  AGGREGATE_PREFIX,
  foldGroups,
  groupMembers,
  aggregateSentence,
  isAggregateId,
  type Fold,
  type FoldRelation,
} from "../../model/groups.ts";
import { getRelationSpec, type EntityKind, type RelationType, type Stance } from "../../model/index.ts";
import type { SceneViews } from "../../model/scene-views.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import type { FacetCounts, Visibility } from "../state/filters.ts";

export { AGGREGATE_PREFIX };

export const isAggregate = isAggregateId;

/** The graph's own relations (aggregates left out), as the fold reads them. */
export function foldInput(graph: DataGraph): FoldRelation[] {
  const out: FoldRelation[] = [];
  graph.forEachEdge((id, a) => {
    if (!isAggregate(id))
      out.push({ id, type: a.relType, stance: a.stance, from: a.from, to: a.to, confidence: a.confidence });
  });
  return out;
}

/** Which of some ids a link names to fold are not groups of the graph (no MEMBER_OF / PART_OF member in it). */
export function notGroups(graph: DataGraph, ids: readonly string[]): string[] {
  const groups = groupMembers(foldInput(graph));
  return ids.filter((id) => !groups.has(id));
}

export function foldGraph(graph: DataGraph, collapsed: readonly string[]): Fold {
  return foldGroups(foldInput(graph), collapsed);
}

/** Puts the fold's aggregates in the graph and takes out those it no longer has; true when anything changed. */
export function syncAggregates(graph: DataGraph, fold: Fold): boolean {
  const wanted = new Map(fold.aggregates.map((a) => [a.id, a]));
  let changed = false;
  for (const id of graph.edges()) {
    if (isAggregate(id) && !wanted.has(id)) {
      graph.dropEdge(id);
      changed = true;
    }
  }
  const name = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  for (const agg of fold.aggregates) {
    const spec = getRelationSpec(agg.type);
    const members = [...agg.fromMembers, ...agg.toMembers].map(name).join(", ");
    const label = `${aggregateSentence(agg, spec.reading, name)}: ${agg.relations.length} (${members})`;
    if (graph.hasEdge(agg.id)) {
      if (graph.getEdgeAttribute(agg.id, "label") !== label) {
        graph.setEdgeAttribute(agg.id, "label", label);
        changed = true;
      }
      continue;
    }
    if (!graph.hasNode(agg.from) || !graph.hasNode(agg.to)) continue;
    graph.addDirectedEdgeWithKey(agg.id, agg.from, agg.to, {
      relType: agg.type,
      stance: agg.stance,
      from: agg.from,
      to: agg.to,
      label,
      symmetric: !!spec.symmetric,
      confidence: agg.confidence,
      inference: false,
    });
    changed = true;
  }
  return changed;
}

/** The collapsed groups and their aggregates as a scene keeps them (labels as drawn in the graph). */
export function groupViews(graph: DataGraph, fold: Fold): Pick<SceneViews, "groups" | "aggregates"> {
  const members = new Map<string, string[]>();
  for (const [m, g] of fold.folded) members.set(g, [...(members.get(g) ?? []), m].sort());
  const groups = [...members].map(([id, list]) => ({ id, members: list }));
  const aggregates = fold.aggregates.map((a) => ({
    id: a.id,
    from: a.from,
    to: a.to,
    type: a.type,
    label: graph.hasEdge(a.id) ? graph.getEdgeAttribute(a.id, "label") : a.id,
    count: a.relations.length,
    confidence: a.confidence,
  }));
  return groups.length ? { groups, aggregates } : {};
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The visibility with the fold applied: folded members and the relations they fold out, aggregates in (when both
 * ends are visible), the legend's counts recounted. Without a collapsed group, aggregates are simply left out.
 */
export function foldVisibility(graph: DataGraph, visibility: Visibility, fold: Fold | null): Visibility {
  const nodes = new Set<string>();
  for (const id of visibility.nodes) if (!fold?.folded.has(id)) nodes.add(id);
  const edges = new Set<string>();
  for (const id of visibility.edges) {
    if (!graph.hasEdge(id)) continue;
    const a = graph.getEdgeAttributes(id);
    if (!nodes.has(a.from) || !nodes.has(a.to)) continue;
    if (isAggregate(id) && !fold) continue;
    edges.add(id);
  }
  if (nodes.size === visibility.nodes.size && edges.size === visibility.edges.size) return visibility;
  const shown: FacetCounts = { kinds: {}, types: {}, stances: {} };
  for (const id of nodes) bump<EntityKind>(shown.kinds, graph.getNodeAttribute(id, "kind"));
  for (const id of edges) {
    const a = graph.getEdgeAttributes(id);
    bump<RelationType>(shown.types, a.relType);
    bump<Stance>(shown.stances, a.stance);
  }
  return { ...visibility, nodes, edges, shown };
}
