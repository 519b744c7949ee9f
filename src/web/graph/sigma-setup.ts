// Creates the sigma renderer over the data graph with Statecraft's programs and performance settings: shapes per
// kind, straight or curved arrows (curved when relations are parallel), plain lines for symmetric relations, a fast
// line program past ~20k relations (render-settings.ts), and edges and labels hidden while the camera moves.

import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, type EdgeProgramType } from "sigma/rendering";
import EdgeCurveProgram, { EdgeCurvedArrowProgram, indexParallelEdgesIndex } from "@sigma/edge-curve";
import type { DataGraph, EdgeAttrs, NodeAttrs } from "./data-graph.ts";
import NodeShapeProgram from "./node-shape-program.ts";
import { EDGE_PROGRAMS, NODE_PROGRAM } from "./reducers.ts";
import { sizeSettings } from "./render-settings.ts";

export type Renderer = Sigma<NodeAttrs, EdgeAttrs>;

/** Sigma's and @sigma/edge-curve's programs are exported for untyped graphs; ours has typed attributes. */
function typed(program: EdgeProgramType): EdgeProgramType<NodeAttrs, EdgeAttrs> {
  return program as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>;
}

export function createRenderer(graph: DataGraph, container: HTMLElement): Renderer {
  const sized = sizeSettings(graph.order, graph.size);
  return new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
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
    },
    renderEdgeLabels: true,
    enableEdgeEvents: sized.enableEdgeEvents,
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
    zIndex: sized.zIndex,
    labelRenderedSizeThreshold: sized.labelRenderedSizeThreshold,
    labelDensity: sized.labelDensity,
    labelGridCellSize: 80,
    labelFont: "system-ui, sans-serif",
    labelSize: 12,
    edgeLabelFont: "system-ui, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#444" },
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
  });
}

/** Recomputes which relations are parallel, so the edge reducer can curve them apart. */
export function indexParallelEdges(graph: DataGraph): void {
  indexParallelEdgesIndex(graph, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
}
