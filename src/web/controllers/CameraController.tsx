// Renders nothing: carries out camera requests (centre on an entity, restore a linked camera, fit all) and reports
// the camera back to the UI state: whether we are zoomed in far enough for relation labels, and (debounced) where
// the camera is, for the shareable URL. Cameras are in framed units of the graph's own extent (state/camera.ts); a
// linked camera that shows no visible entity gives way to the whole graph, with a notice.

import { useEffect, useRef } from "react";
import { useExplorer, useExplorerState, useRenderer, useVisibility } from "../app/context.ts";
import { fitCamera } from "../graph/camera-fit.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import { framedPosition } from "../graph/framing.ts";
import type { Renderer } from "../graph/sigma-setup.ts";
import { cameraFramesGraph } from "../graph/camera.ts";
import { setCamera, setNotice, setZoomedIn } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";

export const LABEL_ZOOM_RATIO = 0.45;

const NOTHING_FRAMED = "The link's camera showed none of the entities on the canvas: the whole graph is shown instead.";

/** True when some visible entity lies inside the viewport (checked after a link's camera is applied). */
function framesAnyVisible(renderer: Renderer, graph: DataGraph, visibility: Visibility | null): boolean {
  const { width, height } = renderer.getDimensions();
  let any = false;
  let shown = 0;
  graph.forEachNode((id, a) => {
    if (any || (visibility && !visibility.nodes.has(id))) return;
    shown++;
    const p = renderer.graphToViewport({ x: a.x, y: a.y });
    any = p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
  });
  return any || shown === 0;
}

export function CameraController() {
  const { store, graph } = useExplorer();
  const renderer = useRenderer();
  const request = useExplorerState((s) => s.cameraRequest);
  const visibility = useVisibility();
  const visibilityRef = useRef(visibility);
  useEffect(() => {
    visibilityRef.current = visibility;
  }, [visibility]);

  useEffect(() => {
    if (!request) return;
    const camera = renderer.getCamera();
    if (request.kind === "fit") {
      renderer.setCustomBBox(null);
      void camera.animatedReset({ duration: 400 });
    } else if (request.kind === "camera") {
      renderer.setCustomBBox(null);
      renderer.refresh({ schedule: false });
      // animate rather than setState: it cancels any animation still running. Not over 0 ms: sigma's first step
      // then divides 0 by 0 and the camera holds NaN for a frame.
      void camera.animate(request.camera, { duration: 1 }).then(() => {
        if (framesAnyVisible(renderer, graph, visibilityRef.current)) return;
        void camera.animatedReset({ duration: 1 });
        store.update(setNotice({ text: NOTHING_FRAMED, tone: "info" }));
      });
    } else if (request.kind === "nodes") {
      renderer.refresh({ schedule: false });
      const points = request.ids.flatMap((id) => framedPosition(renderer, graph, id) ?? []);
      const target = fitCamera(points);
      if (target) void camera.animate(target, { duration: 500 });
    } else {
      // Settings or graph changes in the same commit move the framing (a new entity widens the extent): process now.
      renderer.refresh({ schedule: false });
      const point = framedPosition(renderer, graph, request.id);
      if (point) void camera.animate({ ...point, ratio: Math.min(camera.ratio, 0.6) }, { duration: 500 });
    }
  }, [renderer, request, graph, store]);

  useEffect(() => {
    const camera = renderer.getCamera();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      const { x, y, ratio } = camera.getState();
      const zoomedIn = ratio < LABEL_ZOOM_RATIO;
      store.update(setZoomedIn(zoomedIn));
      clearTimeout(timer);
      // Only a camera in the one unit goes to the URL (a stale framing must never write graph coordinates there).
      if (!cameraFramesGraph({ x, y, ratio })) return;
      timer = setTimeout(() => store.update(setCamera({ x, y, ratio })), 300);
    };
    camera.on("updated", onUpdate);
    return () => {
      clearTimeout(timer);
      camera.removeListener("updated", onUpdate);
    };
  }, [renderer, store]);

  return null;
}
