// Centrality, betweenness (exact and sampled) and blocs on tiny graphs whose answers are known by hand.

import { describe, expect, it } from "vitest";
import exactBetweenness from "graphology-metrics/centrality/betweenness";
import type { EntityRecord, RelationRecord, Stance } from "../../../../src/model/index.ts";
import {
  createDataGraph,
  mergeEntities,
  mergeRelations,
  type DataGraph,
} from "../../../../src/web/graph/data-graph.ts";
import { betweenness, seededRng } from "../../../../src/web/analysis/betweenness.ts";
import { computeBlocs } from "../../../../src/web/analysis/blocs.ts";
import { computeScores, isMeasure, scoreSize } from "../../../../src/web/analysis/centrality.ts";
import { viewGraph } from "../../../../src/web/analysis/view-graph.ts";

const entity = (id: string): EntityRecord => ({
  id,
  kind: "Country",
  name: id,
  aliases: {},
  datasets: ["d"],
  degree: 1,
});
const TYPE: Record<Stance, RelationRecord["type"]> = {
  cooperative: "COOPERATES_WITH",
  hostile: "SANCTIONS",
  neutral: "TRADES_WITH",
  structural: "MEMBER_OF",
};
const relation = (
  id: string,
  from: string,
  to: string,
  stance: Stance = "cooperative",
  confidence = 1,
): RelationRecord => ({
  id,
  type: TYPE[stance],
  stance,
  from,
  to,
  confidence,
  inference: false,
  evidence: [],
  dataset: "d",
});

function build(
  ids: string[],
  relations: RelationRecord[],
): { graph: DataGraph; nodes: Set<string>; edges: Set<string> } {
  const graph = createDataGraph();
  mergeEntities(graph, ids.map(entity), { base: true });
  mergeRelations(graph, relations);
  return { graph, nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
}

/** A path a - b - c - d - e: betweenness 0, 3, 4, 3, 0 (pairs counted once). */
const PATH = build(
  ["a", "b", "c", "d", "e"],
  [relation("ab", "a", "b"), relation("bc", "b", "c"), relation("cd", "c", "d"), relation("de", "d", "e")],
);

describe("analysis: view graph", () => {
  it("should drop relations to hidden entities and fold parallel relations into one weighted pair", () => {
    const { graph } = build(
      ["a", "b", "c"],
      [
        relation("r1", "a", "b", "cooperative", 0.5),
        relation("r2", "b", "a", "hostile", 0.25),
        relation("r3", "b", "c"),
      ],
    );
    const g = viewGraph(graph, new Set(["a", "b"]), new Set(graph.edges()));
    expect(g.order).toBe(2);
    expect(g.size).toBe(1);
    expect(g.getEdgeAttributes(g.edge("a", "b")!)).toEqual({ weight: 0.75, count: 2 });
    const coop = viewGraph(graph, new Set(["a", "b"]), new Set(graph.edges()), { stances: ["cooperative"] });
    expect(coop.getEdgeAttributes(coop.edge("a", "b")!)).toEqual({ weight: 0.5, count: 1 });
  });
});

describe("analysis: centrality", () => {
  it("should refuse an unknown measure name", () => {
    expect(isMeasure("closeness")).toBe(false);
    expect(isMeasure("pagerank")).toBe(true);
  });

  it("should score degree, weighted degree and betweenness on a path", () => {
    const g = viewGraph(PATH.graph, PATH.nodes, PATH.edges);
    expect(computeScores(g, "degree").byId).toEqual({ a: 1, b: 2, c: 2, d: 2, e: 1 });
    expect(computeScores(g, "weightedDegree").byId).toEqual({ a: 1, b: 2, c: 2, d: 2, e: 1 });
    const b = computeScores(g, "betweenness");
    expect(b.byId).toEqual({ a: 0, b: 3, c: 4, d: 3, e: 0 });
    expect(b.sampled).toBe(false);
  });

  it("should rank the centre of a star first by PageRank, its scores summing to one", () => {
    const star = build(
      ["hub", "x", "y", "z"],
      [relation("1", "hub", "x"), relation("2", "hub", "y"), relation("3", "z", "hub")],
    );
    const scores = computeScores(viewGraph(star.graph, star.nodes, star.edges), "pagerank");
    expect(Object.values(scores.byId).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(scores.max).toBe(scores.byId.hub);
  });

  it("should size by square root between 4 and 24 pixels, and mid-size when all scores are equal", () => {
    expect(scoreSize(0, 0, 4)).toBe(4);
    expect(scoreSize(4, 0, 4)).toBe(24);
    expect(scoreSize(1, 0, 4)).toBe(14);
    expect(scoreSize(3, 3, 3)).toBe(9);
  });
});

describe("analysis: betweenness", () => {
  it("should equal graphology-metrics when every entity is a source", () => {
    const { graph, nodes, edges } = build(
      ["a", "b", "c", "d", "e", "f"],
      [
        relation("1", "a", "b"),
        relation("2", "a", "c"),
        relation("3", "b", "d"),
        relation("4", "c", "d"),
        relation("5", "d", "e"),
        relation("6", "e", "f"),
        relation("7", "d", "f"),
      ],
    );
    const g = viewGraph(graph, nodes, edges);
    const ours = betweenness(g);
    const theirs = exactBetweenness(g, { getEdgeWeight: null, normalized: false });
    for (const id of g.nodes()) expect(ours[id]).toBeCloseTo(theirs[id]!, 9);
  });

  it("should estimate from a sample scaled to the whole, the same for the same seed", () => {
    const g = viewGraph(PATH.graph, PATH.nodes, PATH.edges);
    const one = betweenness(g, { sample: 2, rng: seededRng(3) });
    expect(betweenness(g, { sample: 2, rng: seededRng(3) })).toEqual(one);
    expect(one.a).toBe(0);
    expect(one.e).toBe(0);
    expect(one.c).toBeGreaterThan(0);
  });
});

describe("analysis: blocs", () => {
  it("should find no bloc when nothing in view is cooperative", () => {
    const { graph, nodes, edges } = build(["a", "b"], [relation("1", "a", "b", "hostile")]);
    expect(computeBlocs(graph, nodes, edges).blocs).toEqual([]);
  });

  it("should split two cooperative cliques joined by hostility, largest first, leaving loners out", () => {
    const { graph, nodes, edges } = build(
      ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "loner"],
      [
        relation("a12", "a1", "a2"),
        relation("a13", "a1", "a3"),
        relation("a14", "a1", "a4"),
        relation("a23", "a2", "a3"),
        relation("a24", "a2", "a4"),
        relation("a34", "a3", "a4"),
        relation("b12", "b1", "b2"),
        relation("b13", "b1", "b3"),
        relation("b23", "b2", "b3"),
        relation("weak", "a1", "b1", "cooperative", 0.1),
        relation("war", "a2", "b2", "hostile"),
        relation("trade", "loner", "a1", "neutral"),
      ],
    );
    const { blocs, modularity } = computeBlocs(graph, nodes, edges);
    expect(blocs.map((b) => b.members)).toEqual([
      ["a1", "a2", "a3", "a4"],
      ["b1", "b2", "b3"],
    ]);
    expect(blocs.map((b) => [b.index, b.internal])).toEqual([
      [1, 6],
      [2, 3],
    ]);
    expect(modularity).toBeGreaterThan(0.3);
  });
});
