// A scene's graph as drawing primitives in a box of a given size, computed the way the canvas draws it: the
// explorer's reducers decide colours, sizes, dimming and labels; sigma's projection (frame.ts) places the nodes;
// relations are straight or curved (parallel ones, like @sigma/edge-curve) with an arrow at the target unless
// symmetric, dashed when inferred. The SVG export and the HTML viewer draw these; nothing here touches the DOM.

import type { Scene, SceneFrame } from "../../model/deck.ts";
import { readRelation } from "../../model/index.ts";
import { EDGE_PROGRAMS, isDashedProgram } from "../graph/reducers.ts";
import { CANVAS_BACKGROUND, DASH_PATTERN, NODE_SHAPES, type NodeShape } from "../graph/style.ts";
import { DEFAULT_CAMERA, createProjection, fitFrame, nonDegenerate, bboxOfFrame, type Point } from "./frame.ts";
import { sceneGraph, sceneRenderState, slideReducers } from "./slide-graph.ts";
import { INFERRED_MARK } from "../state/path-readout.ts";
import { affineOf, type Affine } from "../map/map-paint.ts";

export const STAGE_PADDING = 40;
export const LABEL_SIZE = 12;
export const EDGE_LABEL_SIZE = 11;
export const LABEL_COLOR = "#000000";
export const EDGE_LABEL_COLOR = "#444444";

export interface DrawnNode {
  id: string;
  name: string;
  kind: string;
  x: number;
  y: number;
  r: number;
  color: string;
  shape: NodeShape;
  label: string;
  z: number;
}

export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  /** SVG path data of the line (or curve), ending at the arrow's base. */
  d: string;
  color: string;
  width: number;
  /** Arrow head polygon points "x,y x,y x,y", or null for symmetric relations. */
  arrow: string | null;
  /** Dash and gap lengths when the relation is inferred by the analyst (drawn dashed), else null. */
  dash: [number, number] | null;
  label: string;
  labelX: number;
  labelY: number;
  /** Degrees, kept upright. */
  labelAngle: number;
  sentence: string;
  z: number;
}

export interface GraphDrawing {
  width: number;
  height: number;
  background: string;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  labelSize: number;
  edgeLabelSize: number;
  /** Graph units to the box's pixels (where a map layer goes under the graph). */
  transform: Affine;
  /** The scene was captured on the map layout: the world map goes under it. */
  onMap: boolean;
}

/** The frame a scene shows: the captured one, else one around its entities. */
export function sceneFrame(scene: Scene): SceneFrame {
  if (scene.frame) return nonDegenerate(scene.frame);
  const points: Point[] = Object.values(scene.positions).map(([x, y]) => ({ x, y }));
  return nonDegenerate(fitFrame(points));
}

const round = (n: number) => Math.round(n * 100) / 100;

function shapeOf(index: number): NodeShape {
  return NODE_SHAPES[index] ?? "circle";
}

/** Where a straight line from `a` towards `b` leaves a circle of radius r around `b`. */
function pullBack(a: Point, b: Point, r: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: b.x - (dx / len) * r, y: b.y - (dy / len) * r };
}

function arrowHead(tip: Point, from: Point, width: number): { points: string; base: Point } {
  const length = Math.max(2.5 * width, 6);
  const half = Math.max(width, 3);
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  const left = { x: base.x - uy * half, y: base.y + ux * half };
  const right = { x: base.x + uy * half, y: base.y - ux * half };
  return { points: [tip, left, right].map((p) => `${round(p.x)},${round(p.y)}`).join(" "), base };
}

/** The scene's graph drawn in a width x height box; `scale` multiplies sizes (1 at 720 px high). */
export function drawSceneGraph(scene: Scene, width: number, height: number, scale = 1): GraphDrawing {
  const graph = sceneGraph(scene);
  const state = sceneRenderState(scene, graph);
  const reducers = slideReducers(state, scale);
  const projection = createProjection(bboxOfFrame(sceneFrame(scene)), DEFAULT_CAMERA, {
    width,
    height,
    padding: STAGE_PADDING * scale,
  });
  const names = new Map(scene.entities.map((e) => [e.id, e.name]));

  const nodes: DrawnNode[] = [];
  const at = new Map<string, { p: Point; r: number }>();
  graph.forEachNode((id, attrs) => {
    const d = reducers.node(id, attrs);
    const p = projection.toViewport({ x: attrs.x, y: attrs.y });
    const r = d.size ?? attrs.size;
    at.set(id, { p, r });
    if (d.hidden) return;
    nodes.push({
      id,
      name: attrs.label,
      kind: attrs.kind,
      x: round(p.x),
      y: round(p.y),
      r: round(r),
      color: d.color ?? "#999999",
      shape: shapeOf(d.shape),
      label: d.label ?? "",
      z: d.zIndex ?? 1,
    });
  });

  const edges: DrawnEdge[] = [];
  graph.forEachEdge((id, attrs) => {
    const d = reducers.edge(id, attrs);
    if (d.hidden) return;
    const source = at.get(attrs.from);
    const target = at.get(attrs.to);
    if (!source || !target) return;
    const width = d.size ?? scale;
    const S = source.p;
    const T = target.p;
    const dashed = isDashedProgram(d.type);
    const directed =
      d.type === EDGE_PROGRAMS.arrow || d.type === EDGE_PROGRAMS.curvedArrow || d.type === EDGE_PROGRAMS.dashedArrow;
    const curved = d.type === EDGE_PROGRAMS.curvedArrow || d.type === EDGE_PROGRAMS.curve;
    const c = curved ? (d.curvature ?? 0) : 0;
    const mid = { x: (S.x + T.x) / 2, y: (S.y + T.y) / 2 };
    const control = { x: mid.x + (T.y - S.y) * c, y: mid.y - (T.x - S.x) * c };
    // The curve's apex (for the label) is halfway between the chord's middle and the control point.
    const apex = curved ? { x: (mid.x + control.x) / 2, y: (mid.y + control.y) / 2 } : mid;
    let path: string;
    let arrow: string | null = null;
    const towards = curved ? control : S;
    if (directed) {
      const tip = pullBack(towards, T, target.r);
      const head = arrowHead(tip, towards, width);
      arrow = head.points;
      path = curved
        ? `M${round(S.x)},${round(S.y)} Q${round(control.x)},${round(control.y)} ${round(head.base.x)},${round(head.base.y)}`
        : `M${round(S.x)},${round(S.y)} L${round(head.base.x)},${round(head.base.y)}`;
    } else {
      path = curved
        ? `M${round(S.x)},${round(S.y)} Q${round(control.x)},${round(control.y)} ${round(T.x)},${round(T.y)}`
        : `M${round(S.x)},${round(S.y)} L${round(T.x)},${round(T.y)}`;
    }
    let angle = (Math.atan2(T.y - S.y, T.x - S.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    edges.push({
      id,
      from: attrs.from,
      to: attrs.to,
      d: path,
      color: d.color ?? "#999999",
      width: round(width),
      arrow,
      dash: dashed ? [round(DASH_PATTERN[0] * scale), round(DASH_PATTERN[1] * scale)] : null,
      label: d.label ?? "",
      labelX: round(apex.x),
      labelY: round(apex.y),
      labelAngle: round(angle),
      sentence:
        readRelation({
          type: attrs.relType,
          from: { id: attrs.from, name: names.get(attrs.from) ?? attrs.from },
          to: { id: attrs.to, name: names.get(attrs.to) ?? attrs.to },
        }) + (attrs.inference ? INFERRED_MARK : ""),
      z: d.zIndex ?? 1,
    });
  });
  nodes.sort((a, b) => a.z - b.z);
  edges.sort((a, b) => a.z - b.z);
  return {
    width,
    height,
    background: CANVAS_BACKGROUND,
    nodes,
    edges,
    labelSize: LABEL_SIZE * scale,
    edgeLabelSize: EDGE_LABEL_SIZE * scale,
    transform: affineOf(projection.toViewport),
    onMap: scene.layout === "map",
  };
}

/**
 * The path of a node shape centred on (x, y) with radius r, matching the WebGL program's shapes
 * (graph/node-shape-program.ts); circles and rings are drawn as <circle> by the callers.
 */
export function shapePath(shape: NodeShape, x: number, y: number, r: number): string {
  const pts = (list: [number, number][]) =>
    "M" + list.map(([px, py]) => `${round(x + px * r)},${round(y + py * r)}`).join("L") + "Z";
  switch (shape) {
    case "square":
      return pts([
        [-0.84, -0.84],
        [0.84, -0.84],
        [0.84, 0.84],
        [-0.84, 0.84],
      ]);
    case "diamond":
      return pts([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case "triangle":
      return pts([
        [0, -1.03],
        [0.98, 0.73],
        [-0.98, 0.73],
      ]);
    case "triangle-down":
      return pts([
        [0, 1.03],
        [0.98, -0.73],
        [-0.98, -0.73],
      ]);
    case "hexagon":
      return pts([
        [0, -1.06],
        [0.92, -0.53],
        [0.92, 0.53],
        [0, 1.06],
        [-0.92, 0.53],
        [-0.92, -0.53],
      ]);
    case "plus":
      return pts([
        [-0.36, -1],
        [0.36, -1],
        [0.36, -0.36],
        [1, -0.36],
        [1, 0.36],
        [0.36, 0.36],
        [0.36, 1],
        [-0.36, 1],
        [-0.36, 0.36],
        [-1, 0.36],
        [-1, -0.36],
        [-0.36, -0.36],
      ]);
    case "star": {
      const list: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? 1.05 : 0.45;
        list.push([Math.cos(a) * rr, Math.sin(a) * rr]);
      }
      return pts(list);
    }
    default:
      return pts([
        [-1, 0],
        [0, -1],
        [1, 0],
        [0, 1],
      ]);
  }
}
