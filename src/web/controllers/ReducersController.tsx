// Renders nothing: turns the UI state (visibility, hover, selection, paths, zoom) into a RenderState and hands
// sigma reducers that read it. The data graph is never written here.

import { useEffect, useMemo } from "react";
import { useExplorer, useExplorerState, useRenderer, useVisibility } from "../app/context.ts";
import { visibleNeighbourhood } from "../graph/data-graph.ts";
import {
  EMPTY_RENDER_STATE,
  edgeReducer,
  nodeReducer,
  type Neighbourhood,
  type RenderState,
} from "../graph/reducers.ts";
import { FAST_EDGES_THRESHOLD, sizeSettings } from "../graph/render-settings.ts";
import { pathMembers } from "../state/path-readout.ts";

export const HOVER_DIM_LIMIT = 5_000;
const NO_HOVER = { node: null, edge: null };

export function ReducersController() {
  const { graph } = useExplorer();
  const renderer = useRenderer();
  const visibility = useVisibility();
  const storeHover = useExplorerState((s) => s.hover);
  // On big graphs hovering does not dim the rest (that would re-reduce every item per hover): sigma's own hover
  // label is enough there.
  const hover = graph.order <= HOVER_DIM_LIMIT ? storeHover : NO_HOVER;
  const selection = useExplorerState((s) => s.selection);
  const path = useExplorerState((s) => s.path);
  const fastEdges = graph.size > FAST_EDGES_THRESHOLD;
  // Past that many relations, zooming in does not label every relation (hover, selection and paths still do):
  // switching labels means re-reducing every item mid-zoom, seconds at 500k relations.
  const zoomedIn = useExplorerState((s) => s.zoomedIn) && !fastEdges;
  const graphVersion = useExplorerState((s) => s.graphVersion);

  const state = useMemo<RenderState>(() => {
    if (!visibility) return EMPTY_RENDER_STATE;
    const visibleEdges = visibility.edges;
    const shownPaths =
      path.status === "done" && path.results.length
        ? path.active !== null && path.results[path.active]
          ? [path.results[path.active]!]
          : path.results
        : [];
    const members = shownPaths.length ? pathMembers(shownPaths) : null;
    let focus: Neighbourhood | null = members;
    if (!focus && selection?.kind === "entity") focus = visibleNeighbourhood(graph, selection.id, visibleEdges);
    if (!focus && selection?.kind === "relation" && graph.hasEdge(selection.id)) {
      const a = graph.getEdgeAttributes(selection.id);
      focus = { nodes: new Set([a.from, a.to]), edges: new Set([selection.id]) };
    }
    const hoverHood = hover.node
      ? { node: hover.node, ...visibleNeighbourhood(graph, hover.node, visibleEdges) }
      : null;
    return {
      visibleNodes: visibility.nodes,
      visibleEdges,
      focus,
      hover: hoverHood,
      hoveredEdge: hover.edge,
      selectedNode: selection?.kind === "entity" ? selection.id : null,
      selectedEdge: selection?.kind === "relation" ? selection.id : null,
      pathEdges: members?.edges ?? new Set(),
      showEdgeLabels: zoomedIn,
      fastEdges,
      nodeScale: sizeSettings(graph.order, graph.size).nodeScale,
    };
    // graphVersion: neighbourhoods change when relations are added
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibility, hover, selection, path, zoomedIn, fastEdges, graphVersion, graph]);

  // One setSettings: each call makes sigma run the reducers over every item (state changes with the graph anyway).
  useEffect(() => {
    const sized = sizeSettings(graph.order, graph.size);
    renderer.setSettings({
      labelRenderedSizeThreshold: sized.labelRenderedSizeThreshold,
      labelDensity: sized.labelDensity,
      enableEdgeEvents: sized.enableEdgeEvents,
      zIndex: sized.zIndex,
      nodeReducer: (id, data) => nodeReducer(id, data, state),
      edgeReducer: (id, data) => edgeReducer(id, data, state),
    });
  }, [renderer, graph, graphVersion, state]);

  return null;
}
