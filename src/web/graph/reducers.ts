// Sigma's nodeReducer and edgeReducer as pure functions of (id, data attributes, render state). The data graph is
// never touched for hover, selection, search or paths: the look comes from here. Every check is a set lookup, so
// each call is O(1) whatever the size of the graph.

import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { overlayEdge, overlayNode, type Overlay } from "./overlay.ts";
import type { EdgeAttrs, NodeAttrs } from "./data-graph.ts";
import { bundleLabel, shortLabel, type ParallelLabel } from "./labels.ts";
import { DIM_EDGE_COLOR, DIM_NODE_COLOR, edgeSize, kindStyle, shapeIndex, stanceColor } from "./style.ts";

/** Names of the edge programs registered with sigma (see sigma-setup.ts). */
export const EDGE_PROGRAMS = {
  arrow: "arrow",
  curvedArrow: "curvedArrow",
  line: "line",
  curve: "curve",
  fast: "fast",
  /** Inferred relations: straight and dashed (edge-dash-program.ts), with or without an arrow head. */
  dashedArrow: "dashedArrow",
  dashedLine: "dashedLine",
} as const;

/** True for the programs that draw a relation dashed (inferred by the analyst, not stated by a source). */
export function isDashedProgram(type: string | undefined): boolean {
  return type === EDGE_PROGRAMS.dashedArrow || type === EDGE_PROGRAMS.dashedLine;
}

export const NODE_PROGRAM = "shape";

export interface Neighbourhood {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface RenderState {
  visibleNodes: ReadonlySet<string>;
  visibleEdges: ReadonlySet<string>;
  /** What stays bright while everything else dims (the paths found, or the selection's neighbourhood). */
  focus: Neighbourhood | null;
  /** The hovered entity and its neighbourhood. */
  hover: (Neighbourhood & { node: string }) | null;
  hoveredEdge: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** Relations on the paths found: drawn thicker with their labels. */
  pathEdges: ReadonlySet<string>;
  /** Zoomed in far enough to label every relation. */
  showEdgeLabels: boolean;
  /** Past ~20k relations: plain lines (inferred ones dashed), no curves nor arrows. */
  fastEdges: boolean;
  /** Multiplies node sizes (smaller on crowded drawings). */
  nodeScale: number;
  /** On the map: relations drawn as arcs (bowed lines read as routes between places, and cross less). */
  arcs?: boolean;
  /** What the analysis views draw over the rest (analysis/overlay.ts): bloc colours, sizes, changes. */
  overlay?: Overlay;
  /** Visible relations that share their two entities with others (graph/labels.ts): one label per bundle. */
  parallel: ReadonlyMap<string, ParallelLabel>;
}

const EMPTY: ReadonlySet<string> = new Set();

export const EMPTY_RENDER_STATE: RenderState = {
  visibleNodes: EMPTY,
  visibleEdges: EMPTY,
  focus: null,
  hover: null,
  hoveredEdge: null,
  selectedNode: null,
  selectedEdge: null,
  pathEdges: EMPTY,
  showEdgeLabels: false,
  fastEdges: false,
  nodeScale: 1,
  parallel: new Map(),
};

export type NodeDisplay = Partial<NodeDisplayData> & { shape: number; kind?: string };
export type EdgeDisplay = Partial<EdgeDisplayData> & { curvature?: number };

export function nodeReducer(id: string, data: NodeAttrs, ui: RenderState): NodeDisplay {
  return overlayNode(id, baseNode(id, data, ui), ui.overlay, ui.nodeScale);
}

function baseNode(id: string, data: NodeAttrs, ui: RenderState): NodeDisplay {
  const style = kindStyle(data.kind);
  const out: NodeDisplay = {
    ...data,
    // Short, so long names do not cover their neighbours'; the full name on hover and selection (below).
    label: shortLabel(data.label),
    type: NODE_PROGRAM,
    shape: shapeIndex(style.shape),
    color: style.color,
    size: data.size * ui.nodeScale,
    zIndex: 1,
  };
  if (!ui.visibleNodes.has(id)) {
    out.hidden = true;
    return out;
  }
  const dimmed = (ui.focus !== null && !ui.focus.nodes.has(id)) || (ui.hover !== null && !ui.hover.nodes.has(id));
  if (dimmed) {
    out.color = DIM_NODE_COLOR;
    out.label = "";
    out.zIndex = 0;
  } else if (ui.focus !== null || ui.hover !== null) {
    out.zIndex = 2;
    out.forceLabel = true;
  }
  if (id === ui.selectedNode || id === ui.hover?.node) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
    out.label = data.label;
    out.color = style.color;
  }
  return out;
}

/** Curvature for the i-th of parallel relations (index in [-max, max]), so they fan out and none hides another. */
export function curvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvature(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * 0.25;
  return (maxCurvature * index) / maxIndex;
}

/** How far a relation bows on the map (a share of its length, as @sigma/edge-curve counts it). */
export const MAP_ARC_CURVATURE = 0.25;

function edgeProgram(data: EdgeAttrs, fast: boolean, arcs = false): { type: string; curvature?: number } {
  // Dashes are drawn on straight lines only: an inferred relation does not curve apart from its parallels. On huge
  // graphs they stay dashed (without the arrow head, as every line there) so the legend's "dashed" holds.
  if (data.inference) {
    return { type: data.symmetric || fast ? EDGE_PROGRAMS.dashedLine : EDGE_PROGRAMS.dashedArrow };
  }
  if (fast) return { type: EDGE_PROGRAMS.fast };
  const index = data.parallelIndex;
  const max = data.parallelMaxIndex;
  const curved = typeof index === "number" && typeof max === "number" && index !== 0;
  if (!curved && !arcs) return { type: data.symmetric ? EDGE_PROGRAMS.line : EDGE_PROGRAMS.arrow };
  const parallel = curved ? curvature(index, Math.abs(max)) : 0;
  return {
    type: data.symmetric ? EDGE_PROGRAMS.curve : EDGE_PROGRAMS.curvedArrow,
    curvature: arcs ? MAP_ARC_CURVATURE + parallel : parallel,
  };
}

/** Only display fields: sigma keeps this object for every relation (copying the data in cost time and memory). */
export function edgeReducer(id: string, data: EdgeAttrs, ui: RenderState): EdgeDisplay {
  return overlayEdge(id, baseEdge(id, data, ui), data.label, ui.overlay);
}

function baseEdge(id: string, data: EdgeAttrs, ui: RenderState): EdgeDisplay {
  const program = edgeProgram(data, ui.fastEdges, ui.arcs);
  const out: EdgeDisplay = {
    ...program,
    color: stanceColor(data.stance),
    size: edgeSize(data.confidence),
    label: "",
    zIndex: 1,
  };
  if (!ui.visibleEdges.has(id)) {
    out.hidden = true;
    return out;
  }
  const hovered = id === ui.hoveredEdge || id === ui.selectedEdge;
  const onPath = ui.pathEdges.has(id);
  const dimmed =
    !hovered && ((ui.focus !== null && !ui.focus.edges.has(id)) || (ui.hover !== null && !ui.hover.edges.has(id)));
  if (dimmed) {
    out.color = DIM_EDGE_COLOR;
    out.zIndex = 0;
    return out;
  }
  const inFocus = ui.focus !== null && ui.focus.edges.has(id);
  if (hovered || onPath || inFocus || ui.hover !== null || ui.showEdgeLabels) {
    const spotlight = ui.hoveredEdge ?? ui.selectedEdge;
    const bundle = ui.parallel.get(id);
    out.label = bundle
      ? bundleLabel(id, data.label, bundle, spotlight ? ui.parallel.get(spotlight) : undefined, hovered || onPath)
      : data.label;
  }
  if (onPath) {
    out.size = (out.size ?? 1) + 1.5;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  if (hovered) {
    out.forceLabel = true;
    out.zIndex = 3;
    out.size = (out.size ?? 1) + 1;
  }
  return out;
}
