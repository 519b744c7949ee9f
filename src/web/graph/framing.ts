// Sigma's framed coordinates of entities, read from the data graph through the renderer's current normalisation
// rather than from its display cache: a refresh scheduled by a settings change empties that cache (graph units and
// a [0, 1] extent until the next frame), and a camera built from it frames nothing. Also the step that hands the
// framing back to the graph's own extent after a drag (the camera the URL keeps is in that unit).

import type { DataGraph } from "./data-graph.ts";
import type { Renderer } from "./sigma-setup.ts";

/** Where an entity sits in framed coordinates (the graph's extent spans [0, 1]); null when it is not in the graph. */
export function framedPosition(renderer: Renderer, graph: DataGraph, id: string): { x: number; y: number } | null {
  if (!graph.hasNode(id)) return null;
  const { x, y } = graph.getNodeAttributes(id);
  return renderer.viewportToFramedGraph(renderer.graphToViewport({ x, y }));
}

/**
 * Drops the custom bounding box a drag froze the framing with, keeping the picture still: the camera moves to the
 * same graph point and scale in the graph's own framing, so the camera written to the URL means the same to a reader.
 */
export function releaseFraming(renderer: Renderer): void {
  if (!renderer.getCustomBBox()) return;
  const camera = renderer.getCamera();
  const { width, height } = renderer.getDimensions();
  const centre = { x: width / 2, y: height / 2 };
  const g0 = renderer.viewportToGraph(centre);
  const g1 = renderer.viewportToGraph({ x: centre.x + 100, y: centre.y });
  renderer.setCustomBBox(null);
  // Options given: a full refresh that runs now (Statecraft's renderer turns a bare refresh after a drag into a render).
  renderer.refresh({ schedule: false });
  const v0 = renderer.graphToViewport(g0);
  const v1 = renderer.graphToViewport(g1);
  const scale = Math.hypot(v1.x - v0.x, v1.y - v0.y) / 100;
  const framed = renderer.viewportToFramedGraph(v0);
  if (!Number.isFinite(scale) || scale <= 0) return;
  camera.setState({ x: framed.x, y: framed.y, ratio: camera.ratio * scale });
}
