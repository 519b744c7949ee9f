// Creates the sigma renderer over the data graph with Statecraft's programs and performance settings: shapes per
// kind, straight or curved arrows (curved when relations are parallel), plain lines for symmetric relations, straight
// dashed lines for inferred relations, a fast
// line program past ~20k relations (render-settings.ts), and edges and labels hidden while the camera moves.
// Sized for 100k entities / 500k relations: no full refresh when a drag ends, and the parallel-edge index writes
// only what changed (each attribute write makes sigma re-reduce that relation).

import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, type EdgeProgramType } from "sigma/rendering";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { MAX_CAMERA_RATIO, MIN_CAMERA_RATIO } from "./camera.ts";
import type { DataGraph, EdgeAttrs, NodeAttrs } from "./data-graph.ts";
import { dashedArrowProgram, dashedLineProgram } from "./edge-dash-program.ts";
import NodeShapeProgram from "./node-shape-program.ts";
import { EDGE_PROGRAMS, NODE_PROGRAM } from "./reducers.ts";
import { sizeSettings } from "./render-settings.ts";

export type Renderer = Sigma<NodeAttrs, EdgeAttrs>;

/** Sigma's and @sigma/edge-curve's programs are exported for untyped graphs; ours has typed attributes. */
function typed(program: EdgeProgramType): EdgeProgramType<NodeAttrs, EdgeAttrs> {
  return program as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>;
}

/**
 * Sigma minus one full refresh. With hideEdgesOnMove, sigma's mouse captor ends every drag with refresh(): every
 * reducer over every item again (seconds on 500k relations) only to draw the edges back, which a render does (as
 * sigma's own comment there says). That one call, made once the captor has reset its drag count, becomes a render.
 */
class StatecraftSigma extends Sigma<NodeAttrs, EdgeAttrs> {
  private dragEnded = false;

  constructor(...args: ConstructorParameters<typeof Sigma<NodeAttrs, EdgeAttrs>>) {
    super(...args);
    const captor = this.getMouseCaptor();
    captor.on("mouseup", () => {
      this.dragEnded = captor.draggedEvents > 0 && this.getSetting("hideEdgesOnMove");
      // The captor's own timeout (set before this event) runs first; never let the flag outlive it.
      setTimeout(() => (this.dragEnded = false), 0);
    });
  }

  override refresh(opts?: Parameters<Sigma<NodeAttrs, EdgeAttrs>["refresh"]>[0]): this {
    if (this.dragEnded && !opts && this.getMouseCaptor().draggedEvents === 0) {
      this.dragEnded = false;
      this.scheduleRender();
      return this;
    }
    return super.refresh(opts);
  }
}

export function createRenderer(graph: DataGraph, container: HTMLElement): Renderer {
  const sized = sizeSettings(graph.order, graph.size);
  return new StatecraftSigma(graph, container, {
    allowInvalidContainer: true,
    defaultNodeType: NODE_PROGRAM,
    defaultEdgeType: EDGE_PROGRAMS.arrow,
    nodeProgramClasses: { [NODE_PROGRAM]: NodeShapeProgram<NodeAttrs, EdgeAttrs> },
    edgeProgramClasses: {
      [EDGE_PROGRAMS.arrow]: typed(EdgeArrowProgram),
      [EDGE_PROGRAMS.curvedArrow]: typed(EdgeCurvedArrowProgram),
      [EDGE_PROGRAMS.line]: typed(EdgeRectangleProgram),
      [EDGE_PROGRAMS.curve]: typed(EdgeCurveProgram),
      [EDGE_PROGRAMS.fast]: typed(EdgeLineProgram),
      [EDGE_PROGRAMS.dashedArrow]: dashedArrowProgram<NodeAttrs, EdgeAttrs, Attributes>(),
      [EDGE_PROGRAMS.dashedLine]: dashedLineProgram<NodeAttrs, EdgeAttrs, Attributes>(),
    },
    renderEdgeLabels: true,
    enableEdgeEvents: sized.enableEdgeEvents,
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
    zIndex: sized.zIndex,
    labelRenderedSizeThreshold: sized.labelRenderedSizeThreshold,
    labelDensity: sized.labelDensity,
    // Wider than the default: a label runs far to the right of its node, and one label per cell is what sigma keeps.
    labelGridCellSize: 120,
    labelFont: "system-ui, sans-serif",
    labelSize: 12,
    edgeLabelFont: "system-ui, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#444" },
    stagePadding: 40,
    minCameraRatio: MIN_CAMERA_RATIO,
    maxCameraRatio: MAX_CAMERA_RATIO,
  });
}

/**
 * Recomputes which relations are parallel, so the edge reducer can curve them apart: the indices of @sigma/edge-curve's
 * indexParallelEdgesIndex (same cases, same order), but written only where they change, absent counting as null.
 * The library writes two or three attributes on every relation each time, and sigma re-reduces a relation on each
 * write: seconds per graph change at 500k relations, where almost none are parallel.
 */
export function indexParallelEdges(graph: DataGraph): void {
  // source -> target -> relations from source to target, in graph order
  const out = new Map<string, Map<string, string[]>>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    let targets = out.get(source);
    if (!targets) out.set(source, (targets = new Map()));
    const edges = targets.get(target);
    if (edges) edges.push(edge);
    else targets.set(target, [edge]);
  });
  const write = (edge: string, index: number | null, max: number | null, min?: number) => {
    const a = graph.getEdgeAttributes(edge);
    const same =
      (a.parallelIndex ?? null) === index &&
      (a.parallelMaxIndex ?? null) === max &&
      (min === undefined || a.parallelMinIndex === min);
    if (same) return;
    graph.mergeEdgeAttributes(
      edge,
      min === undefined
        ? { parallelIndex: index, parallelMaxIndex: max }
        : { parallelIndex: index, parallelMinIndex: min, parallelMaxIndex: max },
    );
  };
  for (const [source, targets] of out) {
    for (const [target, edges] of targets) {
      const count = edges.length;
      const back = source === target ? 0 : (out.get(target)?.get(source)?.length ?? 0);
      if (count === 1 && back === 0) write(edges[0]!, null, null);
      else if (count === 1) write(edges[0]!, 1, 1);
      else if (back === 0) {
        const max = (count - 1) / 2;
        edges.forEach((edge, i) => write(edge, -max + i, max, -max));
      } else edges.forEach((edge, i) => write(edge, i + 1, count));
    }
  }
}
