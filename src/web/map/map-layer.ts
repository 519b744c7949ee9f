// The world map as a layer of a sigma renderer: a 2D canvas under the WebGL edges and nodes, repainted after each
// of sigma's renders through its own graphToViewport, so panning, zooming and resizing move the map and the graph
// together. Used by the explorer's canvas and the presenter's slide.

import type Sigma from "sigma";
import type { Attributes } from "graphology-types";
import { affineOf, paintWorld } from "./map-paint.ts";
import type { WorldMap } from "./world.ts";

export const MAP_LAYER = "worldMap";

/** Adds the map under the graph; returns what removes it. `shown()` names the countries to shade (numeric ids). */
export function attachMapLayer<N extends Attributes, E extends Attributes>(
  renderer: Sigma<N, E>,
  world: WorldMap,
  shown?: () => ReadonlySet<string>,
): () => void {
  const canvas = renderer.createCanvas(MAP_LAYER, {
    beforeLayer: "edges",
    style: { inset: "0", width: "100%", height: "100%", pointerEvents: "none" },
  });
  canvas.dataset.testid = "world-map";
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("statecraft/map: this browser gives no 2D canvas for the world map");
  const draw = () => {
    // Sized here: sigma sizes only the canvases it made itself.
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = renderer.getDimensions();
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const m = affineOf((p) => renderer.graphToViewport(p));
    // Where the map is, for tests and tools that check a place on screen against the projection.
    canvas.dataset.transform = [m.a, m.b, m.c, m.d, m.e, m.f].map((v) => v.toFixed(6)).join(",");
    paintWorld(ctx, world, m, { pixelRatio: ratio, ...(shown ? { shown: shown() } : {}) });
  };
  renderer.on("afterRender", draw);
  renderer.scheduleRender();
  return () => {
    renderer.off("afterRender", draw);
    // The renderer may have been killed first (its owner unmounted): then its layers are gone already.
    if (!canvas.isConnected) return;
    renderer.killLayer(MAP_LAYER);
    renderer.scheduleRender();
  };
}
