// Labels that do not run over each other: short entity names (full on hover and selection) and one label per bundle
// of parallel relations.

import { describe, expect, it } from "vitest";
import type { RelationRecord } from "../../../src/model/index.ts";
import {
  createDataGraph,
  mergeEntities,
  mergeRelations,
  type EdgeAttrs,
  type NodeAttrs,
} from "../../../src/web/graph/data-graph.ts";
import { SHORT_LABEL_LENGTH, bundleLabel, parallelLabels, shortLabel } from "../../../src/web/graph/labels.ts";
import { EMPTY_RENDER_STATE, edgeReducer, nodeReducer, type RenderState } from "../../../src/web/graph/reducers.ts";

const LONG = "Chinese companies and individuals trading with Russia";

describe("shortLabel", () => {
  it.each([
    ["an empty label", "", ""],
    ["a short one, whole", "South Korea", "South Korea"],
    ["exactly the limit, whole", "x".repeat(SHORT_LABEL_LENGTH), "x".repeat(SHORT_LABEL_LENGTH)],
    ["a long one, at a word", LONG, "Chinese companies and…"],
    ["one long word, at the limit", "Semiconductormanufacturinginternational", "Semiconductormanufactur…"],
    ["a comma before the cut, dropped", "Ministry of Foreign, Affairs of China", "Ministry of Foreign…"],
    [
      "CJK by characters",
      "中华人民共和国外交部中华人民共和国外交部中华人民共和国外交部",
      "中华人民共和国外交部中华人民共和国外交部中华人…",
    ],
  ])("should shorten %s", (_name, label, expected) => {
    expect(shortLabel(label)).toBe(expected);
    expect(Array.from(shortLabel(label)).length).toBeLessThanOrEqual(SHORT_LABEL_LENGTH);
  });
});

const state = (over: Partial<RenderState>): RenderState => ({
  ...EMPTY_RENDER_STATE,
  visibleNodes: new Set(["long", "a", "b"]),
  visibleEdges: new Set(["r1", "r2", "r3"]),
  ...over,
});

describe("node labels", () => {
  const node: NodeAttrs = { x: 0, y: 0, size: 8, label: LONG, kind: "Group", degree: 2, base: true };
  it("should draw the short name, and the full one on hover and selection", () => {
    expect(nodeReducer("long", node, state({})).label).toBe("Chinese companies and…");
    expect(nodeReducer("long", node, state({ selectedNode: "long" })).label).toBe(LONG);
    const hover = { node: "long", nodes: new Set(["long"]), edges: new Set<string>() };
    expect(nodeReducer("long", node, state({ hover })).label).toBe(LONG);
  });
});

function rel(id: string, from: string, to: string, type: RelationRecord["type"]): RelationRecord {
  return { id, type, stance: "hostile", from, to, confidence: 0.9, inference: false, evidence: [], dataset: "d" };
}

function bundleGraph() {
  const graph = createDataGraph();
  mergeEntities(
    graph,
    ["china", "russia", "ukraine"].map((id) => ({ id, kind: "Country" as const, name: id })),
    { base: true },
  );
  mergeRelations(graph, [
    rel("china-refuses-russia", "china", "russia", "REFUSES_TO_CONDEMN"),
    rel("china-aligns-russia", "russia", "china", "ALIGNS_WITH"),
    rel("russia-attacks-ukraine", "russia", "ukraine", "ATTACKS"),
  ]);
  // As sigma-setup.ts indexParallelEdges writes them (it needs WebGL to import): one each way between China and Russia.
  for (const id of ["china-refuses-russia", "china-aligns-russia"]) {
    graph.mergeEdgeAttributes(id, { parallelIndex: 1, parallelMaxIndex: 1 });
  }
  return graph;
}

describe("parallel relation labels", () => {
  it("should find nothing to bundle when no relation is visible", () => {
    expect(parallelLabels(bundleGraph(), new Set()).size).toBe(0);
  });

  it("should bundle the relations between the same two entities, either way, led by the first id", () => {
    const graph = bundleGraph();
    const bundles = parallelLabels(graph, new Set(graph.edges()));
    const lead = { lead: "china-aligns-russia", size: 2 };
    expect(Object.fromEntries(bundles)).toEqual({ "china-refuses-russia": lead, "china-aligns-russia": lead });
    // A hidden relation leaves its bundle: the other is alone again.
    expect(parallelLabels(graph, new Set(["china-refuses-russia", "russia-attacks-ukraine"])).size).toBe(0);
  });

  it.each<[string, string, boolean, string | undefined, string]>([
    ["the lead, nothing hovered", "a", false, undefined, "aligns with +1"],
    ["the other, nothing hovered", "b", false, undefined, ""],
    ["the other, hovered itself", "b", true, "b", "refuses to condemn"],
    ["the lead while the other is hovered", "a", false, "b", ""],
    ["the lead while another bundle is hovered", "a", false, "z", "aligns with +1"],
  ])("should label %s", (_name, id, spotlit, spotlight, expected) => {
    const bundle = { lead: "a", size: 2 };
    const other = { lead: "z", size: 3 };
    const label = id === "a" ? "aligns with" : "refuses to condemn";
    const lit = spotlight === undefined ? undefined : spotlight === "z" ? other : bundle;
    expect(bundleLabel(id, label, bundle, lit, spotlit)).toBe(expected);
    expect(bundleLabel(id, label, undefined, lit, spotlit)).toBe(label);
  });

  it("should give one label per bundle in the edge reducer, the hovered relation its own", () => {
    const graph = bundleGraph();
    const parallel = parallelLabels(graph, new Set(graph.edges()));
    const ui = state({
      visibleNodes: new Set(graph.nodes()),
      visibleEdges: new Set(graph.edges()),
      showEdgeLabels: true,
      parallel,
    });
    const label = (id: string, over: Partial<RenderState> = {}) =>
      edgeReducer(id, graph.getEdgeAttributes(id) as EdgeAttrs, { ...ui, ...over }).label;
    expect(label("china-aligns-russia")).toBe("aligns with +1");
    expect(label("china-refuses-russia")).toBe("");
    expect(label("russia-attacks-ukraine")).toBe("attacks");
    expect(label("china-refuses-russia", { hoveredEdge: "china-refuses-russia" })).toBe("refuses to condemn");
    expect(label("china-aligns-russia", { hoveredEdge: "china-refuses-russia" })).toBe("");
  });
});
