// What sigma's reducers read, derived from the UI state and the data graph: what is visible, what stays bright (the
// paths found, else the selection's neighbourhood), the hover, the selection, and the size-dependent switches
// (plain edges on big graphs, relation labels when zoomed in). Pure: the reducers controller only hands it to sigma.

import { visibleNeighbourhood, type DataGraph } from "../graph/data-graph.ts";
import type { Overlay } from "../graph/overlay.ts";
import type { ParallelLabel } from "../graph/labels.ts";
import { EMPTY_RENDER_STATE, type Neighbourhood, type RenderState } from "../graph/reducers.ts";
import { FAST_EDGES_THRESHOLD, sizeSettings } from "../graph/render-settings.ts";
import type { ExplorerState, PathState } from "./explorer-state.ts";
import type { Visibility } from "./filters.ts";
import { pathMembers } from "./path-readout.ts";
import type { Selection } from "./url-state.ts";

/**
 * Past that many entities hovering does not dim the rest (that would re-reduce every item per hover): sigma's own
 * hover label is enough there.
 */
export const HOVER_DIM_LIMIT = 5_000;

const NO_HOVER: ExplorerState["hover"] = { node: null, edge: null };

/**
 * The hover the drawing shows: none past HOVER_DIM_LIMIT entities. Always the same object then, so a renderer that
 * memoises on it does not re-reduce every item per hover.
 */
export function shownHover(graph: DataGraph, hover: ExplorerState["hover"]): ExplorerState["hover"] {
  return graph.order <= HOVER_DIM_LIMIT ? hover : NO_HOVER;
}

/**
 * Whether relations are labelled for the zoom. Past FAST_EDGES_THRESHOLD relations zooming in does not label every
 * relation (hover, selection and paths still do): switching labels means re-reducing every item mid-zoom, seconds at
 * 500k relations.
 */
export function labelsForZoom(graph: DataGraph, zoomedIn: boolean): boolean {
  return zoomedIn && graph.size <= FAST_EDGES_THRESHOLD;
}

export interface RenderInput {
  visibility: Visibility | null;
  hover: ExplorerState["hover"];
  selection: Selection | null;
  path: PathState;
  zoomedIn: boolean;
  /** The analysis views' overlay, and their focus (a balance triad or pair) that outranks the selection's. */
  overlay?: Overlay;
  overlayFocus?: Neighbourhood | null;
  /** Bundles of parallel relations (graph/labels.ts parallelLabels), computed when the graph or filters change. */
  parallel?: ReadonlyMap<string, ParallelLabel>;
  /** The map layout: relations as arcs. */
  arcs?: boolean;
}

/** The paths to highlight: the active one, else all those found; none until a search is done. */
export function shownPaths(path: Pick<PathState, "status" | "results" | "active">): PathState["results"] {
  if (path.status !== "done" || path.results.length === 0) return [];
  const active = path.active !== null ? path.results[path.active] : undefined;
  return active ? [active] : path.results;
}

/** What stays bright: the paths' members, else the selected entity's visible neighbourhood, else the relation's ends. */
function focusOf(graph: DataGraph, input: RenderInput, members: Neighbourhood | null): Neighbourhood | null {
  if (members) return members;
  const { selection, visibility } = input;
  if (selection?.kind === "entity") return visibleNeighbourhood(graph, selection.id, visibility!.edges);
  if (selection?.kind === "relation" && graph.hasEdge(selection.id)) {
    const a = graph.getEdgeAttributes(selection.id);
    return { nodes: new Set([a.from, a.to]), edges: new Set([selection.id]) };
  }
  return null;
}

export function deriveRenderState(graph: DataGraph, input: RenderInput): RenderState {
  const { visibility, selection } = input;
  if (!visibility) return EMPTY_RENDER_STATE;
  const paths = shownPaths(input.path);
  const members = paths.length ? pathMembers(paths) : null;
  const { node: hoverNode, edge: hoveredEdge } = shownHover(graph, input.hover);
  const fastEdges = graph.size > FAST_EDGES_THRESHOLD;
  return {
    visibleNodes: visibility.nodes,
    visibleEdges: visibility.edges,
    focus: input.overlayFocus ?? focusOf(graph, input, members),
    hover: hoverNode ? { node: hoverNode, ...visibleNeighbourhood(graph, hoverNode, visibility.edges) } : null,
    hoveredEdge,
    selectedNode: selection?.kind === "entity" ? selection.id : null,
    selectedEdge: selection?.kind === "relation" ? selection.id : null,
    pathEdges: members?.edges ?? new Set(),
    showEdgeLabels: labelsForZoom(graph, input.zoomedIn),
    fastEdges,
    nodeScale: sizeSettings(graph.order, graph.size).nodeScale,
    ...(input.overlay ? { overlay: input.overlay } : {}),
    parallel: input.parallel ?? EMPTY_RENDER_STATE.parallel,
    ...(input.arcs ? { arcs: true } : {}),
  };
}
