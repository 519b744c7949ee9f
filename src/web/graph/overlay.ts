// What the analysis views change on the drawing, as data the reducers read after their own work: entity colours
// (blocs), entity sizes (a centrality measure), a focus that overrides the selection's (a triad or pair of the
// balance list), and the relations a change between two dates marks as new or ended. Pure: the same overlay
// draws the explorer's canvas and a scene's slide.

import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { DIM_NODE_COLOR } from "./style.ts";

export interface Overlay {
  nodeColors?: ReadonlyMap<string, string>;
  /** Sizes in pixels at zoom 1 (before the drawing's node scale). */
  nodeSizes?: ReadonlyMap<string, number>;
  /** Relations that began in the compared period: thicker, labelled "new". */
  addedEdges?: ReadonlySet<string>;
  /** Relations that ended in it: dashed. */
  endedEdges?: ReadonlySet<string>;
  /** Relations whose confidence, count or evidence changed: labelled "changed". */
  changedEdges?: ReadonlySet<string>;
}

type NodeOut = Partial<NodeDisplayData>;
type EdgeOut = Partial<EdgeDisplayData> & { curvature?: number };

export function overlayNode<T extends NodeOut>(id: string, out: T, overlay: Overlay | undefined, scale: number): T {
  if (!overlay || out.hidden) return out;
  const size = overlay.nodeSizes?.get(id);
  if (size !== undefined) out.size = size * scale;
  const color = overlay.nodeColors?.get(id);
  if (color && out.color !== DIM_NODE_COLOR) out.color = color;
  return out;
}

export function overlayEdge<T extends EdgeOut>(id: string, out: T, label: string, overlay: Overlay | undefined): T {
  if (!overlay || out.hidden || out.zIndex === 0) return out;
  if (overlay.endedEdges?.has(id)) {
    out.type = out.type === "line" || out.type === "curve" || out.type === "dashedLine" ? "dashedLine" : "dashedArrow";
    delete out.curvature;
    out.label = `ended: ${label}`;
    out.forceLabel = true;
  } else if (overlay.addedEdges?.has(id)) {
    out.size = (out.size ?? 1) + 2;
    out.label = `new: ${label}`;
    out.forceLabel = true;
    out.zIndex = 2;
  } else if (overlay.changedEdges?.has(id)) {
    out.label = `changed: ${label}`;
    out.forceLabel = true;
  }
  return out;
}
