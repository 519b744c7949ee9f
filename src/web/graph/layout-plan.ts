// How the layout runs, as pure decisions: ForceAtlas2 settings for the graph's size (Barnes-Hut past ~2k nodes),
// how many iterations it may run, when it has settled (nodes barely moving relative to the drawing's extent), and
// how big nodes are in graph units for noverlap. Every decision counts iterations, never milliseconds: the same data
// from the same seeded start gives the same picture on a busy machine and an idle one.

import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

export const BARNES_HUT_THRESHOLD = 2000;

export function fa2Settings(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: order > BARNES_HUT_THRESHOLD,
    barnesHutTheta: 0.6,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: order > BARNES_HUT_THRESHOLD ? 20 : 10,
    slowDown: 1 + Math.log(Math.max(1, order)),
    adjustSizes: false,
    linLogMode: false,
    outboundAttractionDistribution: false,
    edgeWeightInfluence: 1,
  };
}

/**
 * Most iterations the layout may run: fewer as graphs grow, since each one costs more (chosen by size, not clock).
 * On an idle laptop that is well under a second up to 1k entities, a few seconds at 2k (no Barnes-Hut) and at 10k,
 * and about 20 s at 100k: what the time budget this replaces allowed (`npm run bench layout` prints the figures).
 */
export function maxLayoutIterations(order: number): number {
  if (order <= 200) return 600;
  if (order <= 2_000) return 300;
  if (order <= 20_000) return 150;
  if (order <= 100_000) return 60;
  return 30;
}

/** The settling check compares positions this many iterations apart. */
export const LAYOUT_CHECK_EVERY = 25;
export const MIN_LAYOUT_ITERATIONS = 100;
export const SETTLED_MOVEMENT = 0.0015;

/** Mean displacement between two samples of positions ([x0, y0, x1, y1, …]), over the samples' extent. */
export function relativeMovement(before: ArrayLike<number>, after: ArrayLike<number>): number {
  const n = Math.min(before.length, after.length) >> 1;
  if (n === 0) return 0;
  let total = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = after[2 * i]!;
    const y = after[2 * i + 1]!;
    total += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  return total / n / extent;
}

/** Whether to stop after `iteration` iterations, given the movement over the last LAYOUT_CHECK_EVERY of them. */
export function shouldStopLayout(iteration: number, movement: number, order: number): boolean {
  if (iteration >= maxLayoutIterations(order)) return true;
  return iteration >= MIN_LAYOUT_ITERATIONS && movement < SETTLED_MOVEMENT;
}

/** Node sizes are screen pixels; noverlap works in graph units. At camera ratio 1 the graph's extent fills the view. */
export function graphUnitsPerPixel(extent: number, viewportPixels: number): number {
  return extent / Math.max(1, viewportPixels);
}

/**
 * The drawing size noverlap spaces nodes for. A fixed figure rather than the window's: the arranged picture must not
 * depend on the reader's screen (a phone and a wall display get the same positions; the camera scales them).
 */
export const NOVERLAP_VIEWPORT_PX = 640;

/** noverlap gets fewer passes as graphs grow (it runs on the main thread). */
export function noverlapIterations(order: number): number {
  if (order > 20_000) return 0;
  if (order > 5_000) return 20;
  return 80;
}

/** Which ids to sample for the movement check: all up to `max`, else an even spread. */
export function sampleIndices(count: number, max = 2000): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = count / max;
  return Array.from({ length: max }, (_, i) => Math.floor(i * step));
}
