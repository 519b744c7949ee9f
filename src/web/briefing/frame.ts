// The geometry of a slide, as pure functions: sigma's graph-to-viewport projection reproduced exactly (angle 0), so
// the SVG export, the HTML viewer and a sigma canvas put every node in the same place; the graph rectangle that a
// camera shows; and the camera that shows a given rectangle. A scene keeps that rectangle (its frame), in graph
// coordinates, so it reads the same in any canvas whatever else the explorer had loaded.

import type { SceneFrame } from "../../model/deck.ts";

export interface Point {
  x: number;
  y: number;
}

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

/** sigma's bounding box: the graph extent that maps onto the framed square [0, 1]. */
export interface BBox {
  x: [number, number];
  y: [number, number];
}

export interface Viewport {
  width: number;
  height: number;
  /** sigma's stagePadding, in pixels. */
  padding: number;
}

/** sigma's camera limits (graph/sigma-setup.ts). */
export const MIN_RATIO = 0.02;
export const MAX_RATIO = 20;

export const DEFAULT_CAMERA: CameraState = { x: 0.5, y: 0.5, ratio: 1 };

/** The extent of some points, as sigma computes it (an empty set spans [0, 1]). */
export function extentOf(points: Iterable<Point>): BBox {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (minX === Infinity) return { x: [0, 1], y: [0, 1] };
  return { x: [minX, maxX], y: [minY, maxY] };
}

export function bboxOfFrame(frame: SceneFrame): BBox {
  return { x: [frame.minX, frame.maxX], y: [frame.minY, frame.maxY] };
}

export function frameOfBBox(bbox: BBox): SceneFrame {
  return { minX: bbox.x[0], maxX: bbox.x[1], minY: bbox.y[0], maxY: bbox.y[1] };
}

/** sigma's correction for a graph and a viewport of different shapes (utils getCorrectionRatio). */
export function correctionRatio(viewport: { width: number; height: number }, graph: { width: number; height: number }) {
  const viewportRatio = viewport.height / viewport.width;
  const graphRatio = graph.height / graph.width;
  if ((viewportRatio < 1 && graphRatio > 1) || (viewportRatio > 1 && graphRatio < 1)) return 1;
  return Math.min(Math.max(graphRatio, 1 / graphRatio), Math.max(1 / viewportRatio, viewportRatio));
}

export interface Projection {
  toViewport(p: Point): Point;
  toGraph(p: Point): Point;
  /** Viewport pixels per graph unit. */
  pixelsPerUnit: number;
}

/** sigma's graphToViewport and viewportToGraph for a bounding box, a camera and a viewport. */
export function createProjection(bbox: BBox, camera: CameraState, viewport: Viewport): Projection {
  const width = bbox.x[1] - bbox.x[0] || 1;
  const height = bbox.y[1] - bbox.y[0] || 1;
  let span = Math.max(bbox.x[1] - bbox.x[0], bbox.y[1] - bbox.y[0]);
  if (!(span > 0) || !Number.isFinite(span)) span = 1;
  const cx = (bbox.x[0] + bbox.x[1]) / 2;
  const cy = (bbox.y[0] + bbox.y[1]) / 2;
  const smallest = Math.min(viewport.width, viewport.height) - 2 * viewport.padding;
  const k = (smallest * correctionRatio(viewport, { width, height })) / camera.ratio;
  const W2 = viewport.width / 2;
  const H2 = viewport.height / 2;
  return {
    toViewport(p) {
      const fx = 0.5 + (p.x - cx) / span;
      const fy = 0.5 + (p.y - cy) / span;
      return { x: W2 + k * (fx - camera.x), y: H2 - k * (fy - camera.y) };
    },
    toGraph(v) {
      const fx = camera.x + (v.x - W2) / k;
      const fy = camera.y - (v.y - H2) / k;
      return { x: cx + span * (fx - 0.5), y: cy + span * (fy - 0.5) };
    },
    pixelsPerUnit: k / span,
  };
}

/** The graph rectangle a camera shows in a viewport (the whole viewport, padding included). */
export function frameOfView(bbox: BBox, camera: CameraState, viewport: Viewport): SceneFrame {
  const projection = createProjection(bbox, camera, viewport);
  const a = projection.toGraph({ x: 0, y: 0 });
  const b = projection.toGraph({ x: viewport.width, y: viewport.height });
  return { minX: Math.min(a.x, b.x), maxX: Math.max(a.x, b.x), minY: Math.min(a.y, b.y), maxY: Math.max(a.y, b.y) };
}

/** The camera that shows all of `frame` inside the viewport's padding, centred, as large as it fits. */
export function cameraForFrame(frame: SceneFrame, bbox: BBox, viewport: Viewport): CameraState {
  const width = bbox.x[1] - bbox.x[0] || 1;
  const height = bbox.y[1] - bbox.y[0] || 1;
  let span = Math.max(bbox.x[1] - bbox.x[0], bbox.y[1] - bbox.y[0]);
  if (!(span > 0) || !Number.isFinite(span)) span = 1;
  const cx = (bbox.x[0] + bbox.x[1]) / 2;
  const cy = (bbox.y[0] + bbox.y[1]) / 2;
  const smallest = Math.min(viewport.width, viewport.height) - 2 * viewport.padding;
  const c = correctionRatio(viewport, { width, height });
  const innerW = Math.max(1, viewport.width - 2 * viewport.padding);
  const innerH = Math.max(1, viewport.height - 2 * viewport.padding);
  const fw = (frame.maxX - frame.minX) / span;
  const fh = (frame.maxY - frame.minY) / span;
  const ratio = Math.max((smallest * c * fw) / innerW, (smallest * c * fh) / innerH, 1e-6);
  return {
    x: 0.5 + ((frame.minX + frame.maxX) / 2 - cx) / span,
    y: 0.5 + ((frame.minY + frame.maxY) / 2 - cy) / span,
    ratio: Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio)),
  };
}

/** A frame around some points with a margin (a share of the larger side; a lone point gets a unit square). */
export function fitFrame(points: readonly Point[], margin = 0.08): SceneFrame {
  if (points.length === 0) return { minX: 0, minY: 0, maxX: 1, maxY: 1 };
  const box = extentOf(points);
  const side = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]) || 1;
  const pad = side * margin;
  return { minX: box.x[0] - pad, maxX: box.x[1] + pad, minY: box.y[0] - pad, maxY: box.y[1] + pad };
}

/** The smallest frame holding every frame given. */
export function unionFrames(frames: readonly SceneFrame[]): SceneFrame {
  if (frames.length === 0) return { minX: 0, minY: 0, maxX: 1, maxY: 1 };
  return {
    minX: Math.min(...frames.map((f) => f.minX)),
    minY: Math.min(...frames.map((f) => f.minY)),
    maxX: Math.max(...frames.map((f) => f.maxX)),
    maxY: Math.max(...frames.map((f) => f.maxY)),
  };
}

/** A frame with zero width or height cannot be fitted: widen it around its centre. */
export function nonDegenerate(frame: SceneFrame): SceneFrame {
  const w = frame.maxX - frame.minX;
  const h = frame.maxY - frame.minY;
  const side = Math.max(w, h) || 1;
  const minSide = side * 0.05;
  const cx = (frame.minX + frame.maxX) / 2;
  const cy = (frame.minY + frame.maxY) / 2;
  const hw = Math.max(w, minSide) / 2;
  const hh = Math.max(h, minSide) / 2;
  return { minX: cx - hw, maxX: cx + hw, minY: cy - hh, maxY: cy + hh };
}

/**
 * The part of a camera's frame worth showing on a slide: the box around the points inside it, with a margin (the
 * explorer's canvas has another shape than a slide, and empty space around the graph would only shrink it).
 */
export function tightenFrame(frame: SceneFrame, points: readonly Point[], margin = 0.12): SceneFrame {
  const inside = points.filter((p) => p.x >= frame.minX && p.x <= frame.maxX && p.y >= frame.minY && p.y <= frame.maxY);
  if (inside.length === 0) return frame;
  return fitFrame(inside, margin);
}

export function insideFrame(frame: SceneFrame, p: Point): boolean {
  return p.x >= frame.minX && p.x <= frame.maxX && p.y >= frame.minY && p.y <= frame.maxY;
}

/**
 * A slide's frame at capture: the focus (the path shown, the selection and what it touches) with a margin when
 * there is one, so the subject is whole and not at the edge whatever the explorer's camera showed; else the
 * entities the camera shows (tightenFrame).
 */
export function focusFrame(
  viewFrame: SceneFrame,
  positions: ReadonlyMap<string, Point>,
  focus: readonly string[] | null,
  margin = 0.12,
): SceneFrame {
  const points = (focus ?? []).flatMap((id) => positions.get(id) ?? []);
  if (points.length > 0) return fitFrame(points, margin);
  return tightenFrame(viewFrame, [...positions.values()], margin);
}
