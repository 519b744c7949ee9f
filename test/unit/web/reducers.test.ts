// Sigma's node and edge reducers as pure functions of the render state.

import { describe, expect, it } from "vitest";
import type { EdgeAttrs, NodeAttrs } from "../../../src/web/graph/data-graph.ts";
import {
  EDGE_PROGRAMS,
  EMPTY_RENDER_STATE,
  MAP_ARC_CURVATURE,
  curvature,
  edgeReducer,
  isDashedProgram,
  nodeReducer,
  type RenderState,
} from "../../../src/web/graph/reducers.ts";
import {
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  KIND_STYLE,
  NODE_SHAPES,
  STANCE_COLOR,
  edgeSize,
} from "../../../src/web/graph/style.ts";

const node: NodeAttrs = { x: 1, y: 2, size: 8, label: "SMIC", kind: "Company", degree: 4, base: true };
const edge: EdgeAttrs = {
  relType: "THREATENS",
  stance: "hostile",
  from: "usa",
  to: "smic",
  label: "threatens",
  symmetric: false,
  confidence: 0.8,
  inference: false,
  parallelIndex: null,
};
const all = (ids: string[]) => new Set(ids);
const base: RenderState = {
  ...EMPTY_RENDER_STATE,
  visibleNodes: all(["smic", "usa", "china"]),
  visibleEdges: all(["e1", "e2"]),
};

describe("node reducer", () => {
  it("draws each kind with its colour and shape, and keeps the data", () => {
    const out = nodeReducer("smic", node, base);
    expect(out.color).toBe(KIND_STYLE.Company.color);
    expect(out.shape).toBe(NODE_SHAPES.indexOf("square"));
    expect(out.type).toBe("shape");
    expect(out.x).toBe(1);
    expect(out.label).toBe("SMIC");
    expect(out.hidden).toBeUndefined();
  });

  it("hides what the filters and the view leave out", () => {
    expect(nodeReducer("other", node, base).hidden).toBe(true);
  });

  it("dims what is outside the focus and highlights the selection", () => {
    const ui: RenderState = { ...base, focus: { nodes: all(["usa"]), edges: all([]) }, selectedNode: "usa" };
    const dimmed = nodeReducer("smic", node, ui);
    expect(dimmed.color).toBe(DIM_NODE_COLOR);
    expect(dimmed.label).toBe("");
    const selected = nodeReducer("usa", { ...node, kind: "Country", label: "United States" }, ui);
    expect(selected.highlighted).toBe(true);
    expect(selected.forceLabel).toBe(true);
    expect(selected.color).toBe(KIND_STYLE.Country.color);
  });

  it("dims non-neighbours of the hovered entity", () => {
    const ui: RenderState = { ...base, hover: { node: "usa", nodes: all(["usa", "china"]), edges: all(["e1"]) } };
    expect(nodeReducer("smic", node, ui).color).toBe(DIM_NODE_COLOR);
    expect(nodeReducer("china", node, ui).color).toBe(KIND_STYLE.Company.color);
  });

  it("never mutates the attributes it is given", () => {
    const copy = { ...node };
    nodeReducer("smic", node, { ...base, selectedNode: "smic" });
    expect(node).toEqual(copy);
  });
});

describe("edge reducer", () => {
  it("colours by stance, draws an arrow, and leaves the label off at a distance", () => {
    const out = edgeReducer("e1", edge, base);
    expect(out.color).toBe(STANCE_COLOR.hostile);
    expect(out.type).toBe(EDGE_PROGRAMS.arrow);
    expect(out.label).toBe("");
  });

  it("labels relations when zoomed in, on hover and on paths", () => {
    expect(edgeReducer("e1", edge, { ...base, showEdgeLabels: true }).label).toBe("threatens");
    const hovered = edgeReducer("e1", edge, { ...base, hoveredEdge: "e1" });
    expect(hovered.label).toBe("threatens");
    expect(hovered.forceLabel).toBe(true);
    const onPath = edgeReducer("e1", edge, {
      ...base,
      pathEdges: all(["e1"]),
      focus: { nodes: all([]), edges: all(["e1"]) },
    });
    expect(onPath.forceLabel).toBe(true);
    expect(onPath.size).toBeGreaterThan(edgeReducer("e1", edge, base).size!);
  });

  it("hides filtered relations and dims those outside the focus", () => {
    expect(edgeReducer("gone", edge, base).hidden).toBe(true);
    const out = edgeReducer("e2", edge, { ...base, focus: { nodes: all([]), edges: all(["e1"]) } });
    expect(out.color).toBe(DIM_EDGE_COLOR);
  });

  it("curves parallel relations apart and drops the arrow of symmetric ones", () => {
    const parallel = edgeReducer("e1", { ...edge, parallelIndex: 1, parallelMinIndex: -1, parallelMaxIndex: 1 }, base);
    expect(parallel.type).toBe(EDGE_PROGRAMS.curvedArrow);
    expect(parallel.curvature).toBeGreaterThan(0);
    const opposite = edgeReducer("e1", { ...edge, parallelIndex: -1, parallelMinIndex: -1, parallelMaxIndex: 1 }, base);
    expect(opposite.curvature).toBeCloseTo(-parallel.curvature!);
    const middle = edgeReducer("e1", { ...edge, parallelIndex: 0, parallelMinIndex: -1, parallelMaxIndex: 1 }, base);
    expect(middle.type).toBe(EDGE_PROGRAMS.arrow);
    expect(edgeReducer("e1", { ...edge, symmetric: true }, base).type).toBe(EDGE_PROGRAMS.line);
    expect(edgeReducer("e1", { ...edge, symmetric: true, parallelIndex: 1, parallelMaxIndex: 1 }, base).type).toBe(
      EDGE_PROGRAMS.curve,
    );
  });

  it("draws every relation as an arc on the map, parallel ones bowed further apart, inferred ones still straight", () => {
    const arcs: RenderState = { ...base, arcs: true };
    const single = edgeReducer("e1", edge, arcs);
    expect(single.type).toBe(EDGE_PROGRAMS.curvedArrow);
    expect(single.curvature).toBe(MAP_ARC_CURVATURE);
    expect(edgeReducer("e1", { ...edge, symmetric: true }, arcs).type).toBe(EDGE_PROGRAMS.curve);
    const parallel = edgeReducer("e1", { ...edge, parallelIndex: 1, parallelMinIndex: -1, parallelMaxIndex: 1 }, arcs);
    expect(parallel.curvature).toBeGreaterThan(MAP_ARC_CURVATURE);
    expect(isDashedProgram(edgeReducer("e1", { ...edge, inference: true }, arcs).type)).toBe(true);
  });

  it("draws inferred relations straight and dashed, with an arrow unless symmetric, even when parallel", () => {
    const inferred = { ...edge, inference: true };
    expect(isDashedProgram(edgeReducer("e1", edge, base).type)).toBe(false);
    const out = edgeReducer("e1", inferred, base);
    expect(out.type).toBe(EDGE_PROGRAMS.dashedArrow);
    expect(isDashedProgram(out.type)).toBe(true);
    expect(edgeReducer("e1", { ...inferred, symmetric: true }, base).type).toBe(EDGE_PROGRAMS.dashedLine);
    const parallel = edgeReducer("e1", { ...inferred, parallelIndex: 1, parallelMaxIndex: 1 }, base);
    expect(parallel.type).toBe(EDGE_PROGRAMS.dashedArrow);
    expect(parallel.curvature).toBeUndefined();
    // Width still follows confidence, and dimming still applies.
    expect(out.size).toBe(edgeSize(0.8));
    expect(edgeReducer("e2", inferred, { ...base, focus: { nodes: all([]), edges: all(["e1"]) } }).color).toBe(
      DIM_EDGE_COLOR,
    );
  });

  it("switches to the fast line program on huge graphs", () => {
    const out = edgeReducer("e1", { ...edge, parallelIndex: 1, parallelMaxIndex: 1 }, { ...base, fastEdges: true });
    expect(out.type).toBe(EDGE_PROGRAMS.fast);
    const inferred = edgeReducer("e1", { ...edge, inference: true }, { ...base, fastEdges: true });
    expect(inferred.type).toBe(EDGE_PROGRAMS.dashedLine);
  });

  it("maps confidence to a bounded width: 1 px at 0, 3 px at 1, clamped outside, 1 px for nonsense", () => {
    for (const [confidence, width] of [
      [Number.NaN, 1],
      [-1, 1],
      [0, 1],
      [0.5, 2],
      [1, 3],
      [7, 3],
    ] as const)
      expect(edgeSize(confidence)).toBe(width);
  });

  it("spreads curvature with the number of parallel relations", () => {
    expect(curvature(0, 2)).toBe(0);
    expect(curvature(2, 2)).toBeGreaterThan(curvature(1, 2));
    expect(curvature(1, 0)).toBe(0);
  });
});
