// Sigma settings that depend on how big the drawing is: label culling (every label on small graphs, only big nodes
// on large ones), node scale, edge events and z-ordering (off past ~20k relations, where edges also switch to plain lines).

export const FAST_EDGES_THRESHOLD = 20_000;

export interface SizeSettings {
  labelRenderedSizeThreshold: number;
  labelDensity: number;
  enableEdgeEvents: boolean;
  zIndex: boolean;
  fastEdges: boolean;
  /** Node sizes shrink as the drawing fills up, so crowds stay legible. */
  nodeScale: number;
}

export function sizeSettings(order: number, size: number): SizeSettings {
  const fastEdges = size > FAST_EDGES_THRESHOLD;
  return {
    labelRenderedSizeThreshold: order <= 200 ? 0 : order <= 2_000 ? 6 : 9,
    labelDensity: order <= 200 ? 1 : order <= 2_000 ? 0.5 : 0.15,
    enableEdgeEvents: !fastEdges,
    zIndex: !fastEdges,
    fastEdges,
    nodeScale: order <= 300 ? 1 : order <= 2_000 ? 0.5 : order <= 10_000 ? 0.35 : 0.25,
  };
}
