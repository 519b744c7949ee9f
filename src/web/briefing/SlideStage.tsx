// The presenter's canvas: a sigma instance of its own over a graph of its own (never the explorer's), showing one
// scene at a time. All slides share one bounding box (the union of their frames), so stepping from one to the next
// is a camera move: the camera animates from the last frame to the new one. A scene captured on the map layout is
// shown over the world map (a layer of the same renderer, loaded on first use).

import { useEffect, useMemo, useRef, useState } from "react";
import type * as MapView from "../map/map-view.ts";
import { createDataGraph, type DataGraph } from "../graph/data-graph.ts";
import type { Renderer } from "../graph/sigma-setup.ts";
import { bboxOfFrame, cameraForFrame, unionFrames } from "./frame.ts";
import { sceneFrame, STAGE_PADDING } from "./slide-drawing.ts";
import { sceneGraph } from "./slide-graph.ts";
import { slideScale } from "./slide-layout.ts";
import { createSlideRenderer, setSlideScale, showScene } from "./slide-renderer.ts";
import type { SlideView } from "./slide-view.ts";

export const CAMERA_MOVE_MS = 700;

function stageScale(): number {
  return slideScale(window.innerWidth, window.innerHeight);
}

export function SlideStage({ views, index }: { views: readonly SlideView[]; index: number }) {
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<{ renderer: Renderer; graph: DataGraph; shown: number | null } | null>(null);
  const bbox = useMemo(() => bboxOfFrame(unionFrames(views.map((v) => sceneFrame(v.scene)))), [views]);
  const onMap = views[index]?.scene.layout === "map";
  const [mapModule, setMapModule] = useState<typeof MapView | null>(null);

  useEffect(() => {
    if (!onMap || mapModule) return;
    let live = true;
    void import("../map/map-view.ts").then((module) => live && setMapModule(module));
    return () => {
      live = false;
    };
  }, [onMap, mapModule]);

  const target = (renderer: Renderer, view: SlideView) => {
    const { width, height } = renderer.getDimensions();
    return cameraForFrame(sceneFrame(view.scene), bbox, { width, height, padding: STAGE_PADDING * stageScale() });
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const graph = createDataGraph();
    const renderer = createSlideRenderer(graph, element, stageScale());
    renderer.setCustomBBox(bbox);
    instance.current = { renderer, graph, shown: null };
    const resize = new ResizeObserver(() => {
      const current = instance.current;
      if (!current || current.shown === null) return;
      setSlideScale(renderer, stageScale());
      renderer.resize();
      const view = views[current.shown];
      if (view) renderer.getCamera().setState(target(renderer, view));
      renderer.refresh();
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.current = null;
      renderer.kill();
    };
    // `target` reads only bbox and views, both listed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bbox, views]);

  useEffect(() => {
    const current = instance.current;
    const view = views[index];
    const element = container.current;
    if (!current || !view || !element) return;
    const { renderer, graph } = current;
    const scale = stageScale();
    graph.clear();
    graph.import(sceneGraph(view.scene));
    showScene(renderer, view.scene, graph, scale);
    const camera = renderer.getCamera();
    const to = target(renderer, view);
    element.dataset.settled = "false";
    const settled = () => {
      if (instance.current !== current) return;
      const { x, y, ratio } = camera.getState();
      element.dataset.camera = [x, y, ratio].map((n) => n.toFixed(4)).join(",");
      element.dataset.settled = "true";
    };
    if (current.shown === null) {
      camera.setState(to);
      renderer.refresh();
      settled();
    } else {
      void camera.animate(to, { duration: CAMERA_MOVE_MS, easing: "quadraticInOut" }).then(settled);
    }
    current.shown = index;
    // `target` reads only bbox and views, both listed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, views, bbox]);

  // The world map under a slide captured on it (declared after the renderer's effects, so it finds the renderer).
  useEffect(() => {
    const current = instance.current;
    const view = views[index];
    if (!current || !mapModule || view?.scene.layout !== "map") return;
    const art = mapModule.mapArt();
    const shown = art.shown(view.scene.entities);
    return mapModule.attachMapLayer(current.renderer, art.world, () => shown);
  }, [mapModule, index, views, bbox]);

  return (
    <div
      className="slide-stage"
      ref={container}
      data-testid="slide-stage"
      data-scene={views[index]?.scene.id}
      aria-label="Slide graph"
    />
  );
}
