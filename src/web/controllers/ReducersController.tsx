// Renders nothing: derives the RenderState from the UI state (state/render-state.ts) and hands sigma reducers that
// read it, with the size-dependent settings. The data graph is never written here.

import { useEffect, useMemo } from "react";
import { useExplorer, useExplorerState, useRenderer, useVisibility } from "../app/context.ts";
import { parallelLabels } from "../graph/labels.ts";
import { edgeReducer, nodeReducer } from "../graph/reducers.ts";
import { sizeSettings } from "../graph/render-settings.ts";
import { deriveRenderState, labelsForZoom, shownHover } from "../state/render-state.ts";
import { useViewsOverlay } from "../analysis/use-views.ts";

export function ReducersController() {
  const { graph } = useExplorer();
  const renderer = useRenderer();
  const visibility = useVisibility();
  // Normalised before memoising: on big graphs hover and zoom change nothing drawn, so they must not re-reduce.
  const hover = shownHover(
    graph,
    useExplorerState((s) => s.hover),
  );
  const selection = useExplorerState((s) => s.selection);
  const path = useExplorerState((s) => s.path);
  const zoomedIn = labelsForZoom(
    graph,
    useExplorerState((s) => s.zoomedIn),
  );
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const arcs = useExplorerState((s) => s.layout === "map");
  const { overlay, focus: overlayFocus } = useViewsOverlay();

  // Once per graph or filter change, not per hover: it reads every relation.
  const parallel = useMemo(
    () => parallelLabels(graph, visibility?.edges ?? new Set()),
    // graphVersion stands for the data graph's content (the parallel index is written with it)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, graphVersion, visibility],
  );
  const state = useMemo(
    () =>
      deriveRenderState(graph, { visibility, hover, selection, path, zoomedIn, overlay, overlayFocus, parallel, arcs }),
    // graphVersion: neighbourhoods change when relations are added
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [visibility, hover, selection, path, zoomedIn, graphVersion, graph, overlay, overlayFocus, parallel, arcs],
  );

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
