// Renders nothing: carries out camera requests (centre on an entity, restore a linked camera, fit all) and reports
// the camera back to the UI state: whether we are zoomed in far enough for relation labels, and (debounced) where
// the camera is, for the shareable URL.

import { useEffect } from "react";
import { useExplorer, useExplorerState, useRenderer } from "../app/context.ts";
import { fitCamera } from "../graph/camera-fit.ts";
import { setCamera, setZoomedIn } from "../state/explorer-state.ts";

export const LABEL_ZOOM_RATIO = 0.45;

export function CameraController() {
  const { store } = useExplorer();
  const renderer = useRenderer();
  const request = useExplorerState((s) => s.cameraRequest);

  useEffect(() => {
    if (!request) return;
    const camera = renderer.getCamera();
    if (request.kind === "fit") {
      renderer.setCustomBBox(null);
      void camera.animatedReset({ duration: 400 });
    } else if (request.kind === "camera") {
      // animate (even instantly) rather than setState: it cancels any animation still running.
      void camera.animate(request.camera, { duration: 0 });
    } else if (request.kind === "nodes") {
      renderer.refresh();
      const points = request.ids.flatMap((id) => renderer.getNodeDisplayData(id) ?? []);
      const target = fitCamera(points);
      if (target) void camera.animate(target, { duration: 500 });
    } else {
      // Settings or graph changes in the same commit leave sigma's cache un-normalised until it processes again.
      renderer.refresh();
      const data = renderer.getNodeDisplayData(request.id);
      if (data) void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 500 });
    }
  }, [renderer, request]);

  useEffect(() => {
    const camera = renderer.getCamera();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      const { x, y, ratio } = camera.getState();
      const zoomedIn = ratio < LABEL_ZOOM_RATIO;
      store.update(setZoomedIn(zoomedIn));
      clearTimeout(timer);
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
