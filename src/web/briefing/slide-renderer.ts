// A sigma renderer for slides, over a scene's own graph (never the explorer's): the explorer's programs and
// reducers (graph/sigma-setup.ts, graph/reducers.ts through slide-graph.ts), sizes scaled to the slide, every label
// drawn, no hiding while the camera moves, node sizes fixed whatever the zoom. (sigma's camera ignores even code
// when its zooming or panning is disabled, so the presenter keeps the mouse away with CSS instead.)

import type { Scene } from "../../model/deck.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import { createRenderer, type Renderer } from "../graph/sigma-setup.ts";
import { EDGE_LABEL_SIZE, LABEL_SIZE, STAGE_PADDING } from "./slide-drawing.ts";
import { sceneRenderState, slideReducers } from "./slide-graph.ts";

export function createSlideRenderer(graph: DataGraph, container: HTMLElement, scale: number): Renderer {
  const renderer = createRenderer(graph, container);
  renderer.setSettings({
    hideEdgesOnMove: false,
    hideLabelsOnMove: false,
    enableEdgeEvents: false,
    labelRenderedSizeThreshold: 0,
    labelDensity: 1,
    labelGridCellSize: 60 * scale,
    zoomToSizeRatioFunction: () => 1,
    minCameraRatio: 0.001,
    maxCameraRatio: 100,
  });
  setSlideScale(renderer, scale);
  return renderer;
}

export function setSlideScale(renderer: Renderer, scale: number): void {
  renderer.setSettings({
    labelSize: LABEL_SIZE * scale,
    edgeLabelSize: EDGE_LABEL_SIZE * scale,
    stagePadding: STAGE_PADDING * scale,
  });
}

/** Points the renderer's reducers at a scene (its highlight in focus, the rest dimmed). */
export function showScene(renderer: Renderer, scene: Scene, graph: DataGraph, scale: number): void {
  const reducers = slideReducers(sceneRenderState(scene, graph), scale);
  renderer.setSettings({ nodeReducer: reducers.node, edgeReducer: reducers.edge });
}
