// A scene's frozen data as a graph the explorer's own code can draw: a data graph (graph/data-graph.ts) at the
// scene's positions, parallel relations indexed the way @sigma/edge-curve does it (so they curve apart the same way,
// without loading WebGL code), the render state the explorer's reducers read (graph/reducers.ts: the highlighted
// path or selection in focus, the rest dimmed), the legend of what the slide shows (state/legend.ts: only what lies
// inside its frame) and the entities it leaves off its frame.

import type { Scene } from "../../model/deck.ts";
import { getRelationSpec } from "../../model/index.ts";
import {
  createDataGraph,
  mergeEntities,
  mergeRelations,
  seedPosition,
  visibleNeighbourhood,
  type DataGraph,
  type EdgeAttrs,
  type NodeAttrs,
} from "../graph/data-graph.ts";
import {
  edgeReducer,
  nodeReducer,
  type EdgeDisplay,
  type Neighbourhood,
  type NodeDisplay,
  type RenderState,
} from "../graph/reducers.ts";
import { sizeSettings } from "../graph/render-settings.ts";
import { buildLegend, type LegendSection } from "../state/legend.ts";
import { endsIn, focusOfViews, overlayOf, viewsLegend } from "../analysis/views.ts";
import { insideFrame } from "./frame.ts";

export interface ParallelIndex {
  index: number | null;
  min: number | null;
  max: number | null;
}

/** @sigma/edge-curve's indexParallelEdgesIndex over plain edges, in edge order. */
export function parallelIndices(
  edges: readonly { id: string; from: string; to: string }[],
): Map<string, ParallelIndex> {
  const directed = new Map<string, string[]>();
  const undirected = new Map<string, number>();
  for (const e of edges) {
    const d = `${e.from}\u0000${e.to}`;
    const u = e.from < e.to ? d : `${e.to}\u0000${e.from}`;
    directed.set(d, [...(directed.get(d) ?? []), e.id]);
    undirected.set(u, (undirected.get(u) ?? 0) + 1);
  }
  const out = new Map<string, ParallelIndex>();
  for (const [d, ids] of directed) {
    const [from, to] = d.split("\u0000") as [string, string];
    const u = from < to ? d : `${to}\u0000${from}`;
    const total = undirected.get(u) ?? ids.length;
    if (ids.length === 1 && total === 1) out.set(ids[0]!, { index: null, min: null, max: null });
    else if (ids.length === 1) out.set(ids[0]!, { index: 1, min: null, max: 1 });
    else if (ids.length === total) {
      const max = (ids.length - 1) / 2;
      ids.forEach((id, i) => out.set(id, { index: -max + i, min: -max, max }));
    } else ids.forEach((id, i) => out.set(id, { index: i + 1, min: null, max: ids.length }));
  }
  return out;
}

/** The scene's entities and relations as a data graph at the scene's positions. */
export function sceneGraph(scene: Scene): DataGraph {
  const graph = createDataGraph();
  mergeEntities(graph, scene.entities, { base: true });
  mergeRelations(graph, scene.relations);
  for (const a of scene.views?.aggregates ?? []) {
    if (graph.hasEdge(a.id) || !graph.hasNode(a.from) || !graph.hasNode(a.to)) continue;
    const spec = getRelationSpec(a.type);
    graph.addDirectedEdgeWithKey(a.id, a.from, a.to, {
      relType: a.type,
      stance: spec.stance,
      from: a.from,
      to: a.to,
      label: a.label,
      symmetric: !!spec.symmetric,
      confidence: a.confidence,
      inference: false,
    });
  }
  let i = 0;
  graph.forEachNode((id) => {
    const p = scene.positions[id];
    const place = p ? { x: p[0], y: p[1] } : seedPosition(i);
    graph.mergeNodeAttributes(id, place);
    i++;
  });
  const edges = graph.mapEdges((id, a) => ({ id, from: a.from, to: a.to }));
  for (const [id, p] of parallelIndices(edges)) {
    graph.mergeEdgeAttributes(id, { parallelIndex: p.index, parallelMinIndex: p.min, parallelMaxIndex: p.max });
  }
  return graph;
}

/** The entities and relations the scene's highlight keeps bright, if any. */
export function sceneFocus(scene: Scene, graph: DataGraph): Neighbourhood | null {
  const h = scene.highlight;
  const edges = new Set(graph.edges());
  if (h?.kind === "path") {
    return {
      nodes: new Set(h.nodes.filter((id) => graph.hasNode(id))),
      edges: new Set(h.relations.filter((id) => edges.has(id))),
    };
  }
  if (h?.kind === "entity" && graph.hasNode(h.id)) return visibleNeighbourhood(graph, h.id, edges);
  if (h?.kind === "relation" && graph.hasEdge(h.id)) {
    const a = graph.getEdgeAttributes(h.id);
    return { nodes: new Set([a.from, a.to]), edges: new Set([h.id]) };
  }
  return null;
}

/** Label every relation on a slide that has few of them. */
export const EDGE_LABELS_UP_TO = 12;

export function sceneRenderState(scene: Scene, graph: DataGraph): RenderState {
  const h = scene.highlight;
  const focus = focusOfViews(scene.views, endsIn(graph)) ?? sceneFocus(scene, graph);
  const overlay = overlayOf(scene.views);
  return {
    ...(overlay ? { overlay } : {}),
    visibleNodes: new Set(graph.nodes()),
    visibleEdges: new Set(graph.edges()),
    focus,
    hover: null,
    hoveredEdge: null,
    selectedNode: h?.kind === "entity" ? h.id : null,
    selectedEdge: h?.kind === "relation" ? h.id : null,
    pathEdges: h?.kind === "path" ? (focus?.edges ?? new Set()) : new Set(),
    showEdgeLabels: graph.size <= EDGE_LABELS_UP_TO,
    fastEdges: false,
    nodeScale: sizeSettings(graph.order, graph.size).nodeScale,
    // A slide cannot be hovered: every relation keeps its own label.
    parallel: new Map(),
    ...(scene.layout === "map" ? { arcs: true } : {}),
  };
}

/**
 * The explorer's reducers for a slide, every size multiplied by `scale` (1 at 720 px high). Nothing is drawn as
 * "highlighted": sigma draws those on a hover layer that a snapshot would miss; their labels are forced instead.
 */
export function slideReducers(state: RenderState, scale: number) {
  return {
    node(id: string, data: NodeAttrs): NodeDisplay {
      const out = nodeReducer(id, data, state);
      // Full names: a slide cannot be hovered for the name the explorer shortens.
      const label = out.label ? data.label : out.label;
      return { ...out, label, size: (out.size ?? data.size) * scale, highlighted: false };
    },
    edge(id: string, data: EdgeAttrs): EdgeDisplay {
      const out = edgeReducer(id, data, state);
      return { ...out, size: (out.size ?? 1) * scale };
    },
  };
}

/** The legend of what the slide draws. */
/** The scene's entities the slide shows: those inside its frame (all of them for a scene without one). */
export function framedEntities(scene: Scene, graph: DataGraph): Set<string> {
  const frame = scene.frame;
  return new Set(graph.filterNodes((_, a) => !frame || insideFrame(frame, a)));
}

/**
 * Entities a slide leaves off its frame though it draws one of their relations (it runs off the edge), or though
 * they are its subject (on the path or the selection): named so the analyst can widen the frame.
 */
export function offFrameNames(scene: Scene, graph: DataGraph = sceneGraph(scene)): string[] {
  const shown = framedEntities(scene, graph);
  const h = scene.highlight;
  const subject = new Set(h?.kind === "path" ? h.nodes : h?.kind === "entity" ? [h.id] : []);
  const off = graph.filterNodes(
    (id) => !shown.has(id) && (subject.has(id) || graph.neighbors(id).some((n) => shown.has(n))),
  );
  return off.map((id) => graph.getNodeAttribute(id, "label")).sort((a, b) => a.localeCompare(b));
}

/** The warning when a slide cuts entities it draws relations to (or its subject) off its frame. */
export function offFrameNotice(names: readonly string[]): string {
  const list = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
  return `Off the slide's frame: ${list}. Their relations run off its edge; widen the view and capture again to include them.`;
}

/** The legend of what the slide shows: entities inside its frame, relations with an end inside it. */
export function sceneLegend(scene: Scene, graph: DataGraph): LegendSection[] {
  const shown = framedEntities(scene, graph);
  const kinds: Record<string, number> = {};
  graph.forEachNode((id, a) => {
    if (shown.has(id)) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  });
  const stances: Record<string, number> = {};
  let directed = 0;
  let symmetric = 0;
  let parallel = 0;
  let inferred = 0;
  graph.forEachEdge((_, a, source, target) => {
    if (!shown.has(source) && !shown.has(target)) return;
    if (a.inference) inferred++;
    stances[a.stance] = (stances[a.stance] ?? 0) + 1;
    if (getRelationSpec(a.relType).symmetric) symmetric++;
    else directed++;
    if (typeof a.parallelIndex === "number") parallel++;
  });
  const h = scene.highlight;
  const sizeBy = scene.views?.sizeBy;
  const legend = buildLegend({
    kinds,
    stances,
    directed,
    symmetric,
    parallel,
    inferred,
    focus: scene.views?.focus || scene.views?.changes ? "views" : h?.kind === "path" ? "path" : h ? "selection" : null,
    ...(sizeBy ? { sizeBy: { label: sizeBy.label, description: "Sized by the analysis in the explorer." } } : {}),
  });
  const name = (id: string) => scene.entities.find((e) => e.id === id)?.name ?? id;
  return [...legend, ...viewsLegend(scene.views, name)];
}
