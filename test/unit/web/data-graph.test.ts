// The data graph: idempotent merges, placement of newcomers, what it feeds the filters.

import { describe, expect, it } from "vitest";
import type { EntityRecord, RelationRecord } from "../../../src/model/index.ts";
import {
  createDataGraph,
  edgeItems,
  mergeEntities,
  mergeRelations,
  nodeItems,
  seedPosition,
  visibleNeighbourhood,
} from "../../../src/web/graph/data-graph.ts";
import { nodeSize } from "../../../src/web/graph/style.ts";

const entity = (id: string, degree = 2): EntityRecord => ({
  id,
  kind: "Country",
  name: id.toUpperCase(),
  aliases: {},
  datasets: ["d"],
  degree,
});
const relation = (id: string, from: string, to: string): RelationRecord => ({
  id,
  type: "CRITICIZES",
  stance: "hostile",
  from,
  to,
  date: "2022-03-09",
  confidence: 0.9,
  inference: false,
  evidence: [],
  dataset: "d",
});

describe("data graph", () => {
  it("merges entities and relations once, and reports what is new", () => {
    const g = createDataGraph();
    expect(mergeEntities(g, [entity("china", 9), entity("usa")], { base: true })).toEqual(["china", "usa"]);
    expect(mergeEntities(g, [entity("china", 9)], { base: false })).toEqual([]);
    expect(g.getNodeAttribute("china", "base")).toBe(true);
    expect(g.getNodeAttribute("china", "size")).toBe(nodeSize(9));
    expect(mergeRelations(g, [relation("r1", "china", "usa"), relation("r2", "china", "usa")])).toEqual(["r1", "r2"]);
    expect(mergeRelations(g, [relation("r1", "china", "usa"), relation("r3", "china", "nowhere")])).toEqual([]);
    expect(g.getEdgeAttributes("r1")).toMatchObject({ relType: "CRITICIZES", label: "criticizes", symmetric: false });
  });

  it("places newcomers around the entity they connect to, deterministically elsewhere", () => {
    const g = createDataGraph();
    mergeEntities(g, [entity("a")], { base: true });
    g.mergeNodeAttributes("a", { x: 100, y: 100 });
    mergeEntities(g, [entity("b"), entity("c")], { base: false, near: "a" });
    const b = g.getNodeAttributes("b");
    expect(Math.hypot(b.x - 100, b.y - 100)).toBeLessThan(30);
    const h = createDataGraph();
    mergeEntities(h, [entity("a"), entity("b")], { base: true });
    expect(h.getNodeAttributes("b")).toMatchObject(seedPosition(1));
  });

  it("feeds the filters and finds visible neighbourhoods", () => {
    const g = createDataGraph();
    mergeEntities(g, [entity("a"), entity("b"), entity("c")], { base: true });
    mergeRelations(g, [relation("ab", "a", "b"), relation("bc", "b", "c")]);
    expect([...nodeItems(g)].map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect([...edgeItems(g)][0]).toMatchObject({ id: "ab", relType: "CRITICIZES", from: "a", to: "b" });
    const hood = visibleNeighbourhood(g, "b", new Set(["ab"]));
    expect([...hood.nodes].sort()).toEqual(["a", "b"]);
    expect([...hood.edges]).toEqual(["ab"]);
  });
});
